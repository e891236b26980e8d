"""Shared set-up for the calendar, Today panel and call sheet tests: rows due around today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.completion import CompletionInput


@dataclass
class Plan:
    contact: Contact
    application: Application
    call_today: int
    email_overdue: int
    note_later: int


def make_plan(today: dt.date) -> Plan:
    company = Company.create(name="Northwind Labs")
    contact = Contact.create(
        first_name="Ana",
        last_name="Lopez",
        role="Recruiter",
        company=company,
        phone="+1 312 555 0100",
        email="ana@example.com",
        time_zone="America/New_York",
    )
    app = Application.create(
        company=company,
        position="Data Analyst",
        stage=Stage.get(Stage.kind == "applied"),
        contact=contact,
        applied_on=today - dt.timedelta(days=3),
    )

    def add(days: int, channel: str, reason: str) -> int:
        return FollowUp.create(
            application=app,
            contact=contact,
            due_on=today + dt.timedelta(days=days),
            channel=channel,
            reason=reason,
            window_start="09:30" if channel == "call" else "",
            window_end="11:30" if channel == "call" else "",
        ).id

    return Plan(
        contact,
        app,
        call_today=add(0, "call", "status_check"),
        email_overdue=add(-2, "email", "manual"),
        note_later=add(5, "note", "thank_you"),
    )


@dataclass
class FakePrompts:
    """Canned answers for the follow-up actions, and a record of what was asked."""

    date: dt.date | None = None
    reason: str | None = "They wrote back"
    completion_input: CompletionInput | None = None
    call_sheets: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def pick_date(self, parent: object, current: dt.date) -> dt.date | None:
        return self.date

    def skip_reason(self, parent: object, details: object) -> str | None:
        return self.reason

    def completion(self, parent: object, details: object) -> CompletionInput | None:
        return self.completion_input

    def call_sheet(self, parent: object, follow_up_id: int, events: AppEvents) -> None:
        self.call_sheets.append(follow_up_id)

    def problem(self, parent: object, message: str) -> None:
        self.problems.append(message)
