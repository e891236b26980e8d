"""Run one piece of work in a thread of its own and hear how it ended on the interface thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from followup_desktop.db.errors import StoreError
from followup_desktop.services.storage_failures import storage_failure_message
from followup_desktop.services.store import release_thread_connection


def describe_failure(error: Exception) -> str:
    """The user's one line for work that failed: a storage failure's own message, else the error."""
    return storage_failure_message(error) or f"{error}"


class BackgroundJob(QObject):
    """Runs ``work(job)`` once in a thread; then exactly one of ``succeeded`` (with what the
    work returned), ``failed`` (one line) or ``cancelled`` fires, and ``ended`` after it.

    The work reports progress with ``job.report(done, total)`` and looks at
    ``job.cancel_requested()`` to stop early; work that returns after a cancel request counts
    as cancelled. The signals are delivered on the interface thread (queued across threads).
    The thread's own store connection is closed when the work ends, whatever happened.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self,
        name: str,
        work: Callable[[BackgroundJob], object],
        parent: QObject | None = None,
        *,
        failure_text: Callable[[Exception], str] = describe_failure,
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._failure_text = failure_text
        #: Failures the user can mend (a broken file, a full disk): said in one line, with no
        #: traceback on the console.
        self._expected: tuple[type[Exception], ...] = (StoreError, *expected)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Start the work (once per job)."""
        if self._thread is not None:
            raise RuntimeError(f"the {self.name} job was already started")
        # A daemon thread: a job never keeps the process alive once the app has quit.
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (safe from any thread)."""
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Progress, from the work's thread."""
        self.progressed.emit(done, total)

    def wait(self) -> None:
        """Block until started work has ended (before the store closes or the app quits)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        failure: str | None = None
        result: object = None
        try:
            result = self._work(self)
        except Exception as error:
            if not self._cancel.is_set():
                if not isinstance(error, self._expected) and storage_failure_message(error) is None:
                    traceback.print_exc()  # a bug, not a disk or a file the user can mend
                failure = self._failure_text(error)
        finally:
            # Closed before anyone hears the job ended, so a store closed on hearing it is
            # closed for good.
            release_thread_connection()
        try:
            if failure is not None:
                self.failed.emit(failure)
            elif self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
            self.ended.emit()
        except RuntimeError:
            # The job's owner (and so the job's Qt object) was deleted meanwhile, when its
            # window closed: nobody is left to hear how the work ended.
            return
