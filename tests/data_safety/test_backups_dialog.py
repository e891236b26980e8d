"""File → Backups: list with date and size, back up now, restore (current data kept first)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from followup_desktop.db.backup import list_backups
from followup_desktop.db.backup_rotation import DEFAULT_POLICY
from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.paths import DataLocation
from followup_desktop.ui import errors as ui_errors
from followup_desktop.ui.dialogs.backups_dialog import BackupsDialog
from followup_desktop.ui.events import AppEvents


@pytest.fixture
def dialog(demo_store: StoreInfo, data_location: DataLocation, qtbot: QtBot) -> BackupsDialog:
    events = AppEvents()
    widget = BackupsDialog(data_location, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_empty_list_then_back_up_now(
    dialog: BackupsDialog, data_location: DataLocation, tmp_path: Path
) -> None:
    assert dialog.table.topLevelItemCount() == 0
    assert dialog.empty_label.isVisible() and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    (made,) = list_backups(data_location.backups)
    row = dialog.table.topLevelItem(0)
    assert row is not None
    assert row.text(0) == f"{made.taken_at:%a %d %b %Y, %H:%M:%S}"
    assert row.text(1).endswith("KB") and row.text(2) == "made by you"
    assert made.path.name in dialog.status.text()
    assert dialog.restore_button.isEnabled() and not dialog.empty_label.isVisible()
    dialog.grab().save(str(tmp_path / "backups.png"))


def test_restore_replaces_data_after_backing_it_up(
    dialog: BackupsDialog, data_location: DataLocation, qtbot: QtBot
) -> None:
    dialog.backup_button.click()
    count = Application.select().count()
    Application.delete().execute()
    asked: list[str] = []
    dialog.confirm_restore = lambda backup: asked.append(backup.path.name) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.events.applications_changed):
        dialog.restore_button.click()
    assert Application.select().count() == count
    assert len(asked) == 1 and len(dialog.restored) == 1
    reasons = [b.reason for b in list_backups(data_location.backups)]
    assert reasons == ["before-restore", "manual"]
    assert "kept as" in dialog.status.text()


def test_restore_cancelled_changes_nothing(dialog: BackupsDialog) -> None:
    dialog.backup_button.click()
    Application.delete().execute()
    dialog.confirm_restore = lambda _backup: False  # type: ignore[method-assign]
    dialog.restore_button.click()
    assert Application.select().count() == 0 and dialog.restored == []


def test_failed_backup_is_shown_and_dialog_stays_usable(
    dialog: BackupsDialog, data_location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ui_errors, "show_storage_message", lambda _parent, text: shown.append(text))
    data_location.backups.mkdir(exist_ok=True)
    (data_location.backups / "blocker").write_text("x")

    def failing_copy(_source: object, _target: Path) -> None:
        raise OSError(28, "No space left on device")

    from followup_desktop.db import backup as backup_module

    monkeypatch.setattr(backup_module, "copy_database", failing_copy)
    dialog.backup_button.click()
    assert len(shown) == 1 and "No space left on device" in shown[0]
    assert list_backups(data_location.backups) == []
    monkeypatch.undo()
    dialog.backup_button.click()
    assert len(list_backups(data_location.backups)) == 1


def test_window_menu_opens_backups_and_a_restore_clears_undo(
    demo_store: StoreInfo,
    data_location: DataLocation,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QUndoCommand

    from followup_desktop.services.data_safety import manual_backup
    from followup_desktop.ui.main_window import MainWindow

    window = MainWindow(data_location)
    qtbot.addWidget(window)
    made = manual_backup(data_location)
    opened: list[BackupsDialog] = []

    def fake_exec(self: BackupsDialog) -> int:
        opened.append(self)
        self.restored.append(made)  # as if the user restored one
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", fake_exec)
    window.undo_stack.push(QUndoCommand("an edit made before the restore"))
    assert "Backups…" in [a.text().replace("&", "") for a in window.file_menu.actions()]
    window.backups_action.trigger()
    assert len(opened) == 1
    assert window.undo_stack.count() == 0


def _answer_next_box(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """Click ``button`` in the next message box the dialog opens (its text goes to ``seen``)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        (chosen,) = [b for b in box.buttons() if b.text().replace("&", "") == button]
        chosen.click()

    QTimer.singleShot(0, answer)


def _row_of(dialog: BackupsDialog, path: Path) -> QTreeWidgetItem | None:
    for index in range(dialog.table.topLevelItemCount()):
        item = dialog.table.topLevelItem(index)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == str(path):
            return item
    return None


def test_before_restore_backup_stays_listed_as_kept_after_many_backups(
    dialog: BackupsDialog, data_location: DataLocation, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog.backup_button.click()
    Application.delete().execute()
    asked: list[str] = []
    _answer_next_box(qtbot, "Yes", asked)
    with qtbot.waitSignal(dialog.events.applications_changed):
        dialog.restore_button.click()
    assert len(asked) == 1 and Application.select().count() > 0
    (safety,) = [b for b in list_backups(data_location.backups) if b.reason == "before-restore"]

    for _ in range(DEFAULT_POLICY.latest + 3):  # more than the rotation keeps of one day
        dialog.backup_button.click()

    assert safety.path.exists()
    row = _row_of(dialog, safety.path)
    assert row is not None
    assert row.text(2) == "before a restore · kept until you remove it"
    assert "never removes it" in row.toolTip(2)
    assert "kept until you remove it" in dialog.findChild(QLabel, "backups_policy").text()
    routine = [
        dialog.table.topLevelItem(i).text(2)  # type: ignore[union-attr]
        for i in range(dialog.table.topLevelItemCount())
    ]
    assert routine.count("made by you") == DEFAULT_POLICY.latest
    dialog.grab().save(str(tmp_path / "backups-kept.png"))


def test_remove_asks_and_deletes_only_the_chosen_backup(
    dialog: BackupsDialog, data_location: DataLocation, qtbot: QtBot
) -> None:
    dialog.backup_button.click()
    dialog.confirm_restore = lambda _backup: True  # type: ignore[method-assign]
    dialog.restore_button.click()
    (safety,) = [b for b in list_backups(data_location.backups) if b.reason == "before-restore"]
    row = _row_of(dialog, safety.path)
    assert row is not None

    asked: list[str] = []
    dialog.table.setCurrentItem(row)
    _answer_next_box(qtbot, "Cancel", asked)
    dialog.remove_button.click()
    assert safety.path.exists() and len(asked) == 1
    assert "cannot be undone" in asked[0]

    dialog.table.setCurrentItem(_row_of(dialog, safety.path))
    _answer_next_box(qtbot, "Remove", asked)
    dialog.remove_button.click()
    assert len(asked) == 2
    assert not safety.path.exists() and _row_of(dialog, safety.path) is None
    assert [b.reason for b in list_backups(data_location.backups)] == ["manual"]
    assert dialog.status.text().startswith("Removed the backup made")
