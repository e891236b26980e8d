"""Accented letters a hand lacks, put together from its base letter and an accent it has."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

from followup_desktop.notes.hand_glyphs import (
    Composite,
    HandGlyphs,
    Placed,
    base_piece,
    centred,
    place_glyph,
    resized,
)


@dataclass(frozen=True)
class _Source:
    """A glyph that can stand for a mark: the character, turned, mirrored, and how wide it may
    be drawn (in x-heights; None keeps the hand's own size)."""

    char: str
    turn: float = 0.0
    mirror: bool = False
    width: float | None = None
    #: Two of it side by side (a double acute from two acutes).
    double: bool = False


_ABOVE = "above"
_BELOW = "below"
_OGONEK = "ogonek"

#: Combining marks: where they sit, then the glyphs that can draw them, best first.
MARKS: dict[str, tuple[str, tuple[_Source, ...]]] = {
    "\u0300": (_ABOVE, (_Source("\u0300"), _Source("\u02cb"), _Source("`"))),
    "\u0301": (
        _ABOVE,
        (_Source("\u0301"), _Source("\u00b4"), _Source("\u02ca"), _Source("`", mirror=True)),
    ),
    "\u0302": (_ABOVE, (_Source("\u0302"), _Source("\u02c6"), _Source("^", width=0.55))),
    "\u0303": (_ABOVE, (_Source("\u0303"), _Source("\u02dc"), _Source("~", width=0.6))),
    "\u0304": (
        _ABOVE,
        (_Source("\u0304"), _Source("\u00af"), _Source("\u02c9"), _Source("-", width=0.55)),
    ),
    "\u0306": (
        _ABOVE,
        (_Source("\u0306"), _Source("\u02d8"), _Source("(", turn=-90.0, width=0.5)),
    ),
    "\u0307": (_ABOVE, (_Source("\u0307"), _Source("\u02d9"), _Source("."))),
    "\u0308": (_ABOVE, (_Source("\u0308"), _Source("\u00a8"), _Source(".", double=True))),
    "\u030a": (_ABOVE, (_Source("\u030a"), _Source("\u02da"), _Source("\u00b0"))),
    "\u030b": (
        _ABOVE,
        (_Source("\u030b"), _Source("\u02dd"), _Source("\u00b4", double=True)),
    ),
    "\u030c": (
        _ABOVE,
        (
            _Source("\u030c"),
            _Source("\u02c7"),
            _Source("\u02c6", turn=180.0),
            _Source("^", turn=180.0, width=0.55),
        ),
    ),
    "\u0326": (_BELOW, (_Source("\u0326"), _Source(","))),
    "\u0327": (_BELOW, (_Source("\u0327"), _Source("\u00b8"), _Source(","))),
    "\u0328": (_OGONEK, (_Source("\u0328"), _Source("\u02db"), _Source("\u00b8", mirror=True))),
}

#: A caron on these tall letters is written as an apostrophe beside them (ď ť ľ Ľ).
_CARON_BESIDE = frozenset("dtlL")
#: A cedilla under these is a comma (Latvian ķ ļ ņ ŗ); over a g it is a comma turned above.
_COMMA_CEDILLA = frozenset("kKlLnNrRG")
_APOSTROPHES = (_Source("\u2019"), _Source("'"))
#: An i or j loses its dot under an accent, where the hand has the dotless letter.
_DOTLESS = {"i": "\u0131", "j": "\u0237"}


def marks_and_base(text: str) -> tuple[str, str]:
    """The base character and the combining marks of a letter, in canonical order (NFD)."""
    decomposed = unicodedata.normalize("NFD", text)
    return decomposed[:1], decomposed[1:]


def _place_source(font: HandGlyphs, source: _Source, x_height: float) -> Placed | None:
    glyph = font.glyph(source.char)
    if glyph is None:
        return None
    ink = font.ink(glyph)
    if ink.width() <= 0 and ink.height() <= 0:
        return None
    size = 1.0
    if source.width is not None:
        turned = QTransform().rotate(source.turn).mapRect(ink)
        if turned.width() > 0:
            size = min(1.0, source.width * x_height / turned.width())
    return place_glyph(glyph, ink, source.turn, -size if source.mirror else size)


def _mark(font: HandGlyphs, sources: tuple[_Source, ...], x_height: float) -> list[Placed]:
    """The mark drawn by the first source the font has (two of it for a doubled source)."""
    for source in sources:
        placed = _place_source(font, source, x_height)
        if placed is None:
            continue
        if not source.double:
            return [placed]
        step = placed.box.width() * 0.9 + 0.06 * x_height
        second = replace(placed, box=placed.box.translated(step, 0), offset=step)
        return [placed, second]
    return []


def accented(text: str, font: HandGlyphs) -> Composite | None:
    base, marks = marks_and_base(text)
    if not marks or not base or any(mark not in MARKS for mark in marks):
        return None
    above = any(MARKS[mark][0] == _ABOVE for mark in marks)
    base_glyph = font.glyph(_DOTLESS[base]) if above and base in _DOTLESS else None
    if base_glyph is None:
        base_glyph = font.glyph(base)
    if base_glyph is None:
        return None
    x_height = font.x_height
    ink = font.ink(base_glyph)
    advance = font.advance(base_glyph)
    pieces = [base_piece(font, base_glyph)]
    top_band = font.band(base_glyph, ink.top(), ink.top() + 0.3 * x_height)
    bottom_band = font.band(base_glyph, ink.bottom() - 0.3 * x_height, ink.bottom())
    # Stacked marks go outwards from the letter, each clear of the one before.
    top, bottom = ink.top(), ink.bottom()
    gap = 0.14 * x_height
    for mark in marks:
        where, sources = MARKS[mark]
        if mark == "\u030c" and base in _CARON_BESIDE:
            beside = _mark(font, _APOSTROPHES, x_height)
            if not beside:
                return None
            box = beside[0].box
            left = top_band.right() + 0.06 * x_height
            pieces += centred(font, beside, left + box.width() / 2, ink.top() + box.height() / 2)
            advance = max(advance, left + box.width() + 0.08 * x_height)
            continue
        if mark == "\u0327" and base == "g":
            where, sources = _ABOVE, (_Source(",", turn=180.0),)
        elif mark == "\u0327" and base in _COMMA_CEDILLA:
            sources = (_Source(","),)
        placed = _mark(font, sources, x_height)
        if not placed:
            return None
        box = QRectF(placed[0].box).united(placed[-1].box)
        # An accent is no wider than its letter (a narrow hand's macron would reach the next).
        widest = max(ink.width() * 0.8, 0.5 * x_height)
        if where == _ABOVE and box.width() > widest:
            placed = [resized(one, widest / box.width()) for one in placed]
            box = QRectF(placed[0].box).united(placed[-1].box)
        if where == _ABOVE:
            centre_x = top_band.center().x()
            centre_y = top - gap - box.height() / 2
            top = centre_y - box.height() / 2
        elif where == _OGONEK:
            centre_x = bottom_band.right() - box.width() / 2
            centre_y = bottom - 0.12 * x_height + box.height() / 2
            bottom = centre_y + box.height() / 2
        else:
            # A cedilla hangs from the letter; a comma below is written clear of it.
            touching = font.glyph(",") != placed[0].glyph
            centre_x = bottom_band.center().x()
            offset = -0.06 * x_height if touching else 0.1 * x_height
            centre_y = bottom + offset + box.height() / 2
            bottom = centre_y + box.height() / 2
        pieces += centred(font, placed, centre_x, centre_y)
    return Composite(advance, tuple(pieces))
