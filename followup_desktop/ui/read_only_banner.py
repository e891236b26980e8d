"""A strip above the areas while the store is open to look at only (it cannot be written)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from followup_desktop.paths import DataLocation


class ReadOnlyBanner(QFrame):
    """Says why nothing can be changed, and what to do about it."""

    def __init__(self, location: DataLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setStyleSheet(
            "#read_only_banner { background: #fbe3e1; border-bottom: 1px solid #e0a39c; }"
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
