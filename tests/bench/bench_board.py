"""Board benchmarks: opening the board on 10,000 applications, and rows written per card move."""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from harness import BenchContext, Figure

APPLICATIONS = 10_000
CONTACTS = 2_000
MOVES = 1_000


def _qt_app() -> Any:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from followup_desktop.ui.app import create_application

    return create_application()


def _open_painted_board(app: Any) -> tuple[Any, float]:
    """Build and show a board; return it and the ms until every visible column has painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QUndoStack

    from followup_desktop.ui.events import AppEvents
    from followup_desktop.ui.pipeline.board import PipelineBoard

    painted: set[int] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(id(watched))
            return False

    watch = PaintWatch()
    start = time.perf_counter()
    events = AppEvents()
    board = PipelineBoard(events, QUndoStack())
    events.setParent(board)
    board.resize(1280, 800)
    board.show()
    expected = []
    for column in board.columns:
        target = column if column.collapsed else column.view.viewport()
        target.installEventFilter(watch)
        expected.append(id(target))
    deadline = start + 10
    visible: list[int] = []
    while time.perf_counter() < deadline:
        app.processEvents()
        visible = [
            ident
            for ident, column in zip(expected, board.columns, strict=True)
            if not column.visibleRegion().isEmpty()
        ]
        if visible and all(ident in painted for ident in visible):
            break
    elapsed = (time.perf_counter() - start) * 1000
    return board, elapsed


def board_open_10k(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store

    folder = context.demo_database(APPLICATIONS, CONTACTS)
    app = _qt_app()
    open_store(folder / "followup.sqlite")
    try:
        samples = []
        for attempt in range(8):
            board, elapsed = _open_painted_board(app)
            if attempt >= 2:  # the first openings warm SQLite's cache and Qt's fonts
                samples.append(elapsed)
            board.close()
            board.deleteLater()
            app.processEvents()
    finally:
        close_store()
    return [
        Figure(
            "board_open_10k",
            statistics.median(samples),
            "ms",
            target=100.0,
            note=f"build + show + first paint of every visible column, median of {len(samples)}",
        )
    ]


def board_move_writes(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.db.models import database

    folder = context.fresh_copy(context.demo_database(APPLICATIONS, CONTACTS), "board-moves")
    app = _qt_app()
    open_store(folder / "followup.sqlite")
    try:
        board, _elapsed = _open_painted_board(app)
        _skip_stage_questions(board)
        rng = random.Random(11)
        connection = database.connection()
        # Count the rank writes apart from what the rules re-plan after a stage change.
        database.execute_sql("CREATE TEMP TABLE app_writes (n INTEGER NOT NULL)")
        database.execute_sql("INSERT INTO temp.app_writes VALUES (0)")
        database.execute_sql(
            "CREATE TEMP TRIGGER count_app_writes AFTER UPDATE ON main.application "
            "BEGIN UPDATE app_writes SET n = n + 1; END"
        )
        written = all_rows = moves = within = 0
        durations = []
        while moves < MOVES:
            sources = [c for c in board.columns if c.model.rowCount() and not c.collapsed]
            source = rng.choice(sources)
            row = rng.randrange(source.model.rowCount())
            target = rng.choice(board.columns)
            target_row = rng.randrange(target.model.rowCount() + 1)
            card_id = source.model.card_at(row).id
            before_changes = _app_writes(database)
            before_all = connection.total_changes
            before_commands = board.undo_stack.count()
            start = time.perf_counter()
            board.drop_card(card_id, source, target, target_row)
            elapsed = (time.perf_counter() - start) * 1000
            if board.undo_stack.count() == before_commands:
                continue  # dropped where it already was: nothing to count
            moves += 1
            within += target is source
            durations.append(elapsed)
            written += _app_writes(database) - before_changes
            # total_changes counts the trigger's own updates too; leave them out.
            all_rows += (
                connection.total_changes - before_all - (_app_writes(database) - before_changes)
            )
            app.processEvents()
        board.close()
    finally:
        close_store()
    return [
        Figure(
            "board_move_writes",
            written / moves,
            "rows",
            target=1.1,
            note=f"{moves} random drops ({within} within a column) on {APPLICATIONS} applications",
        ),
        Figure(
            "board_move_all_rows",
            all_rows / moves,
            "rows",
            note="per drop, including follow-ups the rules re-planned after stage changes",
        ),
        Figure(
            "board_move_ms",
            statistics.median(durations),
            "ms",
            note=f"median per drop (mean {statistics.mean(durations):.1f} ms), store + view + undo",
        ),
    ]


def _app_writes(database: Any) -> int:
    return int(database.execute_sql("SELECT n FROM temp.app_writes").fetchone()[0])


def _skip_stage_questions(board: Any) -> None:
    """Answer the stage-change questions with "skip", as a user in a hurry would."""
    from followup_desktop.services.stage_changes import StageDetails

    board.ask_stage_details = lambda _parent, stage, _app_id: StageDetails(
        kind=stage.kind, skipped=True
    )


BENCHMARKS = {"board_open_10k": board_open_10k, "board_move_writes": board_move_writes}
