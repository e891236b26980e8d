"""The calendar with a real mouse on a real X server (Xvfb, xdotool): a double-click on a day
opens the planning dialog for that day, its right-click menu does the same, and a follow-up
dragged from the day's list onto another day of the month moves there."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from real_x import REPO, keys, needs_x, rows, running_display, wait_for_rows, x_window, xdotool

pytestmark = needs_x

HARNESS = Path(__file__).with_name("real_x_window.py")


@pytest.fixture
def calendar(tmp_path: Path) -> Iterator[tuple[str, Path, dict[str, list[int]]]]:
    """The window on the demo data, showing the calendar: (display, database, screen points)."""
    with running_display() as display:
        data = tmp_path / "data"
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        app = subprocess.Popen(
            [sys.executable, str(HARNESS), str(data), "calendar"],
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


def test_double_click_and_the_day_menu_plan_a_follow_up_on_that_day(
    calendar: tuple[str, Path, dict[str, list[int]]],
) -> None:
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


def test_a_follow_up_dragged_onto_another_day_moves_there(
    calendar: tuple[str, Path, dict[str, list[int]]],
) -> None:
    display, database, points = calendar
    today = dt.date.today()
    day = _later_working_day(points, today)
    count_on = "SELECT count(*) FROM follow_up WHERE state = 'planned' AND due_on = '{}'"
    before_today = rows(database, count_on.format(today.isoformat()))[0][0]
    before_there = rows(database, count_on.format(day.isoformat()))[0][0]
    assert before_today > 0 and "first_follow_up" in points
    start, end = points["first_follow_up"], points[f"day:{day.isoformat()}"]
    xdotool(display, "mousemove", "--sync", str(start[0]), str(start[1]))
    xdotool(display, "mousedown", "1")
    # Past the drag distance in small steps, as a hand moves, then over the day and let go.
    for step in range(1, 21):
        x = start[0] + (end[0] - start[0]) * step // 20
        y = start[1] + (end[1] - start[1]) * step // 20
        xdotool(display, "mousemove", str(x), str(y))
        time.sleep(0.03)
    time.sleep(0.3)
    xdotool(display, "mouseup", "1")
    moved = wait_for_rows(
        database,
        f"SELECT 1 FROM follow_up WHERE state = 'planned' AND due_on = '{day.isoformat()}' "
        f"GROUP BY due_on HAVING count(*) = {before_there + 1}",
    )
    assert moved, "the follow-up did not move to the day it was dropped on"
    assert rows(database, count_on.format(today.isoformat()))[0][0] == before_today - 1
