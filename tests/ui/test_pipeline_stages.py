"""Managing stages from the board: add, rename, reorder, hide, fold, and safe deletion."""

from __future__ import annotations

import pytest
from pipeline_helpers import add_applications, column, open_board, shown_companies, stage_id
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Stage
from followup_desktop.services import stages as stage_service
from followup_desktop.services.stages import StageError, StageNotEmptyError, delete_stage
from followup_desktop.ui.pipeline import stage_menu
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.pipeline.stage_menu import DeleteStageDialog, StageNameDialog


@pytest.fixture
def pipeline(store: StoreInfo) -> None:
    add_applications("Wishlist", "Acme", "Birch")
    add_applications("Offer", "Cedar")


def menu_action(board: PipelineBoard, stage: str, text: str) -> None:
    info = board.stage(stage_id(stage))
    assert info is not None
    menu = board.stage_menus.stage_menu(info)
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    action.trigger()


def names(board: PipelineBoard) -> list[str]:
    return [c.stage.name for c in board.columns]


def test_rename_move_and_hide_stages_with_undo(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    monkeypatch.setattr(stage_menu, "ask_stage_name", lambda *args, **kwargs: ("Ideas", False))
    menu_action(board, "Wishlist", "Rename…")
    assert names(board)[0] == "Ideas"
    assert shown_companies(board, "Ideas") == ["Acme", "Birch"]
    menu_action(board, "Ideas", "Move right")
    assert names(board)[:2] == ["Applied", "Ideas"]
    menu_action(board, "Ideas", "Hide from the board")
    assert "Ideas" not in names(board)
    assert Stage.get(Stage.name == "Ideas").is_hidden
    stack.undo()
    stack.undo()
    stack.undo()
    assert names(board)[:2] == ["Wishlist", "Applied"]
    assert Stage.get_by_id(stage_id("Wishlist")).name == "Wishlist"


def test_hidden_stages_come_back_from_the_stages_menu(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    menu_action(board, "Offer", "Hide from the board")
    assert "Offer" not in names(board)
    board.stages_menu.aboutToShow.emit()
    show = next(a for a in board.stages_menu.actions() if a.text() == "Show “Offer”")
    show.trigger()
    assert "Offer" in names(board)
    assert shown_companies(board, "Offer") == ["Cedar"]


def test_add_a_stage_goes_before_the_closed_ones(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = open_board(qtbot)
    monkeypatch.setattr(
        stage_menu, "ask_stage_name", lambda *args, **kwargs: ("Phone screen", False)
    )
    board.stages_menu.aboutToShow.emit()
    next(a for a in board.stages_menu.actions() if a.text() == "Add a stage…").trigger()
    assert names(board)[4] == "Phone screen"
    assert names(board)[5] == "Accepted"


def test_stage_names_are_checked(qtbot: QtBot, pipeline: None) -> None:
    dialog = StageNameDialog(None, "Rename", "Wishlist", stage_id("Wishlist"))
    qtbot.addWidget(dialog)
    dialog.name.setText("  applied ")
    dialog.accept()
    assert dialog.result() != StageNameDialog.DialogCode.Accepted
    assert "already a stage" in dialog.error.text()
    dialog.name.setText("   ")
    dialog.accept()
    assert dialog.error.text() == "A stage needs a name."
    with pytest.raises(StageError):
        stage_service.rename_stage(stage_id("Wishlist"), "x" * 60)


def test_a_stage_with_cards_cannot_vanish_with_them(qtbot: QtBot, pipeline: None) -> None:
    wishlist = stage_id("Wishlist")
    with pytest.raises(StageNotEmptyError, match="holds 2 applications"):
        delete_stage(wishlist)
    with pytest.raises(StageError, match="another existing stage"):
        delete_stage(wishlist, move_to=wishlist)
    assert Stage.get_or_none(Stage.id == wishlist) is not None
    assert Application.select().where(Application.stage == wishlist).count() == 2
    # The dialog will not confirm until a destination is chosen.
    info = open_board(qtbot).stage(wishlist)
    assert info is not None
    dialog = DeleteStageDialog(None, info, 2, [])
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()


def test_delete_with_destination_moves_the_cards_and_undo_brings_all_back(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    before = {a.id: (a.stage_id, a.rank) for a in Application.select()}
    offer = stage_id("Offer")
    monkeypatch.setattr(stage_menu, "ask_delete_stage", lambda *args: (True, offer))
    menu_action(board, "Wishlist", "Delete…")
    assert "Wishlist" not in names(board)
    assert shown_companies(board, "Offer") == ["Cedar", "Acme", "Birch"]
    stack.undo()
    assert names(board)[0] == "Wishlist"
    assert {a.id: (a.stage_id, a.rank) for a in Application.select()} == before
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch"]


def test_cancelled_or_refused_deletion_keeps_everything(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = open_board(qtbot)
    monkeypatch.setattr(stage_menu, "ask_delete_stage", lambda *args: (False, None))
    menu_action(board, "Wishlist", "Delete…")
    assert "Wishlist" in names(board)
    monkeypatch.setattr(stage_menu, "ask_delete_stage", lambda *args: (True, None))
    menu_action(board, "Wishlist", "Delete…")
    assert "Wishlist" in names(board)
    assert "choose the stage" in board.message.text()
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch"]


def test_closed_stages_fold_and_stay_folded_after_reopening(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    rejected = column(board, "Rejected")
    assert rejected.collapsed, "closed stages start folded"
    assert column(board, "Applied").toggle_rect().isNull(), "open stages do not fold"
    qtbot.mouseClick(rejected, Qt.MouseButton.LeftButton, pos=rejected.toggle_rect().center())
    assert not rejected.collapsed
    qtbot.mouseClick(rejected, Qt.MouseButton.LeftButton, pos=rejected.toggle_rect().center())
    assert rejected.collapsed
    qtbot.mouseClick(rejected, Qt.MouseButton.LeftButton, pos=rejected.toggle_rect().center())
    assert not rejected.collapsed and rejected.view.isVisible()
    board.close()
    again = open_board(qtbot)
    assert not column(again, "Rejected").collapsed
    assert column(again, "Accepted").collapsed


def test_a_click_on_a_folded_column_unfolds_it_and_loads_its_cards(
    qtbot: QtBot, store: StoreInfo
) -> None:
    add_applications("Rejected", "Gone", "Went")
    board = open_board(qtbot)
    rejected = column(board, "Rejected")
    assert rejected.collapsed and rejected.model.rowCount() == 0
    assert rejected.count_text() == "2"
    qtbot.mouseClick(rejected, Qt.MouseButton.LeftButton, pos=rejected.rect().center())
    assert not rejected.collapsed
    assert shown_companies(board, "Rejected") == ["Gone", "Went"]


def test_the_stage_menu_is_reached_from_the_header_and_from_a_card(
    qtbot: QtBot, pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = open_board(qtbot)
    wishlist = column(board, "Wishlist")
    asked: list[int] = []
    shown: list[list[str]] = []
    # A popup menu would wait for the user; note what it offers instead.
    board.show_menu = lambda menu, _pos: shown.append([a.text() for a in menu.actions()])
    wishlist.menu_requested.connect(lambda stage, _pos: asked.append(stage))
    qtbot.mouseClick(wishlist, Qt.MouseButton.LeftButton, pos=wishlist.menu_rect().center())
    assert asked == [stage_id("Wishlist")]
    assert "Rename…" in shown[0] and "Delete…" in shown[0]
    menu = board.card_menu(wishlist, 0)
    submenu = next(a.menu() for a in menu.actions() if a.text() == "Stage “Wishlist”")
    monkeypatch.setattr(stage_menu, "ask_stage_name", lambda *args, **kwargs: ("Maybe", False))
    next(a for a in submenu.actions() if a.text() == "Rename…").trigger()
    assert names(board)[0] == "Maybe"
    rejected = board.stage(stage_id("Rejected"))
    assert rejected is not None
    fold = next(a for a in board.stage_menus.stage_menu(rejected).actions() if "column" in a.text())
    assert fold.text() == "Open the column"
    fold.trigger()
    assert not column(board, "Rejected").collapsed
