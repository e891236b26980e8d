"""The app started at login with --background, on a private D-Bus session whose notification
server (``notification_server.py``) records what it is sent and clicks it like a user."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.paths import DataLocation
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.planning import replan_once_a_day
from followup_desktop.ui.paint_probe import PAINT_PROBE_ENV
from followup_desktop.ui.reminders import due_now, reminder_text
from followup_desktop.ui.single_instance import window_is_running

REPO = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).with_name("notification_server.py")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("dbus-run-session") is None, reason="needs dbus-run-session (package dbus)"
    ),
]


def _planned_demo(data: Path) -> tuple[str, str]:
    """A demo store planned for today (so the app does not plan again at start), and the
    reminder it should give."""
    data.mkdir(parents=True)
    open_store(data / "followup.sqlite")
    try:
        today = dt.date.today()
        fill_demo_data(seed=7, today=today)
        replan_once_a_day(today)
        overdue, due_today, first = due_now(today)
        assert overdue + due_today > 0
        return reminder_text(overdue, due_today, first)
    finally:
        close_store()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[PAINT_PROBE_ENV] = "1"  # the window prints PAINTED and quits once it is on screen
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def _app(data: Path) -> list[str]:
    return [sys.executable, "-m", "followup_desktop", "--data-dir", str(data), "--background"]


def test_a_notification_names_what_is_due_and_its_click_opens_the_window(
    tmp_path: Path,
) -> None:
    data, record = tmp_path / "data", tmp_path / "notifications.jsonl"
    title, body = _planned_demo(data)

    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(SERVER), str(record), "--click", "--",
         *_app(data)],
        env=_child_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    received = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert received, done.stderr
    first = received[0]
    assert first["signature"] == "susssasa{sv}i"
    assert first["app_name"] == "Follow-up Desk"
    assert (first["summary"], first["body"]) == (title.removeprefix("Follow-up Desk: "), body)
    assert "due today" in first["summary"] or "overdue" in first["summary"]
    assert first["actions"] == ["default", "Show today"]
    assert "desktop-entry" in first["hints"]
    # The click on it opened the window (which painted), with no window before it.
    assert done.stdout.count("PAINTED") == 1


def test_without_a_notification_service_the_window_opens_with_the_reminder(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _planned_demo(data)

    done = subprocess.run(
        ["dbus-run-session", "--", *_app(data)],
        env=_child_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.count("PAINTED") == 1


def test_a_later_launch_opens_the_background_apps_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = _child_env()  # no session bus at all: nothing is due, so nothing is shown
    background = subprocess.Popen(
        _app(data), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not window_is_running(DataLocation(data)):
            assert background.poll() is None, background.communicate()
            assert time.monotonic() < deadline, "the background app never took its lock"
            time.sleep(0.1)
        again = subprocess.run(
            _app(data), env=env, capture_output=True, text=True, timeout=60
        )  # a second start at login leaves it alone
        assert again.returncode == 0 and "already running" in again.stdout
        plain = [sys.executable, "-m", "followup_desktop", "--data-dir", str(data)]
        opened = subprocess.run(plain, env=env, capture_output=True, text=True, timeout=60)
        assert opened.returncode == 0, opened.stderr
        assert "brought to the front" in opened.stdout
        out, err = background.communicate(timeout=60)  # its window painted, and it quit
    finally:
        if background.poll() is None:
            background.kill()
            background.communicate()
    assert background.returncode == 0, err
    assert out.count("PAINTED") == 1
