"""The detail's Documents tab: files dropped on the detail or chosen with Attach, listed with
the day attached, the résumé sent shown, opened by the system's program, kinds changed."""

from __future__ import annotations

from pathlib import Path

from pipeline_helpers import add_applications, column, open_board
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.services.documents import attach_file, list_documents
from followup_desktop.ui.app import create_application
from followup_desktop.ui.pipeline.delete_dialog import DeleteApplicationDialog
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog


def _drop_files(target: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = QPoint(target.width() // 2, target.height() // 2)
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(centre, action, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(QPointF(centre), action, mime, buttons, keys))


def test_files_dropped_on_the_detail_are_attached_listed_and_opened(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    create_application()
    (app_id,) = add_applications("Applied", "Acme")
    cv = tmp_path / "Resume v3.pdf"
    cv.write_bytes(b"%PDF resume")
    notes = tmp_path / "portfolio.txt"
    notes.write_text("links", encoding="utf-8")
    dialog = ApplicationDetailDialog(None, app_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.documents
    assert page.resume.text() == "No résumé attached yet."
    # Dropped on the Details tab: the detail shows its documents.
    _drop_files(dialog.fields_page, [cv])
    assert dialog.tabs.currentWidget() is page
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Docu&ments (1)"
    assert page.resume.text().startswith("Résumé sent: Resume v3.pdf (attached ")
    page.choose_files = lambda _parent: [notes, tmp_path / "missing.pdf"]
    qtbot.mouseClick(page.attach_button, Qt.MouseButton.LeftButton)
    assert page.list.topLevelItemCount() == 2
    assert page.message.text() == "missing.pdf is not a file that can be attached."
    opened: list[Path] = []
    page.open_file = opened.append
    page.list.setCurrentItem(page.list.topLevelItem(1))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert [path.read_bytes() for path in opened] == [b"%PDF resume"]
    page.list.setCurrentItem(page.list.topLevelItem(0))
    assert page.list.currentItem().text(1) == "Other"
    page.mark_selected("cover_letter")
    assert [d.kind for d in list_documents(app_id)] == ["cover_letter", "resume"]
    page.list.setCurrentItem(page.list.topLevelItem(0))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [d.name for d in list_documents(app_id)] == ["Resume v3.pdf"]
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Docu&ments (1)"


def test_deleting_from_the_card_menu_asks_whether_to_keep_the_documents(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    board = open_board(qtbot)
    (app_id,) = add_applications("Applied", "Acme")
    cv = tmp_path / "CV.pdf"
    cv.write_bytes(b"%PDF cv")
    attach_file(app_id, cv)
    board.reload()
    asked: list[tuple[str, int]] = []

    def ask(_parent: QWidget, title: str, documents: int) -> bool | None:
        asked.append((title, documents))
        return None if len(asked) == 1 else True

    board.ask_delete = ask
    applied = column(board, "Applied")
    menu = board.card_menu(applied, 0)
    delete = next(a for a in menu.actions() if a.text() == "Delete…")
    delete.trigger()  # cancelled
    assert Application.select().count() == 1
    delete.trigger()
    assert asked == [("Analyst at Acme", 1), ("Analyst at Acme", 1)]
    assert Application.select().count() == 0 and applied.model.total == 0
    assert board.message.text().startswith("Deleted; 1 document kept in ")
    assert (Path(board.message.text().split(" kept in ")[1].rstrip(".")) / "CV.pdf").exists()


def test_the_delete_dialog_offers_to_keep_documents(qtbot: QtBot) -> None:
    create_application()
    dialog = DeleteApplicationDialog(None, "Analyst at Acme", 2)
    qtbot.addWidget(dialog)
    assert dialog.keep.isChecked() and not dialog.keep.isHidden()
    assert "2 documents" in dialog.keep.text()
    none = DeleteApplicationDialog(None, "Analyst at Acme", 0)
    qtbot.addWidget(none)
    assert none.keep.isHidden()
