"""The window opens after the quick checks; the page scan beside it still catches damage."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_safety.fault_tools import (
    digest,
    file_state,
    flip_bytes_in_table,
    make_an_index_stale,
    rows,
)
from pytestqt.qtbot import QtBot

from followup_desktop.db.backup import create_backup
from followup_desktop.db.connection import close_store
from followup_desktop.db.diagnose import diagnose_database
from followup_desktop.db.models import Application
from followup_desktop.paths import DataLocation
from followup_desktop.services import store as user_store
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.settings import PLANNED_ON, REMINDED_ON
from followup_desktop.ui import messages
from followup_desktop.ui.app import create_application
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.dialogs import recovery_dialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.recovery import build_window, open_store_at_start
from followup_desktop.ui.session_services import SessionServices


def _demo_with_backup(location: DataLocation) -> int:
    user_store.open_user_store(location)
    fill_demo_data(seed=5)
    count = Application.select().count()
    close_store()
    create_backup(location.database, location.backups, "quit")
    return count


def test_quick_checks_pass_a_damaged_page_the_scan_finds(data_location: DataLocation) -> None:
    _demo_with_backup(data_location)
    flip_bytes_in_table(data_location.database, "letter")
    before = digest(data_location.database)
    assert diagnose_database(data_location.database, scan=False) is None
    reason = diagnose_database(data_location.database)
    assert reason is not None and "damaged" in reason
    assert digest(data_location.database) == before


def test_healthy_store_scans_healthy(data_location: DataLocation) -> None:
    _demo_with_backup(data_location)
    assert user_store.scan_user_store(data_location, lambda: False) is None


@pytest.mark.parametrize("choice", list(recovery_dialog.RecoveryChoice))
def test_damage_found_beside_the_window_gets_the_start_up_choice(
    data_location: DataLocation,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    choice: recovery_dialog.RecoveryChoice,
) -> None:
    count = _demo_with_backup(data_location)
    flip_bytes_in_table(data_location.database, "letter")
    damaged = digest(data_location.database)
    asked: list[str] = []
    notices: list[str] = []

    def answer(problem: object, _location: DataLocation) -> recovery_dialog.RecoveryChoice:
        asked.append(str(getattr(problem, "reason", "")))
        return choice

    monkeypatch.setattr(recovery_dialog, "ask_recovery", answer)
    monkeypatch.setattr(messages, "show_notice", notices.append)
    monkeypatch.setattr(messages, "show_error", lambda _title, message: notices.append(message))
    assert open_store_at_start(data_location, interactive=True, scan=False) is None
    try:
        create_application()
        window = MainWindow(data_location)
        qtbot.addWidget(window)
        changed: list[bool] = []
        window.events.applications_changed.connect(lambda: changed.append(True))
        services = SessionServices(window, data_location, None)
        with qtbot.waitSignal(services.store_scan.ended, timeout=20000):
            window.show()  # the scan starts once the window has painted
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
        services.stop()
        assert "damaged" in asked[0]
        if choice is recovery_dialog.RecoveryChoice.QUIT:
            assert not window.isVisible() and notices == []
            assert digest(data_location.database) == damaged  # nothing touched
            return
        kept = list(data_location.damaged.rglob("followup.sqlite"))
        assert [digest(path) for path in kept] == [damaged]
        expected = count if choice is recovery_dialog.RecoveryChoice.RESTORE else 0
        assert Application.select().count() == expected
        assert changed and len(notices) == 1 and str(kept[0].parent) in notices[0]
        assert window.isVisible()
    finally:
        close_store()


def test_a_scan_told_to_stop_ends_cancelled(data_location: DataLocation, qtbot: QtBot) -> None:
    _demo_with_backup(data_location)
    looks: list[bool] = []

    def stop_now() -> bool:
        looks.append(True)
        return True

    scan = BackgroundJob(
        "store-scan", lambda _job: user_store.scan_user_store(data_location, stop_now)
    )
    ended: list[str] = []
    scan.succeeded.connect(lambda _result: ended.append("succeeded"))
    scan.cancelled.connect(lambda: ended.append("cancelled"))
    scan.failed.connect(ended.append)
    scan.cancel()
    with qtbot.waitSignal(scan.ended, timeout=20000):
        scan.start()
    assert looks and ended == ["cancelled"]


def test_no_scan_without_a_database(tmp_path: Path) -> None:
    assert (
        user_store.scan_user_store(DataLocation(tmp_path / "empty").ensure(), lambda: False) is None
    )


def test_damage_the_first_screen_reads_gets_the_full_check_first(
    data_location: DataLocation, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = _demo_with_backup(data_location)
    flip_bytes_in_table(data_location.database, "follow_up")  # the Today panel reads it
    choices: list[object] = []

    def restore(problem: object, _location: DataLocation) -> recovery_dialog.RecoveryChoice:
        choices.append(problem)
        return recovery_dialog.RecoveryChoice.RESTORE

    monkeypatch.setattr(recovery_dialog, "ask_recovery", restore)
    monkeypatch.setattr(messages, "show_notice", lambda _message: None)
    create_application()
    assert open_store_at_start(data_location, interactive=True, scan=False) is None
    try:
        window = build_window(data_location, "pipeline")
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert len(choices) == 1
        assert Application.select().count() == count
    finally:
        close_store()


def test_damage_found_after_the_window_wrote_is_kept_aside_as_it_was_on_disk(
    data_location: DataLocation, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user saved before the scan found the damage: the copy kept aside is the database,
    its -wal and its -shm exactly as they were then (not folded together by closing the store),
    and nothing but the user's save was written into the damaged store meanwhile."""
    count = _demo_with_backup(data_location)
    flip_bytes_in_table(data_location.database, "letter")
    found: list[dict[str, str | None]] = []

    def restore(_problem: object, _location: DataLocation) -> recovery_dialog.RecoveryChoice:
        found.append(file_state(data_location.database))  # the files as the scan left them
        return recovery_dialog.RecoveryChoice.RESTORE

    monkeypatch.setattr(recovery_dialog, "ask_recovery", restore)
    monkeypatch.setattr(messages, "show_notice", lambda _message: None)
    assert open_store_at_start(data_location, interactive=True, scan=False) is None
    try:
        create_application()
        window = MainWindow(data_location)
        qtbot.addWidget(window)
        stage_id = Application.select().first().stage_id
        save_application(ApplicationInput(company="Late Ltd", position="Saved", stage_id=stage_id))
        services = SessionServices(window, data_location, None)
        with qtbot.waitSignal(services.store_scan.ended, timeout=20000):
            window.show()
        qtbot.waitUntil(lambda: len(found) == 1, timeout=5000)
        services.stop()
        assert found[0]["-wal"] is not None  # the save sat in the -wal when the damage was found
        (kept,) = data_location.damaged.iterdir()
        assert file_state(kept / "followup.sqlite") == found[0]
        copy = kept / "followup.sqlite"
        settings = rows(copy, "SELECT key FROM setting")
        # The day's planning and the reminders wait for a store known good.
        assert (PLANNED_ON,) not in settings and (REMINDED_ON,) not in settings
        assert rows(copy, "SELECT count(*) FROM application WHERE position = 'Saved'") == [(1,)]
        assert Application.select().count() == count  # the backup is what is open now
    finally:
        close_store()


def test_the_scan_beside_the_window_runs_the_full_check(data_location: DataLocation) -> None:
    """An index that no longer matches its table passes quick_check; the scan still finds it."""
    _demo_with_backup(data_location)
    make_an_index_stale(data_location.database)
    assert diagnose_database(data_location.database) is None  # the start's quick check
    damage = user_store.scan_user_store(data_location, lambda: False)
    assert damage is not None and "missing from index contact_last_name_first_name" in damage
