"""Letters a hand lacks, put together from its own glyphs: a base and its accents, a stroked
letter, or a punctuation mark written the way a person writes it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF

from followup_desktop.notes.accents import accented
from followup_desktop.notes.hand_glyphs import (
    Composite,
    HandGlyphs,
    Piece,
    base_piece,
    centred,
    place_glyph,
)


@dataclass(frozen=True)
class _Stroke:
    """A letter drawn with a stroke through it, made from the hand's hyphen."""

    base: str
    #: Height of the stroke: a fraction of the way from the x-height to the letter's top
    #: (``above_x``), or of the letter's whole height.
    height: float
    above_x: bool
    #: The stroke rises to the right by this many degrees.
    rise: float
    #: Width in x-heights, or as a share of the letter's ink width when ``across``.
    width: float
    #: Through the first (leftmost) run of ink at that height, or centred on all of it.
    first_run: bool = False
    across: bool = False


STROKES: dict[str, _Stroke] = {
    "ł": _Stroke("l", 0.5, False, 28.0, 0.62),
    "Ł": _Stroke("L", 0.45, False, 40.0, 0.5, first_run=True),
    "đ": _Stroke("d", 0.45, True, 0.0, 0.5),
    "Đ": _Stroke("D", 0.48, False, 0.0, 0.45, first_run=True),
    "ħ": _Stroke("h", 0.45, True, 0.0, 0.5),
    "Ħ": _Stroke("H", 0.72, False, 0.0, 1.05, across=True),
    "ŧ": _Stroke("t", 0.2, False, 0.0, 0.45),
    "Ŧ": _Stroke("T", 0.45, False, 0.0, 0.45),
}

#: Punctuation a hand may lack, written as a person would with the glyphs it has.
EQUIVALENTS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": ",",
    "\u201b": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u2039": "<",
    "\u203a": ">",
}


def letter_clusters(word: str) -> list[str]:
    """The letters of ``word`` (NFC): each character with the combining marks after it."""
    letters: list[str] = []
    for char in word:
        if letters and unicodedata.combining(char):
            letters[-1] += char
        else:
            letters.append(char)
    return letters


def compose(text: str, font: HandGlyphs) -> Composite | None:
    """``text`` (one letter, NFC) put together from the glyphs of ``font``, or None."""
    for build in (_stroked, _special, _small_letter, accented, _equivalent, _compatible):
        found = build(text, font)
        if found is not None:
            return found
    return None


def _stroked(text: str, font: HandGlyphs) -> Composite | None:
    stroke = STROKES.get(text)
    if stroke is None:
        return None
    base, hyphen = font.glyph(stroke.base), font.glyph("-")
    if base is None or hyphen is None:
        return None
    x_height = font.x_height
    ink = font.ink(base)
    if stroke.above_x:
        y = -x_height + (ink.top() + x_height) * stroke.height
    else:
        y = ink.bottom() - ink.height() * stroke.height
    runs = font.runs(base, y)
    hyphen_ink = font.ink(hyphen)
    if not runs or hyphen_ink.width() <= 0:
        return None
    through = runs[0] if stroke.first_run else (runs[0][0], runs[-1][1])
    centre_x = (through[0] + through[1]) / 2
    width = stroke.width * (runs[-1][1] - runs[0][0]) if stroke.across else stroke.width * x_height
    # A hyphen shortened much below its own length would be thinner than the hand's pen.
    size = max(width / hyphen_ink.width(), 0.85)
    bar = place_glyph(hyphen, hyphen_ink, -stroke.rise, size)
    pieces = [base_piece(font, base), *centred(font, [bar], centre_x, y)]
    return Composite(font.advance(base), tuple(pieces))


