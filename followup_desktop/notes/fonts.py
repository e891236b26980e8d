"""The handwriting fonts bundled in resources/fonts, registered with Qt's font database."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from followup_desktop.notes.compose import HandGlyphs, Piece, compose
from followup_desktop.resources import resource_path

FONT_SUFFIXES = (".ttf", ".otf")

#: The hand used when the user has not chosen one: it looks most like a ballpoint pen.
DEFAULT_HANDWRITING = "Breip"

#: How much a hand joins its letters; per-glyph jitter is scaled down for joined scripts so the
#: strokes between letters still meet.
JOINED_SCRIPTS = {"Dancing Script": 0.35, "Kristi": 0.7, "Kaushan Script": 0.7}

#: Some hands read smaller than their x-height says (narrow letters, long ascenders); they are
#: written this much larger so every hand fills a card alike.
OPTICAL_SCALE = {"Kristi": 1.3}

#: Where a hand lacks a letter it cannot put together from its own glyphs, the letter is
#: borrowed from the bundled hand that looks closest and has it (the others follow in file
#: order); the plain font comes last.
CLOSEST_HANDS = {
    "Breip": ("Kaushan Script", "Kristi", "Dancing Script"),
    "Kristi": ("Kaushan Script", "Dancing Script", "Breip"),
    "Dancing Script": ("Kaushan Script", "Kristi", "Breip"),
    "Kaushan Script": ("Dancing Script", "Kristi", "Breip"),
}


def fonts_folder() -> Path:
    return resource_path("fonts")


def bundled_font_files() -> list[Path]:
    folder = fonts_folder()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)


@cache
def bundled_font_families() -> list[str]:
    """Register each bundled font with Qt (once) and return the family names, in file order.

    Needs a QGuiApplication; the result is cached, so later calls cost nothing.
    """
    families: list[str] = []
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def handwriting_family(name: str) -> str:
    """The bundled family to write with: ``name`` if bundled, else the default hand."""
    families = bundled_font_families()
    if name in families:
        return name
    if DEFAULT_HANDWRITING in families:
        return DEFAULT_HANDWRITING
    return families[0] if families else plain_family()


@cache
def plain_family() -> str:
    """The system's ordinary sans-serif family, for printed (not handwritten) addresses."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def closest_hands(family: str) -> list[str]:
    """The other bundled hands, closest in look first, that lend ``family`` a letter it lacks."""
    hands = [h for h in bundled_font_families() if h != family]
    preferred = [h for h in CLOSEST_HANDS.get(family, ()) if h in hands]
    return preferred + [h for h in hands if h not in preferred]


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
        self.x_height_em = _measured_x_height(main) / self.REFERENCE_PX
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
            raw = _raw_font(self._families[slot], self.REFERENCE_PX)
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
        other = _measured_x_height(font.raw) / OPTICAL_SCALE.get(self._families[font.slot], 1.0)
        own = _measured_x_height(self._font(0).raw) / OPTICAL_SCALE.get(self.family, 1.0)
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


def _measured_x_height(raw: QRawFont) -> float:
    # The OS/2 x-height of some handwriting fonts is far off; the drawn "x" is what a reader sees.
    indexes = raw.glyphIndexesForString("x")
    if indexes and indexes[0]:
        height = raw.boundingRect(indexes[0]).height()
        if height > 0:
            return float(height)
    return float(raw.xHeight() or raw.ascent() * 0.5)


class _ThreadFonts(threading.local):
    """Fonts kept per thread: a Qt font engine must not be used by two threads at once, and a
    PDF export runs on a worker thread while the preview draws on the GUI thread."""

    def __init__(self) -> None:
        self.metrics: dict[str, FontMetricsCache] = {}
        self.raw: dict[tuple[str, float], QRawFont] = {}


_THREAD_FONTS = _ThreadFonts()
#: Sizes a note uses are few (body, signature, contact line, envelopes); this bounds the rest.
_RAW_FONT_LIMIT = 64


def metrics_for(family: str) -> FontMetricsCache:
    """The glyph metrics of ``family``, measured once per thread."""
    cached = _THREAD_FONTS.metrics.get(family)
    if cached is None:
        cached = _THREAD_FONTS.metrics[family] = FontMetricsCache(family)
    return cached


def _raw_font(family: str, pixel_size: float) -> QRawFont:
    font = QFont(family)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    raw = QRawFont.fromFont(font)
    raw.setPixelSize(pixel_size)
    return raw


def raw_font(family: str, pixel_size: float) -> QRawFont:
    """A QRawFont of ``family`` at ``pixel_size`` layout units (points on the page).

    Kept for later calls on the same thread: a new QRawFont makes a new font engine, whose
    face and glyph caches Qt would load again for every export and drop after it.
    """
    fonts = _THREAD_FONTS.raw
    key = (family, pixel_size)
    found = fonts.get(key)
    if found is None:
        if len(fonts) >= _RAW_FONT_LIMIT:
            fonts.pop(next(iter(fonts)))
        found = fonts[key] = _raw_font(family, pixel_size)
    return found
