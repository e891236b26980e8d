"""Turn a record read from a file into values the store accepts, keeping what does not fit in notes.

Nothing is dropped silently: an e-mail that is not valid, a second phone number or an unknown
time zone becomes a line of the contact's notes, and the preview says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from followup_desktop.services import validation as check
from followup_desktop.services.importers.contact_record import ContactRecord
from followup_desktop.services.validation import known_time_zones

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


@dataclass
class CleanedRecord:
    """Field values ready to store; company names are resolved to rows when applied."""

    values: dict[str, Any]
    #: Every valid e-mail of the record (lower-cased), for matching against the store.
    emails: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def clean_text(value: str) -> str:
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


@lru_cache(maxsize=4096)
def _normalized_domain(domain: str) -> str | None:
    """The domain as email-validator normalizes it, or None if it refuses it; asked once per
    domain because an address book repeats a few company domains thousands of times."""
    normalized = check.validated_email(f"a@{domain}")
    return None if normalized is None else normalized.rpartition("@")[2]


def normalized_email_or_none(text: str) -> str | None:
    """Same answer as ``validation.normalized_email`` for valid addresses, None for invalid."""
    local, at, domain = text.strip().rpartition("@")
    if at and len(local) <= 64 and len(text) <= 254 and _SIMPLE_LOCAL_PART.match(local):
        normalized = _normalized_domain(domain)
        return None if normalized is None else f"{local}@{normalized}"
    if not text.strip():
        return ""
    # One validation gives both answers (asking for the problem, then the form, validated twice).
    return check.validated_email(text.strip())


def clean_record(record: ContactRecord, phone_region: str) -> CleanedRecord | str:
    """Store-ready values, or the reason the record cannot become a contact."""
    if record.company_card and not (record.first_name.strip() or record.last_name.strip()):
        return "an organisation's card, not a person"
    first, last = (clean_text(part) for part in record.name_parts())
    if not (first or last):
        if record.emails:
            return "no name (only an e-mail address)"
        return "no name"
    notes = [clean_text(line) for line in record.notes]
    warnings: list[str] = []
    emails: list[str] = []
    for raw in (clean_text(e) for e in record.emails):
        normalized = normalized_email_or_none(raw) if raw else None
        if normalized is None:
            if raw:
                notes.append(f"E-mail (not valid): {raw}")
                warnings.append(f"e-mail {raw!r} is not valid; kept in notes")
            continue
        if normalized.lower() not in (e.lower() for e in emails):
            emails.append(normalized)
    notes.extend(f"Other e-mail: {extra}" for extra in emails[1:])
    phones = [clean_text(p) for p in record.phones if clean_text(p)]
    notes.extend(f"Other phone: {extra}" for extra in phones[1:])
    time_zone = clean_text(record.time_zone)
    if time_zone and _time_zone_unknown(time_zone):
        notes.append(f"Time zone: {time_zone}")
        warnings.append(f"time zone {time_zone!r} is unknown; kept in notes")
        time_zone = ""
    channel = _CHANNEL_WORDS.get(clean_text(record.preferred_channel).lower(), "")
    values: dict[str, Any] = {
        "first_name": first,
        "last_name": last,
        "role": clean_text(record.role),
        "company": clean_text(record.company),
        "email": emails[0] if emails else "",
        "phone": check.formatted_phone(phones[0], phone_region) if phones else "",
        "address": clean_text(record.address),
        "time_zone": time_zone,
        "preferred_channel": channel,
        "social_handle": clean_text(record.social_handle),
        "is_agency": bool(record.is_agency),
        "client_company": clean_text(record.client_company),
        "keep_in_touch_days": _cadence(record.keep_in_touch_days, warnings),
        "notes": "\n".join(line for line in notes if line),
    }
    return CleanedRecord(values, [e.lower() for e in emails], warnings)


def _time_zone_unknown(name: str) -> bool:
    return name not in known_time_zones()


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
