"""How a hand writes each letter: its own glyph, one put together from its glyphs, or one
borrowed from the closest hand that has it (the plain font last), measured at 1 em."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, replace
from enum import IntEnum

from PySide6.QtCore import QPointF

from followup_desktop.notes.compose import compose
from followup_desktop.notes.fonts import (
    OPTICAL_SCALE,
    bundled_font_families,
    closest_hands,
    measured_x_height,
    new_raw_font,
    plain_family,
)
from followup_desktop.notes.hand_glyphs import HandGlyphs, Piece


class Source(IntEnum):
    """Where a letter's glyphs come from, from best to worst."""

    #: The hand's own glyph.
    HAND = 0
    #: Put together from the hand's own glyphs: a base and its accent, a stroked letter, or
    #: punctuation written as a person would.
    COMPOSED = 1
    #: Borrowed from another bundled hand: the chosen one cannot draw it.
    OTHER_HAND = 2
    #: No hand can draw it: the plain font does.
    PLAIN = 3


@dataclass(frozen=True)
class Letter:
    """How one letter (a character, or a base with its accents) is written, in ems.

    A simple letter is one glyph at the pen, at its own size: ``font_slot`` and ``glyph``.
    Any other has ``pieces``, each placed about its own ink centre (see ``compose.Piece``).
    """

    text: str
    source: Source
    #: The font that drew it (the first piece's).
    family: str
    advance_em: float
    font_slot: int = 0
    glyph: int = 0
    pieces: tuple[Piece, ...] = ()

    @property
    def in_hand(self) -> bool:
        return self.source <= Source.COMPOSED


class FontMetricsCache:
    """How a hand writes each letter, at 1 em: its glyphs, their advances and their sources.

    Slot 0 is the hand; then the closest other hands; the plain font last. Advances are read
    without hinting, so they scale linearly with size and the layout is the same at any
    resolution (screen, printer, PDF).
    """

    REFERENCE_PX = 1000.0

    def __init__(self, family: str) -> None:
        self.family = family
        self.fallback = plain_family()
        families = [family]
        if family in bundled_font_families():
            families += closest_hands(family)
        if self.fallback not in families:
            families.append(self.fallback)
        self._families = tuple(families)
        # Other fonts are opened only when a letter is missing from the hand.
        self._fonts: list[HandGlyphs | None] = [None] * len(families)
        main = self._font(0).raw
        self.x_height_em = measured_x_height(main) / self.REFERENCE_PX
        self.x_height_em /= OPTICAL_SCALE.get(family, 1.0)
        self.ascent_em = main.ascent() / self.REFERENCE_PX
        self.descent_em = main.descent() / self.REFERENCE_PX
        self._letters: dict[str, Letter] = {}
        self.space_em = self.letter(" ").advance_em or 0.3

    @property
    def slot_families(self) -> tuple[str, ...]:
        return self._families

    def letter(self, text: str) -> Letter:
        """How ``text`` (one letter in NFC, with any accents that did not combine) is written."""
        found = self._letters.get(text)
        if found is None:
            found = self._letters[text] = self._resolve(text)
        return found

    def _font(self, slot: int) -> HandGlyphs:
        font = self._fonts[slot]
        if font is None:
            raw = new_raw_font(self._families[slot], self.REFERENCE_PX)
            font = self._fonts[slot] = HandGlyphs(raw, slot)
        return font

    def _resolve(self, text: str) -> Letter:
        if all(unicodedata.category(char) in _INVISIBLE for char in text):
            return Letter(text, Source.HAND, self.family, 0.0)
        hand = self._font(0)
        glyph = hand.glyph(text)
        if glyph is not None:
            return Letter(text, Source.HAND, self.family, hand.advance(glyph), 0, glyph)
        composite = compose(text, hand)
        if composite is not None:
            return Letter(
                text, Source.COMPOSED, self.family, composite.advance_em, 0, 0, composite.pieces
            )
        last = len(self._families) - 1
        for slot in range(1, last + 1):
            source = Source.PLAIN if slot == last else Source.OTHER_HAND
            font = self._font(slot)
            glyph = font.glyph(text)
            if glyph is not None:
                return self._borrowed(text, source, font, glyph)
        plain = self._font(last)
        composite = compose(text, plain)
        if composite is not None:
            scale = self._size_beside(plain)
            pieces = tuple(_sized(piece, scale) for piece in composite.pieces)
            return Letter(
                text,
                Source.PLAIN,
                self._families[last],
                composite.advance_em * scale,
                last,
                0,
                pieces,
            )
        # Not even the plain font has it: its empty box shows where the letter was.
        indexes = plain.raw.glyphIndexesForString(text[:1])
        return self._borrowed(text, Source.PLAIN, plain, indexes[0] if indexes else 0)

    def _size_beside(self, font: HandGlyphs) -> float:
        """How much larger ``font`` is drawn beside the hand so that its x-height matches it,
        each hand at its own optical size."""
        other = measured_x_height(font.raw) / OPTICAL_SCALE.get(self._families[font.slot], 1.0)
        own = measured_x_height(self._font(0).raw) / OPTICAL_SCALE.get(self.family, 1.0)
        return own / other if other > 0 else 1.0

    def _borrowed(self, text: str, source: Source, font: HandGlyphs, glyph: int) -> Letter:
        scale = self._size_beside(font)
        centre = font.ink(glyph).center() if glyph else QPointF(0.0, 0.0)
        piece = Piece(
            font.slot,
            glyph,
            centre.x() * scale,
            centre.y() * scale,
            centre.x(),
            centre.y(),
            0.0,
            scale,
        )
        family = self._families[font.slot]
        return Letter(text, source, family, font.advance(glyph) * scale, font.slot, glyph, (piece,))


#: Characters drawn as nothing: format controls (soft hyphen, zero-width space and joiners,
#: direction marks) and line or paragraph separators.
_INVISIBLE = frozenset({"Cf", "Cc", "Zl", "Zp"})


def _sized(piece: Piece, scale: float) -> Piece:
    return replace(
        piece, at_x=piece.at_x * scale, at_y=piece.at_y * scale, scale=piece.scale * scale
    )


class _ThreadLetters(threading.local):
    """Measured hands kept per thread: a Qt font engine must not be used by two threads at
    once, and a PDF export runs on a worker thread while the preview draws on the GUI thread."""

    def __init__(self) -> None:
        self.metrics: dict[str, FontMetricsCache] = {}


_THREAD_LETTERS = _ThreadLetters()


def metrics_for(family: str) -> FontMetricsCache:
    """The glyph metrics of ``family``, measured once per thread."""
    cached = _THREAD_LETTERS.metrics.get(family)
    if cached is None:
        cached = _THREAD_LETTERS.metrics[family] = FontMetricsCache(family)
    return cached
