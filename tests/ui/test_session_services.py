"""What starts beside the window once it has painted: the collector, the scan, the reminders."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from followup_desktop.paths import DataLocation
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.session_services import SessionServices


def test_services_start_after_the_first_paint_and_stop_cleanly(
    qtbot: QtBot, window: MainWindow, data_location: DataLocation
) -> None:
    window.hide()
    gc.disable()  # as run_window does while the window is built
    try:
        services = SessionServices(window, data_location, None)
        qtbot.wait(50)
        assert not gc.isenabled() and services.reminders is None  # not painted yet
        window.show()
        qtbot.waitUntil(lambda: services.reminders is not None, timeout=5000)
        assert gc.isenabled()
        assert services.store_scan is not None
        qtbot.waitUntil(lambda: services.start_backup is not None, timeout=5000)
    finally:
        gc.enable()
    services.stop()
    assert services.reminders is not None and not services.reminders.planner.running
