"""The handwriting fonts bundled in resources/fonts, registered with Qt's font database."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

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


def measured_x_height(raw: QRawFont) -> float:
    """The drawn height of an "x" in ``raw``'s pixels."""
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
        self.raw: dict[tuple[str, float], QRawFont] = {}


_THREAD_FONTS = _ThreadFonts()
#: Sizes a note uses are few (body, signature, contact line, envelopes); this bounds the rest.
_RAW_FONT_LIMIT = 64


def new_raw_font(family: str, pixel_size: float) -> QRawFont:
    """A fresh unhinted QRawFont of ``family``: advances scale linearly with the size."""
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
        found = fonts[key] = new_raw_font(family, pixel_size)
    return found
