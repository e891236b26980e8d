"""Where the board meets the follow-up rules: a card move, what its new stage means, re-planning.

Every move on the board goes through ``move_card`` (and back through ``undo_card_move``), so a
stage change always stores what the rules need (applied and answer dates, the interview or the
rejection as a logged conversation, a keep-in-touch cadence) and then asks the rules to plan,
in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.models import (
    Application,
    Contact,
    FollowUp,
    Interaction,
    database,
)
from followup_desktop.services.interactions import insert_interaction, interaction_problems
from followup_desktop.services.planning import replan_after_change
from followup_desktop.services.profile import get_profile
from followup_desktop.services.ranking import CardPlace, MoveResult, move_application
from followup_desktop.services.rule_facts import rule_settings
from followup_desktop.services.validation import FieldErrors, ValidationError

#: Stage kinds whose arrival asks for details (each dialog can be skipped).
DETAIL_KINDS = frozenset({"applied", "interview", "rejected"})


@dataclass(frozen=True)
class StageDetails:
    """What the user said when a card entered an Applied, Interview or Rejected stage."""

    kind: str
    #: True when the user skipped the questions: the card only moves.
    skipped: bool = False
    applied_on: dt.date | None = None
    expected_answer_on: dt.date | None = None
    #: The interview, or the moment the rejection came in.
    occurred_at: dt.datetime | None = None
    channel: str = ""
    contact_id: int | None = None
    summary: str = ""
    open_questions: str = ""
    concerns: str = ""
    #: Keep-in-touch cadence to set on the contact (rejections); None leaves it as it is.
    keep_in_touch_days: int | None = None
    #: The user wants to write the reply to the rejection right away (not stored).
    draft_reply: bool = False


@dataclass(frozen=True)
class DetailsRecord:
    """What applying the details changed, so that undo can put it all back."""

    application_id: int
    applied_on: dt.date | None
    expected_answer_on: dt.date | None
    interaction_id: int | None
    contact_id: int | None
    cadence_before: int | None
    cadence_changed: bool


@dataclass(frozen=True)
class CardMove:
    result: MoveResult
    record: DetailsRecord | None


def default_answer_date(applied_on: dt.date) -> dt.date:
    """The profile's default wait (working days) after applying, when the company named none."""
    settings = rule_settings(applied_on)
    return settings.calendar.add(applied_on, settings.answer_wait_days)


def default_keep_in_touch_days() -> int:
    profile = get_profile()
    return int(profile.keep_in_touch_days) if profile is not None else 90


def people_for(application_id: int) -> list[tuple[str, int]]:
    """(name, contact id): the main contact first, then the others at (or recruiting for) it."""
    app = Application.get_by_id(application_id)
    company = app.company_id
    query = (
        Contact.select(Contact.id, Contact.first_name, Contact.last_name)
        .where(
            (Contact.company == company)
            | (Contact.client_company == company)
            | (Contact.id == app.contact_id)
        )
        .order_by(Contact.last_name, Contact.first_name)
    )
    people = [(contact.full_name or "(no name)", int(contact.id)) for contact in query]
    people.sort(key=lambda item: item[1] != app.contact_id)
    return people


def details_problems(application_id: int, details: StageDetails) -> FieldErrors:
    """Why these details cannot be stored, field by field (empty when they can)."""
    errors = FieldErrors()
    if details.skipped:
        return errors
    if details.kind == "applied":
        if details.applied_on is None:
            errors.add("applied_on", "Say when you applied.")
        elif details.expected_answer_on is not None and (
            details.expected_answer_on < details.applied_on
        ):
            errors.add("expected_answer_on", "The answer cannot be expected before applying.")
    elif details.kind in ("interview", "rejected"):
        if details.occurred_at is None:
            errors.add("occurred_at", "Say when it happened.")
        found = interaction_problems(
            application_id=application_id,
            contact_id=details.contact_id,
            company_id=None,
            channel=details.channel,
            direction="inbound",
            kind="interview" if details.kind == "interview" else "rejection",
            texts={
                "summary": details.summary,
                "open_questions": details.open_questions,
                "concerns": details.concerns,
            },
        )
        for name, reason in found.errors.items():
            errors.add(name, reason)
        if details.keep_in_touch_days is not None and not 0 <= details.keep_in_touch_days <= 3650:
            errors.add("keep_in_touch_days", "Choose a cadence between 0 and 3650 days.")
    return errors


