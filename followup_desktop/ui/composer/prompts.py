"""The composer's questions to the user (file names, addresses, confirmations) in one place.

Tests replace these functions; the composer never opens a modal dialog any other way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_address(parent: QWidget, who: str) -> str | None:
    """A postal address typed on several lines, or None when the user cancels."""
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        "Postal address needed",
        f"The envelope needs the postal address of {who}.\n"
        "Type it as it goes on the envelope (street, town and postcode, country):",
        "",
    )
    return text.strip() if accepted and text.strip() else None


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
    box.exec()


def warn(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.exec()
