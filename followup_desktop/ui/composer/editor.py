"""The letter being written: subject, text with its {slots} marked, word count and the coach."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.coach import WORD_LIMITS, word_count
from followup_desktop.services.templates import SLOT_HELP, unfilled_slots
from followup_desktop.ui.composer.coach_panel import CoachPanel
from followup_desktop.ui.composer.slot_highlighter import SlotHighlighter
from followup_desktop.ui.theme import CAUTION_ON_WINDOW, WARNING_ON_WINDOW, tone_text

#: The smallest text area the letter may be written in.
MIN_LINE_CHARACTERS = 40
MIN_LINES = 8
_SCROLL_BAR_ROOM = 16


class LetterEditor(QWidget):
    """Emits ``edited`` when the user changes the subject or the text (not when it is shown)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setPlaceholderText("Subject")
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setAccessibleName("Letter text")
        # A letter is written a sentence at a time: never fewer than 40 characters x 8 lines,
        # whatever the window's size (the preview beside it gives way first).
        metrics = self.body.fontMetrics()
        frame = 2 * (self.body.frameWidth() + int(self.body.document().documentMargin()))
        self.body.setMinimumSize(
            metrics.averageCharWidth() * MIN_LINE_CHARACTERS + frame + _SCROLL_BAR_ROOM,
            metrics.lineSpacing() * MIN_LINES + frame,
        )
        self.highlighter = SlotHighlighter(self.body.document())
        self.word_count = QLabel()
        self.word_count.setObjectName("word_count")
        self.slot_notice = QLabel()
        self.slot_notice.setObjectName("slot_notice")
        self.slot_notice.setWordWrap(True)
        tone_text(self.slot_notice, CAUTION_ON_WINDOW)
        self.coach = CoachPanel()
        self.coach.setObjectName("coach")
        coach_box = QGroupBox("Coach")
        coach_layout = QVBoxLayout(coach_box)
        coach_layout.setContentsMargins(8, 6, 8, 6)
        coach_layout.addWidget(self.coach)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.subject)
        column.addWidget(self.body, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.word_count)
        counts.addStretch(1)
        column.addLayout(counts)
        column.addWidget(self.slot_notice)
        column.addWidget(coach_box)

        self.body.textChanged.connect(self._announce_edit)
        self.subject.textChanged.connect(self._announce_edit)

    def _announce_edit(self, *_args: object) -> None:
        self.edited.emit()

    def text(self) -> str:
        return self.body.toPlainText()

    def subject_text(self) -> str:
        return self.subject.text()

    def show_text(self, subject: str, body: str) -> None:
        """Show a letter's subject and text without announcing an edit."""
        for widget in (self.subject, self.body):
            widget.blockSignals(True)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        # Continue where the writer stopped: at the end of the text.
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        for widget in (self.subject, self.body):
            widget.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        """A sent letter is shown, not edited."""
        self.body.setReadOnly(read_only)
        self.subject.setReadOnly(read_only)

    def show_counts(self, channel: str) -> None:
        """The words against the channel's limit, and the {slots} still to fill in."""
        text = self.text()
        words = word_count(text)
        limit = WORD_LIMITS.get(channel, 200)
        tone_text(self.word_count, WARNING_ON_WINDOW if words > limit else None)
        self.word_count.setText(f"{words} / {limit} words")
        missing = unfilled_slots(text)
        if missing:
            helps = "; ".join(f"{{{name}}}: {SLOT_HELP[name]}" for name in missing)
            self.slot_notice.setText(f"Still to fill in — {helps}")
            self.slot_notice.show()
        else:
            self.slot_notice.hide()
