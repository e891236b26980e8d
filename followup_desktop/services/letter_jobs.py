"""Gather from the store everything needed to print a letter and its envelope (no Qt here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Letter,
    Profile,
)
from followup_desktop.services.profile import get_profile, save_profile
from followup_desktop.services.settings import contact_block_on_notes, note_margin_mm


class LetterNotFoundError(LookupError):
    """No letter with that id."""


@dataclass(frozen=True)
class NoteJob:
    """One letter ready for the note engine: its text, paper, hand and both addresses."""

    text: str
    letter_id: int | None = None
    label: str = ""
    channel: str = "note"
    paper: str = "A6"
    folded: bool = False
    landscape: bool = False
    #: The margin all round in millimetres; None for the paper's own.
    margin_mm: float | None = None
    font: str = ""
    ink: str = "ballpoint-blue"
    neatness: float = 0.5
    seed: int = 1
    date: dt.date = field(default_factory=dt.date.today)
    sender_name: str = ""
    #: The sender's postal address, one line each (without the name).
    sender_address: tuple[str, ...] = ()
    sender_email: str = ""
    sender_phone: str = ""
    #: Add the sender's e-mail and phone under the signature of a note (always on letters).
    include_contact: bool = False
    recipient_name: str = ""
    #: Envelope lines for the recipient (name, company, street, town); empty when unknown.
    recipient_address: tuple[str, ...] = ()
    envelope: str = ""

    @property
    def return_address(self) -> tuple[str, ...]:
        if not self.sender_address:
            return ()
        if self.sender_name and self.sender_address[0].strip() != self.sender_name.strip():
            return (self.sender_name, *self.sender_address)
        return self.sender_address

    @property
    def contact_lines(self) -> tuple[str, ...]:
        return tuple(line for line in (self.sender_email, self.sender_phone) if line)


def address_lines(text: str) -> tuple[str, ...]:
    """A postal address typed on several lines (or with commas on one) as envelope lines."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
    if len(lines) == 1 and lines[0].count(",") >= 2:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return tuple(lines)


def sender_parts(profile: Profile) -> tuple[str, tuple[str, ...]]:
    """The profile's name and its address lines without a repeated name on top."""
    name = profile.full_name.strip()
    lines = address_lines(profile.address)
    if lines and name and lines[0] == name:
        lines = lines[1:]
    return name, lines


def recipient_lines(contact: Contact | None, company: Company | None) -> tuple[str, ...]:
    """Envelope lines: the contact's own address, else the company's with the contact's name."""
    name = contact.full_name if contact is not None else ""
    if contact is not None and contact.address.strip():
        return tuple(line for line in (name, *address_lines(contact.address)) if line)
    if contact is not None and (company is None or contact.is_agency):
        # An agency recruiter gets post at the agency, not at the client company.
        company = contact.company or company
    if company is not None and company.address.strip():
        lines = [name] if name else []
        if company.name:
            lines.append(company.name)
        return (*lines, *address_lines(company.address))
    return ()


def _letter_company(letter: Letter) -> Company | None:
    application = (
        Application.get_or_none(Application.id == letter.application_id)
        if letter.application_id
        else None
    )
    if application is not None:
        return Company.get_or_none(Company.id == application.company_id)
    return None


def letter_label(letter: Letter) -> str:
    """Who and what a letter is for, for lists and messages."""
    contact = Contact.get_or_none(Contact.id == letter.contact_id) if letter.contact_id else None
    application = (
        Application.get_or_none(Application.id == letter.application_id)
        if letter.application_id
        else None
    )
    parts = [f"letter {letter.id}"] if letter.id is not None else []
    if contact is not None and contact.full_name:
        parts.append(contact.full_name)
    if application is not None:
        parts.append(f"{application.position}, {application.company.name}")
    return " · ".join(parts)


