"""A font's glyphs measured for writing letters it lacks: outlines, ink boxes and advances, and
how a glyph is placed as one piece of a letter."""

from __future__ import annotations

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
class Placed:
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


def place_glyph(glyph: int, ink: QRectF, turn: float, scale: float) -> Placed:
    box = QTransform().rotate(turn).scale(scale, abs(scale)).mapRect(ink)
    return Placed(glyph, turn, scale, ink.center(), box)


def resized(mark: Placed, factor: float) -> Placed:
    """``mark`` drawn ``factor`` times its size, about its glyph's origin."""
    box = QRectF(
        mark.box.left() * factor,
        mark.box.top() * factor,
        mark.box.width() * factor,
        mark.box.height() * factor,
    )
    return replace(mark, scale=mark.scale * factor, box=box, offset=mark.offset * factor)


def piece_of(font: HandGlyphs, mark: Placed, shift_x: float, shift_y: float) -> Piece:
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


def centred(font: HandGlyphs, marks: list[Placed], centre_x: float, centre_y: float) -> list[Piece]:
    """``marks`` (one, or a doubled pair) with the centre of their ink at the given point."""
    box = QRectF(marks[0].box).united(marks[-1].box)
    shift_x, shift_y = centre_x - box.center().x(), centre_y - box.center().y()
    return [piece_of(font, mark, shift_x, shift_y) for mark in marks]


def base_piece(font: HandGlyphs, glyph: int) -> Piece:
    centre = font.ink(glyph).center()
    return Piece(font.slot, glyph, centre.x(), centre.y(), centre.x(), centre.y())
