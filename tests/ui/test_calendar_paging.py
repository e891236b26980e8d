"""A busy day in the calendar: its list reads a page, shows more on demand, and counts them all."""

from __future__ import annotations

import datetime as dt

import pytest
from calendar_fixtures import FakePrompts
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QUndoStack
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Contact, FollowUp, database
from followup_desktop.services.follow_up_queries import (
    follow_ups_on,
    follow_ups_on_page,
    state_counts_on,
)
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.calendar.day_model import PAGE_SIZE, MoreRole
from followup_desktop.ui.calendar.row_delegate import FollowUpRowDelegate
from followup_desktop.ui.calendar.week_agenda import WEEK_PAGE_SIZE
from followup_desktop.ui.events import AppEvents

PLANNED = PAGE_SIZE * 2 + 7
DONE = 3


def _busy_day(day: dt.date) -> None:
    """PLANNED planned and DONE finished follow-ups on ``day``, one planned the day after."""
    contact = Contact.create(first_name="Ada", last_name="Byron")
    rows = [
        {"contact": contact.id, "due_on": day, "channel": ("call", "email", "note")[n % 3]}
        for n in range(PLANNED)
    ]
    rows += [{"contact": contact.id, "due_on": day, "state": "done"} for _ in range(DONE)]
    rows.append({"contact": contact.id, "due_on": day + dt.timedelta(days=1)})
    with database.atomic():
        FollowUp.insert_many(rows).execute()


@pytest.fixture
def busy_area(qtbot: QtBot, store: StoreInfo) -> CalendarArea:
    _busy_day(dt.date.today())
    widget = CalendarArea(AppEvents(), QUndoStack())
    widget.follow_up_actions.prompts = FakePrompts()
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_day_pages_cover_the_day_once_in_order(store: StoreInfo) -> None:
    day = dt.date.today()
    _busy_day(day)
    assert state_counts_on(day) == {"planned": PLANNED, "done": DONE}
    assert state_counts_on(day + dt.timedelta(days=5)) == {}
    seen = []
    while page := follow_ups_on_page(day, limit=PAGE_SIZE, offset=len(seen)):
        assert len(page) <= PAGE_SIZE
        seen += page
    assert seen == follow_ups_on(day)
    assert len(seen) == PLANNED + DONE
    states = [row.state for row in seen]
    assert states == ["planned"] * PLANNED + ["done"] * DONE  # what can be acted on first


def test_busy_day_lists_one_page_and_counts_every_follow_up(busy_area: CalendarArea) -> None:
    today = dt.date.today()
    day_list = busy_area.day_list
    assert day_list.count() == PAGE_SIZE  # not the whole day up front
    assert day_list.follow_ups.total == PLANNED + DONE
    title = busy_area.day_title.text()
    assert title.startswith(f"Today, {today:%A %d %B %Y}: {PLANNED} planned, {DONE} finished")
    assert day_list.current_row() == 0 and busy_area.done_button.isEnabled()


def test_scrolling_to_the_end_of_the_day_list_reads_the_next_page(
    qtbot: QtBot, busy_area: CalendarArea
) -> None:
    day_list = busy_area.day_list
    bar = day_list.verticalScrollBar()
    for expected in (2 * PAGE_SIZE, PLANNED + DONE):
        end = bar.maximum()
        bar.setValue(end)
        qtbot.waitUntil(lambda n=expected: day_list.count() == n)
        qtbot.waitUntil(lambda end=end: bar.maximum() > end)  # the new rows are laid out
    assert day_list.follow_up_ids() == [row.id for row in follow_ups_on(dt.date.today())]
    assert not day_list.follow_ups.canFetchMore()


def test_refresh_keeps_the_rows_read_and_the_current_follow_up(busy_area: CalendarArea) -> None:
    day_list = busy_area.day_list
    day_list.show_more()
    chosen = day_list.follow_up_ids()[PAGE_SIZE + 3]
    day_list.select_row(PAGE_SIZE + 3)
    busy_area.events.follow_ups_changed.emit()
    assert day_list.count() == 2 * PAGE_SIZE
    assert day_list.current_follow_up_id() == chosen


