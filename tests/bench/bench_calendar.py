"""Calendar and rules benchmarks: month switches over 50,000 follow-ups, planning 10,000 jobs."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from pathlib import Path

from harness import BenchContext, Figure

APPLICATIONS = 10_000
CONTACTS = 20_000
FOLLOW_UPS = 50_000
INTERACTIONS = 50_000
#: Months switched through per round (the demo spreads follow-ups over ±400 days).
MONTHS = 24
ROUNDS = 5

_RAW_COUNTS = (
    'SELECT "due_on", "channel", COUNT("id") FROM "follow_up" '
    'WHERE "due_on" >= ? AND "due_on" <= ? AND "state" = ? GROUP BY "due_on", "channel"'
)


def _store(context: BenchContext) -> Path:
    # The same cached store as the large-store benchmarks: a year of a busy search.
    return context.demo_database(APPLICATIONS, CONTACTS, FOLLOW_UPS, INTERACTIONS)


def _months(start: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    for _ in range(MONTHS):
        months.append((year, month))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


def _raw_counts(
    connection: sqlite3.Connection, first: dt.date, last: dt.date
) -> dict[dt.date, dict[str, int]]:
    counts: dict[dt.date, dict[str, int]] = {}
    for due, channel, count in connection.execute(
        _RAW_COUNTS, (first.isoformat(), last.isoformat(), "planned")
    ):
        counts.setdefault(dt.date.fromisoformat(due), {})[channel] = count
    return counts


def raw_plan(database: Path) -> str:
    """The query plan of the counts query, to show it runs on the due-date index."""
    connection = sqlite3.connect(str(database))
    try:
        rows = connection.execute("EXPLAIN QUERY PLAN " + _RAW_COUNTS, ("", "", "")).fetchall()
    finally:
        connection.close()
    return "; plan: " + " / ".join(str(row[-1]) for row in rows)


def calendar_month_50k(context: BenchContext) -> list[Figure]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.ui.app import create_application
    from followup_desktop.ui.calendar.month_view import MonthView, grid_start

    folder = _store(context)
    database = folder / "followup.sqlite"
    create_application()
    open_store(database)
    try:
        view = MonthView()
        view.resize(900, 640)
        view.show()  # a hidden (or not yet exposed) widget's repaint() draws nothing
        QApplication.processEvents()
        start = dt.date.today() - dt.timedelta(days=365)
        months = _months(start)
        raw = sqlite3.connect(str(database))
        app_rounds: list[float] = []
        raw_rounds: list[float] = []
        paint_rounds: list[float] = []
        cells = 0
        for _ in range(ROUNDS):
            # Interleaved rounds: load from elsewhere on the machine hits both alike.
            begin = time.perf_counter()
            for year, month in months:
                view.set_month(year, month)
            app_rounds.append((time.perf_counter() - begin) * 1000 / len(months))
            begin = time.perf_counter()
            for year, month in months:
                first = grid_start(year, month)
                counts = _raw_counts(raw, first, first + dt.timedelta(days=41))
                cells += len(counts)
            raw_rounds.append((time.perf_counter() - begin) * 1000 / len(months))
            begin = time.perf_counter()
            for year, month in months:
                view.set_month(year, month)
                view.repaint()  # the grid painted too, offscreen
            paint_rounds.append((time.perf_counter() - begin) * 1000 / len(months))
        # Same answer as the raw query, or the comparison means nothing.
        first = grid_start(*months[-1])
        assert view.counts == _raw_counts(raw, first, first + dt.timedelta(days=41))
        raw.close()
        plan = raw_plan(database)
    finally:
        close_store()
    value, baseline = statistics.median(app_rounds), statistics.median(raw_rounds)
    note = f"{FOLLOW_UPS * context.scale}+ follow-ups, median of {ROUNDS} rounds of {MONTHS} months"
    return [
        Figure(
            "calendar_month_50k",
            value,
            "ms",
            target=2.0,
            baseline=baseline,
            target_is_ratio=True,
            note=f"per switch vs raw sqlite3 counts; {note}{plan}",
        ),
        Figure("calendar_month_50k_abs", value, "ms", target=16.0, note="per switch"),
        Figure(
            "calendar_month_50k_paint",
            statistics.median(paint_rounds),
            "ms",
            note="per switch including the offscreen repaint of the grid",
        ),
    ]


def plan_all_10k(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.db.models import FollowUp
    from followup_desktop.services.planning import replan_all

    folder = context.fresh_copy(_store(context), "plan_all_10k")
    open_store(folder / "followup.sqlite")
    try:
        # Worst case: no follow-up exists yet, so the rules create every one of them.
        FollowUp.delete().execute()
        begin = time.perf_counter()
        first = replan_all()
        cold = time.perf_counter() - begin
        samples = []
        for _ in range(3):
            begin = time.perf_counter()
            again = replan_all()
            samples.append(time.perf_counter() - begin)
            assert not again.changed, again.summary()
        warm = statistics.median(samples)
    finally:
        close_store()
    return [
        Figure(
            "plan_all_10k",
            cold,
            "s",
            target=2.0,
            note=f"{APPLICATIONS * context.scale} applications, {INTERACTIONS * context.scale}+ "
            f"conversations, empty plan: {first.summary()}",
        ),
        Figure(
            "plan_all_10k_again",
            warm,
            "s",
            target=2.0,
            note="same store, already planned: nothing changes (median of 3)",
        ),
    ]


BENCHMARKS = {"calendar_month_50k": calendar_month_50k, "plan_all_10k": plan_all_10k}
