"""The calendar's month counts: one grouped query, read ahead beside the window and kept until
follow-ups change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp, database
from followup_desktop.services.follow_up_queries import planned_counts_between
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.calendar.month_counts import MonthCounts
from followup_desktop.ui.calendar.month_grid import grid_start
from followup_desktop.ui.events import AppEvents


def _count_statements(action) -> int:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return sum(1 for sql in seen if "GROUP BY" in sql and "channel" in sql)


def test_counts_are_one_query_and_follow_each_change(store: StoreInfo) -> None:
    today = dt.date.today()
    first, last = today - dt.timedelta(days=3), today + dt.timedelta(days=3)
    FollowUp.create(due_on=today, channel="call")
    answers: list[dict[dt.date, dict[str, int]]] = []
    assert _count_statements(lambda: answers.append(planned_counts_between(first, last))) == 1
    assert answers[-1] == {today: {"call": 1}}
    FollowUp.create(due_on=today, channel="call")
    FollowUp.create(due_on=today + dt.timedelta(days=1), channel="note", state="done")
    assert planned_counts_between(first, last) == {today: {"call": 2}}


def test_kept_counts_serve_until_follow_ups_change(store: StoreInfo) -> None:
    today = dt.date.today()
    first, last = today - dt.timedelta(days=3), today + dt.timedelta(days=3)
    FollowUp.create(due_on=today, channel="call")
    events = AppEvents()
    counts = MonthCounts(events)
    answers: list[dict[dt.date, dict[str, int]]] = []
    assert _count_statements(lambda: answers.append(counts(first, last))) == 1
    assert _count_statements(lambda: answers.append(counts(first, last))) == 0
    answers[-1][today]["call"] = 99  # a caller changing its copy changes nothing kept
    assert counts(first, last) == {today: {"call": 1}}
    FollowUp.create(due_on=today, channel="call")
    events.follow_ups_changed.emit()
    assert _count_statements(lambda: answers.append(counts(first, last))) == 1
    assert answers[-1] == {today: {"call": 2}}
    other = today + dt.timedelta(days=40)
    assert _count_statements(lambda: counts(other, other)) == 1


def test_the_month_read_ahead_serves_the_calendars_first_showing(
    qtbot: QtBot, store: StoreInfo
) -> None:
    today = dt.date.today()
    FollowUp.create(due_on=today, channel="email")
    events = AppEvents()
    counts = MonthCounts(events)
    counts.read_ahead(today)  # read in a thread of its own, with its own connection
    counts.wait()
    QApplication.processEvents()  # its result is handed over on this thread

    def build() -> None:
        area = CalendarArea(events, QUndoStack(), counts_loader=counts)
        qtbot.addWidget(area)
        assert area.month_view.counts[today] == {"email": 1}
        assert area.month_view.first_day == grid_start(today.year, today.month)

    assert _count_statements(build) == 0


def test_a_read_ahead_overtaken_by_a_change_is_not_kept(qtbot: QtBot, store: StoreInfo) -> None:
    today = dt.date.today()
    events = AppEvents()
    counts = MonthCounts(events)
    counts.read_ahead(today)
    events.follow_ups_changed.emit()  # before the read ahead has ended
    assert counts.reading is not None
    counts.wait()
    qtbot.wait(0)  # its ending is delivered on this thread
    first = grid_start(today.year, today.month)
    span = (first, first + dt.timedelta(days=41))
    assert _count_statements(lambda: counts(*span)) == 1
