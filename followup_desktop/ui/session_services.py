"""What runs beside an open window, started once it has painted so none of it delays that."""

from __future__ import annotations

import gc
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from followup_desktop.paths import DataLocation
from followup_desktop.ui.after_paint import AfterFirstPaint

if TYPE_CHECKING:
    from followup_desktop.ui.background_backup import BackgroundBackup
    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.reminders import ReminderService
    from followup_desktop.ui.single_instance import SingleInstance
    from followup_desktop.ui.store_scan import StoreScan

# The second-launch answer, reminders (and the day's planning), the page scan and the start-up
# backup.
#: Delay before the start-up backup, so that it never competes with the first minutes of use.
START_BACKUP_DELAY_MS = 1500


class SessionServices(QObject):
    """Started after the window's first paint (one step per turn of the event loop)."""

    def __init__(
        self, window: MainWindow, location: DataLocation, instance: SingleInstance | None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.location = location
        self.instance = instance
        self.store_scan: StoreScan | None = None
        self.start_backup: BackgroundBackup | None = None
        self.reminders: ReminderService | None = None
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.timeout.connect(self._start_backup)
        AfterFirstPaint(
            window,
            [
                gc.enable,  # paused while the window was built (see run_window)
                self._answer_launches,
                self._scan_store,
                self._remind,
                self._plan_backup,
            ],
        )

    def _answer_launches(self) -> None:
        if self.instance is not None:
            self.instance.listen()

    def _scan_store(self) -> None:
        from followup_desktop.ui.store_scan import StoreScan

        self.store_scan = StoreScan(self.location, self.window)
        self.store_scan.start()

    def _remind(self) -> None:
        from followup_desktop.ui.reminders import install_reminders

        # The reminders also plan a new day's follow-ups, in the background.
        self.reminders = install_reminders(self.window)

    def _plan_backup(self) -> None:
        from followup_desktop.ui.app import show_backup_outcome
        from followup_desktop.ui.background_backup import BackgroundBackup

        self.start_backup = BackgroundBackup(self.location, "start")
        self.start_backup.finished.connect(partial(show_backup_outcome, self.window))
        self._backup_timer.start(START_BACKUP_DELAY_MS)

    def _start_backup(self) -> None:
        if self.start_backup is not None:
            self.start_backup.start()

    def stop(self) -> None:
        """Before the window closes for good: nothing more starts; what runs is waited for."""
        self._backup_timer.stop()  # a session shorter than the delay never starts it
        if self.start_backup is not None:
            self.start_backup.finished.disconnect()
            self.start_backup.wait()
        if self.store_scan is not None:
            self.store_scan.stop()
        if self.reminders is not None:
            self.reminders.timer.stop()
            self.reminders.planner.wait()
