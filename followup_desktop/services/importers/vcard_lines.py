"""The lines and properties of a vCard file, read the way real exporters write them.

vobject's content-line parser reads each property; lines are unfolded here because exporters
differ: Outlook breaks quoted-printable lines without indenting them, and ends a value with a
soft line break (``=``) even when the next line is the next property. A line whose property
name cannot be read is skipped and reported, never the reason to refuse the file.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from vobject.base import ParseError, parseLine

from followup_desktop.services.importers.contact_record import ImportFormatError

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Properties of RFC 2426, 6350 and vCard 2.1; with any X- name, a line starting with one of these
#: (upper case, then ";" or ":") begins a property rather than continuing an encoded value.
_PROPERTY_NAMES = frozenset(
    [
        "BEGIN",
        "END",
        "VERSION",
        "N",
        "FN",
        "NICKNAME",
        "PHOTO",
        "BDAY",
        "ANNIVERSARY",
        "GENDER",
        "ADR",
        "LABEL",
        "TEL",
        "EMAIL",
        "IMPP",
        "LANG",
        "TZ",
        "GEO",
        "TITLE",
        "ROLE",
        "LOGO",
        "ORG",
        "MEMBER",
        "RELATED",
        "CATEGORIES",
        "NOTE",
        "PRODID",
        "REV",
        "SOUND",
        "UID",
        "CLIENTPIDMAP",
        "URL",
        "KEY",
        "FBURL",
        "CALADRURI",
        "CALURI",
        "XML",
        "SOURCE",
        "KIND",
        "MAILER",
        "AGENT",
        "CLASS",
        "NAME",
        "PROFILE",
        "SORT-STRING",
        "EXPERTISE",
        "HOBBY",
        "INTEREST",
        "ORG-DIRECTORY",
    ]
)
_PROPERTY_START = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)[;:]")
#: RFC 6868 escapes in parameter values: ^n a line break, ^^ a caret, ^' a double quote.
_CARET = re.compile(r"\^([nN^'])")
_CARET_VALUES = {"n": "\n", "N": "\n", "^": "^", "'": '"'}


@dataclass(slots=True)
class VProperty:
    """One property of a card; ``value`` is text once its bytes are decoded (see ``undecided``)."""

    name: str
    value: str
    types: frozenset[str]
    preferred: bool
    line: int
    group: str = ""
    params: dict[str, str] = field(default_factory=dict)
    #: Decoded quoted-printable or base64 bytes with 8-bit characters and no CHARSET: which
    #: character set they are in is decided for the whole file at once.
    undecided: bytes | None = None


@dataclass(slots=True)
class VCard:
    number: int
    line: int
    properties: list[VProperty] = field(default_factory=list)
    #: Lines that could not be read as properties: "line 7: 'X-GOOGLE TALK;…'".
    skipped: list[str] = field(default_factory=list)


def iter_cards(text: str) -> Iterator[VCard]:
    """The cards of ``text`` one by one; raise ImportFormatError naming the line of a broken
    structure when the reading gets there."""
    return _cards(text)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first physical line number, unfolded line), skipping blank lines."""
    current: list[str] = []
    start = 0
    soft_break = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if soft_break and not starts_property(line):
            # A quoted-printable soft line break: the next line continues the value as written.
            current[-1] = current[-1][:-1]
            current.append(line)
        elif line[:1] in (" ", "\t") and current:
            current.append(line[1:])
        else:
            if current:
                yield start, _without_dangling_soft_break(current)
            current = [line] if line.strip() else []
            start = number
        soft_break = bool(current) and current[-1].endswith("=") and _is_quoted_printable(current)
    if current:
        yield start, _without_dangling_soft_break(current)


def starts_property(line: str) -> bool:
    """True when ``line`` begins a property (Outlook's continuation lines never do)."""
    match = _PROPERTY_START.match(line)
    if match is None:
        return False
    name = match.group(1)
    return name in _PROPERTY_NAMES or name.startswith("X-")


def _without_dangling_soft_break(parts: list[str]) -> str:
    """The line; a soft break that nothing continues (the next line was a property) is dropped."""
    joined = "".join(parts)
    if joined.endswith("=") and _is_quoted_printable(parts):
        return joined[:-1]
    return joined


def _is_quoted_printable(parts: list[str]) -> bool:
    head = parts[0].split(":", 1)[0]
    return "QUOTED-PRINTABLE" in head.upper()


