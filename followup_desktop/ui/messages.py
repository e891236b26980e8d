"""The start's and the session's message boxes: an error, a notice, the demo question."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from followup_desktop import APP_NAME


def show_error(title: str, message: str) -> None:
    """A message box in the window session, and the same line on stderr."""
    print(f"followup-desktop: {message}", file=sys.stderr)  # noqa: T201
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_notice(message: str) -> None:
    """An information box."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def ask_to_look(reason: str) -> bool:
    """The store cannot be written just now: offer to look at it read-only, or to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, reason)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        "You can look at your data meanwhile, read-only: nothing can be changed or saved "
        "until the problem is solved and the app is started again."
    )
    look = box.addButton("Look read-only", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is look


def ask_load_demo() -> bool:
    """Ask a newcomer whether to look around with demo data."""
    answer = QMessageBox.question(
        None,
        f"Welcome to {APP_NAME}",
        "Your tracker is empty. Load a demo job search to look around?\n\n"
        "You can start from scratch instead; the demo only goes into an empty store.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
