"""Reminders: on start and at the user's reminder time, say what is due (tray or banner).

Everything stays on this computer: a desktop notification where the system has a tray, and a
banner in the window where it has none (GNOME by default). The day's planning runs here too:
once a day on start, after midnight, and when the profile's rule settings change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from followup_desktop import APP_NAME
from followup_desktop.services.follow_up_queries import FollowUpRow, due_counts, due_page
from followup_desktop.services.planning import PlanReport, replan_all, replan_once_a_day
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import planned_on, reminded_on, set_reminded_on
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import INFO_TONE, follow_scheme

#: How many follow-ups a reminder names before "and N more".
NAMED_IN_REMINDER = 4
START_DELAY_MS = 1200
CHECK_INTERVAL_MS = 60_000


class Notifier(Protocol):
    """Shows one reminder; the tray and the banner both fit, and tests use a recorder."""

    def notify(self, title: str, message: str) -> None: ...

    def update_shown(self, title: str, message: str) -> None:
        """Change a reminder still on screen (what is due changed meanwhile)."""

    def clear_shown(self) -> None:
        """Take a reminder off the screen (nothing is due any more)."""


class ReminderHost(Protocol):
    """What reminders need of the window: its events, a status line, a place for the banner,
    and a way to bring the Today panel forward."""

    events: AppEvents

    def show_status(self, message: str, timeout_ms: int = 0) -> None: ...

    def add_banner(self, banner: QWidget) -> None: ...

    def show_today(self) -> None: ...


def reminder_text(overdue: int, due_today: int, first: list[FollowUpRow]) -> tuple[str, str]:
    """(title, body) for what is due; the body names the ``first`` few, overdue first."""
    parts = []
    if overdue:
        parts.append(f"{overdue} overdue")
    if due_today:
        parts.append(f"{due_today} due today")
    title = f"{APP_NAME}: " + " and ".join(parts)
    named = first[:NAMED_IN_REMINDER]
    lines = [row.title() for row in named]
    if overdue + due_today > len(named):
        lines.append(f"…and {overdue + due_today - len(named)} more")
    return title, "\n".join(lines)


def due_now(today: dt.date) -> tuple[int, int, list[FollowUpRow]]:
    """Counts of overdue and today's follow-ups, and the first few to name (two small reads)."""
    overdue, due_today = due_counts(today)
    first = due_page(today, overdue=True, limit=NAMED_IN_REMINDER)
    if len(first) < NAMED_IN_REMINDER:
        first += due_page(today, overdue=False, limit=NAMED_IN_REMINDER - len(first))
    return overdue, due_today, first


def parse_reminder_time(text: str) -> dt.time:
    """The profile's "HH:MM", or 09:00 when it cannot be read."""
    try:
        return dt.datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        return dt.time(9, 0)


