"""A strip above the areas while the demo data is loaded, with a way to start for real."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from followup_desktop.services.settings import holds_demo_data
from followup_desktop.services.store_contents import clear_all_data
from followup_desktop.ui.theme import ADVICE_TONE, colour_text


class DemoBanner(QFrame):
    """Shown only while the store holds the demo; the button empties the store after asking."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_banner")
        # Painted colours rather than a style sheet: a style sheet costs the window's first
        # paint a new style for the whole strip.
        label = QLabel(
            "You are exploring a demo job search. When you are ready to track your own, "
            "start with an empty tracker."
        )
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        colour_text(label, lambda palette: ADVICE_TONE.colours(palette)[2])
        self.start_button = QPushButton("Start my own tracker…")
        self.start_button.clicked.connect(self.confirm_and_clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(label, 1)
        row.addWidget(self.start_button)
        # Only ever hidden here: showing a widget that has no parent yet would open it as a
        # window of its own (it is shown with the main window when it is left alone).
        if not holds_demo_data():
            self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        background, border, _text = ADVICE_TONE.colours(QGuiApplication.palette())
        painter = QPainter(self)
        painter.fillRect(self.rect(), background)
        painter.fillRect(0, self.height() - 1, self.width(), 1, border)

    def confirm(self) -> bool:
        """Ask before deleting (replaced in tests)."""
        answer = QMessageBox.question(
            self,
            "Start my own tracker",
            "This removes every application, contact, conversation and letter now in the "
            "tracker, including any you added while trying the demo. Your stages and settings "
            "stay.\n\nStart with an empty tracker?",
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_and_clear(self) -> None:
        if not self.confirm():
            return
        clear_all_data()
        self.hide()
        self.cleared.emit()

    def refresh(self) -> None:
        self.setVisible(holds_demo_data())
