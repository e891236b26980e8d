"""Contact detail and "Log conversation": validation at the field, the social-only advice,
and logging a conversation restarting the keep-in-touch cadence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Stage,
)
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.ui.contacts.contact_detail import HISTORY_TAB, ContactDetailPanel
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.events import AppEvents


@pytest.fixture
def panel(qtbot: QtBot, store: StoreInfo) -> Iterator[ContactDetailPanel]:
    widget = ContactDetailPanel(AppEvents())
    qtbot.addWidget(widget)
    widget.resize(480, 700)
    widget.show()
    yield widget


def test_edits_are_validated_at_the_field_then_saved(
    panel: ContactDetailPanel, qtbot: QtBot
) -> None:
    person = save_contact(ContactInput(first_name="Ines", last_name="Moreau"))
    panel.show_contact(person.id)
    assert not panel.save_button.isEnabled()
    qtbot.keyClicks(panel.form.email, "ines.at.example.org")
    assert panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "@" in panel.form.error_text("email")
    assert Contact.get_by_id(person.id).email == ""
    panel.form.email.clear()
    qtbot.keyClicks(panel.form.email, "ines@example.org")
    panel.form.is_agency.setChecked(True)
    panel.form.client_company.setCurrentText("Granite Foods")
    panel.form.cadence_mode.setCurrentIndex(panel.form.cadence_mode.findData(1))
    panel.form.cadence_days.setValue(45)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = Contact.get_by_id(person.id)
    assert saved.email == "ines@example.org"
    assert saved.is_agency and saved.client_company.name == "Granite Foods"
    assert saved.keep_in_touch_days == 45
    assert panel.form.error_text("email") == ""
    assert "agency recruiter for Granite Foods" in panel.subtitle.text()
    # A cadence plans the next keep-in-touch at once.
    assert (
        FollowUp.select()
        .where((FollowUp.contact == person.id) & (FollowUp.reason == "keep_in_touch"))
        .exists()
    )


def test_social_profile_only_gets_the_advice_and_channel_needs_its_detail(
    panel: ContactDetailPanel, qtbot: QtBot
) -> None:
    person = save_contact(
        ContactInput(first_name="Tariq", social_handle="https://www.linkedin.com/in/tariq")
    )
    panel.show_contact(person.id)
    assert panel.form.advice.isVisibleTo(panel)
    assert "call, an e-mail or a handwritten note" in panel.form.advice.text()
    panel.form.preferred_channel.setCurrentIndex(panel.form.preferred_channel.findData("call"))
    assert not panel.save()
    assert panel.form.error_text("preferred_channel") == "Add a phone number to call this person."
    qtbot.keyClicks(panel.form.phone, "+44 20 7946 0958")
    assert not panel.form.advice.isVisibleTo(panel)
    assert panel.save()
    assert Contact.get_by_id(person.id).preferred_channel == "call"


def test_revert_discards_edits(panel: ContactDetailPanel, qtbot: QtBot) -> None:
    person = save_contact(ContactInput(first_name="Olu", role="Recruiter"))
    panel.show_contact(person.id)
    panel.form.role.clear()
    qtbot.keyClicks(panel.form.role, "Director")
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert panel.form.role.text() == "Recruiter"
    assert not panel.is_dirty()


def keep_in_touch_due(contact_id: int) -> dt.date:
    row = (
        FollowUp.select()
        .where(
            (FollowUp.contact == contact_id)
            & (FollowUp.reason == "keep_in_touch")
            & (FollowUp.state == "planned")
        )
        .get()
    )
    return row.due_on if isinstance(row.due_on, dt.date) else dt.date.fromisoformat(row.due_on)


def test_logging_a_conversation_restarts_the_keep_in_touch_cadence(
    panel: ContactDetailPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = save_contact(ContactInput(first_name="Mara", last_name="Lind", keep_in_touch_days=30))
    long_ago = dt.datetime.now() - dt.timedelta(days=100)
    Contact.update(created_at=long_ago).where(Contact.id == person.id).execute()
    save_contact(
        ContactInput(first_name="Mara", last_name="Lind", keep_in_touch_days=30), person.id
    )
    today = dt.date.today()
    assert keep_in_touch_due(person.id) <= today  # overdue: nobody talked to her

    def fill_and_log(dialog: LogConversationDialog) -> int:
        qtbot.keyClicks(dialog.summary, "Caught up about the spring hiring plans.")
        qtbot.keyClicks(dialog.open_questions, "Whether the team grows in May")
        dialog.inbound.setChecked(True)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(LogConversationDialog, "exec", fill_and_log)
    panel.show_contact(person.id)
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    logged = Interaction.get(Interaction.contact == person.id)
    assert logged.summary == "Caught up about the spring hiring plans."
    assert logged.open_questions == "Whether the team grows in May"
    assert logged.direction == "inbound" and logged.channel == "call"
    assert keep_in_touch_due(person.id) >= today + dt.timedelta(days=30)
    assert panel.tabs.currentIndex() == HISTORY_TAB
    assert panel.timeline.topLevelItemCount() >= 1


def test_log_dialog_from_an_application_preselects_its_contact(
    qtbot: QtBot, store: StoreInfo
) -> None:
    person = save_contact(ContactInput(first_name="Ken", last_name="Ito", company="Lumen Labs"))
    stage = Stage.get(Stage.kind == "interview")
    app = Application.create(
        company=person.company, position="QA Engineer", stage=stage, contact=person
    )
    dialog = LogConversationDialog(application_id=app.id)
    qtbot.addWidget(dialog)
    assert dialog.contact.currentData() == person.id
    assert dialog.application.currentData() == app.id
    dialog.channel.setCurrentIndex(dialog.channel.findData("meeting"))
    assert dialog.kind.currentData() == "interview"
    dialog.accept()
    logged = Interaction.get()
    assert (logged.application_id, logged.contact_id, logged.kind) == (
        app.id,
        person.id,
        "interview",
    )
    # an interview gets a thank-you planned
    assert (
        FollowUp.select()
        .where((FollowUp.application == app.id) & (FollowUp.reason == "thank_you"))
        .exists()
    )


@pytest.mark.parametrize("zone", ["Europe", "a" * 300, "../etc/passwd", "Mars/Base"])
def test_odd_time_zones_are_refused_at_the_field(
    panel: ContactDetailPanel, qtbot: QtBot, zone: str
) -> None:
    person = save_contact(ContactInput(first_name="Zia"))
    panel.show_contact(person.id)
    panel.form.time_zone.setCurrentText(zone)
    assert not panel.save()
    assert panel.form.error_text("time_zone").startswith("Unknown time zone")
    panel.form.time_zone.setCurrentText("Europe/Paris")
    assert panel.save()
    assert Contact.get_by_id(person.id).time_zone == "Europe/Paris"


def test_company_boxes_offer_the_companies_once_one_is_used(
    panel: ContactDetailPanel, qtbot: QtBot
) -> None:
    Company.create(name="Zephyr Analytics")
    Company.create(name="Acme Widgets")
    form = panel.form
    form.reload_companies()  # a change elsewhere before anyone picked: nothing read yet
    assert form.company_names.rowCount() == 0
    form.client_company.setEnabled(True)
    form.client_company.setFocus()
    qtbot.waitUntil(lambda: form.company_names.rowCount() == 2)
    assert form.company.itemText(0) == "Acme Widgets"
    assert form.client_company.itemText(1) == "Zephyr Analytics"
    Company.create(name="Moss & Fern")
    form.company.setCurrentText("Half typed")
    form.reload_companies()
    assert form.company_names.stringList() == ["Acme Widgets", "Moss & Fern", "Zephyr Analytics"]
    assert form.company.currentText() == "Half typed", "what was typed is kept"
    # Typing a new name never adds it to the shared list.
    qtbot.keyClicks(form.company.lineEdit(), " Inc")
    qtbot.keyClick(form.company.lineEdit(), Qt.Key.Key_Return)
    assert form.company_names.rowCount() == 3


def test_history_is_counted_until_its_tab_is_opened(
    panel: ContactDetailPanel, qtbot: QtBot
) -> None:
    person = save_contact(ContactInput(first_name="Hana", last_name="Ito"))
    for day in (1, 2):
        Interaction.create(
            contact=person,
            occurred_at=dt.datetime(2025, 3, day, 10),
            kind="call",
            channel="call",
            summary=f"Call {day}",
        )
    panel.show_contact(person.id)
    assert panel.tabs.tabText(HISTORY_TAB) == "&History (2)"
    assert panel.timeline.topLevelItemCount() == 0, "not read while the details are shown"
    panel.tabs.setCurrentIndex(HISTORY_TAB)
    assert panel.timeline.topLevelItemCount() == 2
    assert panel.tabs.tabText(HISTORY_TAB) == "&History (2)"


def test_ctrl_s_in_the_notes_keeps_the_cursor_and_the_scroll(
    qtbot: QtBot, store: StoreInfo
) -> None:
    """Saving reloads the contact everywhere; the field being typed in must not jump."""
    from followup_desktop.ui.contacts.contacts_area import ContactsArea

    lines = "\n".join(f"Line {number}: met at the spring fair" for number in range(200))
    person = save_contact(ContactInput(first_name="Noor", last_name="Haddad", notes=lines))
    events = AppEvents()
    area = ContactsArea(events)
    qtbot.addWidget(area)
    area.resize(1024, 640)
    area.show()
    area.activateWindow()
    qtbot.waitExposed(area)
    area.show_contact(person.id)
    notes = area.detail.form.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    cursor = notes.textCursor()
    cursor.setPosition(lines.index("Line 120:") + len("Line 120:"))
    notes.setTextCursor(cursor)
    notes.ensureCursorVisible()
    qtbot.keyClicks(notes, " and again in June")
    position = notes.textCursor().position()
    scroll = notes.verticalScrollBar().value()
    assert scroll > 0
    qtbot.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = Contact.get_by_id(person.id).notes
    assert "Line 120: and again in June met at" in saved
    assert not area.detail.is_dirty()
    assert notes.textCursor().position() == position
    assert notes.verticalScrollBar().value() == scroll
    assert notes.hasFocus()


def test_saving_keeps_the_heading_on_one_line_and_the_tabs_in_place(
    panel: ContactDetailPanel, qtbot: QtBot
) -> None:
    person = save_contact(ContactInput(first_name="Ines", last_name="Moreau"))
    panel.show_contact(person.id)
    qtbot.wait(10)
    tabs_at = panel.tabs.mapTo(panel, panel.tabs.rect().topLeft())
    qtbot.keyClicks(panel.form.role, "Senior Talent Acquisition Partner for Europe and Africa")
    panel.form.company.setCurrentText("Granite Foods International Holdings")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert Contact.get_by_id(person.id).role.startswith("Senior")
    assert panel.tabs.mapTo(panel, panel.tabs.rect().topLeft()) == tabs_at, "the tabs stay put"
    assert panel.title.height() < 2 * panel.title.fontMetrics().lineSpacing()
