"""The job page of the application form: typed like a person, refused at the field, completed
tags, and what the card then shows."""

from __future__ import annotations

from pipeline_helpers import add_applications, column, open_board, stage_id
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.ui.app import create_application
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.pipeline.card_model import CardRole


def _dialog(qtbot: QtBot, application_id: int | None = None) -> ApplicationDialog:
    create_application()
    dialog = ApplicationDialog(None, application_id=application_id, stage_id=stage_id("Applied"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def test_the_job_page_is_typed_saved_and_shown_on_the_card(qtbot: QtBot, store: StoreInfo) -> None:
    save_application(
        ApplicationInput(
            company="Old", position="Clerk", stage_id=stage_id("Wishlist"), tags="fintech"
        )
    )
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.company, "Kestrel Payroll")
    qtbot.keyClicks(dialog.position, "Payroll Analyst")
    dialog.pages.setCurrentWidget(dialog.job_page)
    qtbot.keyClicks(dialog.location, "Leeds")
    dialog.work_mode.setCurrentIndex(dialog.work_mode.findData("hybrid"))
    qtbot.keyClicks(dialog.salary, "52k-60k")
    dialog.salary_currency.setCurrentText("GBP")
    dialog.salary_period.setCurrentIndex(dialog.salary_period.findData("year"))
    dialog.priority.setCurrentIndex(dialog.priority.findData(3))
    # The tag typed is completed from the tags used before.
    qtbot.mouseClick(dialog.tags, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.tags, "payroll, fin")
    popup = dialog.tags.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().index(0, 0).data() == "fintech"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.tags.text() == "payroll, fintech, "
    qtbot.keyClicks(dialog.description, "Sage and spreadsheets.")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == ApplicationDialog.DialogCode.Accepted
    app = Application.get(Application.position == "Payroll Analyst")
    assert (app.location, app.work_mode, app.priority) == ("Leeds", "hybrid", 3)
    assert (app.salary_min, app.salary_max, app.salary_currency, app.salary_period) == (
        52000,
        60000,
        "GBP",
        "year",
    )
    assert app.tags == "payroll, fintech" and app.description == "Sage and spreadsheets."

    board = open_board(qtbot)
    applied = column(board, "Applied")
    card = applied.model.index(0).data(CardRole)
    assert (card.priority, card.location, card.tags) == (3, "Leeds", "payroll, fintech")
    plain = column(board, "Wishlist")
    # Cards with and without job details are the same height.
    assert applied.view.sizeHintForRow(0) == plain.view.sizeHintForRow(0)
    described = applied.model.index(0).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Priority: 3 of 3" in described and "Leeds · Hybrid" in described


def test_a_refused_pay_shows_its_reason_on_the_job_page(qtbot: QtBot, store: StoreInfo) -> None:
    (app_id,) = add_applications("Applied", "Acme")
    dialog = _dialog(qtbot, app_id)
    assert dialog.pages.currentWidget() is dialog.fields_page
    qtbot.keyClicks(dialog.salary, "a lot")
    dialog.salary_currency.setCurrentText("EURO")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() != ApplicationDialog.DialogCode.Accepted
    assert dialog.pages.currentWidget() is dialog.job_page
    assert dialog.job_form.error_text("salary").startswith("Write the pay as an amount")
    assert Application.get_by_id(app_id).salary_min is None
    QApplication.processEvents()
