"""The handwriting fonts bundled in resources/fonts, registered with Qt's font database."""

from __future__ import annotations

from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf")


def fonts_folder() -> Path:
    from followup_desktop.resources import resource_path

    return resource_path("fonts")


def bundled_font_files() -> list[Path]:
    folder = fonts_folder()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)


def bundled_font_families() -> list[str]:
    """Register each bundled font with Qt and return the family names, in file order."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families
