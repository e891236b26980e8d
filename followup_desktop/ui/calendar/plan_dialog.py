"""Plan a follow-up by hand on a day of the user's choosing, for an application or a person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.follow_up_actions import FollowUpError, add_follow_up
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS
from followup_desktop.services.picker_choices import application_choice_label, application_choices
from followup_desktop.services.rules import FOLLOW_UP_CHANNELS
from followup_desktop.ui.widgets.contact_picker import ContactPicker
from followup_desktop.ui.widgets.form_fields import ValidatedForm
from followup_desktop.ui.widgets.lazy_choice_box import LazyChoiceBox


class PlanFollowUpDialog(QDialog):
    """Who (an application, a person, or both), how, and the day; ``planned_id`` after OK."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan a follow-up")
        self.setMinimumWidth(460)
        self.planned_id: int | None = None
        intro = QLabel(
            "Plan a call, an e-mail or a handwritten note. Pick the application, the person, "
            "or both: the follow-up appears on the calendar and in the Today panel that day."
        )
        intro.setWordWrap(True)
        self.contact = ContactPicker()
        self.application = LazyChoiceBox(
            lambda: application_choices(self.contact.contact_id()), application_choice_label, "—"
        )
        # As wide as the form: a job's title and company make a long entry.
        self.application.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.application.setMinimumContentsLength(24)
        self.channel = QComboBox()
        for channel in FOLLOW_UP_CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[channel], channel)
        self.channel.setCurrentIndex(self.channel.findData("email"))
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")

        self.form = ValidatedForm()
        self.form.add_field("contact", "&Person:", self.contact)
        self.form.add_field("application", "&Application:", self.application)
        self.form.add_field("channel", "&How:", self.channel)
        self.form.add_field("day", "&Day:", self.day)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Plan")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        # A different person offers their own applications.
        self.contact.textChanged.connect(lambda _text: self.application.reset())

    def accept(self) -> None:
        if self.contact.has_unpicked_text():
            self.form.show_errors({"contact": "Pick the person from the matches, or clear it."})
            return
        application_id = self.application.currentData()
        day = self.day.date().toPython()
        assert isinstance(day, dt.date)
        try:
            self.planned_id = add_follow_up(
                application_id=int(application_id) if application_id is not None else None,
                contact_id=self.contact.contact_id(),
                due_on=day,
                channel=str(self.channel.currentData()),
            )
        except FollowUpError as error:
            self.form.show_errors({"application": str(error)})
            return
        super().accept()
