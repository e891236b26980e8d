"""A strip above the areas while the store is open to look at only (it cannot be written)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from followup_desktop.paths import DataLocation
from followup_desktop.ui.theme import PROBLEM_TONE, follow_scheme


class ReadOnlyBanner(QFrame):
    """Says why nothing can be changed, and what to do about it."""

    def __init__(self, location: DataLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        follow_scheme(
            self,
            lambda banner: banner.setStyleSheet(
                PROBLEM_TONE.style_sheet(
                    QGuiApplication.palette(), "#read_only_banner", edge="border-bottom"
                )
                + " #read_only_banner QLabel { background: transparent; }"
            ),
        )
        self.label = QLabel(
            f"Read-only: Follow-up Desk cannot write to {location.root} just now (a full disk "
            "or a read-only drive). You can look; nothing you change can be saved. Quit, solve "
            "the problem, then start again."
        )
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