def _cards(text: str) -> Iterator[VCard]:
    card: VCard | None = None
    nested = 0
    count = 0
    for number, line in _logical_lines(text):
        # Only BEGIN and END lines are markers; looking at each whole line took a tenth of a read.
        start = line.lstrip()[:3].upper()
        marker = line.strip().upper().replace(" ", "") if start in ("BEG", "END") else ""
        if card is None:
            if marker == "BEGIN:VCARD":
                count += 1
                card = VCard(count, number)
                continue
            raise ImportFormatError(
                f"line {number}: expected BEGIN:VCARD, found {shorten(line)}"
                if count == 0
                else f"line {number}: text after the end of card {count}: {shorten(line)}"
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
        prop = _property(number, line)
        if prop is None:
            card.skipped.append(f"line {number}: {shorten(line, 80)}")
        else:
            card.properties.append(prop)
    if card is not None:
        raise ImportFormatError(
            f"card {card.number} (line {card.line}): the file ends before END:VCARD "
            "(the file may be cut short)"
        )


def shorten(text: str, limit: int = 40) -> str:
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _property(number: int, line: str) -> VProperty | None:
    """The property on ``line``, or None when the line is not one (an invalid name)."""
    try:
        name, params, raw, group = parseLine(line, number)
    except ParseError:
        return None
    if params and ":" in raw:
        params, raw = _colon_in_parameter(name.upper(), params, raw)
    upper = name.upper()
    types: set[str] = set()
    named: dict[str, str] = {}
    encoding = ""
    charset = ""
    preferred = False
    for param in params:
        key = param[0].upper()
        values = [_caret_decoded(v) for value in param[1:] for v in value.split(",")]
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
            named[key] = charset
        elif key == "PREF":
            preferred = True
        else:
            named[key] = ",".join(values)
    if "pref" in types:
        preferred = True
    prop = VProperty(upper, raw, frozenset(types), preferred, number, (group or "").upper(), named)
    if encoding == "QUOTED-PRINTABLE":
        data = quopri.decodestring(raw.encode("utf-8", "surrogateescape"))
        _set_bytes(prop, data, charset)
    elif encoding in ("BASE64", "B"):
        if upper in ("PHOTO", "LOGO", "SOUND", "KEY"):
            prop.value = ""  # binary: only its presence matters
            return prop
        try:
            data = base64.b64decode(raw, validate=False)
        except (binascii.Error, ValueError):
            data = b""
        _set_bytes(prop, data, charset)
    return prop


def _colon_in_parameter(
    name: str, params: list[list[str]], raw: str
) -> tuple[list[list[str]], str]:
    """Move a ``:`` that belongs to an unquoted parameter value back into it.

    ``ADR;LABEL=BHG01:^n61352 Bad Homburg^nGERMANY:;;street;…`` is split by the parser at the
    first colon; the text up to the next colon is the rest of LABEL when it holds RFC 6868
    escapes (which values never use) or, for an address, when no ``;`` separates parts in it.
    """
    head, _, tail = raw.partition(":")
    belongs = bool(_CARET.search(head)) or (
        name == "ADR" and ";" not in head and tail.count(";") >= 6
    )
    if not belongs or len(params[-1]) < 2:
        return params, raw
    last = [*params[-1][:-1], f"{params[-1][-1]}:{head}"]
    return [*params[:-1], last], tail


def _caret_decoded(value: str) -> str:
    if "^" not in value:
        return value
    return _CARET.sub(lambda match: _CARET_VALUES[match.group(1)], value)


def _set_bytes(prop: VProperty, data: bytes, charset: str) -> None:
    """Text from decoded bytes: in the stated charset (a bad byte replaced, not the whole value
    misread), as ASCII, or left undecided for the file-wide choice."""
    if charset:
        try:
            prop.value = data.decode(charset, errors="replace")
        except LookupError:
            prop.undecided = data
            prop.value = ""
        else:
            prop.value = _lines(prop.value)
            return
    elif data.isascii():
        prop.value = _lines(data.decode("ascii"))
        return
    prop.undecided = data


def decide(prop: VProperty, charset: str) -> None:
    """Decode an undecided value in the charset chosen for the file."""
    if prop.undecided is not None:
        prop.value = _lines(prop.undecided.decode(charset, errors="replace"))


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
