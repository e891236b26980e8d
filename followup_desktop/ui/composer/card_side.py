"""Beside the text: the card's settings and its preview, or for an e-mail a word on sending it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from followup_desktop.ui.composer.hand_coverage import HandCoverageLabel
from followup_desktop.ui.composer.note_options import NoteOptions
from followup_desktop.ui.composer.preview import NotePreview


class CardSide(QWidget):
    """The note options and the preview for a note or a letter; the e-mail hint otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = NoteOptions()
        self.coverage = HandCoverageLabel(self.options.hand)
        self.coverage.hide()
        self.preview = NotePreview()
        self.preview.setObjectName("preview")
        self.email_hint = QLabel(
            "An e-mail opens in your mail program with this subject and text, or is saved as "
            "an .eml draft. The coach checks it the same way."
        )
        self.email_hint.setWordWrap(True)
        self.email_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options)
        column.addWidget(self.coverage)
        column.addWidget(self.preview, 1)
        column.addWidget(self.email_hint)

    def show_card(self, is_card: bool) -> None:
        """Options and preview for a card (note or letter), the hint for an e-mail."""
        self.options.setVisible(is_card)
        if not is_card:
            self.coverage.hide()
        self.preview.setVisible(is_card)
        self.email_hint.setVisible(not is_card)
