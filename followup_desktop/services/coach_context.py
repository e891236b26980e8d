"""What the coach needs to know about a draft, read from the store (follow-up, people, log)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.models import Application, Contact, FollowUp
from followup_desktop.db.values import stored_date_or_none
from followup_desktop.services.coach import CoachCheck, DraftFacts, HandLetters, run_checks
from followup_desktop.services.profile import get_profile
from followup_desktop.services.templates import last_conversation, slot_values
from followup_desktop.services.workdays import WorkCalendar


@dataclass(frozen=True)
class DraftSubject:
    """Whom and what a draft is about; read once when the composer opens it."""

    follow_up_id: int | None
    application_id: int | None
    contact_id: int | None
    reason: str
    due_on: dt.date | None
    conversation_on: dt.date | None
    recipient_names: tuple[str, ...]
    company: str
    position: str
    references: tuple[str, ...]
    my_email: str
    my_phone: str
    thank_you_delay_days: int
    calendar: WorkCalendar
    has_next_step: bool


def draft_subject(
    *, follow_up_id: int | None, application_id: int | None, contact_id: int | None
) -> DraftSubject:
    """Whom and what a draft is about, read from the follow-up, the application and the contact."""
    follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id) if follow_up_id else None
    if follow_up is not None:
        application_id = application_id or follow_up.application_id
        contact_id = contact_id or follow_up.contact_id
    application = (
        Application.get_or_none(Application.id == application_id) if application_id else None
    )
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    if contact is None and application is not None and application.contact_id:
        contact = Contact.get_or_none(Contact.id == application.contact_id)
    profile = get_profile()
    conversation = last_conversation(
        application.id if application else None, contact.id if contact else None
    )
    values = slot_values(
        profile=profile, application=application, contact=contact, conversation=conversation
    )
    names = tuple(
        name
        for name in ((contact.first_name, contact.full_name) if contact is not None else ())
        if name
    )
    has_next_step = follow_up is not None and follow_up.state == "planned"
    if not has_next_step and application is not None:
        has_next_step = (
            FollowUp.select()
            .where((FollowUp.application == application.id) & (FollowUp.state == "planned"))
            .exists()
        )
    elif not has_next_step and application is None:
        has_next_step = True  # a letter to a contact alone belongs to no pipeline
    return DraftSubject(
        follow_up_id=follow_up.id if follow_up is not None else None,
        application_id=application.id if application is not None else None,
        contact_id=contact.id if contact is not None else None,
        reason=follow_up.reason if follow_up is not None else "",
        due_on=stored_date_or_none(follow_up.due_on) if follow_up is not None else None,
        conversation_on=stored_date_or_none(conversation.occurred_at)
        if conversation is not None
        else None,
        recipient_names=names,
        company=values.get("company", ""),
        position=values.get("position", ""),
        references=tuple(
            values[name] for name in ("topic", "open_question", "concern") if values.get(name)
        ),
        my_email=profile.email,
        my_phone=profile.phone,
        thank_you_delay_days=int(profile.thank_you_delay_days),
        calendar=WorkCalendar.from_settings(profile.working_days, profile.days_off),
        has_next_step=has_next_step,
    )


def draft_facts(
    subject: DraftSubject,
    *,
    text: str,
    channel: str,
    today: dt.date,
    fits_card: bool | None = None,
    overflow_words: int = 0,
    contact_block: bool = False,
    hand: HandLetters | None = None,
) -> DraftFacts:
    return DraftFacts(
        text=text,
        channel=channel,
        today=today,
        reason=subject.reason,
        due_on=subject.due_on,
        conversation_on=subject.conversation_on,
        thank_you_delay_days=subject.thank_you_delay_days,
        calendar=subject.calendar,
        recipient_names=subject.recipient_names,
        company=subject.company,
        position=subject.position,
        references=subject.references,
        my_email=subject.my_email,
        my_phone=subject.my_phone,
        contact_block=contact_block,
        fits_card=fits_card,
        overflow_words=overflow_words,
        has_next_step=subject.has_next_step,
        hand=hand.family if hand else "",
        letters_not_in_hand=hand.missing if hand else (),
        complete_hands=hand.complete_hands if hand else (),
    )


def draft_checks(
    subject: DraftSubject | None,
    *,
    text: str,
    channel: str,
    today: dt.date,
    fits_card: bool | None = None,
    overflow_words: int = 0,
    contact_block: bool = False,
    hand: HandLetters | None = None,
) -> list[CoachCheck]:
    """The coach's checks of a draft; none while there is neither anyone to write to nor text."""
    if subject is None and not text.strip():
        return []
    if subject is None:
        subject = draft_subject(follow_up_id=None, application_id=None, contact_id=None)
    facts = draft_facts(
        subject,
        text=text,
        channel=channel,
        today=today,
        fits_card=fits_card,
        overflow_words=overflow_words,
        contact_block=contact_block,
        hand=hand,
    )
    return run_checks(facts)