def move_card(
    application_id: int,
    stage_id: int,
    after_id: int | None,
    *,
    preferred_rank: int | None = None,
    details: StageDetails | None = None,
    today: dt.date | None = None,
) -> CardMove:
    """Move a card; on a stage change, store the details and re-plan, all in one transaction.

    A reorder within a column writes one row and leaves planning alone.
    Raises ``ValidationError`` (nothing stored) for bad details, ``RankingError`` for a
    vanished card or stage.
    """
    if details is not None:
        errors = details_problems(application_id, details)
        if errors:
            raise ValidationError(errors)
    with database.atomic("IMMEDIATE"):
        before = Application.get_or_none(Application.id == application_id)
        old_stage = before.stage_id if before is not None else None
        result = move_application(application_id, stage_id, after_id, preferred_rank=preferred_rank)
        record = None
        if details is not None and not details.skipped:
            record = _apply_details(application_id, details)
        if old_stage != stage_id or record is not None:
            replan_after_change(
                application_id=application_id,
                contact_id=record.contact_id if record is not None else None,
                today=today,
            )
    return CardMove(result, record)


def undo_card_move(
    application_id: int,
    place: CardPlace,
    record: DetailsRecord | None,
    *,
    today: dt.date | None = None,
) -> MoveResult:
    """Put a card back where it was and take back what its stage change stored, then re-plan."""
    with database.atomic("IMMEDIATE"):
        before = Application.get_or_none(Application.id == application_id)
        old_stage = before.stage_id if before is not None else None
        if record is not None:
            _revert_details(record)
        result = move_application(
            application_id, place.stage_id, place.after_id, preferred_rank=place.rank
        )
        if old_stage != place.stage_id or record is not None:
            replan_after_change(
                application_id=application_id,
                contact_id=record.contact_id if record is not None else None,
                today=today,
            )
    return result


def _apply_details(application_id: int, details: StageDetails) -> DetailsRecord:
    app = Application.get_by_id(application_id)
    record = DetailsRecord(
        application_id=application_id,
        applied_on=app.applied_on,
        expected_answer_on=app.expected_answer_on,
        interaction_id=None,
        contact_id=None,
        cadence_before=None,
        cadence_changed=False,
    )
    if details.kind == "applied":
        Application.update(
            applied_on=details.applied_on, expected_answer_on=details.expected_answer_on
        ).where(Application.id == application_id).execute()
        return record
    assert details.occurred_at is not None
    contact_id = details.contact_id
    interaction = insert_interaction(
        application_id=application_id,
        contact_id=contact_id,
        company_id=None,
        occurred_at=details.occurred_at,
        channel=details.channel,
        direction="inbound",
        kind="interview" if details.kind == "interview" else "rejection",
        summary=details.summary,
        open_questions=details.open_questions,
        concerns=details.concerns,
    )
    cadence_before: int | None = None
    cadence_changed = False
    if (
        details.kind == "rejected"
        and contact_id is not None
        and details.keep_in_touch_days is not None
    ):
        contact = Contact.get_by_id(contact_id)
        cadence_before = contact.keep_in_touch_days
        cadence_changed = cadence_before != details.keep_in_touch_days
        if cadence_changed:
            Contact.update(keep_in_touch_days=details.keep_in_touch_days).where(
                Contact.id == contact_id
            ).execute()
    return DetailsRecord(
        application_id=application_id,
        applied_on=record.applied_on,
        expected_answer_on=record.expected_answer_on,
        interaction_id=int(interaction.id),
        contact_id=contact_id,
        cadence_before=cadence_before,
        cadence_changed=cadence_changed,
    )


def _revert_details(record: DetailsRecord) -> None:
    if record.interaction_id is not None:
        Interaction.delete().where(Interaction.id == record.interaction_id).execute()
    Application.update(
        applied_on=record.applied_on, expected_answer_on=record.expected_answer_on
    ).where(Application.id == record.application_id).execute()
    if record.cadence_changed and record.contact_id is not None:
        Contact.update(keep_in_touch_days=record.cadence_before).where(
            Contact.id == record.contact_id
        ).execute()


def reply_follow_up(application_id: int) -> int | None:
    """The planned reply to a rejection of this application (to open in the composer)."""
    row = (
        FollowUp.select(FollowUp.id)
        .where(
            (FollowUp.application == application_id)
            & (FollowUp.reason == "rejection_reply")
            & (FollowUp.state == "planned")
        )
        .order_by(FollowUp.due_on)
        .first()
    )
    return int(row.id) if row is not None else None
