"""The desktop's own notification service (org.freedesktop.Notifications over the D-Bus
session bus), the way Linux desktops show a program's notifications and their actions."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from queue import Queue

from jeepney import DBusAddress, MatchRule, Message, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.threading import DBusConnection, DBusRouter, RouterClosed, open_dbus_connection

from followup_desktop import APP_ID, APP_NAME

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
#: The action a click on the notification itself invokes (the specification's name for it).
DEFAULT_ACTION = "default"
#: Seconds a call may take: the server is local, so longer means it is stuck.
CALL_TIMEOUT_S = 3.0
_SERVER = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)


class NotificationsUnavailableError(Exception):
    """No session bus, or no notification server on it."""


class DesktopNotifications:
    """Shows notifications and hears which of their actions the user chose."""

    def __init__(self, connection: DBusConnection) -> None:
        self._connection = connection
        self._router = DBusRouter(connection)
        self._listener: threading.Thread | None = None
        self._queue: Queue[Message | None] | None = None

    @classmethod
    def open(cls) -> DesktopNotifications:
        """Reach the desktop's notification server, or raise NotificationsUnavailableError."""
        try:
            connection = open_dbus_connection(bus="SESSION")
        except Exception as error:  # no bus address, nothing listening there, refused
            raise NotificationsUnavailableError(f"no session bus: {error}") from error
        service = cls(connection)
        try:
            service._call("GetServerInformation", "", ())
        except NotificationsUnavailableError:
            service.close()
            raise
        return service

    def _call(self, method: str, signature: str, body: tuple[object, ...]) -> tuple[object, ...]:
        message = new_method_call(_SERVER, method, signature or None, body)
        try:
            reply = self._router.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
        except (OSError, TimeoutError, RouterClosed) as error:
            raise NotificationsUnavailableError(f"{method}: {error}") from error
        if reply.header.message_type.name == "error":
            raise NotificationsUnavailableError(f"{method}: {reply.body}")
        return tuple(reply.body)

    def notify(
        self,
        summary: str,
        body: str,
        *,
        replaces_id: int = 0,
        actions: Sequence[tuple[str, str]] = (),
        timeout_ms: int = -1,
    ) -> int:
        """Show (or replace) a notification; its id. ``actions``: (key, label) pairs."""
        flat_actions = [part for pair in actions for part in pair]
        hints = {"desktop-entry": ("s", APP_ID), "urgency": ("y", 1)}
        (number,) = self._call(
            "Notify",
            "susssasa{sv}i",
            (APP_NAME, replaces_id, APP_ID, summary, body, flat_actions, hints, timeout_ms),
        )
        return int(number)  # type: ignore[call-overload]

    def close_notification(self, number: int) -> None:
        try:
            self._call("CloseNotification", "u", (number,))
        except NotificationsUnavailableError:
            return  # gone already, or the server went away: nothing is left on screen

    def listen(self, on_action: Callable[[int, str], None]) -> None:
        """Call ``on_action(id, action key)`` from a thread of its own whenever the user
        chooses an action of a notification (the thread waits on the bus, it never polls);
        raises NotificationsUnavailableError when the bus refuses to pass them on."""
        if self._listener is not None:
            return
        rule = MatchRule(
            type="signal", interface=BUS_NAME, member="ActionInvoked", path=OBJECT_PATH
        )
        try:
            reply = self._router.send_and_get_reply(
                message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S
            )
            if reply.header.message_type.name == "error":
                raise NotificationsUnavailableError(f"AddMatch: {reply.body}")
        except (OSError, TimeoutError, RouterClosed) as error:
            raise NotificationsUnavailableError(f"AddMatch: {error}") from error
        queue_handle = self._router.filter(rule, bufsize=16)

        def wait_for_actions() -> None:
            with queue_handle as queue:
                while True:
                    message = queue.get()
                    if message is None:
                        return
                    number, key = message.body
                    on_action(int(number), str(key))

        self._queue = queue_handle.queue
        self._listener = threading.Thread(
            target=wait_for_actions, name="notification-actions", daemon=True
        )
        self._listener.start()

    def close(self) -> None:
        """Stop listening and leave the bus."""
        if self._listener is not None and self._queue is not None:
            self._queue.put(None)  # wakes the waiting thread so it can end
            self._listener.join(timeout=2)
            self._listener = None
        self._router.close()
        self._connection.close()
