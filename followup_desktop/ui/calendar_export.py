"""File → Export calendar, and the calendar file kept up to date for calendar apps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from followup_desktop.paths import DataLocation
from followup_desktop.services.calendar_feed import FEED_FILE_NAME
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import calendar_feed_enabled, set_calendar_feed_enabled
from followup_desktop.ui.events import AppEvents

#: Minutes before a call that exported events remind the user.
EXPORT_ALARM_MINUTES = 15
#: Asks where to save (replaced in tests); returns a path or "" when cancelled.
SavePathAsker = Callable[[QWidget, str], str]
#: Shows a line in the window's status bar for some milliseconds.
StatusLine = Callable[[str, int], None]


def ask_save_path(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Export calendar", suggested, "iCalendar files (*.ics)"
    )
    return path


class FeedKeeper(QObject):
    """Rewrites the data folder's calendar file shortly after any change, when turned on."""

    def __init__(self, folder: Path, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.refresh_now)
        for signal in (
            events.follow_ups_changed,
            events.applications_changed,
            events.contacts_changed,
            events.profile_changed,
        ):
            signal.connect(self.timer.start)

    def refresh_now(self) -> bool:
        if not calendar_feed_enabled():
            return False
        # A seam: the calendar writer brings the iCalendar library, needed only to write.
        from followup_desktop.services.ics_export import CalendarExportError, refresh_feed

        try:
            return refresh_feed(self.folder, reminder_time=get_profile().reminder_time)
        except CalendarExportError as error:
            self.last_error = str(error)
            return False


class CalendarExportMenu(QObject):
    """The File menu's calendar actions for one window (``actions``, for its menu)."""

    def __init__(
        self,
        window: QWidget,
        location: DataLocation,
        events: AppEvents,
        show_status: StatusLine,
        ask_path: SavePathAsker = ask_save_path,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.location = location
        self.show_status = show_status
        self.ask_path = ask_path
        self.feed = FeedKeeper(location.root, events, self)
        self.export_action = QAction("Export &calendar…", window)
        self.export_action.setToolTip("Save every planned follow-up as an .ics file")
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.feed_action = QAction("&Keep a calendar file up to date", window)
        self.feed_action.setCheckable(True)
        self.feed_action.setChecked(calendar_feed_enabled())
        self.feed_action.setToolTip(
            f"Rewrite {FEED_FILE_NAME} in the data folder after every change, "
            "so a calendar app can subscribe to it"
        )
        self.feed_action.toggled.connect(self.set_feed)
        self.actions = (self.export_action, self.feed_action)

    def export(self) -> Path | None:
        suggested = str(self.location.exports / "follow-ups.ics")
        chosen = self.ask_path(self.window, suggested)
        if not chosen:
            return None
        from followup_desktop.services.ics_export import (  # the seam of refresh_now
            CalendarExportError,
            export_calendar,
        )

        target = Path(chosen)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        try:
            count = export_calendar(
                target,
                alarm_minutes=EXPORT_ALARM_MINUTES,
                reminder_time=get_profile().reminder_time,
            )
        except CalendarExportError as error:
            QMessageBox.warning(self.window, "Export calendar", str(error))
            return None
        self.show_status(f"{count} follow-up{'s' if count != 1 else ''} exported to {target}", 8000)
        return target

    def set_feed(self, enabled: bool) -> None:
        set_calendar_feed_enabled(enabled)
        if enabled:
            self.feed.refresh_now()
            path = self.location.root / FEED_FILE_NAME
            message = (
                self.feed.last_error or f"Calendar apps can subscribe to {path}; it stays current."
            )
            self.show_status(message, 10000)
