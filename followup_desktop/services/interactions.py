"""Log a conversation (call, e-mail, note, interview, rejection…) and re-plan what follows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_desktop.db.models import Application, Contact, Interaction, database, id_column
from followup_desktop.services.planning import replan_after_change
from followup_desktop.services.validation import FieldErrors, ValidationError

#: How it happened. "meeting" covers in person and video.
INTERACTION_CHANNELS = ("call", "email", "note", "meeting", "other")
DIRECTIONS = ("inbound", "outbound")
#: What it was. "conversation" is a real talk worth a thank-you; "call" a quick call.
INTERACTION_KINDS = (
    "applied",
    "interview",
    "conversation",
    "call",
    "email",
    "note",
    "rejection",
    "offer",
    "other",
)
KIND_LABELS = {
    "applied": "Application sent",
    "interview": "Interview",
    "conversation": "Conversation",
    "call": "Call",
    "email": "E-mail",
    "note": "Note",
    "rejection": "Rejection",
    "offer": "Offer",
    "other": "Other",
}


def interaction_problems(
    *,
    application_id: int | None,
    contact_id: int | None,
    company_id: int | None,
    channel: str,
    direction: str,
    kind: str,
    texts: dict[str, str],
) -> FieldErrors:
    """Why these values cannot be logged, field by field (empty when they can)."""
    errors = FieldErrors()
    if application_id is None and contact_id is None and company_id is None:
        errors.add("contact", "Say who it was with: a contact, a company or an application.")
    if channel not in INTERACTION_CHANNELS:
        errors.add("channel", f"Unknown channel “{channel}”.")
    if direction not in DIRECTIONS:
        errors.add("direction", "The direction is inbound or outbound.")
    if kind not in INTERACTION_KINDS:
        errors.add("kind", f"Unknown kind of conversation “{kind}”.")
    if application_id is not None and not _exists(Application, application_id):
        errors.add("application", "That application no longer exists.")
    if contact_id is not None and not _exists(Contact, contact_id):
        errors.add("contact", "That contact no longer exists.")
    for name, value in texts.items():
        if "\x00" in value:
            errors.add(name, "Contains a NUL character, which cannot be stored.")
    return errors


def _exists(model: Any, row_id: int) -> bool:
    return bool(model.select().where(model.id == row_id).exists())


def log_interaction(
    *,
    application_id: int | None,
    contact_id: int | None,
    company_id: int | None,
    occurred_at: dt.datetime,
    channel: str,
    direction: str,
    kind: str,
    summary: str = "",
    open_questions: str = "",
    concerns: str = "",
    today: dt.date | None = None,
) -> Interaction:
    """Store one conversation and re-plan its follow-ups, all in one transaction.

    Any logged contact restarts the status-check clock and the keep-in-touch cadence; an
    interview or conversation gets a thank-you; a rejection gets a reply and puts the contact
    on a keep-in-touch cadence. The company defaults to the application's, then the contact's.
    Raises ``ValidationError`` (and stores nothing) for bad values.
    """
    errors = interaction_problems(
        application_id=application_id,
        contact_id=contact_id,
        company_id=company_id,
        channel=channel,
        direction=direction,
        kind=kind,
        texts={"summary": summary, "open_questions": open_questions, "concerns": concerns},
    )
    if errors:
        raise ValidationError(errors)
    with database.atomic("IMMEDIATE"):
        interaction = insert_interaction(
            application_id=application_id,
            contact_id=contact_id,
            company_id=company_id,
            occurred_at=occurred_at,
            channel=channel,
            direction=direction,
            kind=kind,
            summary=summary,
            open_questions=open_questions,
            concerns=concerns,
        )
        replan_after_change(application_id=application_id, contact_id=contact_id, today=today)
    return interaction


def insert_interaction(
    *,
    application_id: int | None,
    contact_id: int | None,
    company_id: int | None,
    occurred_at: dt.datetime,
    channel: str,
    direction: str,
    kind: str,
    summary: str = "",
    open_questions: str = "",
    concerns: str = "",
) -> Interaction:
    """The row alone, inside the caller's transaction (callers re-plan afterwards)."""
    if company_id is None and application_id is not None:
        company_id = Application.get_by_id(application_id).company_id
    if company_id is None and contact_id is not None:
        contact = Contact.get_by_id(contact_id)
        company_id = contact.client_company_id or contact.company_id
    return Interaction.create(
        application=application_id,
        contact=contact_id,
        company=company_id,
        occurred_at=local_naive(occurred_at),
        channel=channel,
        direction=direction,
        kind=kind,
        summary=summary.strip(),
        open_questions=open_questions.strip(),
        concerns=concerns.strip(),
        created_at=dt.datetime.now().replace(microsecond=0),
    )


def local_naive(moment: dt.datetime) -> dt.datetime:
    """The store keeps local wall-clock times; an aware time is converted first."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def last_interaction(
    *, application_id: int | None = None, contact_id: int | None = None
) -> Interaction | None:
    """The most recent logged conversation for an application, else for a contact."""
    if application_id is not None:
        found = (
            Interaction.select()
            .where(Interaction.application == application_id)
            .order_by(Interaction.occurred_at.desc(), id_column(Interaction).desc())
            .first()
        )
        if found is not None:
            return found
    if contact_id is not None:
        return (
            Interaction.select()
            .where(Interaction.contact == contact_id)
            .order_by(Interaction.occurred_at.desc(), id_column(Interaction).desc())
            .first()
        )
    return None
