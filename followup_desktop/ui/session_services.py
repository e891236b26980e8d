"""What runs beside the open window, started once it has painted so none of it delays that:
answering later launches, the full check of the store, then (once it is known good) the
reminders with the day's planning, the start-up backup; and the backup when the window has
closed."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from followup_desktop.db.errors import StoreError
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import BackupFile, routine_backup
from followup_desktop.services.store import scan_user_store
from followup_desktop.ui.after_paint import AfterFirstPaint
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.calendar_sync import CalendarSyncKeeper
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.recovery import recover_found_damage
from followup_desktop.ui.reminders import Notifier, ReminderService, install_reminders
from followup_desktop.ui.single_instance import SingleInstance

#: Delay before the start-up backup, so that it never competes with the first minutes of use.
START_BACKUP_DELAY_MS = 1500


def backup_outcome(made: object) -> str:
    """The status bar's words for a finished start-up backup ("" when none was needed)."""
    return f"Backed up to {made.path.name}" if isinstance(made, BackupFile) else ""


class SessionServices(QObject):
    """Started after the window's first paint, one step per turn of the event loop."""

    def __init__(
        self,
        window: MainWindow,
        location: DataLocation,
        instance: SingleInstance | None,
        *,
        read_only: bool = False,
        notifier: Notifier | None = None,
        at_once: bool = False,
    ) -> None:
        """``read_only``: the store is open to look at only; nothing that writes is started
        (reminders with the day's planning, backups) and damage can only be reported.
        ``notifier``: how reminders reach the user (the tray or the banner when None).
        ``at_once``: start now rather than after the first paint (a window not shown)."""
        super().__init__(window)
        self.window = window
        self.location = location
        self.instance = instance
        self.read_only = read_only
        self.store_scan = BackgroundJob(
            "store-scan", lambda job: scan_user_store(location, job.cancel_requested), self
        )
        self.store_scan.succeeded.connect(self._scanned)
        self.store_scan.failed.connect(lambda message: self._show_status(message, 0))
        self.start_backup = BackgroundJob(
            "backup", lambda _job: routine_backup(location, "start"), self
        )
        self.start_backup.succeeded.connect(
            lambda made: self._show_status(backup_outcome(made), 15000)
        )
        self.start_backup.failed.connect(lambda message: self._show_status(message, 15000))
        self.reminders: ReminderService | None = None
        self.notifier = notifier
        self.calendar_sync = CalendarSyncKeeper(location, window.events, self._show_status, self)
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.timeout.connect(self.start_backup.start)
        steps: list[Callable[[], object]] = [
            self._answer_launches,
            self.store_scan.start,
            self._plan_backup,
        ]
        if at_once:
            for step in steps:
                QTimer.singleShot(0, self, step)
        else:
            AfterFirstPaint(window, steps)

    def _answer_launches(self) -> None:
        if self.instance is not None:
            self.instance.listen()

    def _remind(self) -> None:
        # The reminders also plan a new day's follow-ups, in the background.
        self.reminders = install_reminders(self.window, self.notifier, parent=self)
        self.calendar_sync.sync_now()  # on start, when calendar sync is set up

    def _plan_backup(self) -> None:
        if not self.read_only:
            self._backup_timer.start(START_BACKUP_DELAY_MS)

    def _scanned(self, damage: object) -> None:
        if not isinstance(damage, str):
            # Known good: only now may the day's planning and the reminders write to it.
            if not self.read_only:
                self._remind()
            return
        if self.read_only:  # setting it aside and restoring a backup would write
            self._show_status(f"{damage} Free the disk, then start again to restore a backup.", 0)
            return
        if recover_found_damage(self.location, damage):
            self.window.store_replaced()
            self._remind()
        else:
            self.window.close()

    def _show_status(self, message: str, timeout_ms: int) -> None:
        if message:
            self.window.statusBar().showMessage(message, timeout_ms)

    def backup_on_quit(self) -> None:
        """The quit backup (when the data changed); a failure is said, never fatal."""
        if self.read_only:
            return
        try:
            routine_backup(self.location, "quit")
        except StoreError as error:
            print(f"followup-desktop: {error}", file=sys.stderr)  # noqa: T201

    def stop(self) -> None:
        """Before the window closes for good: nothing more starts; what runs is waited for."""
        self._backup_timer.stop()  # a session shorter than the delay never starts it
        self.store_scan.cancel()
        for job in (self.start_backup, self.store_scan):
            job.wait()
        if self.reminders is not None:
            self.reminders.stop()
        self.calendar_sync.stop()
