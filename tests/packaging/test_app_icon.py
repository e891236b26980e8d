"""The app icon: every generated size is present and readable, and the window uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from followup_desktop import APP_ID

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_has_its_size(size: int) -> None:
    reader = QImageReader(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert reader.size().width() == size
    assert reader.size().height() == size


@pytest.mark.parametrize(
    ("path", "sizes"),
    [
        ("packaging/windows/followup-desk.ico", {16, 20, 24, 32, 40, 48, 64, 128, 256}),
        ("packaging/macos/followup-desk.icns", {16, 32, 64, 128, 256, 512, 1024}),
    ],
)
def test_windows_and_macos_icons_hold_every_size(qapp: object, path: str, sizes: set[int]) -> None:
    reader = QImageReader(str(REPO / path))
    found = set()
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        found.add(image.width())
    assert found == sizes


def test_application_has_the_window_icon(qapp: object) -> None:
    from followup_desktop.ui.app import create_application

    app = create_application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256, 512}