def test_week_agenda_shows_a_page_per_day_then_more_on_click(
    qtbot: QtBot, busy_area: CalendarArea
) -> None:
    today = dt.date.today()
    qtbot.mouseClick(busy_area.week_button, Qt.MouseButton.LeftButton)
    column = busy_area.week_agenda.column_for(today)
    assert column is not None
    model = column.follow_ups
    assert column.count() == WEEK_PAGE_SIZE
    more = model.index(model.rowCount() - 1)
    assert more.data(MoreRole) is True
    left = PLANNED + DONE - WEEK_PAGE_SIZE
    assert more.data() == f"Show more ({left} not shown)…"
    height = column.height()
    rect = column.visualRect(more)
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert column.count() == 2 * WEEK_PAGE_SIZE
    assert column.height() > height  # the day grew to show them, the agenda scrolls instead
    header = busy_area.week_agenda.headers[today.weekday()]
    assert f"{PLANNED} planned" in header.text()


def test_the_last_page_removes_the_more_row(busy_area: CalendarArea) -> None:
    busy_area.set_mode(1)
    column = busy_area.week_agenda.column_for(dt.date.today())
    assert column is not None
    while column.show_more():
        pass
    model = column.follow_ups
    assert column.count() == model.rowCount() == PLANNED + DONE
    assert not model.index(model.rowCount() - 1).data(MoreRole)


def test_enter_on_the_more_row_reads_the_next_page(qtbot: QtBot, busy_area: CalendarArea) -> None:
    busy_area.set_mode(1)
    column = busy_area.week_agenda.column_for(dt.date.today())
    assert column is not None
    model = column.follow_ups
    column.setCurrentIndex(model.index(model.rowCount() - 1))
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Return)
    assert column.count() == 2 * WEEK_PAGE_SIZE


def test_a_finished_follow_up_cannot_be_dragged(busy_area: CalendarArea) -> None:
    model = busy_area.day_list.follow_ups
    busy_area.day_list.show_more()
    busy_area.day_list.show_more()
    done_row = next(n for n, row in enumerate(model.rows) if row.state == "done")
    assert not model.flags(model.index(done_row)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_month_grid_is_painted_again_only_when_something_shown_changes(
    busy_area: CalendarArea,
) -> None:
    view = busy_area.month_view
    view.repaint()
    painted = view._grid_cache
    assert painted is not None
    view.repaint()
    assert view._grid_cache is painted  # nothing changed: the grid is copied, not drawn
    before = painted.toImage()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    view.select(tomorrow)
    view.repaint()
    assert view._grid_cache is not painted and view._grid_cache.toImage() != before
    marked = view._grid_cache
    FollowUp.create(due_on=tomorrow, channel="call")
    busy_area.events.follow_ups_changed.emit()
    view.repaint()
    assert view.counts[tomorrow] == {"email": 1, "call": 1}
    assert view._grid_cache is not marked  # new counts are drawn


def test_long_lines_end_in_an_ellipsis_within_the_row(busy_area: CalendarArea) -> None:
    day_list = busy_area.day_list
    delegate = day_list.itemDelegate()
    assert isinstance(delegate, FollowUpRowDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(day_list)
    width = 120
    lines = delegate._laid_out(
        "A very long reason: someone · a very long position\nCall", width, option
    )
    assert len(lines) == 2
    assert lines[0].text().endswith("…") and lines[1].text() == "Call"
    assert QFontMetrics(option.font).horizontalAdvance(lines[0].text()) <= width
    # Rows are two lines tall whatever their text, so the list measures one row only.
    height = delegate.sizeHint(option, day_list.follow_ups.index(0)).height()
    assert height >= 2 * QFontMetrics(option.font).height()


def test_changes_made_elsewhere_are_read_when_the_calendar_is_shown_again(
    busy_area: CalendarArea,
) -> None:
    view = busy_area.month_view
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    busy_area.hide()  # another area is in front
    FollowUp.create(due_on=tomorrow, channel="call")
    seen: list[str] = []
    database.connection().set_trace_callback(seen.append)
    try:
        busy_area.events.follow_ups_changed.emit()
    finally:
        database.connection().set_trace_callback(None)
    assert seen == []  # nothing read for a calendar nobody looks at
    assert view.counts[tomorrow] == {"email": 1}
    busy_area.show()
    assert view.counts[tomorrow] == {"email": 1, "call": 1}
    assert busy_area.day_list.follow_ups.total == PLANNED + DONE
