"""The composer's letters in the store: what to write, a letter read as values, a draft saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from followup_desktop.db.models import Application, Contact, FollowUp, Letter, database
from followup_desktop.db.values import stored_datetime_or_none
from followup_desktop.services.letter_jobs import save_recipient_address, save_return_address
from followup_desktop.services.settings import (
    contact_block_on_notes,
    note_margin_mm,
    set_contact_block_on_notes,
    set_note_margin_mm,
)


class FollowUpToWrite(NamedTuple):
    """A follow-up the composer writes for: whom, about what, how and why."""

    id: int
    application_id: int | None
    contact_id: int | None
    channel: str
    reason: str


@dataclass(frozen=True)
class DraftContent:
    """What the composer keeps of the letter being written: its text and how it is printed."""

    subject: str
    body: str
    channel: str
    template: str
    card_size: str
    folded: bool
    landscape: bool
    font: str
    ink: str
    neatness: float
    seed: int


@dataclass(frozen=True)
class StoredLetter:
    """A stored letter as the composer shows it."""

    id: int
    follow_up_id: int | None
    application_id: int | None
    contact_id: int | None
    state: str
    sent_at: dt.datetime | None
    content: DraftContent


def follow_up_to_write(follow_up_id: int) -> FollowUpToWrite | None:
    """The follow-up with this id, or None when it no longer exists."""
    follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if follow_up is None:
        return None
    return FollowUpToWrite(
        follow_up.id,
        follow_up.application_id,
        follow_up.contact_id,
        follow_up.channel,
        follow_up.reason,
    )


def _stored(letter: Letter) -> StoredLetter:
    return StoredLetter(
        id=letter.id,
        follow_up_id=letter.follow_up_id,
        application_id=letter.application_id,
        contact_id=letter.contact_id,
        state=letter.state,
        sent_at=stored_datetime_or_none(letter.sent_at),
        content=DraftContent(
            subject=letter.subject,
            body=letter.body,
            channel=letter.channel,
            template=letter.template,
            card_size=letter.card_size,
            folded=bool(letter.folded),
            landscape=bool(letter.landscape),
            font=letter.font,
            ink=letter.ink,
            neatness=float(letter.neatness),
            seed=int(letter.seed),
        ),
    )


def stored_letter(letter_id: int) -> StoredLetter | None:
    """The letter with this id, or None when it no longer exists."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    return None if letter is None else _stored(letter)


def latest_letter_for(follow_up_id: int) -> StoredLetter | None:
    """The follow-up's most recently changed letter (draft or sent), if it has one."""
    letter = (
        Letter.select()
        .where(Letter.follow_up == follow_up_id)
        .order_by(Letter.updated_at.desc(), Letter.created_at.desc())
        .first()
    )
    return None if letter is None else _stored(letter)


def save_letter_draft(
    content: DraftContent,
    *,
    letter_id: int | None,
    follow_up_id: int | None,
    application_id: int | None,
    contact_id: int | None,
    now: dt.datetime,
) -> int | None:
    """Store the draft (a new letter when ``letter_id`` is None) in one step; return its id.

    Nothing is stored (None) for a new letter without text, or for nobody and no follow-up.
    A letter that is no longer there is stored again as a new one (with the links that still
    exist), so an id returned always names a row holding this text.
    """
    if letter_id is None and not content.body.strip() and not content.subject.strip():
        return None
    if letter_id is None and follow_up_id is None and contact_id is None and application_id is None:
        return None
    fields = {
        "subject": content.subject,
        "body": content.body,
        "channel": content.channel,
        "template": content.template,
        "card_size": content.card_size,
        "folded": content.folded,
        "landscape": content.landscape,
        "font": content.font,
        "ink": content.ink,
        "neatness": content.neatness,
        "seed": content.seed,
        "updated_at": now,
    }
    with database.atomic():
        if letter_id is not None:
            if Letter.update(**fields).where(Letter.id == letter_id).execute():
                return letter_id
            follow_up_id = _still_there(FollowUp, follow_up_id)
            application_id = _still_there(Application, application_id)
            contact_id = _still_there(Contact, contact_id)
        letter = Letter.create(
            follow_up=follow_up_id,
            application=application_id,
            contact=contact_id,
            created_at=now,
            **fields,
        )
        return int(letter.id)


def _still_there(model: type[FollowUp | Application | Contact], row_id: int | None) -> int | None:
    if row_id is None or not model.select().where(model.id == row_id).exists():
        return None
    return row_id


def recipient_email(contact_id: int | None) -> tuple[str, str]:
    """The contact's full name and e-mail address; empty strings when there is no contact."""
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    if contact is None:
        return "", ""
    return contact.full_name, contact.email


def keep_envelope_address(
    which: str, address: str, *, contact_id: int | None, application_id: int | None
) -> None:
    """Keep an address typed for an envelope: the recipient's, or (``which`` "sender") yours.

    Raises ValueError (with the user's message) when the address cannot be kept.
    """
    with database.atomic():
        if which == "recipient":
            save_recipient_address(
                contact_id=contact_id, application_id=application_id, address=address
            )
        else:
            save_return_address(address)


def remember_note_layout(*, contact_block: bool, margin_mm: float | None) -> None:
    """Keep the contact-line and margin choices for every later note, where they changed."""
    if contact_block != contact_block_on_notes():
        with database.atomic():
            set_contact_block_on_notes(contact_block)
    if margin_mm != note_margin_mm():
        with database.atomic():
            set_note_margin_mm(margin_mm)