def _special(text: str, font: HandGlyphs) -> Composite | None:
    """A euro sign written as a C with two bars, a bullet as a large middle dot, a long dash as
    two hyphens in one stroke, low double quotes as two commas."""
    x_height = font.x_height
    if text == "\u20ac":
        letter, bars = font.glyph("C"), font.glyph("=")
        if letter is None or bars is None or font.ink(bars).width() <= 0:
            return None
        ink, bars_ink = font.ink(letter), font.ink(bars)
        size = min(1.0, 0.8 * ink.width() / bars_ink.width())
        centre = QPointF(ink.left() + ink.width() * 0.38, ink.center().y())
        placed = [place_glyph(bars, bars_ink, 0.0, size)]
        pieces = (base_piece(font, letter), *centred(font, placed, centre.x(), centre.y()))
        return Composite(font.advance(letter), pieces)
    if text == "\u2022":
        dot = font.glyph("\u00b7") or font.glyph(".")
        if dot is None:
            return None
        ink = font.ink(dot)
        size = 1.7
        advance = font.advance(dot) + ink.width() * (size - 1)
        placed = [place_glyph(dot, ink, 0.0, size)]
        return Composite(advance, tuple(centred(font, placed, advance / 2, -0.5 * x_height)))
    if text in _JOINED_PAIRS:
        return _joined_pair(_JOINED_PAIRS[text], font)
    pair = {"\u2014": ("-", 0.8), "\u2015": ("-", 0.8), "\u201e": (",", 1.6)}.get(text)
    if pair is None:
        return None
    glyph = font.glyph(pair[0])
    if glyph is None:
        return None
    # A long dash is two hyphens run into one stroke; low quotes are two commas.
    step = max(font.ink(glyph).width() * pair[1], 0.1 * x_height)
    first = base_piece(font, glyph)
    second = replace(first, at_x=first.at_x + step)
    return Composite(font.advance(glyph) + step, (first, second))


#: Letters written as another letter of the hand brought down to the x-height: a dotless i is
#: the stem of an l, a kra a small capital K.
_SMALL_LETTERS = {"\u0131": "l", "\u0138": "K"}


def _small_letter(text: str, font: HandGlyphs) -> Composite | None:
    """A dotless i or a kra from a taller letter of the hand, and a spacing macron from its
    hyphen raised to the height of the capitals."""
    if text == "\u00af":
        hyphen = font.glyph("-")
        if hyphen is None:
            return None
        ink = font.ink(hyphen)
        mark = [place_glyph(hyphen, ink, 0.0, 1.0)]
        return Composite(
            font.advance(hyphen),
            tuple(centred(font, mark, ink.center().x(), -1.45 * font.x_height)),
        )
    source = _SMALL_LETTERS.get(text)
    glyph = font.glyph(source) if source else None
    if glyph is None:
        return None
    ink = font.ink(glyph)
    if ink.height() <= 0:
        return None
    size = font.x_height / ink.height()
    mark = [place_glyph(glyph, ink, 0.0, size)]
    pieces = centred(font, mark, ink.center().x() * size, ink.center().y() * size)
    return Composite(font.advance(glyph) * size, tuple(pieces))


#: Ligatures a hand writes as two letters run together.
_JOINED_PAIRS = {"\u0153": "oe", "\u0152": "OE"}


def _joined_pair(letters: str, font: HandGlyphs) -> Composite | None:
    """Two letters with the second drawn into the first, as œ is written by hand."""
    first, second = font.glyph(letters[0]), font.glyph(letters[1])
    if first is None or second is None:
        return None
    first_ink, second_ink = font.ink(first), font.ink(second)
    # The second letter starts a little inside the first one's ink.
    overlap = 0.12 * first_ink.width()
    step = first_ink.right() - overlap - second_ink.left()
    base = base_piece(font, first)
    other = base_piece(font, second)
    return Composite(step + font.advance(second), (base, replace(other, at_x=other.at_x + step)))


def _sequence(chars: str, font: HandGlyphs) -> Composite | None:
    """Glyphs the font has, written one after another."""
    pieces: list[Piece] = []
    x = 0.0
    for char in chars:
        glyph = font.glyph(char)
        if glyph is None:
            return None
        piece = base_piece(font, glyph)
        pieces.append(replace(piece, at_x=piece.at_x + x))
        x += font.advance(glyph)
    return Composite(x, tuple(pieces)) if pieces else None


def _equivalent(text: str, font: HandGlyphs) -> Composite | None:
    plain = EQUIVALENTS.get(text)
    return _sequence(plain, font) if plain else None


def _compatible(text: str, font: HandGlyphs) -> Composite | None:
    """A compatibility letter (the ij ligature, l with a middle dot, the long s, the fi
    ligature, the trade mark sign) as the letters it stands for."""
    spelled = unicodedata.normalize("NFKD", text)
    if spelled == text:
        return None
    spelled = "".join(EQUIVALENTS.get(char, char) for char in spelled)
    if len(unicodedata.normalize("NFC", spelled)) != len(spelled):
        return None  # spelled with accents again: left to the accent composer
    return _sequence(spelled, font)
