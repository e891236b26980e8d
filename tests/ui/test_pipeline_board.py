"""The board without the mouse: keyboard moves, undo/redo, filter, archive, cards and scale."""

from __future__ import annotations

import datetime as dt

import pytest
from pipeline_helpers import (
    add_applications,
    column,
    open_board,
    shown_companies,
    stage_id,
    stored_companies,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Interaction
from followup_desktop.services.board import card_page
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.pipeline.card_delegate import (
    contact_age_text,
    due_text,
)
from followup_desktop.ui.pipeline.card_model import card_description
from followup_desktop.ui.theme import UNPLANNED, WARNING


@pytest.fixture
def pipeline(store: StoreInfo) -> None:
    add_applications("Wishlist", "Acme", "Birch", "Cobalt")
    add_applications("Applied", "Elm", "Fjord")


def focus_card(qtbot: QtBot, board: PipelineBoard, stage: str, company: str) -> None:
    col = column(board, stage)
    row = shown_companies(board, stage).index(company)
    col.view.setFocus()
    col.view.setCurrentIndex(col.model.index(row))


def press(qtbot: QtBot, board: PipelineBoard, stage: str, key: Qt.Key, ctrl: bool = True) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(column(board, stage).view, key, modifier)


def test_keyboard_moves_within_and_across_columns(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    focus_card(qtbot, board, "Wishlist", "Acme")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)
    assert stored_companies("Wishlist") == ["Birch", "Acme", "Cobalt"]
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)
    assert stored_companies("Wishlist") == ["Birch", "Cobalt", "Acme"]
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)  # already last: nothing happens
    assert stored_companies("Wishlist") == ["Birch", "Cobalt", "Acme"]
    press(qtbot, board, "Wishlist", Qt.Key.Key_Up)
    assert shown_companies(board, "Wishlist") == ["Birch", "Acme", "Cobalt"]
    press(qtbot, board, "Wishlist", Qt.Key.Key_Right)
    assert stored_companies("Applied") == ["Acme", "Elm", "Fjord"]
    assert shown_companies(board, "Applied") == ["Acme", "Elm", "Fjord"]
    # The focus followed the card, so the next key moves it again.
    applied = column(board, "Applied")
    assert applied.view.hasFocus()
    assert (
        board.current_card_id(applied)
        == Application.get(Application.company == Company.get(Company.name == "Acme")).id
    )
    press(qtbot, board, "Applied", Qt.Key.Key_Left)
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Cobalt"]
    press(qtbot, board, "Wishlist", Qt.Key.Key_Left)  # no stage before the first
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Cobalt"]


def test_arrow_keys_walk_between_columns_and_enter_opens(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    opened: list[int] = []

    class FakeDetail:
        compose_follow_up = None

        def __init__(self, _parent: object, application_id: int, _events: object) -> None:
            opened.append(application_id)

        def exec(self) -> int:
            return 0

    board.detail_dialog = FakeDetail  # type: ignore[assignment]
    focus_card(qtbot, board, "Wishlist", "Birch")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Right, ctrl=False)
    applied = column(board, "Applied")
    assert applied.view.hasFocus()
    press(qtbot, board, "Applied", Qt.Key.Key_Return, ctrl=False)
    assert opened == [board.current_card_id(applied)]
    wishlist = column(board, "Wishlist")
    rect = wishlist.view.visualRect(wishlist.model.index(2))
    # A real double click: press and release, then the second press arrives as a double click.
    qtbot.mouseClick(wishlist.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(wishlist.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == wishlist.model.card_at(2).id


def test_undo_and_redo_restore_view_and_store_exactly(qtbot: QtBot, pipeline: None) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    ranks_before = {app.id: (app.stage_id, app.rank) for app in Application.select()}
    focus_card(qtbot, board, "Wishlist", "Acme")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)
    press(qtbot, board, "Wishlist", Qt.Key.Key_Right)
    focus_card(qtbot, board, "Applied", "Fjord")
    press(qtbot, board, "Applied", Qt.Key.Key_Up)
    assert stored_companies("Applied") == ["Acme", "Fjord", "Elm"]
    assert stack.count() == 3
    assert stack.undoText().startswith("Reorder “Fjord")
    for _ in range(3):
        stack.undo()
    assert {app.id: (app.stage_id, app.rank) for app in Application.select()} == ranks_before
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch", "Cobalt"]
    assert shown_companies(board, "Applied") == ["Elm", "Fjord"]
    for _ in range(3):
        stack.redo()
    assert stored_companies("Applied") == ["Acme", "Fjord", "Elm"]
    assert shown_companies(board, "Applied") == ["Acme", "Fjord", "Elm"]
    assert shown_companies(board, "Wishlist") == ["Birch", "Cobalt"]


def test_undo_of_a_card_deleted_meanwhile_says_why(qtbot: QtBot, pipeline: None) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    focus_card(qtbot, board, "Wishlist", "Acme")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)
    Application.delete().where(Application.company == Company.get(Company.name == "Acme")).execute()
    stack.undo()
    assert "no longer exists" in board.message.text()
    assert shown_companies(board, "Wishlist") == ["Birch", "Cobalt"]


def test_filter_matches_company_position_and_contact_in_any_case(
    qtbot: QtBot, pipeline: None
) -> None:
    person = Contact.create(first_name="Zoë", last_name="Müller")
    Application.update(contact=person).where(
        Application.company == Company.get(Company.name == "Elm")
    ).execute()
    board = open_board(qtbot)
    board.set_filter("cob")
    assert shown_companies(board, "Wishlist") == ["Cobalt"]
    assert shown_companies(board, "Applied") == []
    assert column(board, "Wishlist").count_text() == "1"
    board.set_filter("MÜLLER")
    assert shown_companies(board, "Applied") == ["Elm"]
    board.set_filter("analyst birch")
    assert shown_companies(board, "Wishlist") == ["Birch"]
    board.set_filter("")
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch", "Cobalt"]
    assert column(board, "Wishlist").count_text() == "3"


