"""Text the app colours reads at WCAG AA (4.5:1) in the light and the dark palette; Today's
entries are told apart by separators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, FollowUp
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.board_parts import key_hint
from followup_desktop.ui.theme import (
    AA_TEXT,
    TEXT_COLOURS,
    contrast_ratio,
    dark_palette,
    is_dark,
    light_palette,
)
from followup_desktop.ui.today_panel import FollowUpIdRole, TodayPanel

SCHEMES = ("light", "dark")


def palette_of(scheme: str) -> QPalette:
    return dark_palette() if scheme == "dark" else light_palette()


@pytest.fixture(params=SCHEMES)
def scheme(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    """The application in the light or the dark palette (as the system scheme sets it)."""
    before = QPalette(qapp.palette())
    yield str(request.param)
    qapp.setPalette(before)


def use_palette(scheme: str) -> QPalette:
    palette = palette_of(scheme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(palette)
    return palette


def same_colour(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 2


def strongest_contrast(image: QImage, area: QRect, background: QColor) -> float:
    """The contrast of the pixel in ``area`` that stands out most from ``background``."""
    best = 1.0
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            best = max(best, contrast_ratio(image.pixelColor(x, y), background))
    return best


def test_every_named_text_colour_reads_on_its_background(scheme: str) -> None:
    palette = palette_of(scheme)
    assert is_dark(palette) == (scheme == "dark")
    for name, colour in TEXT_COLOURS.items():
        ratio = contrast_ratio(colour.on(palette), palette.color(colour.background))
        assert ratio >= AA_TEXT, f"{name}: {ratio:.2f}:1 in the {scheme} palette"
    roles = QPalette.ColorRole
    for text, back in (
        (roles.Text, roles.Base),
        (roles.WindowText, roles.Window),
        (roles.ButtonText, roles.Button),
        (roles.HighlightedText, roles.Highlight),
    ):
        ratio = contrast_ratio(palette.color(text), palette.color(back))
        assert ratio >= AA_TEXT, f"{text.name} on {back.name}: {ratio:.2f}:1 ({scheme})"


def test_the_board_key_hint_reads_on_the_window(qtbot: QtBot, scheme: str) -> None:
    use_palette(scheme)
    holder = QWidget()
    qtbot.addWidget(holder)
    hint = key_hint()
    hint.setParent(holder)
    hint.adjustSize()
    holder.resize(hint.size())
    holder.show()
    qtbot.waitExposed(holder)
    image = hint.grab().toImage()
    background = holder.palette().color(QPalette.ColorRole.Window)
    assert strongest_contrast(image, image.rect(), background) >= AA_TEXT


def test_today_headings_and_late_entries_read_and_entries_are_separated(
    qtbot: QtBot, demo_store: StoreInfo, scheme: str
) -> None:
    today = dt.date.today()
    application = Application.select().first()
    FollowUp.create(application=application, due_on=today - dt.timedelta(days=3))
    FollowUp.create(application=application, due_on=today - dt.timedelta(days=2))
    FollowUp.create(application=application, due_on=today)
    panel = TodayPanel(AppEvents())
    qtbot.addWidget(panel)
    palette = use_palette(scheme)  # after the panel was made: the system switched scheme
    panel.resize(320, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.list.setCurrentRow(-1)  # nothing selected: every row on the list's own background
    panel.list.clearSelection()
    view = panel.list
    image = view.viewport().grab().toImage()
    base = palette.color(QPalette.ColorRole.Base)
    headings = late = 0
    rows: list[QRect] = []
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        if rect.bottom() >= image.height():
            break
        inner = rect.adjusted(2, 1, -2, -2)
        if item.data(FollowUpIdRole) is None and "(" in item.text() and "more" not in item.text():
            headings += 1
            assert strongest_contrast(image, inner, base) >= AA_TEXT, item.text()
        elif item.data(FollowUpIdRole) is not None:
            rows.append(rect)
            if "late" in item.text():
                late += 1
                assert strongest_contrast(image, inner, base) >= AA_TEXT, item.text()
    assert headings == 2 and late >= 2 and len(rows) >= 3
    # A line under each entry, a quarter of the way from the background to the text.
    for rect in rows:
        line = image.pixelColor(rect.center().x(), rect.bottom())
        assert contrast_ratio(line, base) >= 1.3, (line.name(), base.name())


def test_what_empty_views_say_reads_in_both_schemes(
    qtbot: QtBot, store: StoreInfo, scheme: str
) -> None:
    """The words of an empty column, an empty calendar day and an empty contact list."""
    from followup_desktop.ui.calendar.follow_up_list import FollowUpList
    from followup_desktop.ui.contacts.contact_list_panel import ContactListPanel
    from followup_desktop.ui.pipeline.board import PipelineBoard

    palette = use_palette(scheme)
    board = PipelineBoard(AppEvents())
    qtbot.addWidget(board)
    board.resize(900, 500)
    board.show()
    qtbot.waitExposed(board)
    column = board.columns[0]
    image = column.grab().toImage()
    view_top = column.view.geometry().top()
    words = QRect(10, view_top + 20, image.width() - 20, 40)
    back = palette.color(QPalette.ColorRole.Window).darker(106)
    assert strongest_contrast(image, words, back) >= AA_TEXT, "empty column"

    day = FollowUpList()
    qtbot.addWidget(day)
    day.resize(300, 200)
    day.show_day(dt.date.today(), dt.date.today())
    day.show()
    qtbot.waitExposed(day)
    image = day.viewport().grab().toImage()
    base = palette.color(QPalette.ColorRole.Base)
    assert strongest_contrast(image, QRect(10, 10, 280, 30), base) >= AA_TEXT, "empty day"

    contacts = ContactListPanel()
    qtbot.addWidget(contacts)
    contacts.resize(500, 400)
    contacts.show()
    qtbot.waitExposed(contacts)
    contacts.refresh()
    QApplication.processEvents()
    label = contacts.no_matches
    assert label.isVisible()
    image = label.grab().toImage()
    window = palette.color(QPalette.ColorRole.Window)
    assert strongest_contrast(image, image.rect(), window) >= AA_TEXT, "no contacts yet"
