"""A small hand-made store whose Insights figures were worked out by hand (see the tests).

Today is Friday 27 March 2026. Ten applications (one only on the wish list, one from December
2025), their log, and eleven follow-ups of which nine are done.
"""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Stage,
)

TODAY = dt.date(2026, 3, 27)


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour))


def build_insights_store() -> dict[str, int]:
    """Fill the open (empty) store; returns application ids by name (app1 … app10)."""
    stages = {stage.kind: stage.id for stage in Stage.select()}
    apps: dict[str, int] = {}
    companies: dict[str, int] = {}

    def application(
        name: str, source: str, applied: str | None, stage: str, created: str | None = None
    ) -> None:
        company = Company.create(name=f"Company {name}")
        companies[name] = company.id
        apps[name] = Application.create(
            company=company,
            position="Analyst",
            stage=stages[stage],
            source=source,
            applied_on=dt.date.fromisoformat(applied) if applied else None,
            created_at=_at(created or applied or "2026-03-01", 9),
        ).id

    def log(name: str | None, company: str, day: str, kind: str, direction: str) -> None:
        Interaction.create(
            application=apps[name] if name else None,
            company=companies[company],
            occurred_at=_at(day),
            channel="email",
            direction=direction,
            kind=kind,
        )

    application("app1", "Referral", "2026-03-02", "rejected")
    log("app1", "app1", "2026-03-02", "applied", "outbound")
    log("app1", "app1", "2026-03-06", "interview", "inbound")
    log("app1", "app1", "2026-03-10", "rejection", "inbound")
    application("app2", "Referral", "2026-03-02", "offer")
    log("app2", "app2", "2026-03-05", "interview", "inbound")
    application("app3", "Job board", "2026-03-03", "applied")
    application("app4", "Job board", "2026-03-03", "applied")
    log("app4", "app4", "2026-03-13", "email", "inbound")
    application("app5", "Job board", "2026-03-04", "accepted")
    log("app5", "app5", "2026-03-11", "interview", "inbound")
    log("app5", "app5", "2026-03-16", "offer", "inbound")
    # Rejected without an applied date: it was sent; it started the day it was added.
    application("app6", "", None, "rejected", created="2026-03-05")
    log("app6", "app6", "2026-03-20", "rejection", "inbound")
    application("app7", "Recruiter", None, "wishlist")
    application("app8", "Recruiter", "2025-12-01", "applied")
    application("app9", "Job board", "2026-03-09", "applied")
    # From them, but before applying: not an answer to the application.
    log("app9", "app9", "2026-03-08", "email", "inbound")
    # The company called back without naming the application.
    log(None, "app9", "2026-03-11", "call", "inbound")
    # In Interview by a move whose questions were skipped: reached, but no answer logged.
    application("app10", "Job board", "2026-03-10", "interview")

    contact = Contact.create(first_name="Pat", company=companies["app1"])

    def follow_up(
        app: str | None,
        channel: str,
        reason: str,
        completed: str | None,
        state: str = "done",
    ) -> None:
        FollowUp.create(
            application=apps[app] if app else None,
            contact=contact if app is None else None,
            due_on=dt.date.fromisoformat((completed or "2026-03-30")[:10]),
            channel=channel,
            reason=reason,
            state=state,
            completed_at=_at(completed, 9) if completed and state == "done" else None,
        )

    follow_up("app3", "email", "status_check", "2026-03-10")  # F1: no answer
    follow_up("app4", "email", "status_check", "2026-03-11")  # F2: answered in 2 days
    follow_up("app9", "call", "status_check", "2026-03-10")  # F3: called back the next day
    follow_up("app1", "note", "thank_you", "2026-03-07")  # F4: the rejection came in 3 days
    follow_up("app2", "email", "thank_you", "2026-03-06")  # F5: no answer
    follow_up("app6", "email", "status_check", "2026-03-10")  # F6: answered in 10 days
    follow_up("app10", "email", "status_check", "2026-03-24")  # F7: too recent to tell
    follow_up(None, "email", "keep_in_touch", "2026-03-12")  # F8: the contact's company
    follow_up("app3", "email", "status_check", "2026-03-12", state="skipped")  # F9
    follow_up("app3", "email", "status_check", None, state="planned")  # F10
    follow_up("app8", "email", "status_check", "2025-12-15")  # F11: before the year
    return apps
