"""The first day on a real X server: the app started as a user starts it, driven by real key
presses (xdotool): the demo declined, an application added with a new contact, F1 and Ctrl+/."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb and xdotool (Debian packages xvfb and xdotool)",
)


@pytest.fixture
def display() -> Iterator[str]:
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


def _xdotool(display: str, *args: str, timeout: float = 20) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return done.stdout.strip()


def _window(display: str, title: str) -> str:
    """The id of the window whose title matches ``title`` once it is shown."""
    found = _xdotool(display, "search", "--sync", "--onlyvisible", "--name", title, timeout=30)
    window = found.splitlines()[-1]
    _xdotool(display, "windowfocus", "--sync", window)
    return window


def _keys(display: str, *keys: str) -> None:
    """Real key presses (XTEST) to the window that has the focus."""
    for key in keys:
        _xdotool(display, "key", "--clearmodifiers", key)
        time.sleep(0.15)


def _type(display: str, text: str) -> None:
    _xdotool(display, "type", "--delay", "20", text)
    time.sleep(0.2)


def _rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return list(connection.execute(sql).fetchall())


def _wait_for(database: Path, sql: str, timeout: float = 15) -> list[tuple[object, ...]]:
    deadline = time.monotonic() + timeout
    rows: list[tuple[object, ...]] = []
    while time.monotonic() < deadline:
        if database.exists():
            rows = _rows(database, sql)
            if rows:
                return rows
        time.sleep(0.2)
    return rows


def test_a_new_user_adds_an_application_with_a_new_contact_by_keyboard(
    display: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("FOLLOWUP_DATA_DIR", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _window(display, "Welcome to")
        _keys(display, "Escape")  # no demo, thanks
        _window(display, "^Follow-up Desk$")
        _keys(display, "ctrl+n")
        _window(display, "New application")
        _type(display, "Northwind")
        _keys(display, "Tab")
        _type(display, "Data Analyst")
        _keys(display, "Tab", "Tab")  # past the stage, into the contact
        _type(display, "Olga Castillo")
        _keys(display, "Return")
        database = data / "followup.sqlite"
        saved = _wait_for(
            database,
            "SELECT a.position, c.first_name, c.last_name FROM application a "
            "JOIN contact c ON c.id = a.contact_id",
        )
        assert saved == [("Data Analyst", "Olga", "Castillo")]
        _window(display, "^Follow-up Desk$")
        _keys(display, "F1")
        assert _window(display, "Getting started")
        _keys(display, "Escape")
        _window(display, "^Follow-up Desk$")
        _keys(display, "ctrl+slash")
        assert _window(display, "Keyboard shortcuts")
    finally:
        app.terminate()
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
