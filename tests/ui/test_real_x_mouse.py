"""The board and the calendar with a real mouse on a real X server (Xvfb, xdotool): a card
dragged to another stage moves there, a column's Add button opens the form for that stage, a
double-click on a day or its right-click menu plans a follow-up on it, and a follow-up dragged
from the day's list onto another day moves there."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from real_x import (
    REPO,
    keys,
    needs_x,
    rows,
    running_display,
    type_text,
    wait_for_rows,
    x_window,
    xdotool,
)

pytestmark = needs_x

HARNESS = Path(__file__).with_name("real_x_window.py")
#: The display, the store's file and where the window's parts are on the screen.
Shown = tuple[str, Path, dict[str, list[int]]]


@contextmanager
def window_showing(tmp_path: Path, area: str) -> Iterator[Shown]:
    """The window on the demo data, showing ``area``: (display, database, screen points)."""
    with running_display() as display:
        data = tmp_path / "data"
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        app = subprocess.Popen(
            [sys.executable, str(HARNESS), str(data), area],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert app.stdout is not None
            ready, _, _ = select.select([app.stdout], [], [], 60)
            assert ready, "the window did not report where its parts are"
            points = json.loads(app.stdout.readline())
            x_window(display, "^Follow-up Desk$")
            yield display, data / "followup.sqlite", points
        finally:
            app.terminate()
            try:
                app.wait(timeout=15)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()


@pytest.fixture
def calendar(tmp_path: Path) -> Iterator[Shown]:
    with window_showing(tmp_path, "calendar") as shown:
        yield shown


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Shown]:
    with window_showing(tmp_path, "pipeline") as shown:
        yield shown


def _drag(display: str, start: list[int], end: list[int]) -> None:
    """Press, move past the drag distance in small steps as a hand does, let go over ``end``."""
    xdotool(display, "mousemove", "--sync", str(start[0]), str(start[1]))
    xdotool(display, "mousedown", "1")
    for step in range(1, 21):
        x = start[0] + (end[0] - start[0]) * step // 20
        y = start[1] + (end[1] - start[1]) * step // 20
        xdotool(display, "mousemove", str(x), str(y))
        time.sleep(0.03)
    time.sleep(0.3)
    xdotool(display, "mouseup", "1")


def test_a_card_dragged_to_another_stage_moves_there(board: Shown) -> None:
    display, database, points = board
    card_id = points["card_id:Applied"][0]
    _drag(display, points["card:Applied"], points["column:Interview"])
    # The interview's dialog: it goes into the log, and a thank-you is planned.
    x_window(display, "Interview")
    keys(display, "Return")
    moved = wait_for_rows(
        database,
        "SELECT 1 FROM application a JOIN stage s ON s.id = a.stage_id "
        f"WHERE a.id = {card_id} AND s.name = 'Interview'",
    )
    assert moved, "the card did not move to the stage it was dropped on"
    thanks = wait_for_rows(
        database,
        f"SELECT due_on FROM follow_up WHERE application_id = {card_id} AND state = 'planned' "
        "AND reason LIKE '%thank%'",
    )
    assert thanks, "no thank-you was planned after the interview"


def test_a_columns_add_button_opens_the_form_for_that_stage(board: Shown) -> None:
    display, database, points = board
    _click(display, points["add:Interview"])
    x_window(display, "^New application$")
    type_text(display, "Wayfarer Studio")
    keys(display, "Tab")
    type_text(display, "Product Designer")
    keys(display, "Return")
    saved = wait_for_rows(
        database,
        "SELECT s.name FROM application a JOIN stage s ON s.id = a.stage_id "
        "JOIN company c ON c.id = a.company_id WHERE c.name = 'Wayfarer Studio'",
    )
    assert saved == [("Interview",)]


def _later_working_day(points: dict[str, list[int]], today: dt.date) -> dt.date:
    """A Monday-to-Friday day a week or so ahead that the grid shows."""
    for offset in range(6, 15):
        day = today + dt.timedelta(days=offset)
        if day.weekday() < 5 and f"day:{day.isoformat()}" in points:
            return day
    raise AssertionError("the grid shows no working day in the next two weeks")


def _click(display: str, point: list[int], button: str = "1", *, repeat: int = 1) -> None:
    xdotool(display, "mousemove", "--sync", str(point[0]), str(point[1]))
    time.sleep(0.2)
    xdotool(display, "click", "--repeat", str(repeat), "--delay", "80", button)
    time.sleep(0.3)


def test_double_click_and_the_day_menu_plan_a_follow_up_on_that_day(calendar: Shown) -> None:
    display, database, points = calendar
    day = _later_working_day(points, dt.date.today())
    on_day = f"SELECT count(*) FROM follow_up WHERE due_on = '{day.isoformat()}'"
    before = rows(database, on_day)[0][0]
    target = points[f"day:{day.isoformat()}"]
    _click(display, target, repeat=2)
    x_window(display, "^Plan a follow-up$")
    keys(display, "alt+a", "Down", "Return")  # the first application, e-mail, that day
    planned = wait_for_rows(
        database,
        f"SELECT count(*) FROM follow_up WHERE due_on = '{day.isoformat()}' "
        f"HAVING count(*) = {before + 1}",
    )
    assert planned, "double-clicking the day did not plan a follow-up on it"
    x_window(display, "^Follow-up Desk$")
    _click(display, target, "3")
    keys(display, "p")  # the day menu's "&Plan a follow-up on …"
    x_window(display, "^Plan a follow-up$")
    keys(display, "alt+a", "Down", "Return")
    planned = wait_for_rows(
        database,
        f"SELECT count(*) FROM follow_up WHERE due_on = '{day.isoformat()}' "
        f"HAVING count(*) = {before + 2}",
    )
    assert planned, "the day's menu did not plan a follow-up on it"


def test_a_follow_up_dragged_onto_another_day_moves_there(calendar: Shown) -> None:
    display, database, points = calendar
    today = dt.date.today()
    day = _later_working_day(points, today)
    count_on = "SELECT count(*) FROM follow_up WHERE state = 'planned' AND due_on = '{}'"
    before_today = rows(database, count_on.format(today.isoformat()))[0][0]
    before_there = rows(database, count_on.format(day.isoformat()))[0][0]
    assert before_today > 0 and "first_follow_up" in points
    _drag(display, points["first_follow_up"], points[f"day:{day.isoformat()}"])
    moved = wait_for_rows(
        database,
        f"SELECT 1 FROM follow_up WHERE state = 'planned' AND due_on = '{day.isoformat()}' "
        f"GROUP BY due_on HAVING count(*) = {before_there + 1}",
    )
    assert moved, "the follow-up did not move to the day it was dropped on"
    assert rows(database, count_on.format(today.isoformat()))[0][0] == before_today - 1
