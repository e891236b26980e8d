"""Mark a follow-up done: what happened (logged as a conversation) and what comes next."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.follow_up_actions import NextStep
from followup_desktop.services.follow_up_details import FollowUpDetails
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS
from followup_desktop.ui.follow_ups.completion import CompletionInput

_USED_CHANNELS = (
    ("call", "Call"),
    ("email", "E-mail"),
    ("note", "Handwritten note"),
    ("meeting", "Meeting"),
)
_WHAT_NEXT = {
    "status_check": "If you hear nothing, the next status check is planned for you.",
    "thank_you": "Nothing more is needed for this thank-you.",
    "rejection_reply": "A keep-in-touch follow-up is planned on their cadence.",
    "keep_in_touch": "The next keep-in-touch is planned on their cadence.",
    "manual": "Plan a next step below if one is needed.",
}


class CompleteFollowUpDialog(QDialog):
    """Asks what happened and whether to plan a next step; ``result_input`` holds the answer."""

    def __init__(self, details: FollowUpDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle("Mark follow-up done")
        self.setMinimumWidth(460)
        title = QLabel(details.summary())
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText("What happened? (logged as a conversation)")
        self.outcome.setFixedHeight(80)
        self.channel = QComboBox()
        for key, label in _USED_CHANNELS:
            self.channel.addItem(label, key)
        index = self.channel.findData(details.channel)
        self.channel.setCurrentIndex(max(0, index))
        now = dt.datetime.now().replace(second=0, microsecond=0)
        self.when = QDateTimeEdit(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.open_questions = QLineEdit()
        self.open_questions.setPlaceholderText("Anything still to answer")
        self.concerns = QLineEdit()
        self.concerns.setPlaceholderText("Anything to clear up next time")
        form = QFormLayout()
        form.addRow("How", self.channel)
        form.addRow("When", self.when)
        form.addRow("What happened", self.outcome)
        form.addRow("Open questions", self.open_questions)
        form.addRow("Concerns", self.concerns)
        self.what_next = QLabel(_WHAT_NEXT.get(details.reason, ""))
        self.what_next.setWordWrap(True)
        self.plan_next = QCheckBox("Also plan a follow-up on")
        next_day = dt.date.today() + dt.timedelta(days=7)
        self.next_day = QDateEdit(QDate(next_day.year, next_day.month, next_day.day))
        self.next_day.setCalendarPopup(True)
        self.next_day.setDisplayFormat("yyyy-MM-dd")
        self.next_channel = QComboBox()
        for key in ("call", "email", "note"):
            self.next_channel.addItem(CHANNEL_LABELS[key], key)
        self.next_channel.setCurrentIndex(max(0, self.next_channel.findData(details.channel)))
        self.plan_next.setChecked(details.reason == "manual")
        next_row = QHBoxLayout()
        next_row.addWidget(self.plan_next)
        next_row.addWidget(self.next_day)
        next_row.addWidget(QLabel("by"))
        next_row.addWidget(self.next_channel)
        next_row.addStretch(1)
        self.plan_next.toggled.connect(self._sync)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark done and log")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Next step</b>"))
        layout.addWidget(self.what_next)
        layout.addLayout(next_row)
        layout.addWidget(buttons)
        self._sync()

    def _sync(self) -> None:
        self.next_day.setEnabled(self.plan_next.isChecked())
        self.next_channel.setEnabled(self.plan_next.isChecked())

    def result_input(self) -> CompletionInput:
        moment = self.when.dateTime()
        occurred = dt.datetime(
            moment.date().year(),
            moment.date().month(),
            moment.date().day(),
            moment.time().hour(),
            moment.time().minute(),
        )
        next_step = None
        if self.plan_next.isChecked():
            day = self.next_day.date()
            next_step = NextStep(
                dt.date(day.year(), day.month(), day.day()), str(self.next_channel.currentData())
            )
        return CompletionInput(
            outcome=self.outcome.toPlainText().strip() or "Done",
            channel=str(self.channel.currentData()),
            occurred_at=occurred,
            open_questions=self.open_questions.text(),
            concerns=self.concerns.text(),
            next_step=next_step,
        )
