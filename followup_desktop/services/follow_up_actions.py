"""What the user does with a follow-up: move it, skip it, complete it, or add one by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.models import (
    Application,
    Contact,
    FollowUp,
    Interaction,
    database,
    id_column,
)
from followup_desktop.db.values import stored_date
from followup_desktop.services.interactions import INTERACTION_CHANNELS, insert_interaction
from followup_desktop.services.planning import PlanReport, replan_after_change
from followup_desktop.services.rule_facts import rule_settings
from followup_desktop.services.rules import CALL_WINDOW, FOLLOW_UP_CHANNELS


class FollowUpError(Exception):
    """The follow-up cannot be changed this way; the message says why in one line."""


@dataclass(frozen=True)
class MoveRecord:
    """Enough to put a moved follow-up back where it was (undo)."""

    follow_up_id: int
    old_due_on: dt.date
    old_user_changed: bool
    new_due_on: dt.date


@dataclass(frozen=True)
class NextStep:
    """A follow-up the user plans by hand after completing one."""

    due_on: dt.date
    channel: str


@dataclass
class Completion:
    follow_up_id: int
    interaction: Interaction | None
    next_follow_up_id: int | None
    plan: PlanReport


def _planned(follow_up_id: int) -> FollowUp:
    follow_up = FollowUp.get_or_none(id_column(FollowUp) == follow_up_id)
    if follow_up is None:
        raise FollowUpError("That follow-up no longer exists.")
    if follow_up.state != "planned":
        raise FollowUpError(f"That follow-up is already {follow_up.state}.")
    return follow_up


def move_follow_up(follow_up_id: int, new_day: dt.date) -> MoveRecord:
    """Reschedule a planned follow-up; from now on the rules leave it alone."""
    with database.atomic("IMMEDIATE"):
        follow_up = _planned(follow_up_id)
        record = MoveRecord(
            follow_up_id, stored_date(follow_up.due_on), bool(follow_up.user_changed), new_day
        )
        FollowUp.update(due_on=new_day, user_changed=True).where(
            id_column(FollowUp) == follow_up_id
        ).execute()
    return record


def undo_move(record: MoveRecord) -> None:
    """Put a moved follow-up back on its old day, with its old ownership."""
    with database.atomic("IMMEDIATE"):
        _planned(record.follow_up_id)
        FollowUp.update(due_on=record.old_due_on, user_changed=record.old_user_changed).where(
            id_column(FollowUp) == record.follow_up_id
        ).execute()


def postpone(follow_up_id: int, days: int, today: dt.date | None = None) -> MoveRecord:
    """Move by ``days`` from its due day, or from today when it is already overdue."""
    today = today or dt.date.today()
    follow_up = _planned(follow_up_id)
    start = max(stored_date(follow_up.due_on), today)
    return move_follow_up(follow_up_id, start + dt.timedelta(days=days))


def move_to_next_working_day(follow_up_id: int, today: dt.date | None = None) -> MoveRecord:
    """Move a planned follow-up to the first working day after today (nobody answered)."""
    settings = rule_settings(today)
    return move_follow_up(follow_up_id, settings.calendar.next_after(settings.today))


def skip_follow_up(follow_up_id: int, reason: str = "") -> None:
    """Mark a planned follow-up as skipped, keeping why; the rules will not bring it back."""
    if "\x00" in reason:
        raise FollowUpError("The reason contains a NUL character, which cannot be stored.")
    with database.atomic("IMMEDIATE"):
        _planned(follow_up_id)
        FollowUp.update(
            state="skipped",
            outcome=reason.strip() or "Skipped",
            user_changed=True,
            completed_at=dt.datetime.now().replace(microsecond=0),
        ).where(id_column(FollowUp) == follow_up_id).execute()


def complete_follow_up(
    follow_up_id: int,
    *,
    outcome: str,
    channel: str | None = None,
    occurred_at: dt.datetime | None = None,
    kind: str | None = None,
    direction: str = "outbound",
    open_questions: str = "",
    concerns: str = "",
    log: bool = True,
    next_step: NextStep | None = None,
    today: dt.date | None = None,
) -> Completion:
    """Mark a follow-up done, log the conversation it was, plan a next step; one transaction.

    Logging restarts the rules' clocks (status check, keep-in-touch), so the rules plan the
    next regular follow-up themselves; ``next_step`` adds one by hand on top.
    """
    if "\x00" in outcome + open_questions + concerns:
        raise FollowUpError("The text contains a NUL character, which cannot be stored.")
    when = occurred_at or dt.datetime.now().replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        follow_up = _planned(follow_up_id)
        used_channel = channel or follow_up.channel
        if used_channel not in INTERACTION_CHANNELS:
            raise FollowUpError(f"Unknown channel “{used_channel}”.")
        # Done the way it was done: a follow-up planned as an e-mail and answered with a
        # handwritten note shows as the note it was.
        done_as = used_channel if used_channel in FOLLOW_UP_CHANNELS else follow_up.channel
        FollowUp.update(
            state="done",
            outcome=outcome.strip(),
            user_changed=True,
            completed_at=when,
            channel=done_as,
        ).where(id_column(FollowUp) == follow_up_id).execute()
        interaction = None
        if log:
            interaction = insert_interaction(
                application_id=follow_up.application_id,
                contact_id=follow_up.contact_id,
                company_id=None,
                occurred_at=when,
                channel=used_channel,
                direction=direction,
                kind=kind or (used_channel if used_channel in FOLLOW_UP_CHANNELS else "other"),
                summary=outcome,
                open_questions=open_questions,
                concerns=concerns,
            )
        next_id = None
        if next_step is not None:
            next_id = add_follow_up(
                application_id=follow_up.application_id,
                contact_id=follow_up.contact_id,
                due_on=next_step.due_on,
                channel=next_step.channel,
            )
        report = replan_after_change(
            application_id=follow_up.application_id, contact_id=follow_up.contact_id, today=today
        )
    return Completion(follow_up_id, interaction, next_id, report)


def add_follow_up(
    *,
    application_id: int | None,
    contact_id: int | None,
    due_on: dt.date,
    channel: str,
    reason: str = "manual",
) -> int:
    """A follow-up the user plans by hand (the rules never touch it); returns its id."""
    if channel not in FOLLOW_UP_CHANNELS:
        raise FollowUpError("A follow-up is a call, an e-mail or a handwritten note.")
    if application_id is None and contact_id is None:
        raise FollowUpError("Say who to follow up with: an application or a contact.")
    if (
        application_id is not None
        and not Application.select().where(id_column(Application) == application_id).exists()
    ):
        raise FollowUpError("That application no longer exists.")
    if (
        contact_id is not None
        and not Contact.select().where(id_column(Contact) == contact_id).exists()
    ):
        raise FollowUpError("That contact no longer exists.")
    window = CALL_WINDOW if channel == "call" else ("", "")
    follow_up = FollowUp.create(
        application=application_id,
        contact=contact_id,
        due_on=due_on,
        channel=channel,
        reason=reason,
        window_start=window[0],
        window_end=window[1],
        created_at=dt.datetime.now().replace(microsecond=0),
    )
    return int(follow_up.id)
