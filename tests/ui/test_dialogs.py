"""Add/edit dialogs and preferences: typed input is stored; a bad value is marked and not stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Contact, Profile
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.contact_dialog import ContactDialog
from followup_desktop.ui.dialogs.preferences_dialog import PreferencesDialog


def click_ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_typing_a_new_application_and_clicking_ok_stores_it(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.company, "Lighthouse Robotics")
    qtbot.keyClicks(dialog.position, "Field Service Engineer")
    dialog.stage.setCurrentIndex(dialog.stage.findText("Applied"))
    dialog.applied_on.enabled.setChecked(True)
    qtbot.keyClicks(dialog.link, "https://lighthouse.example/jobs/7")
    click_ok(qtbot, dialog.buttons)
    assert dialog.result() == ApplicationDialog.DialogCode.Accepted
    app = Application.get()
    assert (app.company.name, app.position, app.stage.name) == (
        "Lighthouse Robotics",
        "Field Service Engineer",
        "Applied",
    )
    assert app.applied_on is not None
    assert app.link == "https://lighthouse.example/jobs/7"


def test_missing_fields_are_marked_and_nothing_is_stored(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    click_ok(qtbot, dialog.buttons)
    assert dialog.isVisible()
    assert dialog.form.error_text("company") == "Company is required."
    assert dialog.form.error_text("position") == "Position is required."
    assert Application.select().count() == 0
    qtbot.keyClicks(dialog.company, "Acme")
    qtbot.keyClicks(dialog.position, "Analyst")
    click_ok(qtbot, dialog.buttons)
    assert Application.select().count() == 1


def test_bad_email_is_refused_at_its_field(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Priya")
    qtbot.keyClicks(dialog.email, "priya.at.example.com")
    click_ok(qtbot, dialog.buttons)
    assert dialog.isVisible()
    message = dialog.form.error_text("email")
    assert "@" in message and message.endswith(".")
    assert "\n" not in message
    assert Contact.select().count() == 0
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "Priya@Example.com")
    qtbot.keyClicks(dialog.phone, "(312) 555-0182")
    click_ok(qtbot, dialog.buttons)
    saved = Contact.get()
    assert saved.email == "Priya@example.com"
    assert saved.phone == "+1 312-555-0182"
    assert dialog.form.error_text("email") == ""


def test_bad_phone_is_refused(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first_name, "Tom")
    qtbot.keyClicks(dialog.phone, "12")
    dialog.accept()
    assert dialog.form.error_text("phone")
    assert Contact.select().count() == 0


def test_preferences_validate_and_save(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.full_name, "Jordan Rivera")
    qtbot.keyClicks(dialog.email, "jordan@@example")
    dialog.reminder_time.clear()
    qtbot.keyClicks(dialog.reminder_time, "9 o'clock")
    dialog.accept()
    assert dialog.profile_form.error_text("email")
    assert dialog.rules_form.error_text("reminder_time") == "Use a 24-hour time such as 09:00."
    assert Profile.get().full_name == ""
    dialog.email.setText("jordan@example.com")
    dialog.reminder_time.setText("08:30")
    dialog.day_boxes[5].setChecked(True)  # works Saturdays too
    dialog.answer_wait.setValue(12)
    dialog.accept()
    profile = Profile.get()
    assert (profile.full_name, profile.email, profile.reminder_time) == (
        "Jordan Rivera",
        "jordan@example.com",
        "08:30",
    )
    assert profile.working_days == "123456"
    assert profile.answer_wait_days == 12


def test_preferences_refuse_no_working_day(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    for box in dialog.day_boxes:
        box.setChecked(False)
    dialog.days_off.setText("2026-12-25, Christmas")
    dialog.accept()
    assert dialog.rules_form.error_text("working_days") == "Choose at least one working day."
    assert "Christmas" in dialog.rules_form.error_text("days_off")
    assert Profile.get().working_days == "12345"