class ReminderBanner(QFrame):
    """The in-window notice used where there is no system tray."""

    show_today_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_banner")
        follow_scheme(
            self,
            lambda banner: banner.setStyleSheet(
                INFO_TONE.style_sheet(
                    QGuiApplication.palette(), "#reminder_banner", edge="border-bottom"
                )
                + " #reminder_banner QLabel { background: transparent; }"
            ),
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        show = QPushButton("Show today")
        show.clicked.connect(self.show_today_requested)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(show)
        row.addWidget(dismiss)
        self.hide()

    def notify(self, title: str, message: str) -> None:
        self._say(title, message)
        self.show()

    def update_shown(self, title: str, message: str) -> None:
        if self.isVisible():
            self._say(title, message)

    def clear_shown(self) -> None:
        self.hide()

    def _say(self, title: str, message: str) -> None:
        first = message.splitlines()[0] if message else ""
        self.label.setText(f"{title}. {first}" if first else title)
        self.setToolTip(message)


class TrayNotifier(QObject):
    """A tray icon whose balloon lists what is due; clicking it brings the window forward."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(QApplication.windowIcon(), self)
        self.icon.setToolTip(APP_NAME)
        self.icon.messageClicked.connect(self.activated)
        self.icon.activated.connect(lambda _reason: self.activated.emit())
        self.icon.show()

    def notify(self, title: str, message: str) -> None:
        self.icon.setToolTip(title)
        self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def update_shown(self, title: str, _message: str) -> None:
        self.icon.setToolTip(title)

    def clear_shown(self) -> None:
        self.icon.setToolTip(APP_NAME)


def tray_available() -> bool:
    return bool(QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages())


class ReminderService(QObject):
    """Plans the day, then reminds on start and once a day at the reminder time."""

    #: Emitted after a reminder was shown, with its title (for the status bar and tests).
    reminded = Signal(str)
    #: Emitted when a day's planning ended: whether it changed anything, and why it failed.
    planned = Signal(bool, str)

    def __init__(
        self,
        host: ReminderHost,
        notifier: Notifier,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.notifier = notifier
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self._day = clock().date()
        #: The day's planning in the background, while it runs; the views refresh when done.
        self.planning: BackgroundJob | None = None
        host.events.profile_changed.connect(self.plan_again)
        # A reminder on screen follows the store, as the Today panel does (the same counts).
        for signal in (
            host.events.follow_ups_changed,
            host.events.applications_changed,
            host.events.store_replaced,
        ):
            signal.connect(self.refresh_shown)

    def start(self) -> None:
        self.plan_if_new_day()
        QTimer.singleShot(START_DELAY_MS, self, self.remind_on_start)
        self.timer.start()

    def stop(self) -> None:
        """Before the store closes: no more ticks, and a running planning is waited for."""
        self.timer.stop()
        self.wait_for_planning()

    @property
    def planning_running(self) -> bool:
        return self.planning is not None and self.planning.running

    def wait_for_planning(self) -> None:
        if self.planning is not None:
            self.planning.wait()

    def plan_if_new_day(self) -> bool:
        """Run the rules once per day (stale events and today's dates depend on the day), in
        the background; True when that started."""
        today = self.clock().date()
        if self.planning_running or planned_on(today):
            return False
        # On a year of data the rules take a second or two: in the interface thread at the
        # first start of each day they held the window back every morning.
        self.planning = BackgroundJob("day-plan", lambda _job: replan_once_a_day(today), self)
        self.planning.succeeded.connect(self._planned)
        self.planning.failed.connect(self._planning_failed)
        self.planning.start()
        self.host.show_status("Planning today's follow-ups…")
        return True

    def _planned(self, report: object) -> None:
        changed = isinstance(report, PlanReport) and report.changed
        self.host.show_status("Today's follow-ups are planned.", 5000)
        if changed:
            self.host.events.follow_ups_changed.emit()
        self.planned.emit(changed, "")

    def _planning_failed(self, problem: str) -> None:
        # Nothing was changed (one transaction); the window stays usable and says why.
        self.host.show_status(problem, 15000)
        self.planned.emit(False, problem)

    def plan_again(self) -> bool:
        """After the profile's settings changed (working days, waits): plan everything."""
        report = replan_all(self.clock().date())
        if report.changed:
            self.host.events.follow_ups_changed.emit()
        return report.changed

    def remind_on_start(self) -> bool:
        return self.remind()

    def tick(self) -> None:
        now = self.clock()
        if now.date() != self._day:
            self._day = now.date()
            self.plan_if_new_day()
            self.host.events.follow_ups_changed.emit()  # "today" moved for every view
        at = parse_reminder_time(get_profile().reminder_time)
        if now.time() >= at and not reminded_on(now.date()):
            self.remind()

    def refresh_shown(self) -> None:
        """Bring a reminder still on screen up to date, or take it away when nothing is due."""
        overdue, due_today, first = due_now(self.clock().date())
        if overdue or due_today:
            self.notifier.update_shown(*reminder_text(overdue, due_today, first))
        else:
            self.notifier.clear_shown()

    def remind(self) -> bool:
        """Show what is due now; False (and nothing shown) when nothing is."""
        now = self.clock()
        overdue, due_today, first = due_now(now.date())
        if now.time() >= parse_reminder_time(get_profile().reminder_time):
            # The daily reminder counts as given once the user saw one after its time.
            set_reminded_on(now.date())
        if not overdue and not due_today:
            return False
        title, message = reminder_text(overdue, due_today, first)
        self.notifier.notify(title, message)
        self.reminded.emit(title)
        return True


def install_reminders(
    host: ReminderHost,
    notifier: Notifier | None = None,
    *,
    use_tray: bool | None = None,
    parent: QObject | None = None,
) -> ReminderService:
    """Start reminders for a running window: the tray when there is one, else the banner."""
    if notifier is None:
        if use_tray if use_tray is not None else tray_available():
            tray = TrayNotifier(parent)
            tray.activated.connect(host.show_today)
            notifier = tray
        else:
            banner = ReminderBanner()
            banner.show_today_requested.connect(host.show_today)
            host.add_banner(banner)
            notifier = banner
    service = ReminderService(host, notifier, parent=parent)
    service.start()
    return service
