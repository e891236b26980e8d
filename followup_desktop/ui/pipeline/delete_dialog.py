"""Asks before an application is deleted for good, and whether to keep its documents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.wording import counted


class DeleteApplicationDialog(QDialog):
    """Delete or cancel; ``keep`` says whether copies of the documents are kept."""

    def __init__(self, parent: QWidget | None, title: str, documents: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete application")
        text = QLabel(
            f"Delete “{title}” for good? Its conversations and follow-ups go with it (its "
            "letters stay). Edit → Undo cannot bring it back; a backup (File → Backups…) can. "
            "To keep it out of sight instead, archive it."
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.keep = QCheckBox(
            f"&Keep copies of its {counted(documents, 'document')} in the data folder's "
            "exports folder"
        )
        self.keep.setChecked(True)
        self.keep.setVisible(documents > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = buttons.addButton(
            "&Delete", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.keep)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)


def ask_delete(parent: QWidget, title: str, documents: int) -> bool | None:
    """None: cancelled; else whether to keep the documents."""
    dialog = DeleteApplicationDialog(parent, title, documents)
    if not dialog.exec():
        return None
    return dialog.keep.isChecked()
