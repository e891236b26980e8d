"""The main window on demo data: every area shows the store, menus and layout behave."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Contact, FollowUp, Letter
from followup_desktop.paths import DataLocation
from followup_desktop.services.follow_up_queries import due_follow_ups
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.contacts.contacts_area import ContactsArea
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


def test_pipeline_shows_every_open_stage_with_its_applications(window: MainWindow) -> None:
    board = window.area("pipeline")
    assert isinstance(board, PipelineBoard)
    shown = sum(int(column.count_text()) for column in board.columns)
    assert shown == Application.select().where(Application.archived == False).count()  # noqa: E712
    assert [column.stage.name for column in board.columns][:4] == [
        "Wishlist",
        "Applied",
        "Interview",
        "Offer",
    ]
    assert all(
        column.count_text() == str(column.model.rowCount())
        for column in board.columns
        if not column.collapsed
    )
    assert board.undo_stack is window.undo_stack


def test_contacts_area_lists_the_contacts_and_filters(window: MainWindow, qtbot: QtBot) -> None:
    area = window.show_area("contacts")
    assert isinstance(area, ContactsArea)
    assert area.list_model.rowCount() == Contact.select().count() == 30
    someone = Contact.select().order_by(Contact.id).first()
    qtbot.keyClicks(area.search, someone.email)
    assert area.list_model.rowCount() == 1
    assert area.list_model.index(0, 3).data() == someone.email


def test_calendar_marks_days_and_lists_the_selected_day(window: MainWindow) -> None:
    area = window.show_area("calendar")
    assert isinstance(area, CalendarArea)
    today = dt.date.today()
    expected = FollowUp.select().where(FollowUp.due_on == today).count()
    area.select_day(today)
    assert area.day_list.count() == expected
    assert area.day_title.text().startswith("Today, ")
    assert area.month_view.counts, "follow-up days are counted on the month"


def test_today_panel_lists_overdue_then_today(window: MainWindow) -> None:
    overdue, due_today = due_follow_ups(dt.date.today())
    assert overdue and due_today  # the demo always has both
    panel = window.today_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0] == f"Overdue ({len(overdue)})"
    assert f"Today ({len(due_today)})" in texts
    assert f"{len(overdue)} overdue" in panel.summary.text()


def test_composer_opens_a_follow_ups_letter(window: MainWindow, qtbot: QtBot) -> None:
    letter = Letter.select().where(Letter.follow_up.is_null(False)).first()
    window.events.compose_follow_up_requested.emit(letter.follow_up_id)
    composer = window.areas["composer"]
    assert isinstance(composer, ComposerArea)
    assert window.current_area_key() == "composer"
    assert composer.body.toPlainText() == letter.body
    qtbot.keyClicks(composer.body, " PS")
    composer.save_draft()
    assert Letter.get_by_id(letter.id).body.endswith(" PS")


def test_menus_carry_the_usual_shortcuts(window: MainWindow) -> None:
    assert window.new_application_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.preferences_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_about_names_version_and_data_folder(
    window: MainWindow, data_location: DataLocation
) -> None:
    text = window.about_text()
    assert str(data_location.database) in text
    from followup_desktop import __version__

    assert __version__ in text


def test_area_shortcuts_switch_areas(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area_key() == "contacts"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area_key() == "calendar"


def test_size_position_and_area_are_remembered(
    window: MainWindow, data_location: DataLocation, qtbot: QtBot
) -> None:
    window.resize(780, 580)
    window.show_area("contacts")
    window.close()
    again = MainWindow(data_location)
    qtbot.addWidget(again)
    again.restore_state(QSettings())
    assert again.current_area_key() == "contacts"
    assert (again.width(), again.height()) == (780, 580)


def test_building_the_window_opens_no_window_of_its_own(
    qtbot: QtBot, demo_store: StoreInfo, data_location: DataLocation
) -> None:
    """Parts made before the window is shown must wait for it (a shown orphan is a window)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from followup_desktop.ui.app import create_application
    from followup_desktop.ui.main_window import app_settings

    class WindowShowSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Show
                and isinstance(watched, QWidget)
                and watched.isWindow()
            ):
                self.shown.append(type(watched).__name__)
            return False

    app = create_application()
    spy = WindowShowSpy()
    app.installEventFilter(spy)
    try:
        window = MainWindow(data_location)
        qtbot.addWidget(window)
        window.restore_state(app_settings(), "pipeline")
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == []
    window.show()
    qtbot.waitExposed(window)
    assert window.demo_banner.isVisible()


def test_demo_banner_starts_an_empty_tracker(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    banner = window.demo_banner
    assert banner.isVisible()
    monkeypatch.setattr(banner, "confirm", lambda: False)
    qtbot.mouseClick(banner.start_button, Qt.MouseButton.LeftButton)
    assert Application.select().count() > 0
    monkeypatch.setattr(banner, "confirm", lambda: True)
    board = window.area("pipeline")
    assert isinstance(board, PipelineBoard)
    qtbot.mouseClick(banner.start_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert Application.select().count() == Contact.select().count() == 0
    assert FollowUp.select().count() == Letter.select().count() == 0
    assert sum(column.model.rowCount() for column in board.columns) == 0
    assert window.today_panel.summary.text().startswith("Nothing due")
