"""Foundation benchmarks: opening the store with the board's data, and start-up to first paint."""

from __future__ import annotations

from pathlib import Path

from harness import BenchContext, Figure, time_call, time_startup_against_bare

HERE = Path(__file__).resolve().parent
APPLICATIONS = 10_000
CONTACTS = 2_000
STARTUP_RUNS = 11


def db_open(context: BenchContext) -> list[Figure]:
    """Open the store as the window does and read what the board shows first.

    The window opens after the quick checks (the page-by-page scan runs beside it) and the
    board reads its column counts and the first page of each column. The older reading of
    every card after a full quick_check is kept as an info figure.
    """
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.db.diagnose import diagnose_database
    from followup_desktop.services.board import (
        card_counts,
        card_page,
        list_stages,
        load_board_cards,
    )

    folder = context.demo_database(APPLICATIONS, CONTACTS)
    database = folder / "followup.sqlite"
    cards: list[object] = []

    def open_as_the_window_does() -> None:
        assert diagnose_database(database, scan=False) is None
        open_store(database, checked=True)
        stages = list_stages()
        card_counts()
        cards[:] = [card for stage in stages for card in card_page(stage.id)]
        close_store()

    def open_checked_and_load_every_card() -> None:
        open_store(database)
        list_stages()
        cards[:] = load_board_cards()
        close_store()

    elapsed = time_call(open_as_the_window_does, repeat=7)
    shown = len(cards)
    everything = time_call(open_checked_and_load_every_card, repeat=5)
    return [
        Figure(
            "db_open",
            elapsed,
            "ms",
            target=250.0,
            note=f"quick checks + counts + first pages ({shown} cards), "
            f"{APPLICATIONS * context.scale} applications",
        ),
        Figure(
            "db_open_all_cards",
            everything,
            "ms",
            note=f"quick_check of every page + all {len(cards)} cards (not what the window does)",
        ),
    ]


def startup(context: BenchContext) -> list[Figure]:
    folder = context.demo_database(APPLICATIONS, CONTACTS)
    app, bare = time_startup_against_bare(folder, runs=STARTUP_RUNS)
    return [
        Figure(
            "startup",
            app,
            "ms",
            # The store opens fully (the ORM included) before the window: one way in, at the
            # price of some start-up time against the bare window.
            target=2.5,
            baseline=bare,
            target_is_ratio=True,
            note="process start to first paint vs bare QMainWindow, "
            f"alternating, median of {STARTUP_RUNS}",
        ),
    ]


BENCHMARKS = {"db_open": db_open, "startup": startup}
