"""The application detail opened from a card: fields, log, follow-ups, letters; edits undo."""

from __future__ import annotations

from typing import Any

import pytest
from pipeline_helpers import add_applications, column, open_board, shown_companies, stage_id
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, FollowUp, Interaction, Letter
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog


def busiest_application() -> Application:
    """A demo application with a conversation, a follow-up and a letter."""
    with_letter = Letter.select(Letter.application).where(Letter.application.is_null(False))
    return Application.get(Application.id.in_(with_letter))


def test_detail_lists_the_log_follow_ups_and_letters(qtbot: QtBot, demo_store: StoreInfo) -> None:
    app = busiest_application()
    dialog = ApplicationDetailDialog(None, app.id)
    qtbot.addWidget(dialog)
    logged = Interaction.select().where(Interaction.application == app.id).count()
    steps = FollowUp.select().where(FollowUp.application == app.id).count()
    letters = Letter.select().where(Letter.application == app.id).count()
    assert logged and steps and letters
    assert dialog.log.topLevelItemCount() == logged
    assert dialog.follow_ups.topLevelItemCount() == steps
    assert dialog.letters.topLevelItemCount() == letters
    assert dialog.tabs.tabText(2) == f"&Conversations ({logged})"
    assert dialog.position.text() == app.position
    assert dialog.windowTitle() == f"{app.company.name} – {app.position}"
    dialog.follow_ups.setCurrentItem(dialog.follow_ups.topLevelItem(0))
    assert dialog.write_button.isEnabled()
    dialog.write_button.click()
    assert dialog.result() == ApplicationDetailDialog.DialogCode.Accepted
    assert dialog.compose_follow_up is not None


def test_a_refused_field_keeps_the_detail_open(qtbot: QtBot, demo_store: StoreInfo) -> None:
    app = busiest_application()
    dialog = ApplicationDetailDialog(None, app.id)
    qtbot.addWidget(dialog)
    dialog.position.setText("   ")
    dialog.write_follow_up(1)
    assert dialog.result() != ApplicationDetailDialog.DialogCode.Accepted
    assert dialog.compose_follow_up is None
    assert Application.get_by_id(app.id).position == app.position


@pytest.fixture
def pipeline(store: StoreInfo) -> None:
    add_applications("Wishlist", "Acme", "Birch")


def test_an_edit_from_the_board_is_one_undoable_step(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    acme = Application.get(Application.position == "Analyst")
    composed: list[int] = []
    board.events.compose_follow_up_requested.connect(composed.append)

    def edit_and_save(dialog: ApplicationDetailDialog) -> int:
        dialog.position.setText("Lead Analyst")
        dialog.stage.setCurrentIndex(dialog.stage.findData(stage_id("Offer")))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ApplicationDetailDialog, "exec", edit_and_save)
    board.open_card(acme.id)
    assert Application.get_by_id(acme.id).position == "Lead Analyst"
    assert shown_companies(board, "Offer") == ["Acme"]
    assert column(board, "Offer").model.card_at(0).position == "Lead Analyst"
    assert stack.undoText() == "Edit “Acme – Lead Analyst”"
    stack.undo()
    restored: Any = Application.get_by_id(acme.id)
    assert (restored.position, restored.stage_id, restored.rank) == (
        "Analyst",
        acme.stage_id,
        acme.rank,
    )
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch"]
    stack.redo()
    assert Application.get_by_id(acme.id).position == "Lead Analyst"
    assert shown_companies(board, "Offer") == ["Acme"]
    assert composed == []


def test_a_cancelled_detail_changes_nothing(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    monkeypatch.setattr(ApplicationDetailDialog, "exec", lambda dialog: 0)
    board.open_card(Application.get().id)
    assert stack.count() == 0
