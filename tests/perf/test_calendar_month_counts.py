"""The calendar's month counts come from one grouped query, read afresh on every showing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp, database
from followup_desktop.services.follow_up_queries import planned_counts_between
from followup_desktop.ui.calendar.area import CalendarArea
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


def test_the_calendar_opens_on_this_months_counts(qtbot: QtBot, store: StoreInfo) -> None:
    today = dt.date.today()
    FollowUp.create(due_on=today, channel="email")

    def build() -> None:
        area = CalendarArea(AppEvents(), QUndoStack())
        qtbot.addWidget(area)
        assert area.month_view.counts[today] == {"email": 1}
        assert area.month_view.first_day == grid_start(today.year, today.month)

    assert _count_statements(build) == 1
