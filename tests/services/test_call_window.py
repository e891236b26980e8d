"""Call windows on the contact's clock, across time zones and daylight-saving changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from followup_desktop.services.call_window import (
    check_call_time,
    contact_zone,
    follow_up_windows,
    next_windows,
    windows_on,
)

NEW_YORK = ZoneInfo("America/New_York")
PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("day", "paris_start"),
    [
        # Both on winter time: six hours apart.
        (dt.date(2026, 3, 2), "15:30"),
        # New York moved to summer time on 8 March, Paris only on 29 March: five hours apart.
        (dt.date(2026, 3, 9), "14:30"),
        # Both on summer time again: six hours apart.
        (dt.date(2026, 3, 30), "15:30"),
    ],
)
def test_morning_window_for_a_new_york_contact_seen_from_paris(day, paris_start):
    morning = windows_on(day, NEW_YORK)[0]
    assert f"{morning.start:%H:%M}" == "09:30"
    assert f"{morning.start.astimezone(PARIS):%H:%M}" == paris_start
    assert morning.describe(PARIS) == (
        f"09:30–11:30 their time (yours: {paris_start}–{morning.end.astimezone(PARIS):%H:%M})"
    )


def test_a_window_that_crosses_midnight_on_the_users_clock_says_so():
    afternoon = windows_on(dt.date(2026, 3, 2), ZoneInfo("America/Los_Angeles"))[1]
    assert afternoon.describe(PARIS) == "14:00–16:30 their time (yours: 23:00–01:30 the next day)"
    sydney = windows_on(dt.date(2026, 3, 2), ZoneInfo("Australia/Sydney"))[0]
    assert sydney.describe(PARIS) == "09:30–11:30 their time (yours: Sun 23:30–01:30 the next day)"


def test_no_window_on_the_contacts_weekend():
    assert windows_on(dt.date(2026, 3, 7), NEW_YORK) == []


def test_a_planned_window_comes_first():
    windows = follow_up_windows(dt.date(2026, 3, 2), NEW_YORK, "14:00", "16:30")
    assert [f"{w.start:%H:%M}" for w in windows] == ["14:00", "09:30"]


@pytest.mark.parametrize(
    ("paris_time", "good", "words"),
    [
        (dt.datetime(2026, 3, 2, 16, 0), True, "a good time to call"),
        (dt.datetime(2026, 3, 2, 9, 0), False, "too early"),  # 03:00 in New York
        (dt.datetime(2026, 3, 2, 18, 30), False, "their lunch break"),  # 12:30 there
        (dt.datetime(2026, 3, 2, 23, 30), False, "too late"),  # 17:30 there
        (dt.datetime(2026, 3, 7, 16, 0), False, "their weekend"),
    ],
)
def test_calling_now_is_checked_on_the_contacts_clock(paris_time, good, words):
    result = check_call_time(paris_time.replace(tzinfo=PARIS), NEW_YORK, "Ana", PARIS)
    assert result.good_time is good
    assert words in result.message
    assert "for Ana" in result.message
    if not good:
        assert "Better:" in result.message and "their time" in result.message


def test_too_early_suggests_the_same_morning_on_both_clocks():
    now = dt.datetime(2026, 3, 9, 9, 0, tzinfo=PARIS)  # 04:00 in New York, after their DST change
    message = check_call_time(now, NEW_YORK, "Ana", PARIS).message
    assert "Better: 09:30–11:30 their time (yours: 14:30–16:30)." in message


def test_next_windows_skip_the_weekend():
    friday_evening = dt.datetime(2026, 3, 6, 18, 0, tzinfo=NEW_YORK)
    (window,) = next_windows(friday_evening, NEW_YORK, count=1)
    assert window.start == dt.datetime(2026, 3, 9, 9, 30, tzinfo=NEW_YORK)


@pytest.mark.parametrize("name", ["", "  ", "Mars/Olympus", "../etc/passwd"])
def test_unknown_zones_are_treated_as_unknown(name):
    assert contact_zone(name) is None
