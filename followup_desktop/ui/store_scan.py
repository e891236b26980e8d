"""The page-by-page check of the store, run beside the open window instead of before it.

Reading every page takes time in proportion to the data (a second or more on years of it), so
the window opens after the quick checks (header, journal, schema) and this scan follows in a
thread. SQLite does the work without holding Python's lock, so the window stays responsive.
Damage found this way gets the same choice as at start: restore the newest good backup, start
empty, or quit.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from followup_desktop.db.diagnose import scan_database
from followup_desktop.db.read_only import connect_read_only
from followup_desktop.paths import DataLocation
from followup_desktop.services.storage_failures import is_database_error

if TYPE_CHECKING:
    from followup_desktop.ui.main_window import MainWindow


class StoreScan(QObject):
    """Runs quick_check on a read-only connection; ``damaged`` carries the reason if it fails."""

    damaged = Signal(str)
    #: Emitted when the scan found nothing wrong (tests and the status bar use it).
    healthy = Signal()

    def __init__(self, location: DataLocation, window: MainWindow | None = None) -> None:
        super().__init__(window)
        self.location = location
        self.window = window
        self._thread: threading.Thread | None = None
        self._connection: sqlite3.Connection | None = None
        self._stopping = False
        self._lock = threading.Lock()
        if window is not None:
            self.damaged.connect(self._offer_recovery)

    def start(self) -> None:
        if self._thread is None and self.location.database.exists():
            self._thread = threading.Thread(target=self._run, name="store-scan", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Abandon a running scan (on quit) and wait for its thread."""
        with self._lock:
            self._stopping = True
            if self._connection is not None:
                self._connection.interrupt()
        if self._thread is not None:
            self._thread.join()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            connection = connect_read_only(self.location.database)
        except sqlite3.Error as error:
            problem: str | None = f"it cannot be opened ({error})."
        else:
            with self._lock:
                self._connection = connection
            try:
                problem = None if self._stopping else scan_database(connection)
            finally:
                with self._lock:
                    self._connection = None
                connection.close()
        if self._stopping:
            return
        if problem is None:
            self.healthy.emit()
        else:
            self.damaged.emit(f"{self.location.database} is damaged: {problem}")

    def _offer_recovery(self, reason: str) -> None:
        if self.window is not None:
            recover_in_session(self.window, self.location, reason)


def _built_window(location: DataLocation, view: str | None) -> MainWindow:
    from followup_desktop.ui.main_window import MainWindow, app_settings

    window = MainWindow(location)
    window.restore_state(app_settings(), view)
    return window


def open_window(location: DataLocation, view: str | None) -> MainWindow | str:
    """The main window on the open store, or the reason it cannot open ("" if the user quit).

    A damaged page that the first screen happens to read shows up before the scan reaches
    it; the store then gets the full check and the start-up choice, and the window one more try.
    """
    from followup_desktop.ui import app

    try:
        return _built_window(location, view)
    except Exception as error:
        if not is_database_error(error):
            raise
        app.close_store_connections()
    problem = app.open_user_store(location, interactive=True)
    if problem is not None:
        return problem
    return _built_window(location, view)


def recover_in_session(window: MainWindow, location: DataLocation, reason: str) -> None:
    """Ask what to do about a store found damaged while the window is open, and do it."""
    from followup_desktop import APP_NAME
    from followup_desktop.db.connection import close_store
    from followup_desktop.db.errors import StoreError
    from followup_desktop.db.restore import newest_good_backup
    from followup_desktop.services.startup_check import StartupProblem, recover_store
    from followup_desktop.services.store import open_user_store as open_checked
    from followup_desktop.ui import app
    from followup_desktop.ui.dialogs import recovery_dialog

    problem = StartupProblem(
        location.database, reason, missing=False, backup=newest_good_backup(location.backups)
    )
    choice = recovery_dialog.ask_recovery(problem, location)
    if choice is recovery_dialog.RecoveryChoice.QUIT:
        window.close()
        return
    use_backup = choice is recovery_dialog.RecoveryChoice.RESTORE
    close_store()
    try:
        folder = recover_store(location, problem, use_backup=use_backup)
        # Checked in full again: a restored backup is scanned before anything reads it.
        open_checked(location)
    except (StoreError, OSError) as error:
        app.show_error(APP_NAME, str(error))
        window.close()
        return
    # The edits in the history refer to the data that was just set aside.
    window.undo_stack.clear()
    window.events.store_replaced.emit()
    window.events.emit_all_changed()
    app.show_notice(recovery_dialog.outcome_text(problem, use_backup=use_backup, folder=folder))
