"""What starts beside the window once it has painted: launches answered, scan, reminders, backup."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop.paths import DataLocation
from followup_desktop.services import data_safety
from followup_desktop.services.data_safety import list_user_backups
from followup_desktop.ui import session_services
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.session_services import SessionServices


def test_services_start_after_the_first_paint_and_stop_cleanly(
    qtbot: QtBot, window: MainWindow, data_location: DataLocation
) -> None:
    window.hide()
    services = SessionServices(window, data_location, None)
    qtbot.wait(0)  # one turn of the loop: nothing starts before a paint
    assert services.reminders is None and not services.store_scan.started
    with qtbot.waitSignal(services.store_scan.ended, timeout=20000):
        window.show()
    qtbot.waitUntil(lambda: services.reminders is not None, timeout=5000)
    # The start-up backup follows after its delay.
    qtbot.waitUntil(
        lambda: [b.reason for b in list_user_backups(data_location)] == ["start"], timeout=20000
    )
    services.stop()
    assert services.reminders is not None and not services.reminders.planning_running


def test_start_backup_runs_off_the_interface_thread(
    window: MainWindow, data_location: DataLocation, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = data_safety.routine_backup

    def spy(location: DataLocation, reason: str) -> object:
        threads.append(threading.current_thread().name)
        return real(location, reason)

    monkeypatch.setattr(session_services, "routine_backup", spy)
    first = session_services.SessionServices(window, data_location, None)
    with qtbot.waitSignal(first.start_backup.ended, timeout=20_000):
        window.update()  # a paint starts the services; the backup follows after its delay
    first.stop()
    assert threads == ["backup"]
    assert window.statusBar().currentMessage().startswith("Backed up to followup-")
    assert [b.reason for b in list_user_backups(data_location)] == ["start"]
    window.statusBar().clearMessage()
    again = session_services.SessionServices(window, data_location, None)
    with qtbot.waitSignal(again.start_backup.succeeded, timeout=20_000) as second:
        window.update()
    again.stop()
    assert second.args == [None]  # nothing changed: no second backup
    assert [b.reason for b in list_user_backups(data_location)] == ["start"]
