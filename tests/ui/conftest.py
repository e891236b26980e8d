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


@pytest.fixture
def window(
    qtbot: QtBot, demo_store: StoreInfo, data_location: DataLocation
) -> Iterator[MainWindow]:
    create_application()
    main_window = MainWindow(data_location)
    qtbot.addWidget(main_window)
    main_window.resize(1280, 800)
    main_window.show_area("pipeline")
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    for reminders in main_window.findChildren(ReminderService):
        reminders.stop()  # a day's planning in the background ends before the store
