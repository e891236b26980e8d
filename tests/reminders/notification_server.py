"""A small freedesktop notification server for the tests, on the private session bus that
dbus-run-session starts: it records every Notify call as a JSON line, answers like a desktop's
server, and can "click" a notification (ActionInvoked "default") the way a user would.

Usage: notification_server.py RECORD [--click] -- COMMAND...   (runs COMMAND, ends with it)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
_RUN_LIMIT_S = 90.0


def main() -> int:
    split = sys.argv.index("--")
    own_args, command = sys.argv[1:split], sys.argv[split + 1 :]
    parser = argparse.ArgumentParser()
    parser.add_argument("record", type=Path)
    parser.add_argument("--click", action="store_true", help="invoke each one's default action")
    args = parser.parse_args(own_args)

    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4))
    if reply.body[0] != 1:
        print(f"could not own {NAME}: {reply.body}", file=sys.stderr)
        return 2
    emitter = DBusAddress(PATH, interface=NAME)
    child = subprocess.Popen(command)
    next_id = 1
    deadline = time.monotonic() + _RUN_LIMIT_S
    try:
        while child.poll() is None and time.monotonic() < deadline:
            try:
                message = connection.receive(timeout=0.2)
            except TimeoutError:
                continue
            header = message.header
            if header.message_type != MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            if header.fields.get(HeaderFields.interface) not in (NAME, None):
                connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
                continue
            if member == "GetCapabilities":
                connection.send(new_method_return(message, "as", (["body", "actions"],)))
            elif member == "GetServerInformation":
                connection.send(new_method_return(message, "ssss", ("tests", "tests", "1", "1.2")))
            elif member == "Notify":
                app, replaces, icon, summary, body, actions, hints, timeout = message.body
                number = replaces or next_id
                next_id += 1
                entry = {
                    "signature": header.fields.get(HeaderFields.signature),
                    "app_name": app,
                    "replaces_id": replaces,
                    "icon": icon,
                    "summary": summary,
                    "body": body,
                    "actions": list(actions),
                    "hints": sorted(hints),
                    "timeout": timeout,
                    "id": number,
                }
                with args.record.open("a", encoding="utf-8") as record:
                    record.write(json.dumps(entry) + "\n")
                connection.send(new_method_return(message, "u", (number,)))
                if args.click and "default" in actions:
                    signal = new_signal(emitter, "ActionInvoked", "us", (number, "default"))
                    connection.send(signal)
            elif member == "CloseNotification":
                connection.send(new_method_return(message))
                (number,) = message.body
                connection.send(new_signal(emitter, "NotificationClosed", "uu", (number, 3)))
            else:
                connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
        connection.close()
    return int(child.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())
