"""The composer's questions to the user (file names, addresses, confirmations) in one place.

Tests replace these functions; the composer never opens a modal dialog any other way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_address(parent: QWidget, who: str) -> str | None:
    """A postal address typed on several lines, or None when the user cancels."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Postal address needed")
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setLabelText(
        f"The envelope needs the postal address of {who}.\n"
        "Type it as it goes on the envelope (street, town and postcode, country):"
    )
    for label in dialog.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)  # the name is shown as typed
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    return text.strip() if accepted and text.strip() else None


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def _box(icon: QMessageBox.Icon, parent: QWidget, title: str, message: str) -> QMessageBox:
    box = QMessageBox(icon, title, message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and titles from the store, as typed
    return box


def confirm(parent: QWidget, title: str, question: str) -> bool:
    box = _box(QMessageBox.Icon.Question, parent, title, question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, title: str, message: str) -> None:
    _box(QMessageBox.Icon.Information, parent, title, message).exec()


def warn(parent: QWidget, title: str, message: str) -> None:
    _box(QMessageBox.Icon.Warning, parent, title, message).exec()


def unsaved_draft_box(parent: QWidget, failure: str) -> QMessageBox:
    """The question asked when the letter could not be saved and is about to go away."""
    box = _box(
        QMessageBox.Icon.Warning,
        parent,
        "Draft not saved",
        "The letter you are writing could not be saved.\n\n"
        f"{failure}\n\n"
        "Save it again (after freeing space, for instance), discard the unsaved changes, "
        "or cancel and go on writing?",
    )
    save = box.addButton("&Save again", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return box


def ask_unsaved_draft(parent: QWidget, failure: str) -> str:
    """What to do with a draft that could not be saved: "save", "discard" or "cancel"."""
    box = unsaved_draft_box(parent, failure)
    box.exec()
    clicked = box.clickedButton()
    role = box.buttonRole(clicked) if clicked is not None else None
    if role == QMessageBox.ButtonRole.AcceptRole:
        return "save"
    if role == QMessageBox.ButtonRole.DestructiveRole:
        return "discard"
    return "cancel"