def note_job(letter_id: int, *, today: dt.date | None = None) -> NoteJob:
    """The print job of a stored letter; raises LetterNotFoundError."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:
        raise LetterNotFoundError(f"there is no letter {letter_id}")
    return job_for_letter(letter, today=today)


def job_for_recipient(
    *, application_id: int | None, contact_id: int | None, channel: str
) -> NoteJob:
    """The print job of a letter not written yet: both addresses, the profile's paper and hand."""
    return job_for_letter(Letter(application=application_id, contact=contact_id, channel=channel))


def job_for_letter(letter: Letter, *, today: dt.date | None = None) -> NoteJob:
    """The print job of a letter (stored or not): its text and settings with both addresses."""
    profile = get_profile()
    contact = Contact.get_or_none(Contact.id == letter.contact_id) if letter.contact_id else None
    company = _letter_company(letter)
    name, address = sender_parts(profile)
    when = letter.sent_at.date() if letter.sent_at else (today or dt.date.today())
    return NoteJob(
        text=letter.body,
        letter_id=letter.id,
        label=letter_label(letter),
        channel=letter.channel,
        paper=letter.card_size or profile.note_card_size or "A6",
        folded=bool(letter.folded),
        landscape=bool(letter.landscape),
        margin_mm=note_margin_mm(),
        font=letter.font or profile.note_font,
        ink=letter.ink or profile.note_ink,
        neatness=float(letter.neatness),
        seed=int(letter.seed),
        date=when,
        sender_name=name,
        sender_address=address,
        sender_email=profile.email,
        sender_phone=profile.phone,
        include_contact=letter.channel == "letter" or contact_block_on_notes(),
        recipient_name=contact.full_name if contact is not None else "",
        recipient_address=recipient_lines(contact, company),
    )


def due_note_letters(until: dt.date) -> list[Letter]:
    """The latest letter of every planned handwritten-note follow-up due on or before ``until``.

    Ordered by due date; follow-ups that have no letter yet are left out (nothing to print).
    """
    follow_ups = (
        FollowUp.select()
        .where(
            (FollowUp.state == "planned")
            & (FollowUp.channel == "note")
            & (FollowUp.due_on <= until)
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    letters: list[Letter] = []
    for follow_up in follow_ups:
        letter = (
            Letter.select()
            .where((Letter.follow_up == follow_up.id) & (Letter.state == "draft"))
            .order_by(Letter.updated_at.desc(), pw.SQL("id DESC"))
            .first()
        )
        if letter is not None:
            letters.append(letter)
    return letters


def due_note_jobs(until: dt.date) -> list[NoteJob]:
    """The print jobs of ``due_note_letters(until)``, in the same order."""
    return [job_for_letter(letter) for letter in due_note_letters(until)]


def due_notes_without_letter(until: dt.date) -> int:
    """How many due note follow-ups have no letter written yet."""
    count = 0
    query = FollowUp.select(FollowUp.id).where(
        (FollowUp.state == "planned") & (FollowUp.channel == "note") & (FollowUp.due_on <= until)
    )
    for follow_up in query:
        if not Letter.select().where(Letter.follow_up == follow_up.id).exists():
            count += 1
    return count


def save_recipient_address(
    *, contact_id: int | None, application_id: int | None, address: str
) -> None:
    """Keep an address typed for an envelope: on the contact, else on the application's company."""
    address = address.strip()
    if not address or "\x00" in address:
        raise ValueError("Type the postal address first.")
    if contact_id is not None:
        Contact.update(address=address).where(Contact.id == contact_id).execute()
        return
    application = (
        Application.get_or_none(Application.id == application_id) if application_id else None
    )
    if application is None:
        raise ValueError("This letter has no contact or company to keep the address on.")
    Company.update(address=address).where(Company.id == application.company_id).execute()


def save_return_address(address: str) -> None:
    """Keep the user's own postal address (the envelope's return address) on the profile."""
    address = address.strip()
    if not address or "\x00" in address:
        raise ValueError("Type the postal address first.")
    save_profile(address=address)
