"""Driving the app on a real X server (Xvfb) with real key presses and mouse moves (xdotool)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")

needs_x = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb and xdotool (Debian packages xvfb and xdotool)",
)


@contextmanager
def running_display() -> Iterator[str]:
    """A fresh Xvfb server of 1280 x 800; its display name."""
    number = 50 + os.getpid() % 400
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str, timeout: float = 20) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return done.stdout.strip()


def x_window(display: str, title: str) -> str:
    """The id of the window whose title matches ``title`` once it is shown (focused)."""
    found = xdotool(display, "search", "--sync", "--onlyvisible", "--name", title, timeout=30)
    window = found.splitlines()[-1]
    xdotool(display, "windowfocus", "--sync", window)
    return window


def keys(display: str, *names: str) -> None:
    """Real key presses (XTEST) to the window that has the focus."""
    for key in names:
        xdotool(display, "key", "--clearmodifiers", key)
        time.sleep(0.15)


def type_text(display: str, text: str) -> None:
    xdotool(display, "type", "--delay", "20", text)
    time.sleep(0.2)


def rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return list(connection.execute(sql).fetchall())


def wait_for_rows(database: Path, sql: str, timeout: float = 15) -> list[tuple[object, ...]]:
    """What ``sql`` returns once it returns something (or nothing after ``timeout``)."""
    deadline = time.monotonic() + timeout
    found: list[tuple[object, ...]] = []
    while time.monotonic() < deadline:
        if database.exists():
            found = rows(database, sql)
            if found:
                return found
        time.sleep(0.2)
    return found
