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
    ADVICE_TONE,
    INFO_TONE,
    PROBLEM_TONE,
    TEXT_COLOURS,
    TONES,
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


def test_every_notice_tone_reads_in_both_schemes(scheme: str) -> None:
    palette = palette_of(scheme)
    for name, tone in TONES.items():
        background, border, text = tone.colours(palette)
        assert contrast_ratio(text, background) >= AA_TEXT, f"{name} ({scheme})"
        # The strip stands out from the window it lies on, in the window's own lightness.
        assert is_dark(palette) == (background.lightness() < 128), f"{name} ({scheme})"
        assert border != background


def strip_reads(image: QImage, tone_background: QColor) -> float:
    """The strongest contrast of any pixel of a strip against its tone's background, after
    checking the strip is painted in that background."""
    corner = image.pixelColor(2, 2)
    assert same_colour(corner, tone_background), (corner.name(), tone_background.name())
    return strongest_contrast(image, image.rect().adjusted(4, 4, -4, -4), tone_background)


def test_notice_strips_follow_a_live_switch_of_scheme(qtbot: QtBot, store: StoreInfo) -> None:
    """Made in the light scheme, then the system turns dark: each strip repaints in the dark
    tone with its words still readable, and back again."""
    from followup_desktop.paths import DataLocation
    from followup_desktop.ui.demo_banner import DemoBanner
    from followup_desktop.ui.read_only_banner import ReadOnlyBanner
    from followup_desktop.ui.reminders import ReminderBanner

    before = QPalette(QApplication.palette())
    try:
        use_palette("light")
        reminder = ReminderBanner()
        reminder.label.setText("2 follow-ups due today")
        read_only = ReadOnlyBanner(DataLocation(store.path.parent))
        demo = DemoBanner()
        strips = ((reminder, INFO_TONE), (read_only, PROBLEM_TONE), (demo, ADVICE_TONE))
        for strip, _tone in strips:
            qtbot.addWidget(strip)
            strip.resize(640, 60)
            strip.show()
            qtbot.waitExposed(strip)
        for scheme in ("dark", "light"):
            palette = use_palette(scheme)
            QApplication.processEvents()
            for strip, tone in strips:
                background, _border, _text = tone.colours(palette)
                image = strip.grab().toImage()
                ratio = strip_reads(image, background)
                assert ratio >= AA_TEXT, f"{strip.objectName()} in {scheme}: {ratio:.2f}:1"
    finally:
        QApplication.setPalette(before)


def test_card_warnings_and_column_counts_read_in_both_schemes(
    qtbot: QtBot, store: StoreInfo, scheme: str
) -> None:
    """The red "Overdue" and amber "Nothing planned" lines of cards, and each column's count."""
    from followup_desktop.db.models import Stage
    from followup_desktop.services.records import ApplicationInput, save_application
    from followup_desktop.ui.pipeline.board import PipelineBoard

    applied = Stage.get(Stage.name == "Applied")
    for company in ("Overdue Co", "Unplanned Co"):
        save_application(ApplicationInput(company=company, position=company, stage_id=applied.id))
    FollowUp.delete().execute()
    late = Application.get(Application.position == "Overdue Co")
    FollowUp.create(application=late, due_on=dt.date.today() - dt.timedelta(days=4))
    palette = use_palette(scheme)
    board = PipelineBoard(AppEvents())
    qtbot.addWidget(board)
    board.resize(1000, 600)
    board.show()
    qtbot.waitExposed(board)
    column = next(c for c in board.columns if c.stage.name == "Applied")
    view = column.view
    image = view.viewport().grab().toImage()
    base = palette.color(QPalette.ColorRole.Base)
    model = view.model()
    assert model is not None and model.rowCount() == 2
    for row in range(2):
        card = view.visualRect(model.index(row, 0))
        # The last line of the card holds the warning (a chip, or the late date in red).
        last_line = QRect(card.left() + 20, card.bottom() - 24, card.width() - 40, 16)
        ratio = strongest_contrast(image, last_line, base)
        assert ratio >= AA_TEXT, f"card {row} in {scheme}: {ratio:.2f}:1"
    header = column.grab().toImage()
    count = column.count_rect()
    tint = header.pixelColor(count.left() + 3, count.center().y())
    assert strongest_contrast(header, count.adjusted(4, 2, -4, -2), tint) >= AA_TEXT


def test_month_grid_counts_today_and_late_days_read_in_both_schemes(
    qtbot: QtBot, scheme: str
) -> None:
    from followup_desktop.ui.calendar.month_view import MonthView

    today = dt.date(2026, 12, 9)
    late_day, planned_day = dt.date(2026, 12, 2), dt.date(2026, 12, 16)
    counts = {
        late_day: {"call": 1},
        planned_day: {"call": 1, "email": 2, "note": 1},
        today: {"email": 1},
    }
    use_palette(scheme)
    view = MonthView(counts_loader=lambda _first, _last: counts, today=lambda: today)
    qtbot.addWidget(view)
    view.resize(980, 620)
    view.show()
    qtbot.waitExposed(view)
    view.select(planned_day)  # the selected day's tint must keep its words readable too
    image = view.grab().toImage()
    for day in (late_day, planned_day, today):
        cell = view.cell_rect(day)
        background = image.pixelColor(cell.right() - 3, cell.bottom() - 6)
        lines = QRect(cell.left() + 6, cell.top() + 22, cell.width() - 12, cell.height() - 30)
        ratio = strongest_contrast(image, lines, background)
        assert ratio >= AA_TEXT, f"{day} in {scheme}: {ratio:.2f}:1"
        number = QRect(cell.left() + 4, cell.top() + 3, 24, 16)
        mark = image.pixelColor(cell.left() + 3, cell.top() + 3) if day == today else background
        assert strongest_contrast(image, number, mark) >= AA_TEXT, f"day number {day}"
