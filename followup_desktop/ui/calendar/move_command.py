"""Moving follow-ups to another day as one step of the window's undo stack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from followup_desktop.services.follow_up_actions import (
    FollowUpError,
    MoveRecord,
    move_follow_up,
    undo_move,
)


class MoveFollowUpsCommand(QUndoCommand):
    """Moving follow-ups to another day, undoable from the Edit menu."""

    def __init__(self, ids: list[int], day: dt.date, on_change: Callable[[], None]) -> None:
        super().__init__(f"Move {len(ids)} follow-up{'s' if len(ids) != 1 else ''} to {day:%d %b}")
        self.ids = ids
        self.day = day
        self.on_change = on_change
        self.records: list[MoveRecord] = []
        self.problem = ""

    def redo(self) -> None:
        self.records = []
        for fid in self.ids:
            try:
                self.records.append(move_follow_up(fid, self.day))
            except FollowUpError as error:
                self.problem = str(error)
        self.on_change()

    def undo(self) -> None:
        for record in reversed(self.records):
            try:
                undo_move(record)
            except FollowUpError as error:
                self.problem = str(error)
        self.on_change()
