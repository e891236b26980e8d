"""Helpers for board tests: a known small pipeline, real mouse drags, and reading the board."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import Application, Stage
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.stage_changes import StageDetails
from followup_desktop.ui.app import create_application
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.pipeline.column_widget import StageColumn


def stage_id(name: str) -> int:
    return int(Stage.get(Stage.name == name).id)


def add_applications(stage: str, *companies: str) -> list[int]:
    ids = []
    for company in companies:
        app = save_application(
            ApplicationInput(company=company, position="Analyst", stage_id=stage_id(stage))
        )
        ids.append(int(app.id))
    return ids


def open_board(qtbot: QtBot, undo_stack: QUndoStack | None = None) -> PipelineBoard:
    create_application()
    events = AppEvents()
    board = PipelineBoard(events, undo_stack if undo_stack is not None else QUndoStack())
    events.setParent(board)
    # Stage questions are answered per test; by default the user skips them.
    board.ask_stage_details = lambda _parent, stage, _app_id: StageDetails(
        kind=stage.kind, skipped=True
    )
    if board.undo_stack.parent() is None:
        board.undo_stack.setParent(board)
    qtbot.addWidget(board)
    board.resize(1700, 700)
    board.show()
    qtbot.waitExposed(board)
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow, timeout=2000)
    return board


def column(board: PipelineBoard, name: str) -> StageColumn:
    found = next((c for c in board.columns if c.stage.name == name), None)
    assert found is not None, f"no column {name}"
    return found


def shown_companies(board: PipelineBoard, name: str) -> list[str]:
    model = column(board, name).model
    return [model.card_at(row).company for row in range(model.rowCount())]


def stored_companies(name: str) -> list[str]:
    """The stage's active applications in the store's order (rank, then id)."""
    query = (
        Application.select()
        .where((Application.stage == stage_id(name)) & (Application.archived == False))  # noqa: E712
        .order_by(Application.rank, Application.id)
    )
    return [app.company.name for app in query]


def card_center(board: PipelineBoard, name: str, company: str) -> tuple[StageColumn, QPoint]:
    col = column(board, name)
    row = shown_companies(board, name).index(company)
    return col, col.view.visualRect(col.model.index(row)).center()


def mouse_drag(
    qtbot: QtBot,
    board: PipelineBoard,
    source: tuple[StageColumn, QPoint],
    target_column: StageColumn,
    target_point: QPoint,
    steps: int = 8,
) -> None:
    """Press on a card, move in steps to a point of the target column's list, release.

    Like a real pointer drag, every event goes to the widget that got the press (Qt's implicit
    mouse grab), with positions relative to it.
    """
    source_column, start = source
    viewport = source_column.view.viewport()
    end = viewport.mapFromGlobal(target_column.view.viewport().mapToGlobal(target_point))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, steps + 1):
        point = start + (end - start) * (step / steps)
        qtbot.mouseMove(viewport, point)
    qtbot.waitUntil(lambda: board.drag.active, timeout=2000)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def gap_before(col: StageColumn, row: int) -> QPoint:
    """A point just above the middle line of card ``row`` (or below the last card)."""
    model = col.model
    if row < model.rowCount():
        rect = col.view.visualRect(model.index(row))
        return QPoint(rect.center().x(), rect.top() + rect.height() // 4)
    rect = col.view.visualRect(model.index(model.rowCount() - 1))
    return QPoint(rect.center().x(), rect.bottom() + 6)
