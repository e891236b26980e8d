"""Add or edit a contact, with e-mail and phone checked at their fields."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.db.models import Company, Contact
from followup_desktop.services.records import ContactInput, contact_problems, save_contact
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.widgets.form_fields import ValidatedForm


class ContactDialog(QDialog):
    """Validated form; a bad e-mail or phone is marked at its field and nothing is stored."""

    def __init__(self, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.contact_id = contact_id
        self.saved_id: int | None = None
        self.setWindowTitle("Edit contact" if contact_id else "New contact")
        self.setMinimumWidth(460)
        self.form = ValidatedForm()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.role = QLineEdit()
        self.role.setPlaceholderText("Recruiter, HR manager, hiring manager…")
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.addItems([c.name for c in Company.select(Company.name).order_by(Company.name)])
        self.company.setCurrentText("")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@company.com")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+1 312 555 0100")
        self.time_zone = QLineEdit()
        self.time_zone.setPlaceholderText("e.g. America/Chicago (for calling hours)")
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        for name, label, widget in (
            ("first_name", "&First name:", self.first_name),
            ("last_name", "&Last name:", self.last_name),
            ("role", "&Role:", self.role),
            ("company", "&Company:", self.company),
            ("email", "&E-mail:", self.email),
            ("phone", "&Phone:", self.phone),
            ("time_zone", "&Time zone:", self.time_zone),
            ("address", "Postal &address:", self.address),
            ("notes", "&Notes:", self.notes),
        ):
            self.form.add_field(name, label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        if contact_id is not None:
            self._load(Contact.get_by_id(contact_id))

    def _load(self, contact: Contact) -> None:
        self.first_name.setText(contact.first_name)
        self.last_name.setText(contact.last_name)
        self.role.setText(contact.role)
        self.company.setCurrentText(contact.company.name if contact.company else "")
        self.email.setText(contact.email)
        self.phone.setText(contact.phone)
        self.time_zone.setText(contact.time_zone)
        self.address.setPlainText(contact.address)
        self.notes.setPlainText(contact.notes)

    def values(self) -> ContactInput:
        return ContactInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            role=self.role.text(),
            company=self.company.currentText(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            time_zone=self.time_zone.text(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        data = self.values()
        errors = contact_problems(data)
        self.form.show_errors(errors.errors)
        if errors:
            return
        try:
            self.saved_id = save_contact(data, self.contact_id).id
        except ValidationError as error:
            self.form.show_errors(error.errors.errors)
            return
        super().accept()
