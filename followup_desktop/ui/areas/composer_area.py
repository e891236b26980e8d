"""Composer area: pick a follow-up, open or start its letter, and edit the text."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.db.models import FollowUp, Letter, database
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, due_follow_ups
from followup_desktop.ui.events import AppEvents

_SAVE_DELAY_MS = 600


class ComposerArea(QWidget):
    """The letter of a follow-up; drafts are saved shortly after each change."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.letter_id: int | None = None
        self.follow_up_picker = QComboBox()
        self.follow_up_picker.setMinimumWidth(360)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("Pick a follow-up above to open or start its letter.")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("&Follow-up:", self.follow_up_picker)
        form.addRow("&Subject:", self.subject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        self.follow_up_picker.activated.connect(self._on_picked)
        self.body.textChanged.connect(self._save_timer.start)
        self.subject.textChanged.connect(self._save_timer.start)
        events.follow_ups_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.follow_up_picker.currentData()
        self.follow_up_picker.clear()
        self.follow_up_picker.addItem("Choose a follow-up…", None)
        overdue, today = due_follow_ups(dt.date.today() + dt.timedelta(days=14))
        for row in overdue + today:
            self.follow_up_picker.addItem(
                f"{row.due_on:%d %b} · {CHANNEL_LABELS.get(row.channel, row.channel)} · "
                f"{row.title()}",
                row.id,
            )
        if current is not None:
            index = self.follow_up_picker.findData(current)
            if index >= 0:
                self.follow_up_picker.setCurrentIndex(index)

    def _on_picked(self, _index: int) -> None:
        follow_up_id = self.follow_up_picker.currentData()
        if follow_up_id is not None:
            self.open_follow_up(int(follow_up_id))

    def open_follow_up(self, follow_up_id: int) -> None:
        """Show the follow-up's latest letter, or an empty draft for it."""
        self.save_draft()
        follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id)
        if follow_up is None:
            return
        index = self.follow_up_picker.findData(follow_up_id)
        if index < 0:
            self.follow_up_picker.addItem(f"Follow-up #{follow_up_id}", follow_up_id)
            index = self.follow_up_picker.count() - 1
        self.follow_up_picker.setCurrentIndex(index)
        letter = (
            Letter.select()
            .where(Letter.follow_up == follow_up_id)
            .order_by(Letter.updated_at.desc())
            .first()
        )
        self.letter_id = letter.id if letter else None
        self._show(letter.subject if letter else "", letter.body if letter else "")
        self._follow_up = follow_up
        self.status.setText("Draft saved." if letter else "New draft: start typing.")

    def _show(self, subject: str, body: str) -> None:
        for widget in (self.subject, self.body):
            widget.blockSignals(True)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        # Continue where the writer stopped: at the end of the text.
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        for widget in (self.subject, self.body):
            widget.blockSignals(False)

    def save_draft(self) -> None:
        """Store the text being edited (so a crash loses at most a moment of typing)."""
        self._save_timer.stop()
        follow_up = getattr(self, "_follow_up", None)
        if follow_up is None:
            return
        body, subject = self.body.toPlainText(), self.subject.text()
        now = dt.datetime.now().replace(microsecond=0)
        with database.atomic():
            if self.letter_id is None:
                if not body.strip() and not subject.strip():
                    return
                channel = follow_up.channel if follow_up.channel in ("email", "note") else "note"
                letter = Letter.create(
                    follow_up=follow_up.id,
                    application=follow_up.application_id,
                    contact=follow_up.contact_id,
                    channel=channel,
                    subject=subject,
                    body=body,
                    created_at=now,
                    updated_at=now,
                )
                self.letter_id = letter.id
            else:
                Letter.update(subject=subject, body=body, updated_at=now).where(
                    Letter.id == self.letter_id
                ).execute()
        self.status.setText(f"Draft saved at {now:%H:%M:%S}.")
        self.events.letters_changed.emit()
