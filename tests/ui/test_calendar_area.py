"""The calendar area with qtbot: clicking days, keyboard moves, dragging a follow-up to a day."""

from __future__ import annotations

import datetime as dt

import pytest
from calendar_fixtures import FakePrompts, Plan, make_plan
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import FollowUp
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.calendar.month_grid import add_months, grid_start
from followup_desktop.ui.events import AppEvents


@pytest.fixture
def plan(store) -> Plan:
    return make_plan(dt.date.today())


@pytest.fixture
def area(qtbot: QtBot, plan: Plan) -> CalendarArea:
    widget = CalendarArea(AppEvents(), QUndoStack())
    widget.follow_up_actions.prompts = FakePrompts()
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_day(qtbot: QtBot, area: CalendarArea, day: dt.date) -> None:
    rect = area.month_view.cell_rect(day)
    qtbot.mouseClick(area.month_view, Qt.MouseButton.LeftButton, pos=rect.center())


def _drop(area: CalendarArea, widget, point: QPoint, ids: list[int]) -> None:
    """Deliver a drop like Qt does at the end of a drag, with the source list's own payload."""
    model = area.day_list.follow_ups
    rows = [model.row_of(fid) for fid in ids]
    mime = model.mimeData([model.index(row) for row in rows if row is not None])
    args = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, QDragEnterEvent(point, *args))
    QApplication.sendEvent(widget, QDragMoveEvent(point, *args))
    QApplication.sendEvent(widget, QDropEvent(QPointF(point), *args))


def test_month_counts_come_by_channel_with_overdue_and_today(area: CalendarArea, plan: Plan):
    today = dt.date.today()
    view = area.month_view
    assert view.counts[today] == {"call": 1}
    overdue_day = today - dt.timedelta(days=2)
    if view.first_day <= overdue_day:
        assert view.counts[overdue_day] == {"email": 1}
        assert "overdue" in view.day_summary(overdue_day)
    assert view.selected == today
    assert area.title.text() == today.strftime("%B %Y")


def test_clicking_a_day_lists_its_follow_ups(qtbot: QtBot, area: CalendarArea, plan: Plan):
    later = dt.date.today() + dt.timedelta(days=5)
    area.select_day(later)  # may turn the page
    area.select_day(dt.date.today())
    if later <= area.month_view.last_day:
        _click_day(qtbot, area, later)
        assert area.month_view.selected == later
    else:
        area.select_day(later)
    assert area.day_list.follow_up_ids() == [plan.note_later]
    assert "Thank-you: Ana Lopez" in area.day_list.row_text(0)
    assert area.day_title.text().startswith(f"{later:%A %d %B %Y}: 1 planned")


def test_dragging_a_follow_up_onto_another_day_moves_it(
    qtbot: QtBot, area: CalendarArea, plan: Plan
):
    today = dt.date.today()
    area.select_day(today)
    target = today + dt.timedelta(days=1)
    area.month_view.select(today)  # stay on this page for the drop
    if target > area.month_view.last_day:
        target = today - dt.timedelta(days=1)
    point = area.month_view.cell_rect(target).center()
    with qtbot.waitSignal(area.events.follow_ups_changed):
        _drop(area, area.month_view, point, [plan.call_today])
    moved = FollowUp.get_by_id(plan.call_today)
    assert (moved.due_on, moved.user_changed) == (target, True)
    assert area.day_list.follow_up_ids() == []  # gone from today's list
    assert area.month_view.counts[target].get("call") == 1
    area.undo_stack.undo()
    back = FollowUp.get_by_id(plan.call_today)
    assert (back.due_on, back.user_changed) == (today, False)
    assert area.day_list.follow_up_ids() == [plan.call_today]


def test_week_agenda_takes_drops_on_a_day_column(qtbot: QtBot, area: CalendarArea, plan: Plan):
    today = dt.date.today()
    area.select_day(today)
    qtbot.mouseClick(area.week_button, Qt.MouseButton.LeftButton)
    assert area.views.currentWidget() is area.week_agenda
    assert area.title.text().startswith(f"Week {today.isocalendar().week} · ")
    column = area.week_agenda.column_for(today)
    assert column is not None and plan.call_today in column.follow_up_ids()
    other = next(c for c in area.week_agenda.columns if c.day != today)
    _drop(area, other.viewport(), other.viewport().rect().center(), [plan.call_today])
    assert FollowUp.get_by_id(plan.call_today).due_on == other.day
    assert plan.call_today in area.week_agenda.column_for(other.day).follow_up_ids()


def test_keyboard_moves_like_any_calendar(qtbot: QtBot, area: CalendarArea):
    view = area.month_view
    today = dt.date.today()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected == today + dt.timedelta(days=1)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected == today + dt.timedelta(days=8)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    expected = add_months(today + dt.timedelta(days=8), 1)
    assert view.selected == expected
    assert (view.year, view.month) == (expected.year, expected.month)
    assert area.title.text() == expected.strftime("%B %Y")
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.selected == expected.replace(day=1)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.selected == today
    assert area.day_list.count() == 1  # the day list follows the keyboard
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert area.day_list.hasFocus()


def test_grid_starts_on_monday_and_shows_the_whole_month():
    for year, month in ((2026, 2), (2026, 3), (2027, 8)):
        first = grid_start(year, month)
        assert first.weekday() == 0 and first <= dt.date(year, month, 1)
        assert first + dt.timedelta(days=41) >= add_months(
            dt.date(year, month, 1), 1
        ) - dt.timedelta(days=1)


def test_buttons_act_on_the_selected_day_item(qtbot: QtBot, area: CalendarArea, plan: Plan):
    prompts = area.follow_up_actions.prompts
    assert isinstance(prompts, FakePrompts)
    area.select_day(dt.date.today())
    area.day_list.select_row(0)
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    assert prompts.call_sheets == [plan.call_today]
    qtbot.mouseClick(area.skip_button, Qt.MouseButton.LeftButton)
    skipped = FollowUp.get_by_id(plan.call_today)
    assert (skipped.state, skipped.outcome) == ("skipped", "They wrote back")
    assert not area.done_button.isEnabled()  # a finished item offers no actions
