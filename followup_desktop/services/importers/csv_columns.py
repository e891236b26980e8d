"""What each CSV column means: the contact fields a column can fill, and the known exports' headers.

LinkedIn, Google Contacts and Outlook name their columns differently; a header is matched by
exact synonyms first, then by patterns for numbered columns ("E-mail 2 - Value", "Home Phone 2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: (key, label) of every field a CSV column can be mapped to, in the order the mapping step lists
#: them. Several columns may share one field: e-mails and phones are tried in column priority,
#: address parts are put together, and extra columns mapped to notes become "Header: value" lines.
CSV_FIELDS: tuple[tuple[str, str], ...] = (
    ("", "(ignore)"),
    ("first_name", "First name"),
    ("middle_name", "Middle name"),
    ("last_name", "Last name"),
    ("full_name", "Full name"),
    ("role", "Role / job title"),
    ("company", "Company"),
    ("department", "Department"),
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("address", "Postal address (whole)"),
    ("street", "Street"),
    ("city", "City"),
    ("region", "State / region"),
    ("postal_code", "Postal code"),
    ("country", "Country"),
    ("social_handle", "Social profile"),
    ("websites", "Website"),
    ("birthday", "Birthday (or its year, month, day)"),
    ("time_zone", "Time zone"),
    ("preferred_channel", "Preferred channel"),
    ("is_agency", "Agency recruiter (yes/no)"),
    ("client_company", "Agency's client company"),
    ("keep_in_touch_days", "Keep in touch every N days"),
    ("notes", "Notes"),
)
FIELD_KEYS = frozenset(key for key, _label in CSV_FIELDS)

#: The header Follow-up Desk writes when it exports contacts; read back column for column.
OWN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Role", "role"),
    ("Company", "company"),
    ("Agency", "is_agency"),
    ("Client company", "client_company"),
    ("E-mail", "email"),
    ("Phone", "phone"),
    ("Postal address", "address"),
    ("Time zone", "time_zone"),
    ("Preferred channel", "preferred_channel"),
    ("Social profile", "social_handle"),
    ("Keep in touch (days)", "keep_in_touch_days"),
    ("Notes", "notes"),
)
#: Columns added to the export later: read when present, not needed to recognise it.
OWN_LATER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Department", "department"),
    ("Birthday", "birthday"),
    ("Websites", "websites"),
)
#: The last column of the app's own export: it marks the file as one whose cells starting with
#: = + - @ got an apostrophe to keep spreadsheets from running them, so the import removes it.
OWN_MARK_HEADER = "Exported by"
OWN_MARK_VALUE = "Follow-up Desk"

_SYNONYMS: dict[str, str] = {
    "first name": "first_name",
    "given name": "first_name",
    "firstname": "first_name",
    "forename": "first_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "last_name",
    "family name": "last_name",
    "surname": "last_name",
    "lastname": "last_name",
    "name": "full_name",
    "full name": "full_name",
    "display name": "full_name",
    "title": "role",
    "job title": "role",
    "position": "role",
    "role": "role",
    "organization title": "role",
    "organization 1 - title": "role",
    "company": "company",
    "organization": "company",
    "organisation": "company",
    "organization name": "company",
    "organization 1 - name": "company",
    "employer": "company",
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "e-mail address": "email",
    "phone": "phone",
    "telephone": "phone",
    "phone number": "phone",
    "mobile": "phone",
    "postal address": "address",
    "address": "address",
    "street": "street",
    "city": "city",
    "state": "region",
    "region": "region",
    "zip": "postal_code",
    "zip code": "postal_code",
    "postal code": "postal_code",
    "postcode": "postal_code",
    "country": "country",
    "url": "social_handle",
    "profile url": "social_handle",
    "linkedin": "social_handle",
    "social profile": "social_handle",
    "time zone": "time_zone",
    "timezone": "time_zone",
    "preferred channel": "preferred_channel",
    "agency": "is_agency",
    "client company": "client_company",
    "keep in touch (days)": "keep_in_touch_days",
    "notes": "notes",
    "note": "notes",
    "exported by": "",
    "comments": "notes",
    "connected on": "notes",
    "nickname": "notes",
    "department": "department",
    "organization department": "department",
    "birthday": "birthday",
    "birth year": "birthday",
    "birth month": "birthday",
    "birth day": "birthday",
    "websites": "websites",
    "website": "websites",
    "web site": "websites",
    "web page": "websites",
    "home page": "websites",
    # Thunderbird
    "primary email": "email",
    "secondary email": "email",
    "mobile number": "phone",
    "fax number": "phone",
    "pager number": "phone",
    "screen name": "notes",
    # Apple and iCloud exporters
    "email (work)": "email",
    "email (home)": "email",
    "email (other)": "email",
    "phone (mobile)": "phone",
    "phone (work)": "phone",
    "phone (home)": "phone",
    "phone (main)": "phone",
}

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(work|home|other) e-?mail( \d+)?$"), "email"),
    (re.compile(r"^(work|home|other|mobile|business) (fax|pager)( \d+)?$"), "phone"),
    (re.compile(r"^(business|home|other) fax$"), "phone"),
    (re.compile(r"^(pager|car phone|assistant's phone|radio phone|callback|isdn)$"), "phone"),
    (re.compile(r"^(work|home) address( 2)?$"), "street"),
    (re.compile(r"^(work|home) (city|state|zipcode|zip|postal code|country)$"), "_thunderbird"),
    (
        re.compile(r"^(work|home|other) (street|city|state|zip|postal code|country)$"),
        "_thunderbird",
    ),
    (re.compile(r"^web page \d+$"), "websites"),
    (re.compile(r"^website \d+ - value$"), "websites"),
    (
        re.compile(
            r"^address \d+ - (street|city|region|postal code|country|po box|extended address)$"
        ),
        "_google",
    ),
    (re.compile(r"^organization \d+ - department$"), "department"),
    (re.compile(r"^e-?mail( \d+)?( - value| address)$"), "email"),
    (re.compile(r"^e-?mail \d+$"), "email"),
    (re.compile(r"^phone \d+ - value$"), "phone"),
    (
        re.compile(r"^(business|work|primary|mobile|home|other|company main|car) phone( \d+)?$"),
        "phone",
    ),
    (re.compile(r"^address \d+ - formatted$"), "address"),
    (re.compile(r"^business (street|city|state|postal code|country/region)$"), "_business"),
    (
        re.compile(r"^(home|other) (street|city|state|postal code|country/region)( \d+)?$"),
        "_business",
    ),
    (re.compile(r"^(business|home|other) street \d+$"), "street"),
    (re.compile(r"^organization \d+ - name$"), "company"),
    (re.compile(r"^organization \d+ - title$"), "role"),
)
_BUSINESS_PARTS = {
    "street": "street",
    "city": "city",
    "state": "region",
    "region": "region",
    "zip": "postal_code",
    "zipcode": "postal_code",
    "postal code": "postal_code",
    "country/region": "country",
    "country": "country",
    "po box": "street",
    "extended address": "street",
}


@dataclass(frozen=True)
class KnownExport:
    name: str
    #: Lower-case headers that must all be present.
    required: frozenset[str]


KNOWN_EXPORTS: tuple[KnownExport, ...] = (
    KnownExport("Follow-up Desk", frozenset(h.lower() for h, _key in OWN_COLUMNS)),
    KnownExport(
        "LinkedIn connections",
        frozenset({"first name", "last name", "url", "company", "position", "connected on"}),
    ),
    KnownExport(
        "Thunderbird",
        frozenset({"primary email", "secondary email", "work phone", "mobile number"}),
    ),
    KnownExport("Google Contacts", frozenset({"e-mail 1 - value", "organization name"})),
    KnownExport("Google Contacts", frozenset({"e-mail 1 - value", "first name"})),
    KnownExport("Google Contacts (legacy)", frozenset({"e-mail 1 - value", "given name"})),
    KnownExport("Google Contacts", frozenset({"e-mail 1 - value"})),
    KnownExport("Outlook", frozenset({"e-mail address", "job title"})),
    KnownExport("Outlook", frozenset({"e-mail address", "business phone"})),
    KnownExport("Apple Contacts / iCloud", frozenset({"email (work)"})),
    KnownExport("Apple Contacts / iCloud", frozenset({"email (home)"})),
    KnownExport("Apple Contacts / iCloud", frozenset({"work email", "job title", "organization"})),
)


def normalized_header(header: str) -> str:
    return " ".join(header.strip().strip("\ufeff").lower().split())


def field_for_header(header: str) -> str:
    """The field a column with this header fills by default ("" when unknown)."""
    name = normalized_header(header)
    if name in _SYNONYMS:
        return _SYNONYMS[name]
    for pattern, key in _PATTERNS:
        match = pattern.match(name)
        if match is None:
            continue
        if key == "_business":
            return _BUSINESS_PARTS[match.group(1)]
        if key in ("_thunderbird", "_google"):
            return _BUSINESS_PARTS[match.group(match.lastindex or 1)]
        return key
    return ""


def recognised_export(headers: list[str]) -> str:
    """The name of the known export these headers come from, or "" for any other CSV."""
    names = {normalized_header(h) for h in headers}
    for known in KNOWN_EXPORTS:
        if known.required <= names:
            return known.name
    return ""


def default_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field key for every column whose header is recognised."""
    names = {normalized_header(h) for h in headers}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        if normalized_header(header) == "title" and "job title" in names:
            continue  # Outlook's "Title" is Mr/Ms; its "Job Title" is the role
        key = field_for_header(header)
        if key:
            mapping[index] = key
    return mapping


