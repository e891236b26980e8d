"""Starting from nothing: adding applications from the empty board and its columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from conftest import open_window, stop_reminders
from pipeline_helpers import add_applications, card_center, column, open_board
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp
from followup_desktop.paths import DataLocation
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


@pytest.fixture
def empty_window(
    qtbot: QtBot, store: StoreInfo, data_location: DataLocation
) -> Iterator[MainWindow]:
    main_window = open_window(qtbot, data_location)
    main_window.show_area("pipeline")
    yield main_window
    stop_reminders(main_window)


def _board(window: MainWindow) -> PipelineBoard:
    board = window.area("pipeline")
    assert isinstance(board, PipelineBoard)
    return board


def _fill_the_form(qtbot: QtBot, fill: Callable[[ApplicationDialog], None]) -> list[str]:
    """When the form opens (modal), fill it as a user would and press OK; returns what was
    seen, so the test can check it after the modal loop ended."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ApplicationDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.stage.currentText())
        seen.append("applied on set" if dialog.applied_on.value() else "no applied date")
        fill(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # refused: say why and give up
            seen.append("refused")
            dialog.reject()

    QTimer.singleShot(0, act)
    return seen


def _type_job(qtbot: QtBot, company: str, person: str = "") -> Callable[[ApplicationDialog], None]:
    def fill(dialog: ApplicationDialog) -> None:
        qtbot.keyClicks(dialog.company.lineEdit(), company)
        qtbot.keyClicks(dialog.position, "Data Analyst")
        if person:
            qtbot.keyClicks(dialog.contact, person)
            qtbot.keyClicks(dialog.new_contact_phone, "+44 20 7946 0000")

    return fill


def test_the_empty_board_offers_to_add_the_first_application(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    board = _board(empty_window)
    banner_button = board.empty_banner.findChild(QPushButton, "add_first_application")
    assert board.empty_banner.isVisible() and banner_button is not None
    seen = _fill_the_form(qtbot, _type_job(qtbot, "Northwind", "Olga Castillo"))
    qtbot.mouseClick(banner_button, Qt.MouseButton.LeftButton)
    assert "refused" not in seen
    app = Application.get(Application.position == "Data Analyst")
    olga = Contact.get_by_id(app.contact_id)
    assert (olga.full_name, olga.phone, olga.company.name) == (
        "Olga Castillo",
        "+44 20 7946 0000",
        "Northwind",
    )
    assert not board.empty_banner.isVisible(), "the board is no longer empty"
    shown = column(board, seen[0])
    assert shown.view.currentIndex().row() == shown.model.row_of(app.id) >= 0
    assert empty_window.focusWidget() is shown.view, "the new card has the keyboard"


def test_a_column_adds_in_its_stage_and_applied_fills_today(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    board = _board(empty_window)
    applied = column(board, "Applied")
    # Enough cards that a new one at the end of the column lands out of view.
    add_applications("Applied", *[f"Company {n:02}" for n in range(40)])
    empty_window.events.applications_changed.emit()
    assert not board.empty_banner.isVisible()
    button = applied.findChild(QToolButton, f"add_to_{applied.stage.id}")
    assert button is not None and button.isVisible()
    seen = _fill_the_form(qtbot, _type_job(qtbot, "Zephyr Labs"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen[:2] == ["Applied", "applied on set"], "the form opens in the column's stage"
    app = Application.get(Application.company.in_(_company_ids("Zephyr Labs")))
    assert app.stage_id == applied.stage.id and app.applied_on == dt.date.today()
    row = applied.model.row_of(app.id)
    assert row == applied.model.rowCount() - 1 and applied.view.currentIndex().row() == row
    shown = applied.view.visualRect(applied.model.index(row))
    assert applied.view.viewport().rect().contains(shown), "scrolled into view"
    planned = FollowUp.select().where(FollowUp.application == app.id).count()
    assert planned == 1, "saved without a contact, it still has its status check"


def test_closed_stages_have_no_add_button_and_the_stage_menu_adds(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    board = _board(empty_window)
    rejected = column(board, "Rejected")
    assert not rejected.add_button.isVisible()
    asked: list[int] = []
    empty_window.events.new_application_requested.disconnect()
    empty_window.events.new_application_requested.connect(asked.append)
    wishlist = column(board, "Wishlist")
    menu = board.stage_menus.stage_menu(wishlist.stage)
    add = next(a for a in menu.actions() if a.text() == "Add application here…")
    add.trigger()
    assert asked == [wishlist.stage.id]


def _company_ids(name: str) -> list[int]:
    return [c.id for c in Company.select().where(Company.name == name)]


def test_one_card_is_selected_on_the_whole_board(qtbot: QtBot, store: StoreInfo) -> None:
    add_applications("Wishlist", "Acme", "Birch")
    add_applications("Applied", "Cedar")
    board = open_board(qtbot)
    for stage, company in (("Wishlist", "Acme"), ("Applied", "Cedar"), ("Wishlist", "Birch")):
        col, point = card_center(board, stage, company)
        qtbot.mouseClick(col.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        selected = [
            (c.stage.name, c.model.card_at(index.row()).company)
            for c in board.columns
            for index in c.view.selectionModel().selectedIndexes()
        ]
        assert selected == [(stage, company)], "one card shows as selected, not one per column"


def test_the_empty_contact_list_says_what_to_do_first(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    area = empty_window.show_area("contacts")
    panel = area.list_panel  # type: ignore[attr-defined]
    assert panel.no_matches.isVisible() and not panel.table.isVisible()
    assert panel.no_matches.text().startswith("No contacts yet.")
    assert "Import…" in panel.no_matches.text()
    assert panel.count_label.text() == "0 contacts"
    qtbot.keyClicks(panel.search, "zz")
    qtbot.waitUntil(lambda: panel.no_matches.text() == "No matches", timeout=2000)
