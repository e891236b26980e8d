"""Working days: the user's week and days off, and date arithmetic that skips the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Safety bound: a calendar with no working day at all would otherwise loop for ever.
_MAX_SCAN_DAYS = 3700


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as working days: ISO weekdays (1 = Monday) minus the listed days off."""

    weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    days_off: frozenset[dt.date] = frozenset()

    @classmethod
    def from_settings(cls, working_days: str, days_off: str) -> WorkCalendar:
        """Read the profile's text settings ("12345" and "2026-12-25, 2026-12-26").

        Unreadable parts are ignored rather than blocking planning; the preferences dialog
        validates them when the user types them (see ``days_off_problem``).
        """
        weekdays = frozenset(int(ch) for ch in working_days if ch in "1234567")
        return cls(weekdays or frozenset({1, 2, 3, 4, 5}), frozenset(parse_days_off(days_off)))

    def is_working_day(self, day: dt.date) -> bool:
        return day.isoweekday() in self.weekdays and day not in self.days_off

    def on_or_after(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next one."""
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=1)
        raise ValueError("The working-day settings leave no working day in ten years.")

    def next_after(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.on_or_after(day + dt.timedelta(days=1))

    def add(self, day: dt.date, working_days: int) -> dt.date:
        """The date ``working_days`` working days after ``day`` (``day`` itself when 0).

        Counting starts the day after ``day``, whether or not ``day`` is a working day: an
        application sent on Saturday with a wait of 1 is answered by Monday.
        """
        for _ in range(max(0, working_days)):
            day = self.next_after(day)
        return day


def parse_days_off(text: str) -> list[dt.date]:
    """Dates from a list separated by commas, semicolons or new lines; bad entries are skipped."""
    days = []
    for part in _split(text):
        try:
            days.append(dt.date.fromisoformat(part))
        except ValueError:
            continue
    return sorted(set(days))


def days_off_problem(text: str) -> str | None:
    """None when every entry is an ISO date, else a one-line reason naming the first bad one."""
    for part in _split(text):
        try:
            dt.date.fromisoformat(part)
        except ValueError:
            return f"“{part}” is not a date; write days off as YYYY-MM-DD separated by commas."
    return None


def _split(text: str) -> list[str]:
    parts = text.replace(";", ",").replace("\n", ",").split(",")
    return [part.strip() for part in parts if part.strip()]
