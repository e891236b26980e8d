"""Read vCard 2.1, 3.0 and 4.0 files (Apple, Google, Outlook and others) into contact records.

vobject's content-line parser reads each property; the cards themselves are assembled here
because the exporters differ in ways a whole-card parse trips over: Outlook breaks quoted-printable
lines without indenting them, photos span hundreds of lines, and 4.0 writes ``tel:`` URIs. Reading
property by property is also several times faster than building vobject components.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from vobject.base import ParseError, parseLine

from followup_desktop.services.importers.contact_record import ContactRecord, ImportFormatError
from followup_desktop.services.validation import known_time_zones

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_IGNORED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "PRODID", "REV", "UID", "CATEGORIES"})
_SOCIAL_PROPERTIES = ("X-SOCIALPROFILE", "X-LINKEDIN", "X-TWITTER", "X-XING")
_SOCIAL_HOSTS = ("linkedin.", "xing.", "twitter.", "x.com", "facebook.", "instagram.", "github.")
_OWN_PREFIX = "X-FOLLOWUP-"
_TRUE_WORDS = frozenset({"1", "true", "yes"})


@dataclass
class _Property:
    name: str
    value: str
    types: frozenset[str]
    preferred: bool
    line: int


@dataclass
class _Card:
    number: int
    line: int
    properties: list[_Property] = field(default_factory=list)


def read_vcards(text: str) -> list[ContactRecord]:
    """All cards in ``text``; raise ImportFormatError naming the card and line of a fault."""
    cards = list(_cards(text))
    if not cards:
        raise ImportFormatError(
            "no vCard found: a contacts file (.vcf) holds cards that start with BEGIN:VCARD"
        )
    return [_record(card) for card in cards]


# --- lines and cards ---------------------------------------------------------------------------


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first physical line number, unfolded line), skipping blank lines."""
    current: list[str] = []
    start = 0
    soft_break = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if soft_break:
            # Quoted-printable soft line break: the next line continues the value as written.
            current[-1] = current[-1][:-1]
            current.append(line)
        elif line[:1] in (" ", "\t") and current:
            current.append(line[1:])
        else:
            if current:
                yield start, "".join(current)
            current = [line] if line.strip() else []
            start = number
        soft_break = bool(current) and current[-1].endswith("=") and _is_quoted_printable(current)
    if current:
        yield start, "".join(current)


def _is_quoted_printable(parts: list[str]) -> bool:
    head = parts[0].split(":", 1)[0]
    return "QUOTED-PRINTABLE" in head.upper()


def _cards(text: str) -> Iterator[_Card]:
    card: _Card | None = None
    nested = 0
    count = 0
    for number, line in _logical_lines(text):
        marker = line.strip().upper().replace(" ", "")
        if card is None:
            if marker == "BEGIN:VCARD":
                count += 1
                card = _Card(count, number)
                continue
            raise ImportFormatError(
                f"line {number}: expected BEGIN:VCARD, found {_shorten(line)}"
                if count == 0
                else f"line {number}: text after the end of card {count}: {_shorten(line)}"
            )
        if marker == "BEGIN:VCARD":
            nested += 1  # an embedded card (vCard 2.1 AGENT) is not a contact of its own
            continue
        if marker == "END:VCARD":
            if nested:
                nested -= 1
                continue
            yield card
            card = None
            continue
        if nested:
            continue
        card.properties.extend(_property(card, number, line))
    if card is not None:
        raise ImportFormatError(
            f"card {card.number} (line {card.line}): the file ends before END:VCARD "
            "(the file may be cut short)"
        )


def _shorten(text: str, limit: int = 40) -> str:
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _property(card: _Card, number: int, line: str) -> Iterator[_Property]:
    try:
        name, params, raw, _group = parseLine(line, number)
    except ParseError as error:
        raise ImportFormatError(
            f"card {card.number}, line {number}: not a vCard property: {_shorten(line)}"
        ) from error
    upper = name.upper()
    if upper in _IGNORED:
        return
    types: set[str] = set()
    encoding = ""
    charset = ""
    preferred = False
    for param in params:
        key = param[0].upper()
        values = [v for value in param[1:] for v in value.split(",")]
        if len(param) == 1:
            # vCard 2.1 writes bare types: TEL;WORK;VOICE or EMAIL;PREF;INTERNET.
            if key in ("QUOTED-PRINTABLE", "BASE64", "B"):
                encoding = key
            else:
                types.add(key.lower())
        elif key == "TYPE":
            types.update(v.strip().lower() for v in values)
        elif key == "ENCODING":
            encoding = values[0].upper() if values else ""
        elif key == "CHARSET":
            charset = values[0] if values else ""
        elif key == "PREF":
            preferred = True
    if "pref" in types:
        preferred = True
    value = _decoded(raw, encoding, charset)
    if value is None:
        return
    yield _Property(upper, value, frozenset(types), preferred, number)


def _decoded(raw: str, encoding: str, charset: str) -> str | None:
    if encoding == "QUOTED-PRINTABLE":
        data = quopri.decodestring(raw.encode("utf-8", "surrogateescape"))
        return _bytes_to_text(data, charset).replace("\r\n", "\n").replace("\r", "\n")
    if encoding in ("BASE64", "B"):
        try:
            data = base64.b64decode(raw, validate=False)
        except (binascii.Error, ValueError):
            return None
        return _bytes_to_text(data, charset)
    return raw


def _bytes_to_text(data: bytes, charset: str) -> str:
    for name in (charset or "utf-8", "utf-8", "cp1252"):
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


