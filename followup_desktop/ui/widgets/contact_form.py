"""Every field of a contact, validated at the field; shared by the detail pane and the dialog."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.contact_queries import company_choices
from followup_desktop.services.profile import get_profile
from followup_desktop.services.records import ContactInput
from followup_desktop.services.validation import (
    known_time_zones,
    phone_example,
    social_only_advice,
)
from followup_desktop.ui.theme import ADVICE_TONE, follow_scheme
from followup_desktop.ui.widgets.fill_on_focus import FillOnFocus
from followup_desktop.ui.widgets.folded_search import folded_completer
from followup_desktop.ui.widgets.form_fields import ValidatedForm
from followup_desktop.ui.widgets.long_text import UserComboBox, UserLineEdit, UserTextEdit

#: (value, label) of the preferred channels; texting and social networks are not offered.
CHANNEL_CHOICES = (
    ("", "No preference"),
    ("call", "Phone call"),
    ("email", "E-mail"),
    ("note", "Handwritten note"),
)
#: Keep-in-touch modes: the default rule, a fixed cadence, or never.
CADENCE_DEFAULT, CADENCE_EVERY, CADENCE_NEVER = range(3)


def _company_names() -> list[str]:
    return [name for _id, name in company_choices()]


def _choice_box(choices: QStringListModel, placeholder: str) -> UserComboBox:
    """An editable combo box offering ``choices`` (shared, never added to by typing) with a
    completer that finds the typed words anywhere in a choice, accents and case aside."""
    combo = UserComboBox(placeholder=placeholder)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setModel(choices)
    combo.setCompleter(folded_completer(choices, combo))
    combo.setCurrentText("")
    return combo


class ContactForm(QWidget):
    """``changed`` fires on every edit; ``values()`` reads the form, ``load()`` fills it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        profile = get_profile()
        self.default_cadence = max(1, int(profile.keep_in_touch_days or 90))
        self.form = ValidatedForm()
        self.first_name = UserLineEdit()
        self.last_name = UserLineEdit()
        self.role = UserLineEdit()
        self.role.setPlaceholderText("Recruiter, HR manager, hiring manager…")
        # One list of names behind both company boxes and their completers, handed to Qt in
        # one call: thousands of companies must not cost a Python call each.
        self.company_names = QStringListModel(self)
        self.company = _choice_box(self.company_names, "Pick or type a new company")
        self.is_agency = QCheckBox("Recruits for an agency")
        self.client_company = _choice_box(self.company_names, "The employer they recruit for")
        self.companies_filled = FillOnFocus(
            self.reload_companies, self.company, self.client_company
        )
        self.client_company.setEnabled(False)
        self.email = UserLineEdit()
        self.email.setPlaceholderText("name@company.com")
        self.phone = UserLineEdit()
        self.phone.setPlaceholderText(phone_example(profile.phone_region))
        self.address = UserTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(70)
        self.address.setPlaceholderText("For envelopes: street, town, postcode, country")
        self.time_zones = QStringListModel(["", *known_time_zones()], self)
        self.time_zone = _choice_box(self.time_zones, "e.g. America/Chicago, for calling hours")
        self.preferred_channel = QComboBox()
        for value, label in CHANNEL_CHOICES:
            self.preferred_channel.addItem(label, value)
        self.social_handle = UserLineEdit()
        self.social_handle.setPlaceholderText("Profile link or handle, kept for reference")
        self.advice = QLabel()
        self.advice.setObjectName("social_only_advice")
        self.advice.setWordWrap(True)
        follow_scheme(
            self.advice,
            lambda label: label.setStyleSheet(
                ADVICE_TONE.style_sheet(
                    QGuiApplication.palette(), extra="border-radius: 4px; padding: 6px;"
                )
            ),
        )
        self.advice.hide()
        self.cadence_mode = QComboBox()
        self.cadence_mode.addItem("After a rejection (default)", CADENCE_DEFAULT)
        self.cadence_mode.addItem("Every", CADENCE_EVERY)
        self.cadence_mode.addItem("Never", CADENCE_NEVER)
        self.cadence_days = QSpinBox()
        self.cadence_days.setRange(1, 3650)
        self.cadence_days.setSuffix(" days")
        self.cadence_days.setValue(self.default_cadence)
        self.cadence_days.setAccessibleName("Keep in touch every N days")
        self.notes = UserTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        # Long company and zone names must not make the form wider than its pane.
        for combo in (self.company, self.client_company, self.time_zone):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        agency = QWidget()
        agency_row = QVBoxLayout(agency)
        agency_row.setContentsMargins(0, 0, 0, 0)
        agency_row.addWidget(self.is_agency)
        agency_row.addWidget(self.client_company)
        channel = QWidget()
        channel_column = QVBoxLayout(channel)
        channel_column.setContentsMargins(0, 0, 0, 0)
        channel_column.addWidget(self.preferred_channel)
        channel_column.addWidget(self.advice)
        cadence = QWidget()
        cadence_row = QHBoxLayout(cadence)
        cadence_row.setContentsMargins(0, 0, 0, 0)
        cadence_row.addWidget(self.cadence_mode)
        cadence_row.addWidget(self.cadence_days)
        cadence_row.addStretch(1)
        for name, label, widget in (
            ("first_name", "&First name:", self.first_name),
            ("last_name", "&Last name:", self.last_name),
            ("role", "&Role:", self.role),
            ("company", "&Company:", self.company),
            ("client_company", "A&gency:", agency),
            ("email", "&E-mail:", self.email),
            ("phone", "&Phone:", self.phone),
            ("address", "Postal &address:", self.address),
            ("time_zone", "&Time zone:", self.time_zone),
            ("preferred_channel", "Preferred c&hannel:", channel),
            ("social_handle", "&Social profile:", self.social_handle),
            ("keep_in_touch_days", "&Keep in touch:", cadence),
            ("notes", "&Notes:", self.notes),
        ):
            self.form.add_field(name, label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addStretch(1)

        for line in (
            self.first_name,
            self.last_name,
            self.role,
            self.email,
            self.phone,
            self.social_handle,
        ):
            line.textEdited.connect(self._edited)
        for text in (self.address, self.notes):
            text.textChanged.connect(self._edited)
        for combo in (self.company, self.client_company, self.time_zone):
            combo.editTextChanged.connect(self._edited)
        self.preferred_channel.currentIndexChanged.connect(self._edited)
        self.is_agency.toggled.connect(self.client_company.setEnabled)
        self.is_agency.toggled.connect(self._edited)
        self.cadence_mode.currentIndexChanged.connect(self._cadence_mode_changed)
        self.cadence_days.valueChanged.connect(self._edited)
        self._loading = False
        self._cadence_mode_changed()

    # --- reading and writing -------------------------------------------------------------

    def reload_companies(self) -> None:
        """Offer the companies as they are now (after an import or a new company); before
        anyone picked a company, they are read when a company box is first used."""
        if not self.companies_filled.done:
            return
        names = _company_names()
        if names == self.company_names.stringList():
            return
        boxes = (self.company, self.client_company)
        texts = [combo.currentText() for combo in boxes]
        for combo in boxes:
            combo.blockSignals(True)
        self.company_names.setStringList(names)
        for combo, text in zip(boxes, texts, strict=True):
            combo.setCurrentText(text)
            combo.blockSignals(False)

    def load(self, contact: ContactInput | None) -> None:
        """Fill the form from a stored contact's values (or clear it for a new one) without
        firing ``changed``."""
        shown = contact if contact is not None else ContactInput(first_name="")
        self._loading = True
        try:
            # Only fields whose value differs are set: after a save reloads the contact, the
            # field being typed in keeps its cursor and scroll position.
            for line, value in (
                (self.first_name, shown.first_name),
                (self.last_name, shown.last_name),
                (self.role, shown.role),
                (self.email, shown.email),
                (self.phone, shown.phone),
                (self.social_handle, shown.social_handle),
            ):
                if line.text() != value:
                    line.setText(value)
            for combo, value in (
                (self.company, shown.company),
                (self.client_company, shown.client_company),
                (self.time_zone, shown.time_zone),
            ):
                if combo.currentText() != value:
                    combo.setCurrentText(value)
            for text, value in ((self.address, shown.address), (self.notes, shown.notes)):
                if text.toPlainText() != value:
                    text.setPlainText(value)
            self.is_agency.setChecked(shown.is_agency)
            found = self.preferred_channel.findData(shown.preferred_channel)
            self.preferred_channel.setCurrentIndex(max(0, found))
            cadence = shown.keep_in_touch_days
            if cadence is None:
                self.cadence_mode.setCurrentIndex(CADENCE_DEFAULT)
                self.cadence_days.setValue(self.default_cadence)
            elif cadence == 0:
                self.cadence_mode.setCurrentIndex(CADENCE_NEVER)
                self.cadence_days.setValue(self.default_cadence)
            else:
                self.cadence_mode.setCurrentIndex(CADENCE_EVERY)
                self.cadence_days.setValue(int(cadence))
            self.form.show_errors({})
        finally:
            self._loading = False
        self._update_advice()

    def values(self) -> ContactInput:
        mode = self.cadence_mode.currentData()
        cadence = {CADENCE_DEFAULT: None, CADENCE_NEVER: 0}.get(mode, self.cadence_days.value())
        return ContactInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            role=self.role.text(),
            company=self.company.currentText(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            time_zone=self.time_zone.currentText(),
            notes=self.notes.toPlainText(),
            is_agency=self.is_agency.isChecked(),
            client_company=self.client_company.currentText() if self.is_agency.isChecked() else "",
            preferred_channel=str(self.preferred_channel.currentData() or ""),
            social_handle=self.social_handle.text(),
            keep_in_touch_days=cadence,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        self.form.show_errors(errors)

    def error_text(self, name: str) -> str:
        return self.form.error_text(name)

    # --- reactions -----------------------------------------------------------------------

    def _edited(self) -> None:
        self._update_advice()
        if not self._loading:
            self.changed.emit()

    def _cadence_mode_changed(self) -> None:
        self.cadence_days.setVisible(self.cadence_mode.currentData() == CADENCE_EVERY)
        self._edited()

    def _update_advice(self) -> None:
        advice = social_only_advice(self.values())
        self.advice.setText(advice or "")
        self.advice.setVisible(bool(advice))