def test_typing_in_the_filter_box_filters_after_a_moment(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    qtbot.keyClicks(board.filter_edit, "fjo")
    qtbot.waitUntil(lambda: shown_companies(board, "Applied") == ["Fjord"], timeout=2000)
    assert shown_companies(board, "Wishlist") == []


def test_moving_while_filtered_keeps_view_and_store_in_step(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    board.set_filter("a")  # every card: "Analyst"
    focus_card(qtbot, board, "Wishlist", "Cobalt")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Up)
    assert shown_companies(board, "Wishlist") == ["Acme", "Cobalt", "Birch"]
    assert stored_companies("Wishlist") == ["Acme", "Cobalt", "Birch"]


def test_archive_leaves_the_board_stays_searchable_and_undoes(qtbot: QtBot, pipeline: None) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    focus_card(qtbot, board, "Wishlist", "Birch")
    press(qtbot, board, "Wishlist", Qt.Key.Key_E)
    assert shown_companies(board, "Wishlist") == ["Acme", "Cobalt"]
    assert column(board, "Wishlist").count_text() == "2"
    assert Application.get(Application.company == Company.get(Company.name == "Birch")).archived
    board.set_filter("birch")
    wishlist = column(board, "Wishlist")
    assert shown_companies(board, "Wishlist") == ["Birch"]
    assert wishlist.model.card_at(0).archived
    assert "Archived" in card_description(wishlist.model.card_at(0), dt.date.today())
    board.set_filter("")
    stack.undo()
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch", "Cobalt"]
    assert not Application.get(Application.company == Company.get(Company.name == "Birch")).archived


def test_card_menu_offers_the_keyboard_actions(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    wishlist = column(board, "Wishlist")
    menu = board.card_menu(wishlist, 1)
    texts = {action.text(): action for action in menu.actions() if action.text()}
    assert texts["Move down"].shortcut().toString() == "Ctrl+Down"
    assert not texts["Move to previous stage"].isEnabled()
    texts["Move to next stage"].trigger()
    assert stored_companies("Applied") == ["Birch", "Elm", "Fjord"]


def test_cards_show_overdue_and_nothing_planned(qtbot: QtBot, pipeline: None) -> None:
    today = dt.date.today()
    elm, fjord = (
        Application.get(Application.company == Company.get(Company.name == name))
        for name in ("Elm", "Fjord")
    )
    FollowUp.create(application=elm, due_on=today - dt.timedelta(days=2), channel="call")
    Interaction.create(
        application=elm,
        company=elm.company,
        occurred_at=dt.datetime.combine(today - dt.timedelta(days=6), dt.time(10)),
    )
    board = open_board(qtbot)
    applied = column(board, "Applied")
    cards = {card.company: card for card in card_page(stage_id("Applied"))}
    delegate = applied.delegate
    assert cards["Elm"].is_overdue(today)
    assert cards["Elm"].next_channel == "call"
    assert cards["Elm"].days_since_contact(today) == 6
    palette = board.palette()
    assert delegate.status_color(cards["Elm"], palette) == WARNING.on(palette)
    assert delegate.status_color(cards["Fjord"], palette) == UNPLANNED.on(palette)
    assert fjord.id == cards["Fjord"].id
    wishlist_card = column(board, "Wishlist").model.card_at(0)
    assert column(board, "Wishlist").delegate.status_color(wishlist_card, palette) is None
    assert due_text(today - dt.timedelta(days=2), today).startswith("Overdue")
    assert due_text(today, today) == "Today"
    assert contact_age_text(6) == "6d" and contact_age_text(None) == "never"
    # The painted card carries the red mark: look for it in the pixels.
    image = applied.view.viewport().grab().toImage()
    rect = applied.view.visualRect(applied.model.index(0))
    stripe = image.pixelColor(rect.left() + 9, rect.center().y())
    assert stripe.red() > 150 and stripe.green() < 80, stripe.name()
    assert applied.palette().color(QPalette.ColorRole.Base).isValid()


def test_columns_load_a_page_at_a_time(qtbot: QtBot, store: StoreInfo) -> None:
    add_applications("Applied", *[f"Firm {n:03d}" for n in range(150)])
    board = open_board(qtbot)
    applied = column(board, "Applied")
    assert applied.count_text() == "150"
    assert applied.model.rowCount() < 150
    applied.view.scrollToBottom()
    qtbot.waitUntil(lambda: applied.model.rowCount() == 150 or applied.model.canFetchMore())
    applied.model.ensure_loaded(149)
    assert shown_companies(board, "Applied") == stored_companies("Applied")


def test_only_stage_changes_are_announced_to_the_other_views(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    heard: list[str] = []
    board.events.applications_changed.connect(lambda: heard.append("applications"))
    board.events.follow_ups_changed.connect(lambda: heard.append("follow-ups"))
    focus_card(qtbot, board, "Wishlist", "Acme")
    press(qtbot, board, "Wishlist", Qt.Key.Key_Down)
    assert stored_companies("Wishlist") == ["Birch", "Acme", "Cobalt"]
    assert heard == [], "a reorder concerns the board alone"
    press(qtbot, board, "Wishlist", Qt.Key.Key_Right)
    assert heard == ["applications", "follow-ups"]
    assert shown_companies(board, "Wishlist") == ["Birch", "Cobalt"], "no reload undid the move"
