"""Reminders (tray or banner, on start and at the reminder time) and File → Export calendar."""

from __future__ import annotations

import datetime as dt
import sqlite3

import icalendar
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import Profile, Setting
from followup_desktop.services.follow_up_queries import due_follow_ups
from followup_desktop.services.ics_export import FEED_FILE_NAME
from followup_desktop.services.settings import PLANNED_ON, planned_on
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.reminders import (
    ReminderBanner,
    ReminderService,
    install_reminders,
    reminder_text,
)


class Recorder:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> None:
        self.shown.append((title, message))

    def update_shown(self, title: str, message: str) -> None:
        self.shown[-1:] = [(title, message)]

    def clear_shown(self) -> None:
        self.shown.append(("", ""))


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def test_reminds_on_start_and_once_at_the_reminder_time(window: MainWindow):
    Profile.update(reminder_time="09:00").execute()
    today = dt.date.today()
    clock = Clock(dt.datetime.combine(today, dt.time(8, 0)))
    recorder = Recorder()
    service = ReminderService(window, recorder, clock=clock, parent=window)
    service.plan_if_new_day()
    service.wait_for_planning()
    assert service.remind_on_start()
    overdue, due_today = due_follow_ups(today)
    title, body = recorder.shown[0]
    assert title == f"Follow-up Desk: {len(overdue)} overdue and {len(due_today)} due today"
    assert body.splitlines()[0] == overdue[0].title()
    service.tick()  # 08:00: not yet the reminder time
    assert len(recorder.shown) == 1
    clock.moment = clock.moment.replace(hour=9, minute=1)
    service.tick()
    assert len(recorder.shown) == 2
    clock.moment = clock.moment.replace(minute=30)
    service.tick()
    assert len(recorder.shown) == 2  # once a day


def test_planning_runs_once_a_day_beside_the_window(window: MainWindow, qtbot: QtBot):
    today = dt.date.today()
    clock = Clock(dt.datetime.combine(today, dt.time(10, 0)))
    service = ReminderService(window, Recorder(), clock=clock, parent=window)
    Setting.delete().where(Setting.key == PLANNED_ON).execute()
    refreshed: list[bool] = []
    window.events.follow_ups_changed.connect(lambda: refreshed.append(True))
    with qtbot.waitSignal(service.planned, timeout=20000) as done:
        assert service.plan_if_new_day() is True
        assert window.statusBar().currentMessage() == "Planning today's follow-ups…"
        # The window answers while the rules run in their own thread.
        assert service.planning_running or planned_on(today)
    changed, problem = done.args
    assert problem == "" and planned_on(today)
    assert refreshed == ([True] if changed else [])
    assert service.plan_if_new_day() is False  # once a day
    service.wait_for_planning()


def test_views_reload_when_the_day_plan_changed_something(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
):
    from followup_desktop.services import planning

    monkeypatch.setattr(planning, "replan_all", lambda _today: planning.PlanReport(created=[1]))
    service = ReminderService(window, Recorder(), clock=dt.datetime.now, parent=window)
    Setting.delete().where(Setting.key == PLANNED_ON).execute()
    with qtbot.waitSignal(window.events.follow_ups_changed, timeout=20000):
        assert service.plan_if_new_day() is True
    service.wait_for_planning()
    assert window.statusBar().currentMessage() == "Today's follow-ups are planned."


def test_a_failed_planning_is_reported_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
):
    from followup_desktop.services import planning

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(planning, "replan_all", full_disk)
    service = ReminderService(window, Recorder(), clock=dt.datetime.now, parent=window)
    Setting.delete().where(Setting.key == PLANNED_ON).execute()
    with qtbot.waitSignal(service.planned, timeout=20000) as done:
        assert service.plan_if_new_day() is True
    changed, problem = done.args
    assert changed is False and "full" in problem.lower()
    assert window.statusBar().currentMessage() == problem
    assert not planned_on(dt.date.today())


def test_banner_where_there_is_no_tray(qtbot: QtBot, window: MainWindow):
    service = install_reminders(window, use_tray=False, parent=window)
    banner = service.notifier
    assert isinstance(banner, ReminderBanner)
    service.remind()
    assert banner.isVisible()
    assert "overdue" in banner.label.text()
    window.today_dock.hide()
    banner.show_today_requested.emit()
    assert window.today_dock.isVisible()


def test_reminder_text_names_a_few_and_counts_the_rest(demo_store):
    overdue, due_today = due_follow_ups(dt.date.today())
    _title, body = reminder_text(len(overdue), len(due_today), (overdue + due_today)[:4])
    lines = body.splitlines()
    assert lines[0] == (overdue + due_today)[0].title()
    if len(overdue) + len(due_today) > 4:
        assert len(lines) == 5 and lines[-1] == f"…and {len(overdue) + len(due_today) - 4} more"


def test_export_calendar_from_the_file_menu(window: MainWindow, tmp_path):
    menu = window.calendar_menu
    assert menu.export_action in window.file_menu.actions()
    menu.ask_path = lambda _parent, _suggested: str(tmp_path / "mine")
    target = menu.export()
    assert target == tmp_path / "mine.ics"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events and all(e.get("uid") and e.get("dtstamp") for e in events)
    assert "exported to" in window.statusBar().currentMessage()
    menu.ask_path = lambda _parent, _suggested: ""
    assert menu.export() is None


def test_calendar_file_kept_up_to_date(qtbot: QtBot, window: MainWindow):
    feed = window.location.root / FEED_FILE_NAME
    assert not feed.exists()
    window.calendar_menu.feed_action.setChecked(True)
    assert feed.exists()
    before = feed.read_bytes()
    from followup_desktop.db.models import FollowUp
    from followup_desktop.services.follow_up_actions import skip_follow_up

    first = FollowUp.select().where(FollowUp.state == "planned").first()
    skip_follow_up(first.id, "not needed")
    window.events.follow_ups_changed.emit()
    qtbot.waitUntil(lambda: feed.read_bytes() != before, timeout=3000)
    window.calendar_menu.feed_action.setChecked(False)


def test_the_banner_follows_the_counts_and_goes_with_the_demo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
):
    from followup_desktop.services.follow_up_actions import complete_follow_up
    from followup_desktop.ui.demo_banner import DemoBanner

    service = install_reminders(window, use_tray=False, parent=window)
    banner = service.notifier
    assert isinstance(banner, ReminderBanner)
    assert service.remind()
    overdue, due_today = due_follow_ups(dt.date.today())
    assert f"{len(due_today)} due today" in banner.label.text()
    complete_follow_up(due_today[0].id, outcome="Called.")
    window.events.follow_ups_changed.emit()  # as every action that completes one does
    assert f"{len(due_today) - 1} due today" in banner.label.text()
    assert window.today_panel.summary.text().startswith(
        f"{len(overdue)} overdue · {len(due_today) - 1} due today"
    )
    monkeypatch.setattr(DemoBanner, "confirm", lambda _self: True)
    qtbot.mouseClick(window.demo_banner.start_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()  # no names from the demo left on screen
