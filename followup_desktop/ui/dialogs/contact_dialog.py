"""Add or edit a contact in a dialog, with every field checked at the field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from followup_desktop.services.contact_details import stored_contact
from followup_desktop.services.records import contact_problems, save_contact
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.widgets.contact_form import ContactForm


class ContactDialog(QDialog):
    """Validated form; a bad e-mail or phone is marked at its field and nothing is stored."""

    def __init__(self, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.contact_id = contact_id
        self.saved_id: int | None = None
        self.setWindowTitle("Edit contact" if contact_id else "New contact")
        self.setMinimumWidth(520)
        self.contact_form = ContactForm()
        self.form = self.contact_form.form
        self.first_name = self.contact_form.first_name
        self.last_name = self.contact_form.last_name
        self.email = self.contact_form.email
        self.phone = self.contact_form.phone
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.contact_form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        stored = stored_contact(contact_id) if contact_id is not None else None
        self.contact_form.load(stored.values if stored is not None else None)
        self.resize(560, 640)

    def accept(self) -> None:
        data = self.contact_form.values()
        errors = contact_problems(data)
        self.contact_form.show_errors(errors.errors)
        if errors:
            return
        try:
            self.saved_id = save_contact(data, self.contact_id).id
        except ValidationError as error:
            self.contact_form.show_errors(error.errors.errors)
            return
        super().accept()
