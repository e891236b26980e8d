"""The application dialog's contact field: type part of a name, pick from a few matches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Contact, Stage
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.widgets.contact_picker import SHOWN_MATCHES, ContactPicker


def _crowd(count: int) -> None:
    for n in range(count):
        Contact.create(first_name=f"Pat{n:03d}", last_name="Sample", email=f"p{n}@crowd.example")


def test_typing_offers_a_few_matches_and_picking_sets_the_person(
    qtbot: QtBot, store: StoreInfo
) -> None:
    _crowd(40)
    ken = save_contact(ContactInput(first_name="Ken", last_name="Ito", company="Lumen Labs"))
    picker = ContactPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "sample")
    popup = picker.completer_popup
    assert popup.completionCount() == SHOWN_MATCHES, "a few matches, never the whole list"
    picker.clear()
    qtbot.keyClicks(picker, "lumen")
    assert popup.completionCount() == 1
    assert popup.completionModel().index(0, 0).data() == "Ken Ito · Lumen Labs"
    assert picker.currentData() is None and picker.has_unpicked_text()
    shown = popup.popup()
    assert shown is not None and shown.isVisible()
    qtbot.keyClick(shown, Qt.Key.Key_Down)
    qtbot.keyClick(shown, Qt.Key.Key_Return)
    assert picker.currentData() == ken.id
    assert picker.text() == "Ken Ito · Lumen Labs"
    # Editing the text again undoes the pick until someone is picked again.
    qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert picker.currentData() is None
    qtbot.keyClicks(picker, "zzzz-nobody")
    assert popup.completionCount() == 0


def test_application_dialog_loads_saves_and_creates_a_person_typed_in(
    qtbot: QtBot, store: StoreInfo
) -> None:
    _crowd(5)
    ken = save_contact(ContactInput(first_name="Ken", last_name="Ito", company="Lumen Labs"))
    stage = Stage.select().first()
    app = Application.create(company=ken.company, position="QA", stage=stage, contact=ken)
    dialog = ApplicationDialog(application_id=app.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.contact.currentData() == ken.id
    assert dialog.contact.text() == "Ken Ito · Lumen Labs"
    assert not dialog.new_contact_email.isVisible(), "nothing new while someone is picked"

    dialog.contact.clear()
    qtbot.keyClicks(dialog.contact, "Olga Castillo")
    assert dialog.new_contact_note.isVisible() and dialog.new_contact_email.isVisible()
    assert "“Olga Castillo” is not in your contacts yet" in dialog.new_contact_note.text()
    qtbot.keyClicks(dialog.new_contact_email, "olga at lumen")
    dialog.accept()
    assert dialog.result() != ApplicationDialog.DialogCode.Accepted
    assert dialog.form.error_text("new_contact_email"), "a bad address is refused"
    assert Contact.select().count() == 6 and Application.get_by_id(app.id).contact_id == ken.id
    dialog.new_contact_email.clear()
    qtbot.keyClicks(dialog.new_contact_email, "x")
    assert not dialog.form.error_text("new_contact_email"), "the refusal goes with the edit"
    dialog.new_contact_email.clear()
    qtbot.keyClicks(dialog.new_contact_email, "olga@lumen.example.com")
    dialog.accept()
    assert dialog.result() == ApplicationDialog.DialogCode.Accepted
    olga = Contact.get_by_id(Application.get_by_id(app.id).contact_id)
    assert (olga.first_name, olga.last_name, olga.email, olga.company.name) == (
        "Olga",
        "Castillo",
        "olga@lumen.example.com",
        "Lumen Labs",
    )

    dialog = ApplicationDialog(application_id=app.id)
    qtbot.addWidget(dialog)
    dialog.contact.set_contact(ken.id)
    assert dialog.contact.currentData() == ken.id
    dialog.contact.clear()
    assert dialog.contact.currentData() is None
    dialog.accept()
    assert dialog.result() == ApplicationDialog.DialogCode.Accepted
    assert Application.get_by_id(app.id).contact_id is None
