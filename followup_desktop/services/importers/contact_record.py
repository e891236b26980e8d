"""One person as read from an import file, before it is matched against the store."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFormatError(Exception):
    """The file cannot be read as the chosen format; the message names the line or record."""


@dataclass
class ContactRecord:
    """Values read from one vCard or CSV row; e-mails and phones keep the file's order of
    preference, and ``source`` says where in the file the record starts ("card 3 (line 17)")."""

    source: str
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    role: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    address: str = ""
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
