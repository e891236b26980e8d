"""Every area is usable at 1024 x 640: nothing clipped, the letter has room, options fold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import open_window, stop_reminders
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp
from followup_desktop.paths import DataLocation
from followup_desktop.ui.area_specs import AREA_KEYS
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.composer.editor import MIN_LINE_CHARACTERS, MIN_LINES
from followup_desktop.ui.main_window import MainWindow

SMALL = (1024, 640)


@pytest.fixture
def small_window(
    qtbot: QtBot, demo_store: StoreInfo, data_location: DataLocation
) -> Iterator[MainWindow]:
    window = open_window(qtbot, data_location, SMALL)
    yield window
    stop_reminders(window)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_texts(root: QWidget) -> list[str]:
    """Labels and buttons in view whose one-line text is wider than the room they got."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.pixmap() is not None:
                continue
            # An elided label shows "…" on purpose and keeps its text whole in the tooltip.
            if widget.text().endswith("…") and widget.toolTip():
                continue
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text:
                continue
        else:
            continue
        if widget.width() + 1 < widget.minimumSizeHint().width():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}: {text[:40]!r}")
    return found


@pytest.mark.parametrize("area", AREA_KEYS)
def test_no_text_is_clipped_at_1024_by_640(
    qtbot: QtBot, small_window: MainWindow, area: str
) -> None:
    small_window.show_area(area)
    QApplication.processEvents()
    assert clipped_texts(small_window) == []


def test_the_letter_keeps_40_characters_by_8_lines_and_the_options_fold(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    composer = small_window.show_area("composer")
    assert isinstance(composer, ComposerArea)
    follow_up = FollowUp.select().where(FollowUp.channel == "note").first()
    small_window.events.compose_follow_up_requested.emit(follow_up.id)
    QApplication.processEvents()
    body = composer.desk.editor.body
    metrics = body.fontMetrics()
    assert body.viewport().width() >= metrics.averageCharWidth() * MIN_LINE_CHARACTERS
    assert body.viewport().height() >= metrics.lineSpacing() * MIN_LINES
    side = composer.desk.card
    assert side.folded and side.options_button.isVisible() and not side.options.isVisible()
    assert side.options_button.text().startswith("Card: ")
    qtbot.mouseClick(side.options_button, Qt.MouseButton.LeftButton)
    assert side.options.isVisible(), "the folded options open on a click"
    assert clipped_texts(small_window) == []
    small_window.resize(1920, 1080)
    QApplication.processEvents()
    assert not side.folded and side.options.isVisible()
    assert not side.options_button.isVisible()


def test_the_side_bar_keeps_its_names_when_only_icons_show(small_window: MainWindow) -> None:
    bar = small_window.side_bar
    assert bar.width() < 80
    names = [bar.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(bar.count())]
    assert names == ["Pipeline", "Calendar", "Contacts", "Composer", "Insights"]
    assert small_window.today_dock.width() <= 230
    small_window.resize(1280, 800)
    QApplication.processEvents()
    assert [bar.item(row).text() for row in range(bar.count())] == names
