"""Add or edit an application: company, position, stage, contact, dates, link and notes, and
the job itself on a second page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import StageInfo, list_stages
from followup_desktop.services.contact_queries import company_choices
from followup_desktop.services.job_details import (
    COMMON_CURRENCIES,
    PRIORITY_LABELS,
    SALARY_PERIODS,
    WORK_MODES,
    known_tags,
)
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    application_input,
    application_problems,
    save_application,
)
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.widgets.contact_picker import ContactPicker
from followup_desktop.ui.widgets.folded_search import folded_completer
from followup_desktop.ui.widgets.form_fields import ValidatedForm
from followup_desktop.ui.widgets.long_text import UserComboBox, UserLineEdit, UserTextEdit
from followup_desktop.ui.widgets.tag_edit import TagEdit

#: Where the job page shows a refusal of a field that has no row of its own.
_SHOWN_AS = {"salary_currency": "salary", "salary_period": "salary", "work_mode": "location"}
_JOB_FIELDS = ("location", "salary", "priority", "tags", "apply_by", "description")


class OptionalDateEdit(QWidget):
    """A date with a check box, so "no date yet" is a real choice."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        if not self.enabled.isChecked():
            return None
        value = self.edit.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def set_value(self, value: dt.date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def _split_name(text: str) -> tuple[str, str]:
    """A typed name as first and last name: the last word is the family name."""
    words = text.split()
    if len(words) < 2:
        return text.strip(), ""
    return " ".join(words[:-1]), words[-1]


class ApplicationDialog(QDialog):
    """Validated form; nothing is stored until every field passes.

    A person typed in the contact field who is not picked from the matches is created with
    the application (name as typed, and the e-mail or phone when the user knows them).
    """

    #: The user wants to log a conversation about this application (its id).
    log_conversation_requested = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        application_id: int | None = None,
        stage_id: int | None = None,
        *,
        offer_log: bool = True,
    ) -> None:
        super().__init__(parent)
        self.application_id = application_id
        self.saved_id: int | None = None
        self.setWindowTitle("Edit application" if application_id else "New application")
        self.setMinimumWidth(480)

        self.form = ValidatedForm()
        # Editors that keep a stored value of any length whole (see ``long_text``).
        self.company = UserComboBox(placeholder="Who is hiring?")
        # One call with every name: thousands of companies after an address-book import.
        self.company.addItems([name for _id, name in company_choices()])
        self.company.setCompleter(folded_completer(self.company.model(), self.company))
        self.company.setCurrentText("")
        self.position = UserLineEdit()
        self.position.setPlaceholderText("Job title")
        self.stage = QComboBox()
        self._stages: dict[int, StageInfo] = {}
        for stage in list_stages():
            self.stage.addItem(stage.name, stage.id)
            self._stages[stage.id] = stage
        self.contact = ContactPicker()
        self.new_contact_note = QLabel()
        self.new_contact_note.setWordWrap(True)
        self.new_contact_note.setTextFormat(Qt.TextFormat.PlainText)
        self.new_contact_email = UserLineEdit()
        self.new_contact_email.setPlaceholderText("If you know it")
        self.new_contact_phone = UserLineEdit()
        self.new_contact_phone.setPlaceholderText("If you know it")
        self.applied_on = OptionalDateEdit("Applied")
        self.expected = OptionalDateEdit("Expected")
        self.source = UserLineEdit()
        self.source.setPlaceholderText("Referral, job board, recruiter…")
        self.link = UserLineEdit()
        self.link.setPlaceholderText("https://…")
        self.notes = UserTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)

        self.form.add_field("company", "&Company:", self.company)
        self.form.add_field("position", "&Position:", self.position)
        self.form.add_field("stage", "&Stage:", self.stage)
        self.form.add_field("contact", "C&ontact:", self.contact)
        self.form.add_field("new_contact_note", "", self.new_contact_note)
        self.form.add_field("new_contact_email", "New contact's &e-mail:", self.new_contact_email)
        self.form.add_field("new_contact_phone", "New contact's p&hone:", self.new_contact_phone)
        self.form.add_field("applied_on", "Applied &on:", self.applied_on)
        self.form.add_field("expected_answer_on", "&Answer expected:", self.expected)
        self.form.add_field("source", "So&urce:", self.source)
        self.form.add_field("link", "&Link:", self.link)
        self.form.add_field("notes", "&Notes:", self.notes)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if application_id is not None and offer_log:
            log = self.buttons.addButton(
                "&Log conversation…", QDialogButtonBox.ButtonRole.ActionRole
            )
            log.clicked.connect(lambda: self.log_conversation_requested.emit(application_id))
        #: The fields on a page of their own, so a larger dialog can place them in a tab.
        self.fields_page = QWidget()
        self.fields_page.setLayout(self.form)
        self.job_form = ValidatedForm()
        self._build_job_fields()
        self.job_page = QWidget()
        self.job_page.setLayout(self.job_form)
        self.dialog_layout = QVBoxLayout(self)
        self._arrange_pages()
        self.dialog_layout.addWidget(self.buttons)

        if application_id is not None:
            self._load(application_input(application_id))
        elif stage_id is not None:
            self._select_data(self.stage, stage_id)
        self._fill_applied_on()
        self.stage.currentIndexChanged.connect(self._fill_applied_on)
        self.contact.textChanged.connect(self._show_new_contact)
        self._show_new_contact()
        # The first field, not the tabs: typing starts with the company.
        self.company.setFocus()

    def _build_job_fields(self) -> None:
        self.location = UserLineEdit()
        self.location.setPlaceholderText("City, region or country")
        self.work_mode = QComboBox()
        for key, label in WORK_MODES.items():
            self.work_mode.addItem(label or "Not said", key)
        where = QWidget()
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.location, 1)
        where_row.addWidget(self.work_mode)
        self.work_mode.setAccessibleName("Work mode")
        self.salary = UserLineEdit()
        self.salary.setPlaceholderText("50,000–60,000")
        self.salary_currency = QComboBox()
        self.salary_currency.setEditable(True)
        self.salary_currency.addItems(["", *COMMON_CURRENCIES])
        self.salary_currency.setAccessibleName("Currency")
        currency_line = self.salary_currency.lineEdit()
        if currency_line is not None:
            currency_line.setPlaceholderText("Code")
        self.salary_currency.setMinimumContentsLength(6)
        self.salary_period = QComboBox()
        for key, label in SALARY_PERIODS.items():
            self.salary_period.addItem(label or "Period not said", key)
        self.salary_period.setAccessibleName("Pay period")
        pay = QWidget()
        pay_row = QHBoxLayout(pay)
        pay_row.setContentsMargins(0, 0, 0, 0)
        pay_row.addWidget(self.salary, 1)
        pay_row.addWidget(self.salary_currency)
        pay_row.addWidget(self.salary_period)
        self.priority = QComboBox()
        for level, stars in PRIORITY_LABELS.items():
            words = {0: "Not said", 1: "Low", 2: "Medium", 3: "High"}[level]
            self.priority.addItem(f"{stars} {words}".strip(), level)
        self.tags = TagEdit(known_tags())
        self.apply_by = OptionalDateEdit("Apply by")
        self.description = UserTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            "Paste the job posting here: postings often vanish once the job is filled."
        )
        self.job_form.add_field("location", "&Where:", where)
        self.job_form.add_field("salary", "Sala&ry:", pay)
        self.job_form.add_field("priority", "Priori&ty:", self.priority)
        self.job_form.add_field("tags", "Ta&gs:", self.tags)
        self.job_form.add_field("apply_by", "Deadl&ine:", self.apply_by)
        self.job_form.add_field("description", "Posting te&xt:", self.description)

    def _arrange_pages(self) -> None:
        """The application's fields and the job's, each on a tab."""
        self.pages = QTabWidget()
        self.pages.setObjectName("application_pages")
        self.pages.addTab(self.fields_page, "&Application")
        self.pages.addTab(self.job_page, "&Job")
        self.dialog_layout.addWidget(self.pages)

    def _fill_applied_on(self) -> None:
        """Moving an application to Applied means it was sent: today, unless a date is set."""
        stage = self._stages.get(self.stage.currentData())
        if stage is not None and stage.kind == "applied" and self.applied_on.value() is None:
            self.applied_on.set_value(dt.date.today())

    def _new_contact_name(self) -> str:
        return self.contact.text().strip() if self.contact.has_unpicked_text() else ""

    def _show_new_contact(self) -> None:
        name = self._new_contact_name()
        if name:
            self.new_contact_note.setText(
                f"“{name}” is not in your contacts yet: saved as a new contact with this "
                "application. Pick from the matches instead if they are already there."
            )
        for field in ("new_contact_note", "new_contact_email", "new_contact_phone"):
            self.form.set_field_visible(field, bool(name))

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _load(self, stored: ApplicationInput) -> None:
        self.company.setCurrentText(stored.company)
        self.position.setText(stored.position)
        self._select_data(self.stage, stored.stage_id)
        self.contact.set_contact(stored.contact_id)
        self.applied_on.set_value(stored.applied_on)
        self.expected.set_value(stored.expected_answer_on)
        self.source.setText(stored.source)
        self.link.setText(stored.link)
        self.notes.setPlainText(stored.notes)
        self.load_job(stored)

    def prefill(self, values: ApplicationInput) -> None:
        """Fill the form from elsewhere (a saved job posting) for the user to confirm."""
        self.company.setCurrentText(values.company)
        self.position.setText(values.position)
        self.link.setText(values.link)
        self.load_job(values)

    def load_job(self, stored: ApplicationInput) -> None:
        """Fill the job page (also from a saved posting, before anything is stored)."""
        self.location.setText(stored.location)
        self._select_data(self.work_mode, stored.work_mode)
        self.salary.setText(stored.salary)
        self.salary_currency.setCurrentText(stored.salary_currency)
        self._select_data(self.salary_period, stored.salary_period)
        self._select_data(self.priority, stored.priority)
        self.tags.setText(stored.tags)
        self.apply_by.set_value(stored.apply_by)
        self.description.setPlainText(stored.description)

    def values(self) -> ApplicationInput:
        name = self._new_contact_name()
        new_contact = None
        if name:
            first, last = _split_name(name)
            new_contact = ContactInput(
                first_name=first,
                last_name=last,
                email=self.new_contact_email.text(),
                phone=self.new_contact_phone.text(),
            )
        return ApplicationInput(
            company=self.company.currentText(),
            position=self.position.text(),
            stage_id=int(self.stage.currentData()),
            contact_id=self.contact.currentData(),
            applied_on=self.applied_on.value(),
            expected_answer_on=self.expected.value(),
            source=self.source.text(),
            link=self.link.text(),
            notes=self.notes.toPlainText(),
            new_contact=new_contact,
            location=self.location.text(),
            work_mode=str(self.work_mode.currentData()),
            salary=self.salary.text(),
            salary_currency=self.salary_currency.currentText(),
            salary_period=str(self.salary_period.currentData()),
            priority=int(self.priority.currentData()),
            tags=self.tags.text(),
            apply_by=self.apply_by.value(),
            description=self.description.toPlainText(),
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Each refusal on its page; the first page with one is brought to the front."""
        job: dict[str, str] = {}
        for name, reason in errors.items():
            job.setdefault(_SHOWN_AS.get(name, name), reason)
        self.form.show_errors(errors)
        self.job_form.show_errors(job)
        job_names = {*_JOB_FIELDS, *_SHOWN_AS}
        if errors and all(name in job_names for name in errors):
            self.show_page(self.job_page)

    def show_page(self, page: QWidget) -> None:
        """Bring the tab holding ``page`` to the front."""
        stack = page.parentWidget()
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(page)

    def accept(self) -> None:
        data = self.values()
        shown = dict(application_problems(data).errors)
        self._show_errors(shown)
        if shown:
            return
        try:
            self.saved_id = save_application(data, self.application_id).id
        except ValidationError as error:
            self._show_errors(error.errors.errors)
            return
        super().accept()
