"""The start-up question: offered with the backup's date; quitting changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from data_safety.fault_tools import digest, write_garbage
from followup_desktop.db.backup import create_backup
from followup_desktop.db.connection import close_store
from followup_desktop.db.models import Application
from followup_desktop.paths import DataLocation
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.startup_check import inspect_store
from followup_desktop.services.store import open_user_store as open_checked
from followup_desktop.ui import messages
from followup_desktop.ui.dialogs import recovery_dialog
from followup_desktop.ui.dialogs.recovery_dialog import RecoveryChoice, RecoveryDialog
from followup_desktop.ui.recovery import open_store_at_start


@pytest.fixture
def damaged_with_backup(data_location: DataLocation) -> tuple[DataLocation, int]:
    open_checked(data_location)
    fill_demo_data(seed=2)
    count = Application.select().count()
    close_store()
    create_backup(data_location.database, data_location.backups, "quit")
    write_garbage(data_location.database)
    return data_location, count


def _answer(monkeypatch: pytest.MonkeyPatch, choice: RecoveryChoice) -> list[str]:
    asked: list[str] = []
    notices: list[str] = []

    def ask(problem: object, _location: DataLocation) -> RecoveryChoice:
        asked.append(str(problem))
        return choice

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    monkeypatch.setattr(messages, "show_notice", notices.append)
    return notices


def test_restore_choice_restores_and_says_where_the_damage_went(
    damaged_with_backup: tuple[DataLocation, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    location, count = damaged_with_backup
    notices = _answer(monkeypatch, RecoveryChoice.RESTORE)
    assert open_store_at_start(location, interactive=True) is None
    try:
        assert Application.select().count() == count
    finally:
        close_store()
    (notice,) = notices
    assert "Restored the backup of" in notice and str(location.damaged) in notice


def test_quit_choice_changes_nothing(
    damaged_with_backup: tuple[DataLocation, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    location, _count = damaged_with_backup
    before = digest(location.database)
    _answer(monkeypatch, RecoveryChoice.QUIT)
    assert open_store_at_start(location, interactive=True) == ""
    assert digest(location.database) == before
    assert not location.damaged.exists()


def test_screenshot_mode_never_recovers_on_its_own(
    damaged_with_backup: tuple[DataLocation, int],
) -> None:
    location, _count = damaged_with_backup
    before = digest(location.database)
    message = open_store_at_start(location, interactive=False)
    assert message and "Start the window to restore a backup" in message
    assert digest(location.database) == before


def test_dialog_offers_the_backup_with_its_date(
    damaged_with_backup: tuple[DataLocation, int], qtbot: QtBot, tmp_path: Path
) -> None:
    location, _count = damaged_with_backup
    problem = inspect_store(location)
    assert problem is not None and problem.backup is not None
    dialog = RecoveryDialog(problem, location)
    qtbot.addWidget(dialog)
    buttons = {button.text(): choice for button, choice in dialog.choices.items()}
    assert buttons == {
        "Restore this backup": RecoveryChoice.RESTORE,
        "Start empty": RecoveryChoice.START_EMPTY,
        "Quit": RecoveryChoice.QUIT,
    }
    assert f"{problem.backup.taken_at:%d %B %Y at %H:%M}" in dialog.informativeText()
    assert str(location.damaged) in dialog.informativeText()
    dialog.show()
    dialog.grab().save(str(tmp_path / "recovery.png"))
    assert dialog.choice() is RecoveryChoice.QUIT  # closing the box is not a choice to restore
