"""Turn a record read from a file into values the store accepts, keeping what does not fit in notes.

Nothing is dropped silently: an e-mail that is not valid, a second phone number or an unknown
time zone becomes a line of the contact's notes, and the preview says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any

from followup_desktop.services import validation as check
from followup_desktop.services.importers.contact_record import ContactRecord
from followup_desktop.services.importers.postal_format import PostalFormats, format_address

CHANNELS = ("call", "email", "note")
_CHANNEL_WORDS = {
    "call": "call",
    "phone": "call",
    "phone call": "call",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "note": "note",
    "letter": "note",
    "handwritten note": "note",
}
MAX_KEEP_IN_TOUCH_DAYS = 3650
#: Control characters other than tab and newline cannot be typed and break exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIMPLE_LOCAL_PART = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"
)


@dataclass(slots=True)
class CleanedRecord:
    """Field values ready to store; company names are resolved to rows when applied."""

    values: dict[str, Any]
    #: Every valid e-mail of the record (lower-cased), for matching against the store.
    emails: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def clean_text(value: str) -> str:
    if value.isprintable():
        return value.strip()  # most values: no line breaks or control characters to look at
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


@dataclass
class CleanedCompany:
    """An organisation's own card: the company to create, or to fill where it is empty."""

    name: str
    website: str
    address: str
    notes: str
    warnings: list[str] = field(default_factory=list)


class RecordCleaner:
    """Cleans the records of one import. What it works out for a value an address book repeats
    (a company's e-mail domain, a switchboard number, a country's address format) it keeps for
    the rest of that import only."""

    def __init__(self, phone_region: str) -> None:
        self.phone_region = phone_region
        self.postal = PostalFormats()
        self._domains: dict[str, str | None] = {}
        self._phones: dict[tuple[str, tuple[str, ...]], str] = {}
        self._time_zones: dict[str, bool] = {}

    def email_or_none(self, text: str) -> str | None:
        """Same answer as ``validation.normalized_email`` for valid addresses, None for invalid."""
        local, at, domain = text.strip().rpartition("@")
        if at and len(local) <= 64 and len(text) <= 254 and _SIMPLE_LOCAL_PART.match(local):
            if domain not in self._domains:
                normalized = check.validated_email(f"a@{domain}")
                self._domains[domain] = (
                    None if normalized is None else normalized.rpartition("@")[2]
                )
            known = self._domains[domain]
            return None if known is None else f"{local}@{known}"
        if not text.strip():
            return ""
        # One validation gives both answers (asking for the problem, then the form, validated
        # twice).
        return check.validated_email(text.strip())

    def phone(self, text: str, regions: list[str]) -> str:
        """``validation.phone_as_written_or_valid``, worked out once per number and regions."""
        key = (text, tuple(regions))
        if key not in self._phones:
            self._phones[key] = check.phone_as_written_or_valid(text, regions)
        return self._phones[key]

    def time_zone_unknown(self, name: str) -> bool:
        if name not in self._time_zones:
            self._time_zones[name] = check.time_zone_problem(name) is not None
        return self._time_zones[name]

    def _addresses(self, record: ContactRecord) -> list[tuple[str, str]]:
        """(laid-out text, label) of every address, the main one first."""
        found = []
        if clean_text(record.address):
            found.append((clean_text(record.address), ""))
        for address in record.addresses:
            text = clean_text(format_address(address, self.phone_region, self.postal))
            if text and text not in (t for t, _l in found):
                found.append((text, clean_text(address.label)))
        return found

    def clean(self, record: ContactRecord) -> CleanedRecord | CleanedCompany | str:
        """Store-ready values, the company an organisation's card describes, or the reason the
        record cannot become a contact."""
        if record.company_card and not (record.first_name.strip() or record.last_name.strip()):
            return self._company(record)
        notes = [clean_text(line) for line in record.notes]
        warnings = list(record.warnings)
        first, last = (clean_text(part) for part in record.name_parts())
        if not (first or last):
            named = name_from_email(record.emails)
            if named is None:
                return "no name and no e-mail address"
            first, last, address = named
            warnings.append(f"name taken from the e-mail address {address}; check it")
            notes.append(f"Name taken from the e-mail address {address}; please check it.")
        emails: list[tuple[str, str]] = []
        labels = _padded(record.email_labels, len(record.emails))
        for raw, label in zip((clean_text(e) for e in record.emails), labels, strict=True):
            raw = _address_part(raw)
            normalized = self.email_or_none(raw) if raw else None
            if normalized is None:
                if raw:
                    notes.append(f"{_labelled('E-mail', label, other='')} (not valid): {raw}")
                    warnings.append(f"e-mail {raw!r} is not valid; kept in notes")
                continue
            if normalized.lower() not in (e.lower() for e, _l in emails):
                emails.append((normalized, label))
        notes.extend(f"{_labelled('E-mail', label)}: {extra}" for extra, label in emails[1:])
        addresses = self._addresses(record)
        regions = [
            self.phone_region,
            *(self.postal.country_code(a.country) for a in record.addresses[:1]),
        ]
        phones: list[tuple[str, str]] = []
        labels = _padded(record.phone_labels, len(record.phones))
        for raw, label in zip(record.phones, labels, strict=True):
            text = clean_text(raw)
            if text:
                phones.append((self.phone(text, regions), label))
        notes.extend(f"{_labelled('Phone', label)}: {extra}" for extra, label in phones[1:])
        notes.extend(
            f"{_labelled('Address', label)}: {', '.join(text.splitlines())}"
            for text, label in addresses[1:]
        )
        birthday = clean_birthday(record.birthday)
        if record.birthday.strip() and not birthday:
            notes.append(f"Birthday: {clean_text(record.birthday)}")
            warnings.append(f"birthday {record.birthday.strip()!r} is not a date; kept in notes")
        time_zone = clean_text(record.time_zone)
        if time_zone and self.time_zone_unknown(time_zone):
            notes.append(f"Time zone: {time_zone}")
            warnings.append(f"time zone {time_zone!r} is unknown; kept in notes")
            time_zone = ""
        channel = _CHANNEL_WORDS.get(clean_text(record.preferred_channel).lower(), "")
        websites = _unique(clean_text(w) for w in record.websites)
        values: dict[str, Any] = {
            "first_name": first,
            "last_name": last,
            "role": clean_text(record.role),
            "company": clean_text(record.company),
            "department": clean_text(record.department),
            "email": emails[0][0] if emails else "",
            "email_label": emails[0][1] if emails else "",
            "phone": phones[0][0] if phones else "",
            "phone_label": phones[0][1] if phones else "",
            "address": addresses[0][0] if addresses else "",
            "address_label": addresses[0][1] if addresses else "",
            "birthday": birthday,
            "websites": "\n".join(websites),
            "time_zone": time_zone,
            "preferred_channel": channel,
            "social_handle": clean_text(record.social_handle),
            "is_agency": bool(record.is_agency),
            "client_company": clean_text(record.client_company),
            "keep_in_touch_days": _cadence(record.keep_in_touch_days, warnings),
            "uid": clean_text(record.uid),
            "notes": "\n".join(line for line in notes if line),
        }
        return CleanedRecord(values, [e.lower() for e, _l in emails], warnings)

    def _company(self, record: ContactRecord) -> CleanedCompany | str:
        name = clean_text(record.company) or clean_text(record.full_name)
        if not name:
            return "an organisation's card without a name"
        notes = [clean_text(line) for line in record.notes]
        notes.extend(f"{_labelled('E-mail', '')}: {e}" for e in record.emails if clean_text(e))
        notes.extend(
            f"{_labelled('Phone', label)}: {p}"
            for p, label in zip(
                record.phones, _padded(record.phone_labels, len(record.phones)), strict=True
            )
            if clean_text(p)
        )
        addresses = self._addresses(record)
        notes.extend(
            f"{_labelled('Address', label)}: {', '.join(text.splitlines())}"
            for text, label in addresses[1:]
        )
        websites = _unique(clean_text(w) for w in [*record.websites, record.social_handle])
        notes.extend(f"Website: {extra}" for extra in websites[1:])
        return CleanedCompany(
            name,
            websites[0] if websites else "",
            addresses[0][0] if addresses else "",
            "\n".join(line for line in notes if line),
            list(record.warnings),
        )


