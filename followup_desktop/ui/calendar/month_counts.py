"""The month's planned follow-ups per day, read ahead in a thread and kept until they change.

On years of data the month around today holds tens of thousands of follow-ups, and counting
them takes a noticeable moment (about 0.3 s at 16 times the large benchmark store). The window
reads today's month beside itself once it has settled, so the calendar's first showing finds
the counts ready; any change to follow-ups (or a replaced store) forgets them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from followup_desktop.services.follow_up_queries import planned_counts_between
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.calendar.month_grid import WEEKS, grid_start
from followup_desktop.ui.events import AppEvents

DayCounts = dict[dt.date, dict[str, int]]


class MonthCounts(QObject):
    """A counts loader for the month view that keeps the last month it read."""

    def __init__(self, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept: tuple[tuple[dt.date, dt.date], DayCounts] | None = None
        #: Bumped on every change, so a read started before a change is not kept after it.
        self._generation = 0
        self.reading: BackgroundJob | None = None
        for signal in (
            events.follow_ups_changed,
            events.applications_changed,
            events.store_replaced,
        ):
            signal.connect(self.forget)

    def __call__(self, first: dt.date, last: dt.date) -> DayCounts:
        if self._kept is None or self._kept[0] != (first, last):
            self._keep((first, last), self._generation, planned_counts_between(first, last))
        assert self._kept is not None
        return {day: dict(channels) for day, channels in self._kept[1].items()}

    def read_ahead(self, today: dt.date | None = None) -> None:
        """Start reading the month the calendar opens on (today's), beside the window."""
        day = today or dt.date.today()
        first = grid_start(day.year, day.month)
        span = (first, first + dt.timedelta(days=7 * WEEKS - 1))
        generation = self._generation
        self.reading = BackgroundJob(
            "month-counts", lambda _job: planned_counts_between(*span), self
        )
        self.reading.succeeded.connect(lambda counts: self._keep(span, generation, counts))
        self.reading.start()

    def wait(self) -> None:
        """Block until a read ahead has ended (before the store closes)."""
        if self.reading is not None:
            self.reading.wait()

    def forget(self) -> None:
        self._kept = None
        self._generation += 1

    def _keep(self, span: tuple[dt.date, dt.date], generation: int, counts: DayCounts) -> None:
        if generation == self._generation:
            self._kept = (span, counts)
