"""A card's undoable actions: move (asking what the new stage needs), archive, edit in detail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from followup_desktop.services.application_edits import (
    ApplicationGoneError,
    ApplicationSnapshot,
    finish_edit,
    snapshot_application,
)
from followup_desktop.services.board import StageInfo, load_card
from followup_desktop.services.ranking import RankingError, place_of
from followup_desktop.services.stage_changes import DETAIL_KINDS, StageDetails, reply_follow_up
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.column_widget import StageColumn
from followup_desktop.ui.pipeline.commands import (
    ArchiveCardCommand,
    BoardSync,
    EditApplicationCommand,
    MoveCardCommand,
)
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog

StageDetailsAsker = Callable[[QWidget, StageInfo, int], StageDetails | None]
DetailDialogFactory = Callable[[QWidget, int, AppEvents], ApplicationDetailDialog]


class CardActionsHost(BoardSync, Protocol):
    """What the card actions need from the board: its columns, and how it asks the user."""

    #: Asked before a card enters Applied, Interview or Rejected (None: the user cancelled).
    ask_stage_details: StageDetailsAsker
    #: Builds the application detail that ``open_card`` shows.
    detail_dialog: DetailDialogFactory

    @property
    def columns(self) -> list[StageColumn]: ...

    def stage(self, stage_id: int) -> StageInfo | None: ...


def card_label(application_id: int) -> str:
    """The card as undo texts name it: its company and position, in quotes."""
    card = load_card(application_id)
    return f"“{card.company} – {card.position}”" if card is not None else "card"


class CardActions:
    """Turns the user's card actions into commands on the undo stack."""

    def __init__(
        self, host: CardActionsHost, undo_stack: QUndoStack, events: AppEvents, parent: QWidget
    ) -> None:
        self._host = host
        self._undo_stack = undo_stack
        self._events = events
        #: Dialogs open over this widget.
        self._parent = parent

    def request_move(self, application_id: int, stage_id: int, after_id: int | None) -> bool:
        """Move a card (asking for stage details where the stage needs them); True if moved."""
        host = self._host
        try:
            place = place_of(application_id)
        except RankingError as error:
            host.report_problem(str(error))
            return False
        if place.stage_id == stage_id and place.after_id == after_id:
            return False
        target = host.stage(stage_id)
        if target is None:
            return False
        details: StageDetails | None = None
        if place.stage_id != stage_id and target.kind in DETAIL_KINDS:
            details = host.ask_stage_details(self._parent, target, application_id)
            if details is None:
                return False  # cancelled: the card stays where it was
        label = card_label(application_id)
        if place.stage_id == stage_id:
            text = f"Reorder {label}"
        else:
            text = f"Move {label} to {target.name}"
        command = MoveCardCommand(host, application_id, place, stage_id, after_id, text, details)
        self._undo_stack.push(command)
        if details is not None and details.draft_reply and not details.skipped:
            follow_up = reply_follow_up(application_id)
            if follow_up is not None:
                self._events.compose_follow_up_requested.emit(follow_up)
        return True

    def drop(self, application_id: int, source: StageColumn, target: StageColumn, row: int) -> None:
        """A card was dropped before ``row`` of ``target`` (rows as the column shows them)."""
        ids = target.model.ids()
        if target is source and application_id in ids:
            source_row = ids.index(application_id)
            ids.pop(source_row)
            if row > source_row:
                row -= 1
            if row == source_row:
                return  # dropped where it was
        after = ids[row - 1] if 0 < row <= len(ids) and not target.collapsed else None
        self.request_move(application_id, target.stage.id, after)

    def move_within(self, column: StageColumn, row: int, offset: int) -> bool:
        """Keyboard reorder: one place up (-1) or down (+1)."""
        if offset > 0:
            column.model.ensure_loaded(row + 1)
        target_row = row + offset
        if row < 0 or not 0 <= target_row < column.model.rowCount():
            return False
        ids = column.model.ids()
        moving = ids.pop(row)
        after = ids[target_row - 1] if target_row > 0 else None
        return self.request_move(moving, column.stage.id, after)

    def move_to_neighbour_stage(self, column: StageColumn, row: int, offset: int) -> bool:
        """Keyboard stage change: to the top of the previous (-1) or next (+1) column."""
        columns = self._host.columns
        position = columns.index(column) + offset
        if row < 0 or not 0 <= position < len(columns):
            return False
        card = column.model.card_at(row)
        return self.request_move(card.id, columns[position].stage.id, None)

    def archive(self, application_id: int, archive: bool = True) -> None:
        """Archive a card (or bring it back to the board)."""
        card = load_card(application_id)
        if card is None:
            return
        verb = "Archive" if archive else "Restore"
        self._undo_stack.push(
            ArchiveCardCommand(
                self._host,
                application_id,
                card.stage_id,
                archive,
                f"{verb} “{card.company} – {card.position}”",
            )
        )

    def open_card(self, application_id: int) -> None:
        """The application's detail; a saved edit becomes one undoable step."""
        try:
            before = snapshot_application(application_id)
        except ApplicationGoneError as error:
            self._host.report_problem(str(error))
            return
        dialog = self._host.detail_dialog(self._parent, application_id, self._events)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._record_edit(before)
        if dialog.compose_follow_up is not None:
            self._events.compose_follow_up_requested.emit(dialog.compose_follow_up)

    def _record_edit(self, before: ApplicationSnapshot) -> None:
        """After the detail saved: push the change so Edit → Undo takes it back."""
        after = finish_edit(before)
        if after is None:
            return
        label = card_label(before.id)
        self._undo_stack.push(EditApplicationCommand(self._host, before, after, f"Edit {label}"))
