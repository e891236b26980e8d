"""Log a conversation in one step, from a contact, an application or the board.

What was said, the open questions and the concerns feed the letter composer's slots; logging
re-plans the follow-ups (a thank-you after a talk, the keep-in-touch cadence starts again).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.conversation_choices import (
    application_contact,
    conversation_applications,
    conversation_company,
    conversation_people,
    latest_application_of,
)
from followup_desktop.services.interactions import (
    INTERACTION_KINDS,
    KIND_LABELS,
    interaction_problems,
    log_interaction,
)
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import make_quiet
from followup_desktop.ui.widgets.form_fields import ValidatedForm

CHANNEL_LABELS = (
    ("call", "Phone call"),
    ("email", "E-mail"),
    ("meeting", "Meeting (in person or video)"),
    ("note", "Handwritten note or letter"),
    ("other", "Other"),
)
#: The kind that usually goes with each channel, picked when the channel changes.
_KIND_FOR_CHANNEL = {
    "call": "call",
    "email": "email",
    "meeting": "interview",
    "note": "note",
    "other": "other",
}
_NOBODY = "(nobody in particular)"
_NO_APPLICATION = "(not about one application)"


def _qt_datetime(moment: dt.datetime) -> QDateTime:
    # Built from parts: the pinned binding has no overload taking a Python datetime.
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def _contact_label(first: str, last: str, role: str, company: str | None) -> str:
    name = " ".join(p for p in (first, last) if p)
    extra = ", ".join(p for p in (role, company or "") if p)
    return f"{name} ({extra})" if extra else name


class LogConversationDialog(QDialog):
    """Open it with whatever the caller knows: a contact, an application and/or a company.

    After ``exec()`` returns accepted, ``logged_id`` is the new interaction's id. With ``events``
    given, the dialog announces the changes itself.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        contact_id: int | None = None,
        application_id: int | None = None,
        company_id: int | None = None,
        events: AppEvents | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.logged_id: int | None = None
        self.company_id = conversation_company(
            contact_id=contact_id, application_id=application_id, company_id=company_id
        )
        self.setWindowTitle("Log conversation")
        self.setMinimumWidth(520)

        self.form = ValidatedForm()
        self.contact = QComboBox()
        self.contact.setAccessibleName("Who")
        self.application = QComboBox()
        self.application.setAccessibleName("About which application")
        self.occurred_at = QDateTimeEdit()
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred_at.setDateTime(_qt_datetime(now or dt.datetime.now()))
        self.channel = QComboBox()
        for value, label in CHANNEL_LABELS:
            self.channel.addItem(label, value)
        self.outbound = QRadioButton("I reached out")
        self.inbound = QRadioButton("They reached me")
        self.outbound.setChecked(True)
        self.direction_group = QButtonGroup(self)
        self.direction_group.addButton(self.outbound)
        self.direction_group.addButton(self.inbound)
        direction = QWidget()
        direction_row = QHBoxLayout(direction)
        direction_row.setContentsMargins(0, 0, 0, 0)
        direction_row.addWidget(self.outbound)
        direction_row.addWidget(self.inbound)
        direction_row.addStretch(1)
        self.kind = QComboBox()
        for kind in INTERACTION_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setCurrentIndex(self.kind.findData("call"))
        self.summary = self._text_box("What was said: topics, names, next steps…")
        self.open_questions = self._text_box("Questions left open, to answer in your follow-up")
        self.concerns = self._text_box("Doubts they raised, to clear up in your follow-up")
        for name, label, widget in (
            ("contact", "&With:", self.contact),
            ("application", "&About:", self.application),
            ("occurred_at", "&When:", self.occurred_at),
            ("channel", "&How:", self.channel),
            ("direction", "Who started it:", direction),
            ("kind", "&Kind:", self.kind),
            ("summary", "&Summary:", self.summary),
            ("open_questions", "&Open questions:", self.open_questions),
            ("concerns", "&Concerns:", self.concerns),
        ):
            self.form.add_field(name, label, widget)
        hint = QLabel(
            "The summary, open questions and concerns fill the thank-you and follow-up letters."
        )
        hint.setWordWrap(True)
        make_quiet(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Log")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        self._fill_contacts(contact_id, application_id)
        self._fill_applications(application_id)
        self.contact.currentIndexChanged.connect(self._contact_changed)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self._kind_follows_channel = True
        self.kind.activated.connect(self._kind_chosen)

    def _text_box(self, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setPlaceholderText(placeholder)
        box.setFixedHeight(64)
        return box

    # --- choices -------------------------------------------------------------------------

    def _fill_contacts(self, contact_id: int | None, application_id: int | None) -> None:
        """The people of this conversation's application or company (never all contacts)."""
        people = conversation_people(
            contact_id=contact_id, application_id=application_id, company_id=self.company_id
        )
        self.contact.addItem(_NOBODY, None)
        for person in people:
            label = _contact_label(person.first_name, person.last_name, person.role, person.company)
            self.contact.addItem(label, person.id)
        chosen = contact_id
        if chosen is None and application_id is not None:
            chosen = application_contact(application_id)
        self.contact.setCurrentIndex(max(0, self.contact.findData(chosen)))

    def _fill_applications(self, application_id: int | None) -> None:
        self.application.clear()
        self.application.addItem(_NO_APPLICATION, None)
        contact_id = self.contact.currentData()
        for app in conversation_applications(
            application_id=application_id, contact_id=contact_id, company_id=self.company_id
        ):
            self.application.addItem(f"{app.position} at {app.company}", app.id)
        chosen = application_id
        if chosen is None and contact_id is not None:
            chosen = latest_application_of(contact_id)
        if chosen is None and self.application.count() == 2:
            chosen = self.application.itemData(1)  # the one application there is
        self.application.setCurrentIndex(max(0, self.application.findData(chosen)))

    def _contact_changed(self) -> None:
        current = self.application.currentData()
        self._fill_applications(current)

    def _channel_changed(self) -> None:
        if self._kind_follows_channel:
            kind = _KIND_FOR_CHANNEL.get(str(self.channel.currentData()), "other")
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_chosen(self) -> None:
        self._kind_follows_channel = False

    # --- logging -------------------------------------------------------------------------

    def _occurred_at(self) -> dt.datetime:
        moment = self.occurred_at.dateTime().toPython()
        assert isinstance(moment, dt.datetime)
        return moment

    def _optional_id(self, combo: QComboBox) -> int | None:
        value = combo.currentData()
        return int(value) if value is not None else None

    def accept(self) -> None:
        application_id = self._optional_id(self.application)
        contact_id = self._optional_id(self.contact)
        channel = str(self.channel.currentData())
        direction = "inbound" if self.inbound.isChecked() else "outbound"
        kind = str(self.kind.currentData())
        texts = {
            "summary": self.summary.toPlainText(),
            "open_questions": self.open_questions.toPlainText(),
            "concerns": self.concerns.toPlainText(),
        }
        errors = interaction_problems(
            application_id=application_id,
            contact_id=contact_id,
            company_id=self.company_id,
            channel=channel,
            direction=direction,
            kind=kind,
            texts=texts,
        )
        self.form.show_errors(errors.errors)
        if errors:
            return
        try:
            interaction = log_interaction(
                application_id=application_id,
                contact_id=contact_id,
                company_id=self.company_id,
                occurred_at=self._occurred_at(),
                channel=channel,
                direction=direction,
                kind=kind,
                summary=texts["summary"],
                open_questions=texts["open_questions"],
                concerns=texts["concerns"],
            )
        except ValidationError as error:
            self.form.show_errors(error.errors.errors)
            return
        self.logged_id = interaction.id
        if self.events is not None:
            self.events.contacts_changed.emit()
            self.events.follow_ups_changed.emit()
            self.events.applications_changed.emit()
        super().accept()
