"""Turn an import file's bytes into text: byte-order marks, BOM-less UTF-16, legacy code pages."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from followup_desktop.services.importers.contact_record import ImportFormatError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Tried in order when there is no byte-order mark. Windows-1252 is what Outlook and Excel write
#: on western systems; Latin-1 accepts any byte, so it comes last.
_FALLBACKS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    had_bom: bool


def decode_import_bytes(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode ``data``; with ``encoding`` given, use it (a BOM is still removed)."""
    bom, bom_encoding = _find_bom(data)
    if encoding:
        name = _codec_name(encoding)
        body = data[len(bom) :] if bom and _codec_name(bom_encoding) == name else data
        try:
            text = body.decode(name)
        except UnicodeDecodeError as error:
            line = body[: error.start].count(b"\n") + 1
            raise ImportFormatError(
                f"line {line}: the file is not in {encoding} (byte 0x{body[error.start]:02x} "
                "cannot be read); try another encoding"
            ) from error
        return _checked(DecodedText(text, name, bool(bom)))
    if bom:
        try:
            return _checked(DecodedText(data[len(bom) :].decode(bom_encoding), bom_encoding, True))
        except UnicodeDecodeError as error:
            raise ImportFormatError(
                f"the file starts with a {bom_encoding.upper()} byte-order mark but is not "
                f"valid {bom_encoding.upper()} (byte {error.start + len(bom)})"
            ) from error
    wide = _guess_utf16(data)
    if wide is not None:
        try:
            return _checked(DecodedText(data.decode(wide), wide, False))
        except UnicodeDecodeError:
            pass
    for candidate in _FALLBACKS:
        try:
            return _checked(DecodedText(data.decode(candidate), candidate, False))
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as error:
        raise ImportFormatError(f"unknown text encoding {encoding!r}") from error


def _find_bom(data: bytes) -> tuple[bytes, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return bom, name
    return b"", ""


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a zero in every other byte for Latin characters."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.6 and even_zeros < half * 0.1:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros < half * 0.1:
        return "utf-16-be"
    return None


def _checked(decoded: DecodedText) -> DecodedText:
    position = decoded.text.find("\x00")
    if position >= 0:
        line = decoded.text.count("\n", 0, position) + 1
        raise ImportFormatError(
            f"line {line}: contains a NUL character, so this is not a text file "
            "(or the wrong encoding was chosen)"
        )
    return decoded


# --- 8-bit values that do not say their character set ----------------------------------------

#: Single-byte sets exporters wrote before UTF-8, most common first (the order breaks ties).
LEGACY_CHARSETS = (
    "cp1252",
    "cp1250",
    "iso8859-2",
    "iso8859-15",
    "cp1251",
    "koi8-r",
    "cp1257",
    "cp1254",
    "iso8859-7",
    "mac-roman",
    "cp850",
)
#: Symbols real names and addresses contain; any other non-letter is taken as a misreading.
_PLAUSIBLE_SYMBOLS = frozenset("€–—‘’‚“”„•…°§«»·\u00a0ªº")


@dataclass(frozen=True)
class CharsetGuess:
    """The character set chosen for 8-bit values that name none, and why."""

    charset: str
    reason: str


def guess_value_charset(
    samples: list[bytes], declared: list[str], file_encoding: str = ""
) -> CharsetGuess:
    """Choose one charset for the 8-bit ``samples`` of a file by evidence: valid UTF-8, the
    charsets the file names for its other values, the file's own legacy encoding, then which
    single-byte set reads every sample as letters (a charset detector breaks ties)."""
    joined = b"\n".join(samples)
    good, bad = _utf8_sequences(joined)
    if good and bad == 0:
        return CharsetGuess("utf-8", "every such value is valid UTF-8")
    if good and good >= bad:
        return CharsetGuess("utf-8", f"UTF-8 with {bad} unreadable byte(s) replaced")
    scores = {name: _misreadings(joined, name) for name in LEGACY_CHARSETS}
    for name in [*declared, file_encoding]:
        known = _known_codec(name)
        if known and known != "utf-8" and _misreadings(joined, known) <= min(scores.values()):
            return CharsetGuess(known, f"the file names {name} for its other values")
    fewest = min(scores.values())
    tied = [name for name in LEGACY_CHARSETS if scores[name] == fewest]
    readings = {joined.decode(name, errors="replace") for name in tied}
    if len(readings) == 1:
        return CharsetGuess(tied[0], "guessed from the letters")
    # Imported when a tie needs breaking: most files never get here (a named seam, ~30 ms).
    from charset_normalizer import from_bytes

    best = from_bytes(joined, cp_isolation=list(tied)).best()
    found = _known_codec(best.encoding) if best is not None else ""
    chosen = next((name for name in tied if _known_codec(name) == found), tied[0])
    # The same text under an older name: say the more common charset.
    reading = joined.decode(chosen, errors="replace")
    chosen = next(name for name in tied if joined.decode(name, errors="replace") == reading)
    return CharsetGuess(chosen, "guessed from the letters by a charset detector")


def _known_codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _utf8_sequences(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, bytes that are not part of one)."""
    good = bad = 0
    index, end = 0, len(data)
    while index < end:
        byte = data[index]
        if byte < 0x80:
            index += 1
            continue
        length = (
            2
            if 0xC2 <= byte <= 0xDF
            else 3
            if 0xE0 <= byte <= 0xEF
            else 4
            if 0xF0 <= byte <= 0xF4
            else 0
        )
        if length and index + length <= end:
            try:
                data[index : index + length].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                good += 1
                index += length
                continue
        bad += 1
        index += 1
    return good, bad


def _misreadings(data: bytes, charset: str) -> int:
    """How many characters of ``data`` read in ``charset`` look like a misreading: symbols no
    name contains, and words that mix Latin letters with another script."""
    text = data.decode(charset, errors="replace")
    count = 0
    for char in text:
        if ord(char) > 0x7F and not char.isalpha() and char not in _PLAUSIBLE_SYMBOLS:
            count += 1
    for word in text.split():
        if not word.isascii():
            scripts = {_script(char) for char in word if char.isalpha()}
            count += len(scripts) > 1
    return count


def _script(char: str) -> str:
    if ord(char) < 0x250:
        return "latin"
    if 0x370 <= ord(char) < 0x400:
        return "greek"
    if 0x400 <= ord(char) < 0x530:
        return "cyrillic"
    return "other"
