"""The first day on a real X server: the app started as a user starts it, driven by real key
presses (xdotool): the demo declined, an application added with a new contact, F1 and Ctrl+/."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from real_x import REPO, keys, needs_x, running_display, type_text, wait_for_rows, x_window

pytestmark = needs_x


@pytest.fixture
def display() -> Iterator[str]:
    with running_display() as name:
        yield name


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
        x_window(display, "Welcome to")
        keys(display, "Escape")  # no demo, thanks
        x_window(display, "^Follow-up Desk$")
        keys(display, "ctrl+n")
        x_window(display, "New application")
        type_text(display, "Northwind")
        keys(display, "Tab")
        type_text(display, "Data Analyst")
        keys(display, "Tab", "Tab")  # past the stage, into the contact
        type_text(display, "Olga Castillo")
        keys(display, "Return")
        database = data / "followup.sqlite"
        saved = wait_for_rows(
            database,
            "SELECT a.position, c.first_name, c.last_name FROM application a "
            "JOIN contact c ON c.id = a.contact_id",
        )
        assert saved == [("Data Analyst", "Olga", "Castillo")]
        x_window(display, "^Follow-up Desk$")
        keys(display, "F1")
        assert x_window(display, "Getting started")
        keys(display, "Escape")
        x_window(display, "^Follow-up Desk$")
        keys(display, "ctrl+slash")
        assert x_window(display, "Keyboard shortcuts")
    finally:
        app.terminate()
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
