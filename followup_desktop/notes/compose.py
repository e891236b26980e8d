"""Letters a hand lacks, put together from its own glyphs: a base and its accents, a stroked
letter, or a punctuation mark written the way a person writes it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QRawFont, QTransform


@dataclass(frozen=True)
class Piece:
    """One glyph of a letter: where it goes and how it is turned, before any variation.

    The piece's ink centre ``pivot`` (in the glyph's own ems) lands at ``at`` (in the letter's
    ems): the hand's variation moves and turns each piece about that point, so an accent stays
    over its letter however the letter leans.
    """

    font_slot: int
    glyph: int
    at_x: float
    at_y: float
    pivot_x: float
    pivot_y: float
    #: Degrees, clockwise on the page.
    turn: float = 0.0
    #: Size relative to the letter; negative draws the glyph mirrored left to right.
    scale: float = 1.0


@dataclass(frozen=True)
class Composite:
    advance_em: float
    pieces: tuple[Piece, ...]


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


def marks_and_base(text: str) -> tuple[str, str]:
    """The base character and the combining marks of a letter, in canonical order (NFD)."""
    decomposed = unicodedata.normalize("NFD", text)
    return decomposed[:1], decomposed[1:]


class HandGlyphs:
    """A font's glyphs measured once: which characters it has, their outlines and advances.

    ``raw`` is at 1000 pixels to the em; all answers are in ems, y pointing down from the
    baseline. A hand's own accents (acute, diaeresis, cedilla) are used where it has them;
    where it has not, a mark is made from a glyph it does have (a caron is a circumflex upside
    down, a dot above a full stop, an ogonek a mirrored cedilla), as a person writing would.
    """

    def __init__(self, raw: QRawFont, slot: int) -> None:
        self.raw = raw
        self.slot = slot
        self.em = raw.pixelSize() or 1000.0
        self._paths: dict[int, QPainterPath] = {}

    def glyph(self, char: str) -> int | None:
        """The glyph of a single character the font itself has, else None."""
        if len(char) != 1 or not self.raw.supportsCharacter(ord(char)):
            return None
        indexes = self.raw.glyphIndexesForString(char)
        return indexes[0] if indexes and indexes[0] else None

    def advance(self, glyph: int) -> float:
        advances = self.raw.advancesForGlyphIndexes([glyph])
        return advances[0].x() / self.em if advances else 0.0

    def path(self, glyph: int) -> QPainterPath:
        found = self._paths.get(glyph)
        if found is None:
            found = self._paths[glyph] = QTransform.fromScale(1 / self.em, 1 / self.em).map(
                self.raw.pathForGlyph(glyph)
            )
        return found

    def ink(self, glyph: int) -> QRectF:
        return self.path(glyph).boundingRect()

    @cached_property
    def x_height(self) -> float:
        """The drawn height of an x: some fonts' own x-height figure is far off."""
        glyph = self.glyph("x")
        if glyph is not None:
            height = self.ink(glyph).height()
            if height > 0:
                return height
        return (self.raw.xHeight() or self.raw.ascent() * 0.5) / self.em

    def band(self, glyph: int, top: float, bottom: float) -> QRectF:
        """The ink of ``glyph`` between two heights (its whole ink where there is none)."""
        ink = self.ink(glyph)
        strip = QPainterPath()
        strip.addRect(QRectF(ink.left() - 1, top, ink.width() + 2, bottom - top))
        inside = self.path(glyph).intersected(strip).boundingRect()
        return inside if inside.width() > 0 else ink

    def runs(self, glyph: int, y: float) -> list[tuple[float, float]]:
        """Where a horizontal line at ``y`` crosses the ink of ``glyph``: (left, right) runs."""
        ink = self.ink(glyph)
        path = self.path(glyph)
        steps = 120
        runs: list[tuple[float, float]] = []
        start: float | None = None
        for step in range(steps + 1):
            x = ink.left() + ink.width() * step / steps
            inside = path.contains(QPointF(x, y))
            if inside and start is None:
                start = x
            elif not inside and start is not None:
                runs.append((start, x))
                start = None
        if start is not None:
            runs.append((start, ink.right()))
        return runs


@dataclass(frozen=True)
class _Placed:
    """A mark glyph with its turn and size chosen, and its ink as drawn from its origin."""

    glyph: int
    turn: float
    scale: float
    pivot: QPointF
    #: The ink as drawn (turned, sized, moved by ``offset``) from the glyph's origin.
    box: QRectF
    #: The second of a doubled mark sits this far right of the first.
    offset: float = 0.0

    def drawn_pivot(self) -> QPointF:
        turned = QTransform().rotate(self.turn).scale(self.scale, abs(self.scale))
        return turned.map(self.pivot) + QPointF(self.offset, 0.0)


