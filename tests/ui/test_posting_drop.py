"""A job posting dropped on the board: a saved page, or a browser's drag carrying the page;
its fields fill the application form, and a page without posting data says so in one line."""

from __future__ import annotations

from pathlib import Path

from pipeline_helpers import column, open_board
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.services.job_posting import posting_application, read_job_posting
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.ui.app import create_application
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.pipeline.board import PipelineBoard

POSTINGS = Path(__file__).resolve().parents[1] / "importers" / "samples" / "postings"


def _drop(board: PipelineBoard, mime: QMimeData) -> bool:
    """Drag ``mime`` over the middle of the board and drop it, as a window system would."""
    target = board.scroll_area.viewport()
    centre = QPoint(target.width() // 2, target.height() // 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(centre, actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(centre), actions, mime, buttons, keys)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_a_saved_page_fills_the_form_and_the_confirmed_card_appears(
    qtbot: QtBot, store: StoreInfo
) -> None:
    board = open_board(qtbot)
    shown: list[ApplicationInput] = []

    def confirm(_parent: QWidget, values: ApplicationInput) -> int:
        shown.append(values)
        return int(save_application(values).id)

    board.confirm_posting = confirm
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(POSTINGS / "json_ld_posting.html"))])
    assert _drop(board, mime)
    assert len(shown) == 1
    values = shown[0]
    assert (values.company, values.position, values.location) == (
        "Kestrel Payroll",
        "Payroll Analyst",
        "Leeds, West Yorkshire, GB",
    )
    assert (values.salary, values.salary_currency, values.salary_period) == (
        "32,000-38,000",
        "GBP",
        "year",
    )
    assert "Run monthly payroll" in values.description
    app = Application.get(Application.position == "Payroll Analyst")
    assert (app.salary_min, app.salary_max, app.stage.name) == (32000, 38000, "Wishlist")
    assert column(board, "Wishlist").model.card_at(0).company == "Kestrel Payroll"


def test_the_form_shows_what_the_posting_said(qtbot: QtBot, store: StoreInfo) -> None:
    create_application()
    posting = read_job_posting((POSTINGS / "json_ld_posting.html").read_text(encoding="utf-8"))
    assert posting is not None
    dialog = ApplicationDialog(None, stage_id=1)
    qtbot.addWidget(dialog)
    dialog.prefill(posting_application(posting, 1))
    assert (dialog.company.currentText(), dialog.position.text()) == (
        "Kestrel Payroll",
        "Payroll Analyst",
    )
    assert (dialog.salary.text(), dialog.salary_currency.currentText()) == ("32,000-38,000", "GBP")
    assert dialog.salary_period.currentData() == "year"
    assert dialog.apply_by.value() is not None
    assert dialog.description.toPlainText().startswith("We are looking for a Payroll Analyst")


def test_a_browser_drag_with_its_page_and_a_page_without_a_posting(
    qtbot: QtBot, store: StoreInfo
) -> None:
    board = open_board(qtbot)
    shown: list[ApplicationInput] = []
    board.confirm_posting = lambda _parent, values: shown.append(values)  # type: ignore[func-returns-value]
    mime = QMimeData()
    mime.setHtml((POSTINGS / "microdata_posting.html").read_text(encoding="utf-8"))
    mime.setUrls([QUrl("https://board.example/jobs/7?ref=list")])
    assert _drop(board, mime)
    assert [(v.company, v.work_mode, v.link) for v in shown] == [
        ("Núñez & Co", "remote", "https://nunez.example/jobs/7")
    ]
    assert Application.select().count() == 0  # the user cancelled the form

    empty = QMimeData()
    empty.setUrls([QUrl.fromLocalFile(str(POSTINGS / "no_posting.html"))])
    assert _drop(board, empty)
    assert board.message.isVisible()
    assert board.message.text().startswith("That page has no job posting data")
    assert len(shown) == 1
    # A plain text drag is not taken at all.
    text = QMimeData()
    text.setText("Payroll Analyst")
    assert not _drop(board, text)
