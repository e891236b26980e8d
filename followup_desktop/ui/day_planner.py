"""The day's planning (the follow-up rules over every application) run beside the window."""

from __future__ import annotations

import datetime as dt
import threading
import traceback

from PySide6.QtCore import QObject, Signal

from followup_desktop.services.settings import planned_on


# On a year of data the rules take a second or two; run on the interface thread at the first
# start of each day, they held the window back every morning. Here they run in a thread with
# its own SQLite connection, and the views refresh when it is done.
class DayPlanner(QObject):
    """Runs ``replan_once_a_day`` in a thread; ``finished`` carries (changed, error message)."""

    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, today: dt.date) -> bool:
        """Plan ``today`` unless it already was (or is being); True when planning started."""
        if self.running or planned_on(today):
            return False
        self._thread = threading.Thread(
            target=self._run, args=(today,), name="day-plan", daemon=True
        )
        self._thread.start()
        return True

    def wait(self) -> None:
        """Block until a started planning is done (before the store closes)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self, today: dt.date) -> None:
        from followup_desktop.db.models import database
        from followup_desktop.services.planning import replan_once_a_day
        from followup_desktop.services.storage_failures import storage_failure_message

        changed, problem = False, ""
        try:
            report = replan_once_a_day(today)
            changed = report is not None and report.changed
        except Exception as error:
            # Nothing was changed (one transaction); the window stays usable and says why.
            traceback.print_exc()
            problem = storage_failure_message(error) or f"Planning the day failed: {error}."
        finally:
            database.close()  # this thread's own connection
        self.finished.emit(changed, problem)
