"""Field checks shared by every form: required text, e-mail, phone numbers, times and dates."""

from __future__ import annotations

import datetime as dt
import locale
import os
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class FieldErrors:
    """Errors by field name, each a one-line reason; empty when the form may be saved."""

    errors: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, reason: str | None) -> None:
        if reason and name not in self.errors:
            self.errors[name] = reason

    def __bool__(self) -> bool:
        return bool(self.errors)


class ValidationError(Exception):
    """Raised by services when asked to store values that do not pass their checks."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.errors.items()))
        self.errors = errors


def required(value: str, label: str) -> str | None:
    return None if value.strip() else f"{label} is required."


def no_control_characters(value: str) -> str | None:
    if "\x00" in value:
        return "Contains a NUL character, which cannot be stored."
    return None


def email_problem(value: str) -> str | None:
    """None for an empty or well-formed address, else why it is not one (no DNS look-up)."""
    text = value.strip()
    if not text:
        return None
    # A heavy library (about 70 ms to import) that most modules checking fields never need:
    # imported when the first address is checked.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error).rstrip(".") + "."
    return None


def normalized_email(value: str) -> str:
    text = value.strip()
    if not text:
        return ""
    # A heavy library, imported when first needed (see email_problem).
    from email_validator import validate_email

    return str(validate_email(text, check_deliverability=False).normalized)


def validated_email(text: str) -> str | None:
    """The address normalized (domain lower-cased, Unicode forms joined) when it is well
    formed, else None; no DNS look-up."""
    # A heavy library, imported when first needed (see email_problem).
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError:
        return None


def phone_problem(value: str, region: str = "US") -> str | None:
    """None for an empty or plausible number, else a one-line reason."""
    text = value.strip()
    if not text:
        return None
    # A heavy library (about 50 ms to import, its number metadata) that most modules checking
    # fields never need: imported when the first number is checked.
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        return "Not a phone number; include the country code, e.g. +44 20 7946 0958."
    if not phonenumbers.is_possible_number(number):
        return "This number has the wrong number of digits."
    if not phonenumbers.is_valid_number(number):
        return "This number is not in use in its country; check the digits and the country code."
    return None


def formatted_phone(value: str, region: str = "US") -> str:
    """The number in international format, or the text unchanged if it cannot be read."""
    text = value.strip()
    if not text:
        return ""
    # A heavy library, imported when first needed (see phone_problem).
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        return text
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def phone_example(region: str) -> str:
    """A landline number of ``region`` (the US when empty) in international form, as a hint."""
    # A heavy library, imported when first needed (see phone_problem).
    import phonenumbers

    example = phonenumbers.example_number_for_type(
        region or "US", phonenumbers.PhoneNumberType.FIXED_LINE
    )
    if example is None:
        return "+1 312 555 0100"
    return str(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def time_problem(value: str) -> str | None:
    try:
        dt.datetime.strptime(value.strip(), "%H:%M")
    except ValueError:
        return "Use a 24-hour time such as 09:00."
    return None


def url_problem(value: str) -> str | None:
    text = value.strip()
    if not text:
        return None
    if " " in text or "." not in text:
        return "Not a web address; paste the link to the job posting."
    return None


class ReachableContact(Protocol):
    email: str
    phone: str
    address: str
    social_handle: str
    preferred_channel: str


#: The channels a follow-up may use; texting and social networks are deliberately not offered.
CONTACT_CHANNELS = ("call", "email", "note")


def channel_problem(contact: ReachableContact) -> str | None:
    """A preferred channel needs the detail it uses: a number to call, an address to write to."""
    channel = contact.preferred_channel
    if channel and channel not in CONTACT_CHANNELS:
        return "Choose a call, an e-mail or a handwritten note."
    if channel == "call" and not contact.phone.strip():
        return "Add a phone number to call this person."
    if channel == "email" and not contact.email.strip():
        return "Add an e-mail address to write to this person."
    return None


def social_only_advice(contact: ReachableContact) -> str | None:
    """When a social profile is all we have, say why a call, e-mail or note works better."""
    if not contact.social_handle.strip():
        return None
    if contact.email.strip() or contact.phone.strip() or contact.address.strip():
        return None
    return (
        "Only a social profile is known. Recruiters read messages there between many others, "
        "and a follow-up sent there looks casual. A phone call, an e-mail or a handwritten note "
        "is personal and professional: ask for an e-mail address or a direct number, or send a "
        "note to the company's address."
    )


def known_time_zones() -> list[str]:
    """IANA names this system knows, sorted (for a list to choose from)."""
    return sorted(zoneinfo.available_timezones())


def time_zone_problem(name: str) -> str | None:
    """None for a known IANA time zone name, else a one-line reason."""
    try:
        # zoneinfo refuses paths and ".." itself, so odd text never reaches the disk.
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return "Unknown time zone; use a name such as Europe/Paris."
    return None


def home_region(profile_region: str) -> str:
    """The user's own country for reading phone numbers: the profile's, else the system's."""
    if profile_region.strip():
        return profile_region.strip().upper()
    for name in (locale.getlocale()[0], *(os.environ.get(k) for k in ("LC_ALL", "LANG"))):
        region = (name or "").split(".")[0].partition("_")[2]
        if len(region) == 2 and region.isalpha():
            return region.upper()
    return ""


def phone_as_written_or_valid(value: str, regions: list[str]) -> str:
    """The number in international format when one of ``regions`` (tried in order) makes it a
    valid number; otherwise the text exactly as written: a country is never invented."""
    text = value.strip()
    if not text:
        return ""
    return _phone_as_written_or_valid(text, tuple(r.upper() for r in regions if r))


_WRITTEN_COUNTRY_CODE = re.compile(r"^([1-9]\d{0,2})[ ./-]")


def _phone_as_written_or_valid(text: str, regions: tuple[str, ...]) -> str:
    # A heavy library, imported when first needed (see phone_problem).
    import phonenumbers

    # "49 631 234 341" from a German address book: the country code written without its "+".
    code = _WRITTEN_COUNTRY_CODE.match(text)
    if code and any(phonenumbers.country_code_for_region(r) == int(code.group(1)) for r in regions):
        try:
            number = phonenumbers.parse("+" + text, None)
        except phonenumbers.NumberParseException:
            pass
        else:
            if phonenumbers.is_valid_number(number):
                return _international(number)
    if text.startswith("+"):
        # The country is written: nothing can be invented, so a plausible length is enough
        # (telling valid from merely possible tries every number type of the country).
        try:
            number = phonenumbers.parse(text, None)
        except phonenumbers.NumberParseException:
            return text
        return _international(number) if phonenumbers.is_possible_number(number) else text
    for region in regions:
        try:
            number = phonenumbers.parse(text, region or None)
        except phonenumbers.NumberParseException:
            continue
        # The region it was read in first: finding the region of a number in a shared
        # country code (+1 covers 25 regions) otherwise tries each of them.
        if (
            region
            and number.country_code == phonenumbers.country_code_for_region(region)
            and phonenumbers.is_valid_number_for_region(number, region)
        ) or phonenumbers.is_valid_number(number):
            return _international(number)
    return text


def _international(number: Any) -> str:
    import phonenumbers  # imported by the caller already; a named seam (see phone_problem)

    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