def _placed(glyph: int, ink: QRectF, turn: float, scale: float) -> _Placed:
    box = QTransform().rotate(turn).scale(scale, abs(scale)).mapRect(ink)
    return _Placed(glyph, turn, scale, ink.center(), box)


def _place_source(font: HandGlyphs, source: _Source, x_height: float) -> _Placed | None:
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
    return _placed(glyph, ink, source.turn, -size if source.mirror else size)


def _mark(font: HandGlyphs, sources: tuple[_Source, ...], x_height: float) -> list[_Placed]:
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


def _resized(mark: _Placed, factor: float) -> _Placed:
    """``mark`` drawn ``factor`` times its size, about its glyph's origin."""
    box = QRectF(
        mark.box.left() * factor,
        mark.box.top() * factor,
        mark.box.width() * factor,
        mark.box.height() * factor,
    )
    return replace(mark, scale=mark.scale * factor, box=box, offset=mark.offset * factor)


def _piece(font: HandGlyphs, mark: _Placed, shift_x: float, shift_y: float) -> Piece:
    """``mark`` moved by (shift_x, shift_y) from where its glyph's origin is the letter's."""
    pivot = mark.drawn_pivot()
    return Piece(
        font.slot,
        mark.glyph,
        pivot.x() + shift_x,
        pivot.y() + shift_y,
        mark.pivot.x(),
        mark.pivot.y(),
        mark.turn,
        mark.scale,
    )


def _centred(
    font: HandGlyphs, marks: list[_Placed], centre_x: float, centre_y: float
) -> list[Piece]:
    """``marks`` (one, or a doubled pair) with the centre of their ink at the given point."""
    box = QRectF(marks[0].box).united(marks[-1].box)
    shift_x, shift_y = centre_x - box.center().x(), centre_y - box.center().y()
    return [_piece(font, mark, shift_x, shift_y) for mark in marks]


def _base_piece(font: HandGlyphs, glyph: int) -> Piece:
    centre = font.ink(glyph).center()
    return Piece(font.slot, glyph, centre.x(), centre.y(), centre.x(), centre.y())


def compose(text: str, font: HandGlyphs) -> Composite | None:
    """``text`` (one letter, NFC) put together from the glyphs of ``font``, or None."""
    for build in (_stroked, _special, _accented, _equivalent, _compatible):
        found = build(text, font)
        if found is not None:
            return found
    return None


def _accented(text: str, font: HandGlyphs) -> Composite | None:
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
    pieces = [_base_piece(font, base_glyph)]
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
            pieces += _centred(font, beside, left + box.width() / 2, ink.top() + box.height() / 2)
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
            placed = [_resized(one, widest / box.width()) for one in placed]
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
        pieces += _centred(font, placed, centre_x, centre_y)
    return Composite(advance, tuple(pieces))


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
    bar = _placed(hyphen, hyphen_ink, -stroke.rise, width / hyphen_ink.width())
    pieces = (_base_piece(font, base), *_centred(font, [bar], centre_x, y))
    return Composite(font.advance(base), pieces)


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
        placed = [_placed(bars, bars_ink, 0.0, size)]
        pieces = (_base_piece(font, letter), *_centred(font, placed, centre.x(), centre.y()))
        return Composite(font.advance(letter), pieces)
    if text == "\u2022":
        dot = font.glyph("\u00b7") or font.glyph(".")
        if dot is None:
            return None
        ink = font.ink(dot)
        size = 1.7
        advance = font.advance(dot) + ink.width() * (size - 1)
        placed = [_placed(dot, ink, 0.0, size)]
        return Composite(advance, tuple(_centred(font, placed, advance / 2, -0.5 * x_height)))
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
    first = _base_piece(font, glyph)
    second = replace(first, at_x=first.at_x + step)
    return Composite(font.advance(glyph) + step, (first, second))


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
    base = _base_piece(font, first)
    other = _base_piece(font, second)
    return Composite(step + font.advance(second), (base, replace(other, at_x=other.at_x + step)))


def _sequence(chars: str, font: HandGlyphs) -> Composite | None:
    """Glyphs the font has, written one after another."""
    pieces: list[Piece] = []
    x = 0.0
    for char in chars:
        glyph = font.glyph(char)
        if glyph is None:
            return None
        piece = _base_piece(font, glyph)
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