def _padded(labels: list[str], length: int) -> list[str]:
    return [*labels[:length], *([""] * (length - len(labels)))]


def _labelled(what: str, label: str, other: str = "Other") -> str:
    """The file's label on the kind of value: "Work phone", "Mobile phone", "Home fax"."""
    label = label.strip()
    if not label:
        return f"{other} {what.lower()}" if other else what
    if what == "Phone" and label.split()[-1] in ("fax", "pager"):
        return label.capitalize()
    return f"{label.capitalize()} {what.lower()}"


def _address_part(text: str) -> str:
    """The address of "Name <address>" (display names are read by ``name_from_email``)."""
    if "<" in text and text.endswith(">"):
        return parseaddr(text)[1] or text
    return text


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def name_from_email(emails: list[str]) -> tuple[str, str, str] | None:
    """(first, last, address) for a record with only an e-mail: the display part of
    "Jana Nováková <jana@x.cz>", else the local part ("jana.novakova" → Jana Novakova)."""
    for raw in emails:
        display, address = parseaddr(clean_text(raw))
        if "@" not in address:
            continue
        words = display.split()
        if not words:
            local = address.rpartition("@")[0]
            words = [w.capitalize() for w in re.split(r"[._\-+]+", local) if w and not w.isdigit()]
        if not words:
            words = [address.rpartition("@")[0]]
        if len(words) == 1:
            return words[0], "", address
        return " ".join(words[:-1]), words[-1], address
    return None


_BIRTHDAY_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d.%m.%Y", "%m/%d/%Y", "%B %d, %Y", "%d %B %Y")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
#: Apple writes a birthday without a year as 1604-MM-DD.
_NO_YEAR_PLACEHOLDERS = ("1604", "0000", "1900")


def clean_birthday(text: str) -> str:
    """An ISO date ("1980-04-15"), "--04-15" when the year is unknown, or "" when ``text`` is
    not a date."""
    value = clean_text(text).split("T")[0]
    if not value:
        return ""
    match = _NO_YEAR.match(value)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            dt.date(2000, month, day)
        except ValueError:
            return ""
        return f"--{month:02d}-{day:02d}"
    for pattern in _BIRTHDAY_FORMATS:
        try:
            day_value = dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if str(day_value.year) in _NO_YEAR_PLACEHOLDERS or value.startswith(_NO_YEAR_PLACEHOLDERS):
            return f"--{day_value.month:02d}-{day_value.day:02d}"
        return day_value.isoformat()
    return ""


def _cadence(text: str, warnings: list[str]) -> int | None:
    value = clean_text(text)
    if not value:
        return None
    try:
        days = int(value)
    except ValueError:
        days = 0
    if 1 <= days <= MAX_KEEP_IN_TOUCH_DAYS:
        return days
    warnings.append(f"keep-in-touch cadence {value!r} is not a number of days; left empty")
    return None
