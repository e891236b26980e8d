"""Reminders as the desktop's own notifications, whose click opens the window on Today."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from followup_desktop import APP_NAME
from followup_desktop.services.freedesktop_notifications import (
    DEFAULT_ACTION,
    DesktopNotifications,
    NotificationsUnavailableError,
)

SHOW_TODAY_LABEL = "Show today"


class SystemNotifier(QObject):
    """A ``Notifier`` (see ``ui/reminders.py``) on the desktop's notification service: one
    notification at a time, replaced when what is due changes, withdrawn when nothing is."""

    #: The user clicked the notification or its "Show today" action.
    activated = Signal()
    #: From the bus's thread: (notification id, action key); delivered on the interface thread.
    _action_chosen = Signal(int, str)

    def __init__(self, service: DesktopNotifications, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.shown_id = 0
        self._action_chosen.connect(self._chosen)
        try:
            service.listen(self._action_chosen.emit)
        except NotificationsUnavailableError as error:
            # The notifications still show; only their click cannot open the window.
            print(f"followup-desktop: {error}", file=sys.stderr)  # noqa: T201

    def notify(self, title: str, message: str) -> None:
        try:
            self.shown_id = self.service.notify(
                # The desktop already shows the app's name above it.
                title.removeprefix(f"{APP_NAME}: "),
                message,
                replaces_id=self.shown_id,
                actions=((DEFAULT_ACTION, SHOW_TODAY_LABEL),),
            )
        except NotificationsUnavailableError as error:
            print(f"followup-desktop: cannot show a notification: {error}", file=sys.stderr)  # noqa: T201

    def update_shown(self, title: str, message: str) -> None:
        if self.shown_id:
            self.notify(title, message)

    def clear_shown(self) -> None:
        if self.shown_id:
            self.service.close_notification(self.shown_id)
            self.shown_id = 0

    def _chosen(self, number: int, key: str) -> None:
        if number == self.shown_id and key == DEFAULT_ACTION:
            self.activated.emit()

    def close(self) -> None:
        self.service.close()


def open_system_notifier(parent: QObject | None = None) -> SystemNotifier | None:
    """The desktop's notifications, or None where there is no such service (then the tray or
    the window's banner reminds instead)."""
    try:
        service = DesktopNotifications.open()
    except NotificationsUnavailableError:
        return None
    return SystemNotifier(service, parent)
