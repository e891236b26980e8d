"""The detail's Documents tab: files dropped on the detail or chosen with Attach, listed with
the day attached, the résumé sent shown, opened by the system's program, kinds changed."""

from __future__ import annotations

from pathlib import Path

from pipeline_helpers import add_applications
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.services.documents import list_documents
from followup_desktop.ui.app import create_application
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
