"""Failed writes inside undoable commands: nothing half-recorded, and the step can be retried."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot

from followup_desktop.services import storage_failures as failures
from followup_desktop.ui import errors as ui_errors
from followup_desktop.ui.safe_undo import SafeUndoStack


class Counter:
    """Stands for the store: a value that commands change, and a switch that fills the disk."""

    def __init__(self) -> None:
        self.value = 0
        self.disk_full = False

    def write(self, value: int) -> None:
        if self.disk_full:
            raise OSError(28, "No space left on device")
        self.value = value


class AddOne(QUndoCommand):
    def __init__(self, store: Counter) -> None:
        super().__init__("add one")
        self.store = store

    def redo(self) -> None:
        self.store.write(self.store.value + 1)

    def undo(self) -> None:
        self.store.write(self.store.value - 1)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(ui_errors, "show_storage_message", lambda _p, text: messages.append(text))
    return messages


def test_failed_push_is_not_recorded_and_retry_works(qtbot: QtBot, shown: list[str]) -> None:
    store, stack = Counter(), SafeUndoStack()
    stack.push(AddOne(store))
    store.disk_full = True
    stack.push(AddOne(store))
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown == [failures.DISK_FULL]
    assert (store.value, stack.count(), stack.index()) == (1, 1, 1)
    store.disk_full = False
    stack.push(AddOne(store))
    assert (store.value, stack.count()) == (2, 2)
    stack.undo()
    stack.undo()
    assert store.value == 0


def test_failed_undo_and_redo_leave_the_history_in_place(qtbot: QtBot, shown: list[str]) -> None:
    store, stack = Counter(), SafeUndoStack()
    stack.push(AddOne(store))
    stack.push(AddOne(store))
    store.disk_full = True
    stack.undo()
    qtbot.waitUntil(lambda: stack.index() == 2 and len(shown) == 1)
    assert store.value == 2  # nothing was undone, and the stack says so
    store.disk_full = False
    stack.undo()
    assert (store.value, stack.index()) == (1, 1)
    store.disk_full = True
    stack.redo()
    qtbot.waitUntil(lambda: stack.index() == 1 and len(shown) == 2)
    assert store.value == 1
    store.disk_full = False
    stack.redo()
    assert (store.value, stack.index(), stack.count()) == (2, 2, 2)


def test_other_errors_are_not_swallowed(qtbot: QtBot) -> None:
    class Broken(QUndoCommand):
        def redo(self) -> None:
            raise ValueError("a bug")

    stack = SafeUndoStack()
    with pytest.raises(ValueError, match="a bug"):
        stack.push(Broken("broken"))


def test_window_board_rename_under_a_locked_store_is_retryable(
    demo_store: object, data_location: object, qtbot: QtBot, shown: list[str]
) -> None:
    """A real board command on the real store while another program holds the write lock."""
    import sqlite3

    from followup_desktop.db.models import Stage, database
    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.pipeline.commands import RenameStageCommand

    class Board:
        problems: list[str] = []

        def stages_edited(self) -> None:
            pass

        def report_problem(self, message: str) -> None:
            self.problems.append(message)

    window = MainWindow(data_location)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert isinstance(window.undo_stack, SafeUndoStack)
    stage = Stage.select().order_by(Stage.position).first()
    database.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(str(database.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.undo_stack.push(RenameStageCommand(Board(), stage.id, stage.name, "Ideas"))
        qtbot.waitUntil(lambda: shown == [failures.LOCKED])
        assert window.undo_stack.count() == 0
        assert Stage.get_by_id(stage.id).name == stage.name
    finally:
        other.execute("ROLLBACK")
        other.close()
    window.undo_stack.push(RenameStageCommand(Board(), stage.id, stage.name, "Ideas"))
    assert Stage.get_by_id(stage.id).name == "Ideas" and window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert Stage.get_by_id(stage.id).name == stage.name