# --- values ------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "N": "\n"}
_TOKEN = re.compile(r"\\.|[;,]|[^\\;,]+|\\$", re.DOTALL)


def _components(value: str) -> list[list[str]]:
    """A structured value split at unescaped ``;`` then ``,``, with \\n, \\, \\; \\\\ undone."""
    components: list[list[str]] = [[]]
    current: list[str] = []
    for token in _TOKEN.findall(value):
        if token == ";":
            components[-1].append("".join(current))
            components.append([])
            current = []
        elif token == ",":
            components[-1].append("".join(current))
            current = []
        elif len(token) == 2 and token[0] == "\\":
            current.append(_ESCAPES.get(token[1], token[1]))
        elif token != "\\":
            current.append(token)
    components[-1].append("".join(current))
    return components


def _text(value: str) -> str:
    """A plain text value, unescaped; separators stay as written."""
    parts: list[str] = []
    for token in _TOKEN.findall(value):
        if len(token) == 2 and token[0] == "\\":
            parts.append(_ESCAPES.get(token[1], token[1]))
        elif token != "\\":
            parts.append(token)
    return "".join(parts).strip()


def _structured(value: str, joiner: str = ", ") -> list[str]:
    """Components of N, ADR or ORG; a component's comma list is joined back with ``joiner``."""
    return [joiner.join(v.strip() for v in values if v.strip()) for values in _components(value)]


def _ordered(properties: dict[str, list[_Property]], name: str) -> list[_Property]:
    """The card's properties of this name, preferred ones first, otherwise in file order."""
    found = properties.get(name, [])
    if len(found) < 2:
        return found
    return sorted(found, key=lambda p: not p.preferred)


def _format_address(parts: list[str]) -> str:
    padded = [*parts, "", "", "", "", "", "", ""][:7]
    box, extended, street, city, region, code, country = (p.strip() for p in padded)
    lines = [line for line in (box, extended, street) if line]
    locality = ", ".join(x for x in (city, " ".join(y for y in (region, code) if y)) if x)
    if locality:
        lines.append(locality)
    if country:
        lines.append(country)
    return "\n".join(lines)


def _record(card: _Card) -> ContactRecord:
    props: dict[str, list[_Property]] = {}
    for prop in card.properties:
        props.setdefault(prop.name, []).append(prop)
    record = ContactRecord(source=f"card {card.number} (line {card.line})")
    names = _ordered(props, "N")
    if names:
        parts = [*_structured(names[0].value, " "), "", "", ""]
        record.last_name = parts[0]
        record.first_name = " ".join(x for x in (parts[1], parts[2]) if x)
    full = _ordered(props, "FN")
    if full:
        record.full_name = _text(full[0].value)
    orgs = _ordered(props, "ORG")
    if orgs:
        record.company = _structured(orgs[0].value)[0]
    for role_name in ("TITLE", "ROLE"):
        roles = _ordered(props, role_name)
        if roles and not record.role:
            record.role = _text(roles[0].value)
    record.emails = [e for e in (_text(p.value) for p in _ordered(props, "EMAIL")) if e]
    record.phones = [t for t in (_phone(p.value) for p in _ordered(props, "TEL")) if t]
    labels = _ordered(props, "LABEL")
    addresses = _ordered(props, "ADR")
    if addresses:
        record.address = _format_address(_structured(addresses[0].value))
    if labels:
        # The label is the address as its owner formatted it for envelopes: better than ours.
        record.address = _text(labels[0].value) or record.address
    for extra in addresses[1:]:
        formatted = _format_address(_structured(extra.value)).replace("\n", ", ")
        if formatted:
            record.notes.append(f"Other address: {formatted}")
    record.notes.extend(n for n in (_text(p.value) for p in _ordered(props, "NOTE")) if n)
    for zone in _ordered(props, "TZ"):
        name = _text(zone.value)
        if name in known_time_zones():
            record.time_zone = name
            break
    record.social_handle = _social_handle(props)
    for website in _ordered(props, "URL"):
        url = _text(website.value)
        if url and url != record.social_handle:
            record.notes.append(f"Web: {url}")
    for prop in card.properties:
        if prop.name == "X-ABSHOWAS" and _text(prop.value).upper() == "COMPANY":
            record.company_card = True
        elif prop.name.startswith(_OWN_PREFIX):
            _own_property(record, prop.name[len(_OWN_PREFIX) :], _text(prop.value))
    return record


def _phone(value: str) -> str:
    text = _text(value)
    if text.lower().startswith("tel:"):
        number, _, parameters = text[4:].partition(";")
        extension = next((p[4:] for p in parameters.split(";") if p.lower().startswith("ext=")), "")
        text = f"{number} ext. {extension}" if extension else number
    return text.strip()


def _social_handle(props: dict[str, list[_Property]]) -> str:
    for name in _SOCIAL_PROPERTIES:
        found = _ordered(props, name)
        if found:
            return _text(found[0].value)
    for website in _ordered(props, "URL"):
        url = _text(website.value)
        if any(host in url.lower() for host in _SOCIAL_HOSTS):
            return url
    return ""


def _own_property(record: ContactRecord, key: str, value: str) -> None:
    """The fields only Follow-up Desk knows about, written by its own export."""
    if key == "AGENCY":
        record.is_agency = value.lower() in _TRUE_WORDS
    elif key == "CLIENT-COMPANY":
        record.client_company = value
    elif key == "CHANNEL":
        record.preferred_channel = value
    elif key == "KEEP-IN-TOUCH-DAYS":
        record.keep_in_touch_days = value
    elif key == "TIME-ZONE":
        record.time_zone = value
