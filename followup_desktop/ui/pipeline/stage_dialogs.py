"""The small, skippable questions asked when a card enters Applied, Interview or Rejected."""

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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import StageInfo
from followup_desktop.services.records import ApplicationInput, application_input
from followup_desktop.services.stage_changes import (
    DETAIL_KINDS,
    StageDetails,
    default_answer_date,
    default_keep_in_touch_days,
    details_problems,
    people_for,
)
from followup_desktop.ui.widgets.form_fields import ValidatedForm

STAGE_DIALOG_KINDS = DETAIL_KINDS
DAYS_PER_MONTH = 30

_INTERVIEW_CHANNELS = (("In person or video", "meeting"), ("Phone", "call"))
_REJECTION_CHANNELS = (
    ("E-mail", "email"),
    ("Phone call", "call"),
    ("Letter", "note"),
    ("In person", "meeting"),
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class StageChangeDialog(QDialog):
    """Save stores the answers; Skip moves the card and stores nothing; Cancel keeps it put."""

    def __init__(self, parent: QWidget | None, stage: StageInfo, application_id: int) -> None:
        super().__init__(parent)
        self.stage = stage
        self.kind = stage.kind
        self.application_id = application_id
        self.skipped = False
        app = application_input(application_id)
        self.application = app
        self.setWindowTitle(f"{app.company} – {stage.name}")
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = ValidatedForm()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("stage_note")
        self.note.hide()

        if self.kind == "applied":
            self._build_applied(app)
        elif self.kind == "interview":
            self._build_interview(app)
        else:
            self._build_rejected(app)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = QPushButton("Skip")
        self.skip_button.setToolTip("Move the card and store nothing more")
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.skip_button.clicked.connect(self.skip)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    # --- forms ---------------------------------------------------------------------------

    def _build_applied(self, app: ApplicationInput) -> None:
        self.intro.setText(
            f"You applied for {app.position} at {app.company}. When will you hear back? "
            "If nothing comes by then, a status check is planned."
        )
        today = dt.date.today()
        self.applied_on = QDateEdit(_qdate(app.applied_on or today))
        self.applied_on.setCalendarPopup(True)
        self.applied_on.setDisplayFormat("ddd d MMM yyyy")
        self.company_said = QCheckBox("They said when")
        self.expected = QDateEdit(_qdate(app.expected_answer_on or default_answer_date(today)))
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("ddd d MMM yyyy")
        self.company_said.setChecked(app.expected_answer_on is not None)
        self.expected.setEnabled(self.company_said.isChecked())
        self.company_said.toggled.connect(self.expected.setEnabled)
        self.company_said.toggled.connect(self._update_applied_note)
        self.applied_on.dateChanged.connect(self._update_applied_note)
        answer = QWidget()
        row = QHBoxLayout(answer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.company_said)
        row.addWidget(self.expected, 1)
        self.form.add_field("applied_on", "Applied &on:", self.applied_on)
        self.form.add_field("expected_answer_on", "&Answer by:", answer)
        self._update_applied_note()

    def _update_applied_note(self) -> None:
        if self.company_said.isChecked():
            self._set_note("The status check comes the first working day after that date.")
            return
        default = default_answer_date(_date_of(self.applied_on))
        self._set_note(
            "No date given: the usual wait applies, so a status check is planned after "
            f"{default:%a %d %b}."
        )

    def _people_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("contact")
        for name, contact_id in people_for(self.application_id):
            combo.addItem(name, contact_id)
        combo.addItem("(nobody in particular)", None)
        return combo

    def _build_interview(self, app: ApplicationInput) -> None:
        self.intro.setText(
            f"Interview for {app.position} at {app.company}. It goes into the conversation "
            "log, and a thank-you is planned for the next working day."
        )
        now = QDateTime.currentDateTime()
        start = QDateTime(now.date(), QTime(now.time().hour(), 0))
        self.when = QDateTimeEdit(start)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.channel = QComboBox()
        for label, value in _INTERVIEW_CHANNELS:
            self.channel.addItem(label, value)
        self.contact = self._people_combo()
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("What you talked about")
        self.summary.setToolTip("The thank-you letter mentions it, so it reads personal")
        self.open_questions = QLineEdit()
        self.open_questions.setPlaceholderText("Anything left unanswered")
        self.concerns = QLineEdit()
        self.concerns.setPlaceholderText("A doubt they raised that you can clear up")
        self.form.add_field("occurred_at", "&When:", self.when)
        self.form.add_field("channel", "&How:", self.channel)
        self.form.add_field("contact", "&With:", self.contact)
        self.form.add_field("summary", "&Topics:", self.summary)
        self.form.add_field("open_questions", "Open &questions:", self.open_questions)
        self.form.add_field("concerns", "&Concerns:", self.concerns)

    def _build_rejected(self, app: ApplicationInput) -> None:
        self.intro.setText(
            f"{app.company} said no for {app.position}. Log it, thank them with a short "
            "reply, and stay in touch: the next opening may be yours."
        )
        self.rejected_on = QDateEdit(_qdate(dt.date.today()))
        self.rejected_on.setCalendarPopup(True)
        self.rejected_on.setDisplayFormat("ddd d MMM yyyy")
        self.channel = QComboBox()
        for label, value in _REJECTION_CHANNELS:
            self.channel.addItem(label, value)
        self.contact = self._people_combo()
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("What they said, in a few words")
        self.keep_in_touch = QCheckBox("Keep in touch every")
        self.keep_in_touch.setChecked(True)
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setSuffix(" months")
        self.months.setValue(max(1, round(default_keep_in_touch_days() / DAYS_PER_MONTH)))
        self.keep_in_touch.toggled.connect(self.months.setEnabled)
        cadence = QWidget()
        row = QHBoxLayout(cadence)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.keep_in_touch)
        row.addWidget(self.months)
        row.addStretch(1)
        self.draft_reply = QCheckBox("Draft the reply now")
        self.draft_reply.setChecked(True)
        self.form.add_field("occurred_at", "&When:", self.rejected_on)
        self.form.add_field("channel", "&How:", self.channel)
        self.form.add_field("contact", "&From:", self.contact)
        self.form.add_field("summary", "&Said:", self.summary)
        self.form.add_field("keep_in_touch_days", "&Cadence:", cadence)
        self.form.add_field("draft", "&Reply:", self.draft_reply)
        self.contact.currentIndexChanged.connect(self._update_cadence)
        self._update_cadence()

    def _update_cadence(self) -> None:
        has_contact = self.contact.currentData() is not None
        self.keep_in_touch.setEnabled(has_contact)
        self.months.setEnabled(has_contact and self.keep_in_touch.isChecked())
        self._set_note(
            ""
            if has_contact
            else "Choose who told you, so the app can remind you to keep in touch with them."
        )

    # --- answers -------------------------------------------------------------------------

    def details(self) -> StageDetails:
        """The answers as they stand (skipped when the user pressed Skip)."""
        if self.skipped:
            return StageDetails(kind=self.kind, skipped=True)
        if self.kind == "applied":
            return StageDetails(
                kind="applied",
                applied_on=_date_of(self.applied_on),
                expected_answer_on=_date_of(self.expected)
                if self.company_said.isChecked()
                else None,
            )
        contact_id = self.contact.currentData()
        if self.kind == "interview":
            chosen = self.when.dateTime()
            when_day, when_time = chosen.date(), chosen.time()
            return StageDetails(
                kind="interview",
                occurred_at=dt.datetime(
                    when_day.year(),
                    when_day.month(),
                    when_day.day(),
                    when_time.hour(),
                    when_time.minute(),
                ),
                channel=str(self.channel.currentData()),
                contact_id=contact_id,
                summary=self.summary.text(),
                open_questions=self.open_questions.text(),
                concerns=self.concerns.text(),
            )
        day = _date_of(self.rejected_on)
        now = dt.datetime.now().replace(second=0, microsecond=0)
        moment = now if day == now.date() else dt.datetime.combine(day, dt.time(12, 0))
        cadence: int | None = None
        if contact_id is not None:
            cadence = self.months.value() * DAYS_PER_MONTH if self.keep_in_touch.isChecked() else 0
        return StageDetails(
            kind="rejected",
            occurred_at=moment,
            channel=str(self.channel.currentData()),
            contact_id=contact_id,
            summary=self.summary.text(),
            keep_in_touch_days=cadence,
            draft_reply=self.draft_reply.isChecked(),
        )

    def accept(self) -> None:
        details = self.details()
        problems = details_problems(self.application_id, details)
        self.form.show_errors(problems.errors)
        if problems:
            elsewhere = [
                reason for name, reason in problems.errors.items() if not self._has_field(name)
            ]
            if elsewhere:
                self._set_note(" ".join(elsewhere))
            return
        super().accept()

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _has_field(self, name: str) -> bool:
        try:
            self.form.field(name)
        except KeyError:
            return False
        return True

    def skip(self) -> None:
        self.skipped = True
        super().accept()


def ask_stage_details(
    parent: QWidget, stage: StageInfo, application_id: int
) -> StageDetails | None:
    """Ask the stage's questions; None when the user cancelled the move."""
    if stage.kind not in STAGE_DIALOG_KINDS:
        return StageDetails(kind=stage.kind, skipped=True)
    dialog = StageChangeDialog(parent, stage, application_id)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.details()
