"""Working-day arithmetic: weekends, days off and custom working weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.services.workdays import WorkCalendar, days_off_problem, parse_days_off

D = dt.date
MON_FRI = WorkCalendar()
WITH_XMAS = WorkCalendar.from_settings("12345", "2026-12-25, 2026-12-28")
SUN_THU = WorkCalendar.from_settings("71234", "")


@pytest.mark.parametrize(
    ("calendar", "start", "count", "expected"),
    [
        (MON_FRI, D(2026, 3, 2), 0, D(2026, 3, 2)),  # Monday + 0
        (MON_FRI, D(2026, 3, 2), 1, D(2026, 3, 3)),
        (MON_FRI, D(2026, 3, 6), 1, D(2026, 3, 9)),  # Friday + 1 skips the weekend
        (MON_FRI, D(2026, 3, 7), 1, D(2026, 3, 9)),  # Saturday + 1 is Monday
        (MON_FRI, D(2026, 3, 2), 10, D(2026, 3, 16)),  # two working weeks
        (WITH_XMAS, D(2026, 12, 24), 1, D(2026, 12, 29)),  # Christmas, weekend, day off
        (WITH_XMAS, D(2026, 12, 23), 2, D(2026, 12, 29)),
        (SUN_THU, D(2026, 3, 5), 1, D(2026, 3, 8)),  # Thursday + 1 is Sunday
    ],
)
def test_add_working_days(calendar: WorkCalendar, start: dt.date, count: int, expected: dt.date):
    assert calendar.add(start, count) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 12, 24), D(2026, 12, 24)),
        (D(2026, 12, 25), D(2026, 12, 29)),
        (D(2026, 12, 26), D(2026, 12, 29)),
    ],
)
def test_on_or_after(day: dt.date, expected: dt.date):
    assert WITH_XMAS.on_or_after(day) == expected


def test_days_off_text_is_read_leniently_and_checked_strictly():
    assert parse_days_off("2026-12-25; nonsense\n2026-01-01,2026-12-25") == [
        D(2026, 1, 1),
        D(2026, 12, 25),
    ]
    assert days_off_problem("2026-12-25, 2026-12-26") is None
    assert "12/25" in (days_off_problem("2026-12-24, 12/25") or "")


def test_empty_working_week_falls_back_to_monday_to_friday():
    assert WorkCalendar.from_settings("", "").weekdays == frozenset({1, 2, 3, 4, 5})


def test_a_calendar_without_any_working_day_fails_clearly():
    calendar = WorkCalendar(weekdays=frozenset({9}))
    with pytest.raises(ValueError, match="no working day"):
        calendar.next_after(D(2026, 1, 1))
