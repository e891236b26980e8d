"""When the composer's draft is written, what the user is told, and what happens when it fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from followup_desktop.services.storage_failures import storage_failure_message
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.errors import report_storage_failure

#: The draft is saved after this pause in typing.
QUIET_MS = 600
#: ...and at the latest this long after the first unsaved change, however steady the typing
#: (a crash loses at most this much).
LONGEST_WAIT_MS = 3000
#: After a failed save it is tried again after this long, twice as long after each further
#: failure, up to ``LONGEST_RETRY_MS`` (an edit tries again at once, after its usual pause).
FIRST_RETRY_MS = 1000
LONGEST_RETRY_MS = 30_000

#: Writes the draft at the given time; True when something was stored (an empty new letter is
#: not). Raises what the store raised when the write failed.
WriteDraft = Callable[[dt.datetime], bool]
#: Shows a line under the letter; the flag is True for a failed save.
ReportLine = Callable[[str, bool], None]


class DraftSaving(QObject):
    """Keeps the draft in the store: after a pause, at least every few seconds while typing,
    and again and again after a failure until a save really writes.

    ``unsaved`` stays True from an edit until a save has committed; "Draft saved" is said only
    then. The first failure of a run is shown in a message box; later ones only on the line.
    """

    def __init__(self, write: WriteDraft, report: ReportLine, parent: QWidget) -> None:
        super().__init__(parent)
        self._write = write
        self._report = report
        self._parent = parent
        self.unsaved = False
        #: Failed attempts since the last save that wrote (0 when the last one worked).
        self.failures = 0
        self.last_failure = ""
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._longest = QTimer(self, singleShot=True, interval=LONGEST_WAIT_MS)
        self._retry = QTimer(self, singleShot=True)
        for timer in (self._quiet, self._longest, self._retry):
            timer.timeout.connect(self.save)

    def edited(self) -> None:
        """The user changed the letter: save after a pause, or once the longest wait is up."""
        self.unsaved = True
        self._quiet.start()
        if not self._longest.isActive():
            self._longest.start()

    def forget(self) -> None:
        """Another letter (or another store) is shown: nothing of the old one is pending."""
        for timer in (self._quiet, self._longest, self._retry):
            timer.stop()
        self.unsaved = False
        self.failures = 0

    def save(self, *, tell: bool = True) -> bool:
        """Write the draft now if it has unsaved changes; False when that failed.

        ``tell``: a failure that starts a run of failures is also shown in a message box.
        Errors that are not storage failures (bugs) propagate.
        """
        for timer in (self._quiet, self._longest, self._retry):
            timer.stop()
        if not self.unsaved:
            return True
        now = dt.datetime.now().replace(microsecond=0)
        try:
            stored = self._write(now)
        except Exception as error:
            message = storage_failure_message(error)
            if message is None:
                raise
            self._failed(error, message, now, tell=tell)
            return False
        self.unsaved = False
        self.failures = 0
        if stored:
            self._report(f"Draft saved at {now:%H:%M:%S}.", False)
        return True

    def _failed(self, error: BaseException, message: str, now: dt.datetime, *, tell: bool) -> None:
        self.failures += 1
        self.last_failure = message
        delay_ms = min(FIRST_RETRY_MS * 2 ** (self.failures - 1), LONGEST_RETRY_MS)
        retry_at = now + dt.timedelta(milliseconds=delay_ms)
        self._report(
            f"Draft NOT saved ({now:%H:%M:%S}). {message} "
            f"Trying again at {retry_at:%H:%M:%S} and when you type.",
            True,
        )
        if tell and self.failures == 1:
            report_storage_failure(error, self._parent)  # modal: retries wait until it is read
        self._retry.start(delay_ms)

    def settle(self) -> bool:
        """Before the letter goes away (quit, restore, another letter): save it, and when that
        fails ask whether to save again, discard the changes or cancel. False for cancel."""
        while not self.save(tell=False):
            answer = prompts.ask_unsaved_draft(self._parent, self.last_failure)
            if answer == "discard":
                self.forget()
                return True
            if answer != "save":
                return False
        return True
