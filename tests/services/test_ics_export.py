"""iCalendar export read back with icalendar: UIDs, DTSTAMP, timed calls, all-day items, CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from planning_rows import make_application, make_contact

from followup_desktop.db.connection import close_store
from followup_desktop.services.calendar_feed import FEED_FILE_NAME
from followup_desktop.services.follow_up_actions import add_follow_up
from followup_desktop.services.ics_export import event_uid, export_calendar, refresh_feed
from followup_desktop.services.settings import (
    calendar_feed_enabled as feed_enabled,
)
from followup_desktop.services.settings import (
    set_calendar_feed_enabled as set_feed_enabled,
)

REPO = Path(__file__).resolve().parents[2]


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def _fill() -> tuple[int, int]:
    ana = make_contact(time_zone="America/New_York")
    app = make_application(contact=ana)
    call = add_follow_up(
        application_id=app.id, contact_id=ana.id, due_on=dt.date(2026, 3, 9), channel="call"
    )
    note = add_follow_up(
        application_id=app.id, contact_id=ana.id, due_on=dt.date(2026, 3, 10), channel="note"
    )
    return call, note


def test_export_read_back(store, tmp_path):
    call, note = _fill()
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert export_calendar(first, alarm_minutes=10) == 2
    assert export_calendar(second, alarm_minutes=10) == 2
    events = _events(first)
    assert all(event.get("uid") and event.get("dtstamp") for event in events)
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in _events(second)]
    assert first.read_bytes() == second.read_bytes()
    by_uid = {str(e["uid"]): e for e in events}
    timed = by_uid[event_uid(call)]
    start = timed.decoded("dtstart")
    assert start == dt.datetime(2026, 3, 9, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert timed.decoded("dtend") - start == dt.timedelta(hours=2)
    assert "Call Ana Lopez" in str(timed["summary"])
    assert "+1 312 555 0100" in str(timed["description"])
    assert timed.walk("VALARM")[0].decoded("trigger") == dt.timedelta(minutes=-10)
    all_day = by_uid[event_uid(note)]
    assert all_day.decoded("dtstart") == dt.date(2026, 3, 10)
    assert all_day.decoded("dtend") == dt.date(2026, 3, 11)
    assert str(all_day["summary"]).startswith("Follow-up: Write a note to Ana Lopez")
    calendar = icalendar.Calendar.from_ical(first.read_bytes())
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_uids_survive_a_reschedule(store, tmp_path):
    call, _note = _fill()
    export_calendar(tmp_path / "a.ics")
    from followup_desktop.services.follow_up_actions import move_follow_up

    move_follow_up(call, dt.date(2026, 3, 11))
    export_calendar(tmp_path / "b.ics")
    before = {str(e["uid"]) for e in _events(tmp_path / "a.ics")}
    after = {str(e["uid"]): e for e in _events(tmp_path / "b.ics")}
    assert set(after) == before
    assert after[event_uid(call)].decoded("dtstart").date() == dt.date(2026, 3, 11)


def test_feed_is_rewritten_only_when_it_changes(store, tmp_path):
    assert not feed_enabled()
    set_feed_enabled(True)
    assert feed_enabled()
    _fill()
    assert refresh_feed(tmp_path) is True
    assert refresh_feed(tmp_path) is False
    assert len(_events(tmp_path / FEED_FILE_NAME)) == 2


def test_a_failed_write_leaves_the_old_file(store, tmp_path):
    from followup_desktop.services.ics_export import CalendarExportError

    _fill()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    try:
        export_calendar(blocked / "out.ics")
    except CalendarExportError as error:
        assert "Cannot write" in str(error)
    else:
        raise AssertionError("expected a CalendarExportError")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_command_line_export(store, data_location, tmp_path):
    _fill()
    close_store()
    out = tmp_path / "out.ics"
    result = _cli("--data-dir", str(data_location.root), "export", "ics", str(out), "--alarm", "5")
    assert result.returncode == 0, result.stderr
    assert "2 follow-ups written" in result.stdout
    assert len(_events(out)) == 2
    folder = _cli("--data-dir", str(data_location.root), "export", "ics", str(tmp_path))
    assert folder.returncode == 1 and "is a folder" in folder.stderr
    bad = _cli("--data-dir", str(data_location.root), "export", "ics", str(out), "--from", "soon")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_calls_around_a_dst_change_keep_their_local_window(store, tmp_path):
    ana = make_contact(time_zone="America/New_York")
    app = make_application(contact=ana)
    before = add_follow_up(
        application_id=app.id, contact_id=ana.id, due_on=dt.date(2026, 3, 6), channel="call"
    )
    after = add_follow_up(
        application_id=app.id, contact_id=ana.id, due_on=dt.date(2026, 3, 9), channel="call"
    )
    export_calendar(tmp_path / "dst.ics")
    by_uid = {str(e["uid"]): e for e in _events(tmp_path / "dst.ics")}
    utc = dt.UTC
    # 09:30 in New York is 14:30 UTC in winter and 13:30 UTC once summer time started (8 March).
    assert by_uid[event_uid(before)].decoded("dtstart").astimezone(utc).hour == 14
    assert by_uid[event_uid(after)].decoded("dtstart").astimezone(utc).hour == 13
    assert by_uid[event_uid(after)].decoded("dtstart").strftime("%H:%M") == "09:30"
