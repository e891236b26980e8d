"""The handwriting fonts bundled in resources/fonts, registered with Qt's font database."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from followup_desktop.resources import resource_path

FONT_SUFFIXES = (".ttf", ".otf")

#: The hand used when the user has not chosen one: it looks most like a ballpoint pen.
DEFAULT_HANDWRITING = "Breip"

#: How much a hand joins its letters; per-glyph jitter is scaled down for joined scripts so the
#: strokes between letters still meet.
JOINED_SCRIPTS = {"Dancing Script": 0.35, "Kristi": 0.7}

#: Some hands read smaller than their x-height says (narrow letters, long ascenders); they are
#: written this much larger so every hand fills a card alike.
OPTICAL_SCALE = {"Kristi": 1.3}

#: Characters a handwriting font may lack, written the way a person would.
PLAIN_EQUIVALENTS = {
    "\u2014": "-",
    "\u2013": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
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


@dataclass(frozen=True)
class GlyphMetrics:
    """One character in one font: which glyph draws it and how far it advances, in ems."""

    font_slot: int
    glyph: int
    advance_em: float


class FontMetricsCache:
    """Per-character glyph indexes and advances of a family at 1 em, with a plain fallback.

    Advances are read without hinting, so they scale linearly with size and the layout is the
    same at any resolution (screen, printer, PDF).
    """

    REFERENCE_PX = 1000.0

    def __init__(self, family: str) -> None:
        self.family = family
        self.fallback = plain_family()
        self._raw = [_raw_font(family, self.REFERENCE_PX), _raw_font(self.fallback, 1000.0)]
        main = self._raw[0]
        self.x_height_em = _measured_x_height(main) / self.REFERENCE_PX
        self.x_height_em /= OPTICAL_SCALE.get(family, 1.0)
        self.ascent_em = main.ascent() / self.REFERENCE_PX
        self.descent_em = main.descent() / self.REFERENCE_PX
        self._chars: dict[str, list[GlyphMetrics]] = {}
        self.space_em = self._lookup(" ")[0].advance_em or 0.3

    @property
    def slot_families(self) -> tuple[str, str]:
        return (self.family, self.fallback)

    def glyphs_for(self, char: str) -> list[GlyphMetrics]:
        found = self._chars.get(char)
        if found is None:
            found = self._lookup(char)
            self._chars[char] = found
        return found

    def _lookup(self, char: str) -> list[GlyphMetrics]:
        for slot, raw in enumerate(self._raw):
            if raw.supportsCharacter(char):
                return [self._metrics(slot, char)]
        plain = PLAIN_EQUIVALENTS.get(char)
        if plain is not None and plain != char:
            return [g for c in plain for g in self.glyphs_for(c)]
        return [self._metrics(1, char)]

    def _metrics(self, slot: int, char: str) -> GlyphMetrics:
        raw = self._raw[slot]
        indexes = raw.glyphIndexesForString(char)
        glyph = indexes[0] if indexes else 0
        advances = raw.advancesForGlyphIndexes([glyph])
        advance = advances[0].x() / self.REFERENCE_PX if advances else 0.0
        return GlyphMetrics(slot, glyph, advance)


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
