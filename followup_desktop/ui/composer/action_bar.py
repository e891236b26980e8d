"""The composer's buttons: print and export for a card, mail and copy for an e-mail, mark sent."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class ComposerActionBar(QWidget):
    """One row of buttons; which show depends on the channel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export_button = QPushButton("Export &PDF…")
        self.print_button = QPushButton("P&rint…")
        self.envelope_button = QPushButton("En&velope PDF…")
        self.batch_button = QPushButton("&Due notes to PDF…")
        self.batch_button.setToolTip("Every handwritten note due up to a day, in one PDF")
        self.mail_button = QPushButton("Open in &mail app")
        self.copy_button = QPushButton("&Copy")
        self.eml_button = QPushButton("Save as .&eml…")
        self.sent_button = QPushButton("Mark as &sent")
        self.sent_button.setToolTip("Logs the letter and completes its follow-up")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (*self._card_buttons(), *self._email_buttons()):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.batch_button)
        row.addWidget(self.sent_button)

    def _card_buttons(self) -> tuple[QPushButton, ...]:
        return (self.export_button, self.print_button, self.envelope_button)

    def _email_buttons(self) -> tuple[QPushButton, ...]:
        return (self.mail_button, self.copy_button, self.eml_button)

    def show_for(self, channel: str, *, can_mark_sent: bool) -> None:
        """The card's buttons for a note or letter, the e-mail's for an e-mail."""
        is_card = channel in ("note", "letter")
        for button in self._card_buttons():
            button.setVisible(is_card)
        for button in self._email_buttons():
            button.setVisible(not is_card)
        self.sent_button.setEnabled(can_mark_sent)