_PHONE_RANK = (
    ("fax", 9),
    ("pager", 9),
    ("business", 0),
    ("work", 0),
    ("primary", 0),
    ("mobile", 1),
    ("home", 3),
)


def phone_priority(header: str) -> int:
    """Recruiters are reached at work: business numbers first, then mobile, home, and numbers
    that cannot take a call (fax, pager) last."""
    name = normalized_header(header)
    for word, rank in _PHONE_RANK:
        if word in name:
            return rank
    return 2


_LABEL_WORDS = (
    ("fax", "fax"),
    ("pager", "pager"),
    ("mobile", "mobile"),
    ("cell", "mobile"),
    ("business", "work"),
    ("work", "work"),
    ("home", "home"),
    ("other", "other"),
)


def header_label(header: str) -> str:
    """What a column's header says of its value: "Work Phone" → "work", "Home Fax" → "home
    fax", "Primary Email" → ""."""
    name = normalized_header(header)
    words = [label for word, label in _LABEL_WORDS if word in name]
    # "Business Fax": the kind of number and whose it is.
    ordered = [w for w in words if w not in ("fax", "pager")] + [
        w for w in words if w in ("fax", "pager")
    ]
    return " ".join(dict.fromkeys(ordered))


_GROUP = re.compile(r"^(?:(business|work|home|other)\b|address (\d+) - )")


def address_group(header: str) -> str:
    """Which address a part's column belongs to: "work", "home", "other", "address 2", or ""
    for a lone set of columns ("Street", "City")."""
    match = _GROUP.match(normalized_header(header))
    if match is None:
        return ""
    if match.group(2):
        return f"address {match.group(2)}"
    return "work" if match.group(1) == "business" else match.group(1)
