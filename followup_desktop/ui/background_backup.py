"""The start-up backup, made off the interface thread so the window never stalls for it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from followup_desktop.db.errors import StoreError
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import routine_backup


class BackgroundBackup(QObject):
    """Runs ``routine_backup`` in a thread; ``finished`` carries a one-line outcome ("" if none).

    Safe beside the window's own connection: a backup reads through its own read-only
    SQLite connection and writes only into the backups folder.
    """

    finished = Signal(str)

    def __init__(self, location: DataLocation, reason: str) -> None:
        super().__init__()
        self.location = location
        self.reason = reason
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="backup", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Block until a started backup is done (before the quit backup and closing)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            made = routine_backup(self.location, self.reason)
        except StoreError as error:
            self.finished.emit(str(error))
            return
        self.finished.emit(f"Backed up to {made.path.name}" if made is not None else "")
