"""Undoable board actions: each writes the store, then tells the board what to show."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from followup_desktop.services.application_edits import (
    ApplicationGoneError,
    ApplicationSnapshot,
    restore_application,
)
from followup_desktop.services.archive import ArchiveError, set_archived
from followup_desktop.services.ranking import CardPlace, RankingError
from followup_desktop.services.stage_changes import (
    DetailsRecord,
    StageDetails,
    move_card,
    undo_card_move,
)
from followup_desktop.services.stages import (
    StageError,
    delete_stage,
    move_stage,
    rename_stage,
    set_stage_hidden,
    undo_delete_stage,
)
from followup_desktop.services.validation import ValidationError


class BoardSync(Protocol):
    """What commands need from the board after they changed the store."""

    def card_relocated(
        self,
        application_id: int,
        from_stage: int,
        renumbered_stage: int | None = None,
        *,
        planning_changed: bool = False,
        reorder_only: bool = False,
    ) -> None: ...

    def stages_edited(self) -> None: ...

    def report_problem(self, message: str) -> None: ...


class MoveCardCommand(QUndoCommand):
    """Move a card within its column or to another stage (with what the stage asked for).

    Undo puts the card back on the same rank and takes back the stored details; the rules
    re-plan both ways.
    """

    def __init__(
        self,
        board: BoardSync,
        application_id: int,
        source: CardPlace,
        target_stage: int,
        target_after: int | None,
        text: str,
        details: StageDetails | None = None,
    ) -> None:
        super().__init__(text)
        self.board = board
        self.application_id = application_id
        self.source = source
        self.target_stage = target_stage
        self.target_after = target_after
        self.details = details
        self._done_rank: int | None = None
        self._record: DetailsRecord | None = None

    @property
    def changes_stage(self) -> bool:
        return self.source.stage_id != self.target_stage

    def redo(self) -> None:
        try:
            move = move_card(
                self.application_id,
                self.target_stage,
                self.target_after,
                preferred_rank=self._done_rank,
                details=self.details,
            )
        except (RankingError, ValidationError) as error:
            self._fail(str(error))
            return
        self._done_rank = move.result.rank
        self._record = move.record
        self.board.card_relocated(
            self.application_id,
            self.source.stage_id,
            self.target_stage if move.result.renumbered else None,
            planning_changed=self.changes_stage,
            reorder_only=not self.changes_stage,
        )

    def undo(self) -> None:
        try:
            result = undo_card_move(self.application_id, self.source, self._record)
        except RankingError as error:
            self._fail(str(error))
            return
        self._record = None
        self.board.card_relocated(
            self.application_id,
            self.target_stage,
            self.source.stage_id if result.renumbered else None,
            planning_changed=self.changes_stage,
            reorder_only=not self.changes_stage,
        )

    def _fail(self, message: str) -> None:
        self.setObsolete(True)
        self.board.report_problem(message)


class ArchiveCardCommand(QUndoCommand):
    """Archive (or bring back) a card; it keeps its stage and rank either way."""

    def __init__(
        self, board: BoardSync, application_id: int, stage_id: int, archive: bool, text: str
    ) -> None:
        super().__init__(text)
        self.board = board
        self.application_id = application_id
        self.stage_id = stage_id
        self.archive = archive

    def redo(self) -> None:
        self._set(self.archive)

    def undo(self) -> None:
        self._set(not self.archive)

    def _set(self, archived: bool) -> None:
        try:
            set_archived(self.application_id, archived)
        except ArchiveError as error:
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.card_relocated(self.application_id, self.stage_id)


class EditApplicationCommand(QUndoCommand):
    """An edit made in the application's detail; it is already stored when pushed."""

    def __init__(
        self, board: BoardSync, before: ApplicationSnapshot, after: ApplicationSnapshot, text: str
    ) -> None:
        super().__init__(text)
        self.board, self.before, self.after = board, before, after
        self._stored = True

    def redo(self) -> None:
        if self._stored:
            self._stored = False  # pushed after the dialog saved: nothing to write yet
            self.board.card_relocated(self.after.id, self.before.stage_id, planning_changed=True)
            return
        self._write(self.after, self.before.stage_id)

    def undo(self) -> None:
        self._write(self.before, self.after.stage_id)

    def _write(self, snapshot: ApplicationSnapshot, from_stage: int) -> None:
        try:
            restore_application(snapshot)
        except ApplicationGoneError as error:
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.card_relocated(snapshot.id, from_stage, planning_changed=True)


class RenameStageCommand(QUndoCommand):
    def __init__(self, board: BoardSync, stage_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename stage “{old}” to “{new}”")
        self.board, self.stage_id, self.old, self.new = board, stage_id, old, new

    def redo(self) -> None:
        self._rename(self.new)

    def undo(self) -> None:
        self._rename(self.old)

    def _rename(self, name: str) -> None:
        try:
            rename_stage(self.stage_id, name)
        except StageError as error:
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.stages_edited()


class HideStageCommand(QUndoCommand):
    def __init__(self, board: BoardSync, stage_id: int, name: str, hide: bool) -> None:
        super().__init__(f"{'Hide' if hide else 'Show'} stage “{name}”")
        self.board, self.stage_id, self.hide = board, stage_id, hide

    def redo(self) -> None:
        self._set(self.hide)

    def undo(self) -> None:
        self._set(not self.hide)

    def _set(self, hidden: bool) -> None:
        try:
            set_stage_hidden(self.stage_id, hidden)
        except StageError as error:
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.stages_edited()


class MoveStageCommand(QUndoCommand):
    def __init__(self, board: BoardSync, stage_id: int, name: str, offset: int) -> None:
        super().__init__(f"Move stage “{name}” {'left' if offset < 0 else 'right'}")
        self.board, self.stage_id, self.offset = board, stage_id, offset

    def redo(self) -> None:
        self._move(self.offset)

    def undo(self) -> None:
        self._move(-self.offset)

    def _move(self, offset: int) -> None:
        try:
            move_stage(self.stage_id, offset)
        except StageError as error:
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.stages_edited()


class DeleteStageCommand(QUndoCommand):
    """Delete a stage, its applications going to another; undo brings both back as they were."""

    def __init__(
        self,
        board: BoardSync,
        stage_id: int,
        name: str,
        position: int,
        closed: bool,
        kind: str,
        hidden: bool,
        move_to: int | None,
    ) -> None:
        super().__init__(f"Delete stage “{name}”")
        self.board = board
        self.stage = (stage_id, name, position, closed, kind, hidden)
        self.move_to = move_to
        self._moved: list[tuple[int, int]] = []
        #: Set when the store refused; the board then keeps the stage and says why.
        self.refused: str | None = None

    def redo(self) -> None:
        try:
            self._moved = delete_stage(self.stage[0], self.move_to)
        except StageError as error:
            self.refused = str(error)
            self.setObsolete(True)
            self.board.report_problem(str(error))
            return
        self.board.stages_edited()

    def undo(self) -> None:
        stage_id, name, position, closed, kind, hidden = self.stage
        undo_delete_stage(stage_id, name, position, closed, kind, hidden, self._moved)
        self.board.stages_edited()
