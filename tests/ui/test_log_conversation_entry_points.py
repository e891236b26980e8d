"""Logging a conversation is one step from the board, the application and the contact."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from followup_desktop.db.models import Application, Contact, Interaction
from followup_desktop.paths import DataLocation
from followup_desktop.ui.contacts.contacts_area import ContactsArea
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[LogConversationDialog]:
    """Dialogs that would have been shown; each is filled and logged as a person would."""
    seen: list[LogConversationDialog] = []

    def log_it(dialog: LogConversationDialog) -> int:
        seen.append(dialog)
        dialog.summary.setPlainText("Quick check-in.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(LogConversationDialog, "exec", log_it)
    return seen


def test_from_the_board_card_menu(window: MainWindow, opened: list[LogConversationDialog]) -> None:
    board = window.show_area("pipeline")
    assert isinstance(board, PipelineBoard)
    column = next(c for c in board.columns if c.model.rowCount())
    card = column.model.card_at(0)
    menu = board.card_menu(column, 0)
    action = next(a for a in menu.actions() if a.text() == "Log conversation…")
    before = Interaction.select().count()
    action.trigger()
    assert len(opened) == 1 and opened[0].application.currentData() == card.id
    assert Interaction.select().count() == before + 1
    assert Interaction.select().order_by(Interaction.id.desc()).first().application_id == card.id


def test_from_the_application_dialog(
    window: MainWindow, opened: list[LogConversationDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Application.select().where(Application.contact.is_null(False)).first()

    def press_log(dialog: ApplicationDialog) -> int:
        # The board's detail has one such button, on its Conversations page.
        buttons = dialog.findChildren(QPushButton)
        logs = [b for b in buttons if b.text() in ("&Log conversation…", "&Log a conversation…")]
        assert len(logs) == 1, "one way to log a conversation from the dialog"
        logs[0].click()
        return 0

    monkeypatch.setattr(ApplicationDialog, "exec", press_log)
    window.edit_application(app.id)
    assert len(opened) == 1
    assert opened[0].contact.currentData() == app.contact_id
    assert opened[0].application.currentData() == app.id


def test_contact_requested_shows_the_contact_in_the_area(
    window: MainWindow, data_location: DataLocation
) -> None:
    someone = Contact.select().order_by(Contact.id.desc()).first()
    window.events.contact_requested.emit(someone.id)
    area = window.areas["contacts"]
    assert isinstance(area, ContactsArea)
    assert window.current_area_key() == "contacts"
    assert area.detail.contact_id == someone.id
    assert area.detail.title.text() == someone.full_name


def test_file_menu_has_import_and_export(window: MainWindow) -> None:
    texts = [action.text() for action in window.file_menu.actions()]
    assert "&Import contacts…" in texts and "&Export contacts…" in texts
