"""Planning a follow-up on a day from the calendar: double-click a day, or its context menu."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.calendar.follow_up_list import EMPTY_DAY_TEXT
from followup_desktop.ui.calendar.plan_dialog import PlanFollowUpDialog
from followup_desktop.ui.events import AppEvents


@pytest.fixture
def area(qtbot: QtBot, store: StoreInfo) -> CalendarArea:
    widget = CalendarArea(AppEvents(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _answer_plan_dialog(qtbot: QtBot, person: str, channel: str) -> list[str]:
    """When the dialog opens (modal), pick the person and channel as a user would; Plan."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlanFollowUpDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.day.date().toString("yyyy-MM-dd"))
        qtbot.keyClicks(dialog.contact, person)
        popup = dialog.contact.completer_popup.popup()
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        dialog.channel.setCurrentIndex(dialog.channel.findText(channel))
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        if dialog.isVisible():
            seen.append("refused: " + dialog.form.error_text("contact"))
            dialog.reject()

    QTimer.singleShot(0, act)
    return seen


def test_double_clicking_a_day_plans_a_follow_up_on_it(qtbot: QtBot, area: CalendarArea) -> None:
    olga = save_contact(ContactInput(first_name="Olga", last_name="Castillo", company="Northwind"))
    day = dt.date.today() + dt.timedelta(days=9)
    area.month_view.select(day)
    seen = _answer_plan_dialog(qtbot, "Castillo", "Call")
    qtbot.mouseDClick(
        area.month_view, Qt.MouseButton.LeftButton, pos=area.month_view.cell_rect(day).center()
    )
    assert seen == [day.isoformat()]
    planned = FollowUp.get(FollowUp.contact == olga.id)
    assert (planned.due_on, planned.channel, planned.reason) == (day, "call", "manual")
    area.month_view.select(day)
    assert area.day_list.count() == 1, "the day shows it at once"


def test_a_days_menu_offers_to_plan_on_that_day(qtbot: QtBot, area: CalendarArea) -> None:
    save_contact(ContactInput(first_name="Ken", last_name="Ito"))
    day = dt.date.today() + dt.timedelta(days=3)
    shown: list[QMenu] = []
    area.show_menu = lambda menu, _pos: shown.append(menu)
    point = area.month_view.cell_rect(day).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, area.month_view.mapToGlobal(point)
    )
    QApplication.sendEvent(area.month_view, event)
    assert len(shown) == 1 and area.month_view.selected == day
    plan = shown[0].actions()[0]
    assert plan.text() == f"&Plan a follow-up on {day:%a %d %b}…"
    seen = _answer_plan_dialog(qtbot, "Ito", "Handwritten note")
    plan.trigger()
    assert seen == [day.isoformat()]
    assert FollowUp.get().channel == "note"


def test_an_empty_day_says_how_follow_ups_come(area: CalendarArea) -> None:
    assert area.day_list.count() == 0
    image = area.day_list.viewport().grab().toImage()
    inked = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, 80)}
    assert len(inked) > 2, "the empty day is not a blank box"
    assert "double-click a day" in EMPTY_DAY_TEXT


def test_a_typed_name_not_picked_is_refused_in_one_line(qtbot: QtBot, area: CalendarArea) -> None:
    dialog = PlanFollowUpDialog(dt.date.today(), area)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.contact, "Nobody Here")
    dialog.accept()
    assert dialog.result() != PlanFollowUpDialog.DialogCode.Accepted
    assert dialog.form.error_text("contact")
    assert FollowUp.select().count() == 0
