"""One person as read from an import file, before it is matched against the store."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFormatError(Exception):
    """The file cannot be read as the chosen format; the message names the line or record."""


@dataclass(slots=True)
class PostalAddress:
    """One address of a record: ``text`` as its owner laid it out (a vCard LABEL, a CSV
    "formatted" column), else its parts, laid out in the country's format when stored."""

    label: str = ""
    text: str = ""
    box: str = ""
    extended: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        return not any(
            value.strip()
            for value in (
                self.text,
                self.box,
                self.extended,
                self.street,
                self.city,
                self.region,
                self.postal_code,
                self.country,
            )
        )


@dataclass(slots=True)
class ContactRecord:
    """Values read from one vCard or CSV row; e-mails and phones keep the file's order of
    preference, and ``source`` says where in the file the record starts ("card 3 (line 17)")."""

    source: str
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    role: str = ""
    company: str = ""
    department: str = ""
    emails: list[str] = field(default_factory=list)
    #: What the file calls each e-mail and phone ("work", "mobile", "home fax"…), "" if nothing.
    email_labels: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    phone_labels: list[str] = field(default_factory=list)
    #: A whole address given as one text (a CSV column); ``addresses`` hold the others.
    address: str = ""
    #: Every address, the main one first.
    addresses: list[PostalAddress] = field(default_factory=list)
    #: As written in the file (ISO, vCard 2.1 "19800415", "--0415", "April 15, 1980"…).
    birthday: str = ""
    websites: list[str] = field(default_factory=list)
    #: The address book's own id of the record (vCard UID).
    uid: str = ""
    time_zone: str = ""
    preferred_channel: str = ""
    social_handle: str = ""
    is_agency: bool = False
    client_company: str = ""
    keep_in_touch_days: str = ""
    #: Lines kept for the contact's notes: the file's own notes and values with no field here.
    notes: list[str] = field(default_factory=list)
    #: True for address-book entries that describe an organisation rather than a person.
    company_card: bool = False
    #: Where the file's values went, for the preview: "nickname → notes".
    placed: list[str] = field(default_factory=list)
    #: What was read but not kept ("photo"), and lines that could not be read at all.
    not_kept: list[str] = field(default_factory=list)
    #: Remarks for the preview: a guessed character set, a skipped line.
    warnings: list[str] = field(default_factory=list)

    def keep_in_notes(self, label: str, value: str) -> None:
        """Keep a value the app has no field for as a labelled line of the notes."""
        value = value.strip()
        if value:
            self.notes.append(f"{label}: {value}")
            what = label.lower()
            if f"{what} → notes" not in self.placed:
                self.placed.append(f"{what} → notes")

    def place(self, what: str, where: str) -> None:
        entry = f"{what} → {where}"
        if entry not in self.placed:
            self.placed.append(entry)

    def name_parts(self) -> tuple[str, str]:
        """(first, last); a lone full name is split at its last space."""
        first, last = self.first_name.strip(), self.last_name.strip()
        if first or last:
            return first, last
        full = " ".join(self.full_name.split())
        if " " not in full:
            return full, ""
        head, _, tail = full.rpartition(" ")
        return head, tail
