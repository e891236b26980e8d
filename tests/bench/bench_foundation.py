"""Foundation benchmarks: opening the store with the board's data, and start-up to first paint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import BenchContext, Figure, time_call, time_process

HERE = Path(__file__).resolve().parent
APPLICATIONS = 10_000
CONTACTS = 2_000


def db_open(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.services.board import list_stages, load_board_cards

    folder = context.demo_database(APPLICATIONS, CONTACTS)
    database = folder / "followup.sqlite"
    cards: list[object] = []

    def open_and_load() -> None:
        open_store(database)
        list_stages()
        cards[:] = load_board_cards()
        close_store()

    elapsed = time_call(open_and_load, repeat=7)
    return [
        Figure(
            "db_open",
            elapsed,
            "ms",
            target=250.0,
            note=f"{len(cards)} cards, {APPLICATIONS * context.scale} applications",
        )
    ]


def startup(context: BenchContext) -> list[Figure]:
    folder = context.demo_database(APPLICATIONS, CONTACTS)
    env_flag = "FOLLOWUP_EXIT_AFTER_PAINT"
    os.environ[env_flag] = "1"
    try:
        time_process([sys.executable, str(HERE / "bare_window.py")], repeat=2)  # warm caches
        bare = time_process([sys.executable, str(HERE / "bare_window.py")], repeat=5)
        app = time_process(
            [
                sys.executable,
                "-m",
                "followup_desktop",
                "--data-dir",
                str(folder),
                "--view",
                "pipeline",
            ],
            repeat=5,
        )
    finally:
        os.environ.pop(env_flag, None)
    return [
        Figure(
            "startup",
            app,
            "ms",
            target=2.0,
            baseline=bare,
            target_is_ratio=True,
            note="process start to first paint vs bare QMainWindow, median of 5",
        ),
    ]


BENCHMARKS = {"db_open": db_open, "startup": startup}
