"""Large-store benchmarks: start-up, memory, board loading and area switches on a year of data."""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

from harness import (
    REPO,
    BenchContext,
    Figure,
    bench_env,
    time_against_bare,
    time_call,
    time_startup_against_bare,
)

HERE = Path(__file__).resolve().parent
APPLICATIONS = 10_000
CONTACTS = 20_000
FOLLOW_UPS = 50_000
INTERACTIONS = 50_000
#: Fresh processes per figure; each process gives one sample, the figure is their median.
RUNS = 5
STARTUP_RUNS = 7


def large_store(context: BenchContext) -> Path:
    return context.demo_database(APPLICATIONS, CONTACTS, FOLLOW_UPS, INTERACTIONS)


def _sizes(context: BenchContext) -> str:
    k = context.scale
    return (
        f"{APPLICATIONS * k} applications, {CONTACTS * k} contacts, "
        f"{FOLLOW_UPS * k}+ follow-ups, {INTERACTIONS * k}+ conversations"
    )


def startup_large(context: BenchContext) -> list[Figure]:
    app, bare = time_startup_against_bare(large_store(context), runs=STARTUP_RUNS)
    return [
        Figure(
            "startup_large",
            app,
            "ms",
            # The store opens fully (the ORM included) before the window: one way in, at the
            # price of some start-up time against the bare window.
            target=2.5,
            baseline=bare,
            target_is_ratio=True,
            note=f"process start to first paint vs bare QMainWindow, alternating, median of "
            f"{STARTUP_RUNS}; " + _sizes(context),
        )
    ]


def startup_floor(context: BenchContext) -> list[Figure]:
    """The stack's own share of start-up: enums, SQLite and the store, without the app."""
    floor_args = [sys.executable, str(HERE / "floor_window.py"), str(large_store(context))]
    floor, bare = time_against_bare(floor_args, runs=STARTUP_RUNS)
    return [
        Figure(
            "startup_floor",
            floor,
            "ms",
            baseline=bare,
            note="bare QMainWindow + the Qt enums a data view needs + opening the "
            f"store, no view or data, vs bare QMainWindow; alternating, median of {STARTUP_RUNS}",
        )
    ]


def _probe(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(HERE / "window_probe.py"), *args],
        capture_output=True,
        text=True,
        env=bench_env(),
        cwd=REPO,
        check=True,
        timeout=600,
    )
    return result.stdout.splitlines()


def _rss_mb(*args: str) -> float:
    line = next(line for line in _probe(*args) if line.startswith("RSS "))
    return int(line.split()[1]) / 1024


def rss_large(context: BenchContext) -> list[Figure]:
    folder = large_store(context)
    bare: list[float] = []
    app: list[float] = []
    for _ in range(3):
        bare.append(_rss_mb("bare-rss"))
        app.append(_rss_mb("rss", str(folder)))
    extra = statistics.median(app) - statistics.median(bare)
    return [
        Figure(
            "rss_large",
            extra,
            "MB",
            target=80.0,
            note=f"every area visited, minus bare window ({statistics.median(bare):.0f} MB), "
            "median of 3",
        )
    ]


def board_load_vs_sqlite(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.services import board

    folder = large_store(context)
    database = folder / "followup.sqlite"
    open_store(database)
    raw = sqlite3.connect(database)
    sql = f"{board._card_sql()} WHERE a.archived = 0 ORDER BY a.stage_id, a.archived, a.rank, a.id"
    counts: list[int] = []
    try:

        def through_app() -> None:
            counts[:] = [len(board.load_board_cards())]

        def through_sqlite() -> None:
            raw.execute(sql).fetchall()

        through_app()  # warm SQLite's page cache for both
        through_sqlite()
        app_samples: list[float] = []
        raw_samples: list[float] = []
        for _ in range(7):  # alternating, so load from elsewhere falls on both alike
            app_samples.append(time_call(through_app, repeat=1))
            raw_samples.append(time_call(through_sqlite, repeat=1))
        # What the board itself reads on open: counts and the first page of each column.
        stages = board.list_stages()

        def first_pages() -> None:
            board.card_counts()
            for stage in stages:
                board.card_page(stage.id)

        open_ms = time_call(first_pages, repeat=7)
    finally:
        raw.close()
        close_store()
    return [
        Figure(
            "board_load_vs_sqlite",
            statistics.median(app_samples),
            "ms",
            target=2.0,
            baseline=statistics.median(raw_samples),
            target_is_ratio=True,
            note=f"{counts[0]} cards as BoardCards vs raw sqlite3 rows, alternating, median of 7",
        ),
        Figure(
            "board_first_pages",
            open_ms,
            "ms",
            note=f"counts + first page of {len(stages)} columns (what the board reads on open)",
        ),
    ]


#: A user's first click on another area comes seconds after the window opened.
SETTLE_MS = 3000


def _switch_times(folder: Path, idle_ms: float) -> tuple[dict[str, float], dict[str, float]]:
    first: dict[str, list[float]] = {}
    again: dict[str, list[float]] = {}
    for run in range(RUNS):
        # Most runs open on the board; one run in three opens on contacts to time the board.
        start = "contacts" if run % 3 == 2 else "pipeline"
        for line in _probe("switch", str(folder), start, str(idle_ms)):
            kind, key, value = line.split()
            if kind == "FIRST":
                first.setdefault(key, []).append(float(value))
            elif kind == "AGAIN":
                again.setdefault(key, []).append(float(value))
    return (
        {key: statistics.median(values) for key, values in first.items()},
        {key: statistics.median(values) for key, values in again.items()},
    )


def area_switch(context: BenchContext) -> list[Figure]:
    folder = large_store(context)
    first_ms, again_ms = _switch_times(folder, SETTLE_MS)
    cold_ms, _cold_again = _switch_times(folder, 0)
    slow_first = max(first_ms, key=first_ms.__getitem__)
    slow_again = max(again_ms, key=again_ms.__getitem__)
    slow_cold = max(cold_ms, key=cold_ms.__getitem__)

    def detail(values: dict[str, float]) -> str:
        return ", ".join(f"{key} {values[key]:.0f}" for key in sorted(values))

    return [
        Figure(
            "area_switch_first",
            first_ms[slow_first],
            "ms",
            target=100.0,
            note=f"slowest first visit ({slow_first}) {SETTLE_MS / 1000:g} s after opening; "
            f"each: {detail(first_ms)}",
        ),
        Figure(
            "area_switch_again",
            again_ms[slow_again],
            "ms",
            target=16.0,
            note=f"slowest later visit ({slow_again}), switch + repaint; each: {detail(again_ms)}",
        ),
        Figure(
            "area_switch_cold",
            cold_ms[slow_cold],
            "ms",
            note=f"slowest first visit ({slow_cold}) right as the window opened; "
            f"each: {detail(cold_ms)}",
        ),
    ]


BENCHMARKS = {
    "startup_large": startup_large,
    "startup_floor": startup_floor,
    "rss_large": rss_large,
    "board_load_vs_sqlite": board_load_vs_sqlite,
    "area_switch": area_switch,
}
