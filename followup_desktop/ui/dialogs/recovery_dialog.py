"""Asked at start when the database is damaged or missing: restore a backup, start empty, quit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from followup_desktop import APP_NAME
from followup_desktop.paths import DataLocation
from followup_desktop.services.startup_check import StartupProblem


class RecoveryChoice(Enum):
    RESTORE = "restore"
    START_EMPTY = "empty"
    QUIT = "quit"


def describe_backup_date(problem: StartupProblem) -> str:
    backup = problem.backup
    if backup is None:
        return ""
    return f"{backup.taken_at:%A %d %B %Y at %H:%M} ({backup.size_text})"


def outcome_text(problem: StartupProblem, *, use_backup: bool, folder: Path | None) -> str:
    """What the recovery did, for the notice shown after it (plain text)."""
    lines = []
    if use_backup and problem.backup is not None:
        lines.append(f"Restored the backup of {describe_backup_date(problem)}.")
    else:
        lines.append("Started with an empty database.")
    if folder is not None:
        lines.append(f"The damaged files are kept in:\n{folder}")
    return "\n\n".join(lines)


def recovery_text(problem: StartupProblem, location: DataLocation) -> tuple[str, str]:
    """(headline, details) of the question, as plain text."""
    if problem.missing:
        headline = "Your database is missing, but backups of it exist."
    else:
        headline = "Follow-up Desk cannot open your data: the database is damaged."
    details = [problem.reason]
    if not problem.missing:
        details.append(f"The damaged files will be moved, not deleted, to:\n{location.damaged}")
    if problem.backup is not None:
        details.append(
            f"The newest backup that passes every check was made on "
            f"{describe_backup_date(problem)}. Restore it?"
        )
    else:
        details.append(
            "No backup that passes its checks was found. You can start with an empty "
            "database, or quit and keep everything as it is."
        )
    return headline, "\n\n".join(details)


class RecoveryDialog(QMessageBox):
    """A question with the backup's date; never starts empty without the user's choice."""

    def __init__(
        self, problem: StartupProblem, location: DataLocation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        headline, details = recovery_text(problem, location)
        self.setText(headline)
        self.setInformativeText(details)
        self.choices: dict[QPushButton, RecoveryChoice] = {}
        if problem.backup is not None:
            restore = self.addButton("Restore this backup", QMessageBox.ButtonRole.AcceptRole)
            self.choices[restore] = RecoveryChoice.RESTORE
            self.setDefaultButton(restore)
        empty = self.addButton("Start empty", QMessageBox.ButtonRole.DestructiveRole)
        self.choices[empty] = RecoveryChoice.START_EMPTY
        quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.choices[quit_button] = RecoveryChoice.QUIT
        self.setEscapeButton(quit_button)
        if problem.backup is None:
            self.setDefaultButton(quit_button)

    def choice(self) -> RecoveryChoice:
        clicked = self.clickedButton()
        if isinstance(clicked, QPushButton) and clicked in self.choices:
            return self.choices[clicked]
        return RecoveryChoice.QUIT


def ask_recovery(problem: StartupProblem, location: DataLocation) -> RecoveryChoice:
    """Show the question and return the choice (replaced in tests)."""
    dialog = RecoveryDialog(problem, location)
    dialog.exec()
    return dialog.choice()
