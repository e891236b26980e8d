"""An undo stack that survives failed writes: nothing half-recorded, and the step can be retried.

Commands write the store in ``redo()`` and ``undo()``. When such a write fails for a storage
reason (full disk, lock, read-only folder…) a plain QUndoStack would still record the step, and
a later undo would revert something that never happened. Here a failed push is dropped, a failed
undo or redo leaves the stack where it was, and the user is told once, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from followup_desktop.services.storage_failures import storage_failure_message
from followup_desktop.ui import errors


class _GuardState:
    """Per command: the next call of this kind only restores the stack's index (the store is
    already right)."""

    __slots__ = ("skip_redo", "skip_undo")

    def __init__(self) -> None:
        self.skip_redo = False
        self.skip_undo = False


class SafeUndoStack(QUndoStack):
    """QUndoStack whose commands may fail to write without corrupting the history."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pushing = False

    def push(self, cmd: QUndoCommand) -> None:
        self._guard(cmd)
        self._pushing = True
        try:
            super().push(cmd)
        finally:
            self._pushing = False

    def _guard(self, command: QUndoCommand) -> None:
        state = _GuardState()
        original_redo: Callable[[], None] = command.redo
        original_undo: Callable[[], None] = command.undo

        def guarded_redo() -> None:
            if state.skip_redo:
                state.skip_redo = False
                return
            index = self.index()
            if not self._run(original_redo):
                return
            if self._pushing:
                command.setObsolete(True)  # a failed new step is not recorded at all
            else:
                # Redo from the history failed: step back again, without touching the store.
                state.skip_undo = True
                QTimer.singleShot(0, self, lambda: self.setIndex(index))

        def guarded_undo() -> None:
            if state.skip_undo:
                state.skip_undo = False
                return
            index = self.index()
            if self._run(original_undo):
                state.skip_redo = True
                QTimer.singleShot(0, self, lambda: self.setIndex(index))

        command.redo = guarded_redo  # type: ignore[method-assign]
        command.undo = guarded_undo  # type: ignore[method-assign]

    def _run(self, step: Callable[[], None]) -> bool:
        """Run one write; True if it failed for a storage reason (already reported)."""
        try:
            step()
        except Exception as error:
            if storage_failure_message(error) is None:
                raise
            # Shown once the stack operation has finished, not in the middle of it.
            QTimer.singleShot(0, self, partial(errors.report_storage_failure, error))
            return True
        return False
