"""The stage menus (per column and for the board) and their small name and delete dialogs."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import StageInfo
from followup_desktop.services.stages import (
    StageError,
    add_stage,
    applications_in_stage,
    stage_name_problem,
)
from followup_desktop.ui.pipeline.commands import (
    BoardSync,
    DeleteStageCommand,
    HideStageCommand,
    MoveStageCommand,
    RenameStageCommand,
)
from followup_desktop.ui.theme import WARNING_ON_WINDOW, tone_text


class StageMenuHost(BoardSync, Protocol):
    """What the stage menus read from the board and ask of it, besides the commands' sync."""

    @property
    def stages(self) -> list[StageInfo]: ...

    def is_folded(self, stage_id: int) -> bool: ...

    def set_folded(self, stage_id: int, collapsed: bool) -> None: ...

    def add_application(self, stage_id: int) -> None: ...


class StageNameDialog(QDialog):
    """Asks for a stage name and refuses empty or duplicate ones with a one-line reason."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        current: str = "",
        stage_id: int | None = None,
        *,
        offer_closed: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.stage_id = stage_id
        self.name = QLineEdit(current)
        self.name.setObjectName("stage_name")
        self.name.selectAll()
        self.closed = QCheckBox("Applications here are finished (like Rejected)")
        self.closed.setVisible(offer_closed)
        self.error = QLabel()
        self.error.setObjectName("stage_name_error")
        tone_text(self.error, WARNING_ON_WINDOW)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.closed)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        problem = stage_name_problem(self.name.text(), stage_id=self.stage_id)
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.name.setFocus()
            return
        super().accept()


class DeleteStageDialog(QDialog):
    """Confirms a deletion; a stage with applications must name where they go."""

    def __init__(
        self, parent: QWidget | None, stage: StageInfo, count: int, others: list[StageInfo]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Delete stage “{stage.name}”")
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.destination = QComboBox()
        self.destination.setObjectName("destination")
        if count:
            plural = "s" if count != 1 else ""
            text.setText(
                f"“{stage.name}” holds {count} application{plural} (archived ones included). "
                "Choose the stage they move to; they keep their order there."
            )
            self.destination.addItem("Choose a stage…", None)
            for other in others:
                self.destination.addItem(other.name, other.id)
        else:
            text.setText(f"“{stage.name}” is empty. Delete it? Edit → Undo brings it back.")
            self.destination.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton("Delete stage")
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.destination.currentIndexChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.destination)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.needs_destination = count > 0
        self._update()

    def _update(self) -> None:
        ready = not self.needs_destination or self.destination.currentData() is not None
        self.delete_button.setEnabled(ready)

    def chosen_destination(self) -> int | None:
        data = self.destination.currentData()
        return int(data) if data is not None else None


# --- askers (tests replace these) ------------------------------------------------------


def ask_stage_name(
    parent: QWidget, title: str, current: str = "", stage_id: int | None = None
) -> tuple[str, bool] | None:
    """The name (and, for a new stage, whether it is a closed one), or None if cancelled."""
    dialog = StageNameDialog(parent, title, current, stage_id, offer_closed=stage_id is None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name.text().strip(), dialog.closed.isChecked()


def ask_delete_stage(
    parent: QWidget, stage: StageInfo, count: int, others: list[StageInfo]
) -> tuple[bool, int | None]:
    """(confirmed, destination stage id or None)."""
    dialog = DeleteStageDialog(parent, stage, count, others)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.chosen_destination()


# --- the menus ---------------------------------------------------------------------------


class StageMenus:
    """A column's stage menu and the board's Stages menu; each change is an undoable command."""

    def __init__(self, host: StageMenuHost, undo_stack: QUndoStack, parent: QWidget) -> None:
        self._host = host
        self._undo_stack = undo_stack
        #: Menus and dialogs open over this widget.
        self._parent = parent

    def stage_menu(self, stage: StageInfo) -> QMenu:
        """Rename, move, hide, fold, delete a stage, or add another."""
        host = self._host
        menu = QMenu(self._parent)
        visible = [s for s in host.stages if not s.is_hidden]
        ordered = [s.id for s in host.stages]
        index = ordered.index(stage.id)
        if not stage.is_closed:
            add = menu.addAction("Add application here…")
            add.triggered.connect(lambda: host.add_application(stage.id))
            menu.addSeparator()
        menu.addAction("Rename…").triggered.connect(lambda: self.rename(stage))
        left = menu.addAction("Move left")
        left.setEnabled(index > 0)
        left.triggered.connect(
            lambda: self._undo_stack.push(MoveStageCommand(host, stage.id, stage.name, -1))
        )
        right = menu.addAction("Move right")
        right.setEnabled(index < len(ordered) - 1)
        right.triggered.connect(
            lambda: self._undo_stack.push(MoveStageCommand(host, stage.id, stage.name, +1))
        )
        hide = menu.addAction("Hide from the board")
        hide.setEnabled(len(visible) > 1)  # the board keeps at least one column
        hide.triggered.connect(
            lambda: self._undo_stack.push(HideStageCommand(host, stage.id, stage.name, True))
        )
        if stage.is_closed:
            folded = host.is_folded(stage.id)
            fold = menu.addAction("Open the column" if folded else "Fold the column")
            fold.triggered.connect(lambda: host.set_folded(stage.id, not folded))
        menu.addSeparator()
        menu.addAction("Delete…").triggered.connect(lambda: self.delete(stage))
        menu.addSeparator()
        menu.addAction("Add a stage…").triggered.connect(lambda: self.add())
        return menu

    def fill_board_menu(self, menu: QMenu) -> None:
        """The board's Stages menu: add a stage, and bring back hidden ones."""
        menu.clear()
        menu.addAction("Add a stage…").triggered.connect(lambda: self.add())
        hidden = [s for s in self._host.stages if s.is_hidden]
        menu.addSeparator()
        if not hidden:
            note = menu.addAction("No hidden stages")
            note.setEnabled(False)
        for stage in hidden:
            action = menu.addAction(f"Show “{stage.name}”")
            action.triggered.connect(
                lambda _checked=False, s=stage: self._undo_stack.push(
                    HideStageCommand(self._host, s.id, s.name, False)
                )
            )

    # --- actions -------------------------------------------------------------------------

    def rename(self, stage: StageInfo) -> None:
        answer = ask_stage_name(self._parent, f"Rename “{stage.name}”", stage.name, stage.id)
        if answer is not None and answer[0] != stage.name:
            self._undo_stack.push(RenameStageCommand(self._host, stage.id, stage.name, answer[0]))

    def add(self) -> None:
        answer = ask_stage_name(self._parent, "Add a stage")
        if answer is None:
            return
        try:
            add_stage(answer[0], closed=answer[1])
        except StageError as error:
            self._host.report_problem(str(error))
            return
        self._host.stages_edited()

    def delete(self, stage: StageInfo) -> None:
        count = applications_in_stage(stage.id)
        others = [s for s in self._host.stages if s.id != stage.id]
        if not others:
            self._host.report_problem("The board needs at least one stage.")
            return
        confirmed, destination = ask_delete_stage(self._parent, stage, count, others)
        if not confirmed:
            return
        command = DeleteStageCommand(
            self._host,
            stage.id,
            stage.name,
            stage.position,
            stage.is_closed,
            stage.kind,
            stage.is_hidden,
            destination,
        )
        self._undo_stack.push(command)
