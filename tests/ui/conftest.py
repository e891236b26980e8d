"""Fixtures for window tests: the app identity set on pytest-qt's QApplication, and windows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.paths import DataLocation
from followup_desktop.ui.app import create_application
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.reminders import ReminderService


def open_window(
    qtbot: QtBot, data_location: DataLocation, size: tuple[int, int] = (1280, 800)
) -> MainWindow:
    """The main window on the store already open, shown and exposed at ``size``."""
    create_application()
    main_window = MainWindow(data_location)
    qtbot.addWidget(main_window)
    main_window.resize(*size)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def stop_reminders(main_window: MainWindow) -> None:
    """A day's planning in the background ends before the store."""
    for reminders in main_window.findChildren(ReminderService):
        reminders.stop()


@pytest.fixture
def window(
    qtbot: QtBot, demo_store: StoreInfo, data_location: DataLocation
) -> Iterator[MainWindow]:
    main_window = open_window(qtbot, data_location)
    main_window.show_area("pipeline")
    yield main_window
    stop_reminders(main_window)
