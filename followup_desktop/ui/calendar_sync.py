"""Calendar sync beside the window: a few seconds after a change, on start, and again later
after a failure, always off the interface thread, with one line in the status bar."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from followup_desktop.paths import DataLocation
from followup_desktop.services.caldav_account import CalendarSyncError, caldav_account
from followup_desktop.services.store import release_thread_connection
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.events import AppEvents

#: After a change, wait this long for more (a burst of edits makes one sync).
CHANGE_DELAY_MS = 4000
#: After a failure (server down, no network), try again this much later.
RETRY_DELAY_MS = 10 * 60_000
#: Shows a line in the window's status bar for some milliseconds.
StatusLine = Callable[[str, int], None]


class CalendarSyncKeeper(QObject):
    """Keeps the user's calendar server in step while calendar sync is set up."""

    #: Emitted when a sync ended: its one line, and whether it failed.
    synced = Signal(str, bool)

    def __init__(
        self,
        location: DataLocation,
        events: AppEvents,
        show_status: StatusLine,
        parent: QObject | None = None,
        *,
        change_delay_ms: int = CHANGE_DELAY_MS,
        retry_delay_ms: int = RETRY_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.show_status = show_status
        self.job: BackgroundJob | None = None
        #: Set by the job once it no longer uses the store (the network part may take long).
        self._store_released = threading.Event()
        self._again = False
        self.change_timer = QTimer(self)
        self.change_timer.setSingleShot(True)
        self.change_timer.setInterval(change_delay_ms)
        self.change_timer.timeout.connect(self.sync_now)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(retry_delay_ms)
        self.retry_timer.timeout.connect(self.sync_now)
        for signal in (
            events.follow_ups_changed,
            events.applications_changed,
            events.contacts_changed,
            events.profile_changed,
            events.store_replaced,
        ):
            signal.connect(self.schedule)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def schedule(self) -> None:
        """Sync a little later (each new change restarts the wait)."""
        self.change_timer.start()

    def sync_now(self) -> bool:
        """Start a sync in the background when one is set up; True if it started (or will
        follow the one running)."""
        self.change_timer.stop()
        self.retry_timer.stop()
        if self.running:
            self._again = True  # what changed meanwhile goes in the next one
            return True
        if caldav_account() is None:
            return False
        self._store_released.clear()
        self.job = BackgroundJob(
            "calendar-sync",
            lambda _job: self._sync(),
            self,
            failure_text=str,
            expected=(CalendarSyncError,),
        )
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.ended.connect(self._ended)
        self.job.start()
        return True

    def _sync(self) -> object:
        # A seam: the CalDAV client and the calendar writer load in the sync's own thread,
        # never before the window paints (and not at all while sync is off).
        from followup_desktop.services.caldav_sync import prepare_sync, push_prepared

        try:
            prepared = prepare_sync(self.location)
        finally:
            release_thread_connection()
            self._store_released.set()
        return push_prepared(prepared)

    def _succeeded(self, report: object) -> None:
        summary = getattr(report, "summary", None)
        line = summary() if callable(summary) else "Calendar synced."
        self.show_status(line, 8000)
        self.synced.emit(line, False)

    def _failed(self, message: str) -> None:
        self.show_status(message, 0)
        self.retry_timer.start()
        self.synced.emit(message, True)

    def _ended(self) -> None:
        if self._again:
            self._again = False
            self.schedule()

    def stop(self) -> None:
        """Before the store closes: nothing new starts, and a running sync is waited for only
        while it still reads the store (never for the server)."""
        self.change_timer.stop()
        self.retry_timer.stop()
        self._again = False
        if self.job is not None and self.job.started:
            self._store_released.wait()
