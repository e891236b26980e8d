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
