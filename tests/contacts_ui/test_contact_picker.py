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


def test_application_dialog_loads_saves_and_refuses_an_unpicked_name(
    qtbot: QtBot, store: StoreInfo
) -> None:
    _crowd(5)
    ken = save_contact(ContactInput(first_name="Ken", last_name="Ito", company="Lumen Labs"))
    stage = Stage.select().first()
    app = Application.create(company=ken.company, position="QA", stage=stage, contact=ken)
    dialog = ApplicationDialog(application_id=app.id)
    qtbot.addWidget(dialog)
    assert dialog.contact.currentData() == ken.id
    assert dialog.contact.text() == "Ken Ito · Lumen Labs"

    dialog.contact.clear()
    qtbot.keyClicks(dialog.contact, "Ken It")
    dialog.accept()
    assert dialog.result() != ApplicationDialog.DialogCode.Accepted
    assert "Pick the person" in dialog.form.error_text("contact")
    assert Application.get_by_id(app.id).contact_id == ken.id, "nothing saved"

    dialog.contact.set_contact(ken.id)
    assert dialog.contact.currentData() == ken.id
    dialog.contact.clear()
    assert dialog.contact.currentData() is None
    dialog.accept()
    assert dialog.result() == ApplicationDialog.DialogCode.Accepted
    assert Application.get_by_id(app.id).contact_id is None
