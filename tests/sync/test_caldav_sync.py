"""Calendar sync against a real CalDAV server (Radicale), read back with the caldav library."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import caldav
import icalendar
import keyring.backends.fail
import pytest
from radicale_server import PASSWORD, USER, RadicaleServer

from followup_desktop.db.connection import StoreInfo
from followup_desktop.paths import DataLocation
from followup_desktop.services.caldav_account import (
    CalDavAccount,
    CalendarSyncError,
    set_caldav_account,
)
from followup_desktop.services.caldav_sync import SYNC_CALENDAR_NAME, sync_follow_ups
from followup_desktop.services.call_window import contact_zone, follow_up_windows
from followup_desktop.services.credentials import NO_KEYRING_MESSAGE, save_password
from followup_desktop.services.follow_up_actions import complete_follow_up, move_follow_up
from followup_desktop.services.follow_up_details import FollowUpDetails, planned_details
from followup_desktop.services.ics_export import event_uid

#: Each test starts a real CalDAV server.
pytestmark = pytest.mark.slow


def _client(server: RadicaleServer, password: str = PASSWORD) -> caldav.DAVClient:
    return caldav.DAVClient(url=server.url, username=USER, password=password, timeout=10)


def _server_events(server: RadicaleServer, name: str = SYNC_CALENDAR_NAME) -> list[icalendar.Event]:
    """Every VEVENT in the named calendar, as a second client sees them."""
    with _client(server) as client:
        calendars = [c for c in client.principal().calendars() if c.get_display_name() == name]
        assert len(calendars) == 1, [c.get_display_name() for c in client.principal().calendars()]
        found = []
        for item in calendars[0].events():
            found.extend(icalendar.Calendar.from_ical(item.data).walk("VEVENT"))
        return found


def _set_up(server: RadicaleServer, password: str = PASSWORD) -> None:
    set_caldav_account(CalDavAccount(server.url, USER))
    save_password(server.url, USER, password)


def _store_dump(location: DataLocation) -> list[tuple[object, ...]]:
    with sqlite3.connect(location.database) as connection:
        return connection.execute("SELECT * FROM follow_up ORDER BY id").fetchall()


def _check_event(event: icalendar.Event, item: FollowUpDetails) -> None:
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
    start = event.decoded("dtstart")
    if item.channel == "call":
        window = follow_up_windows(
            item.due_on, contact_zone(item.time_zone), item.window_start, item.window_end
        )[0]
        assert isinstance(start, dt.datetime)
        assert start.replace(tzinfo=None) == window.start.replace(tzinfo=None)
        assert event.decoded("dtend") - start == window.end - window.start
    else:
        assert start == item.due_on and not isinstance(start, dt.datetime)


def test_every_planned_follow_up_reaches_the_server_once(
    demo_store: StoreInfo, data_location: DataLocation, radicale: RadicaleServer
) -> None:
    # The user's own calendar, which the sync must leave exactly as it was.
    with _client(radicale) as client:
        personal = client.principal().make_calendar(name="Personal", cal_id="personal")
        personal.add_event(
            dtstart=dt.datetime(2026, 12, 24, 18), dtend=dt.datetime(2026, 12, 24, 20),
            summary="Dinner", uid="dinner-1",
        )  # fmt: skip
    _set_up(radicale)
    planned = planned_details()
    assert any(item.channel == "call" for item in planned)
    assert any(item.channel != "call" for item in planned)

    report = sync_follow_ups(data_location)

    assert (report.written, report.removed) == (len(planned), 0)
    events = _server_events(radicale)
    uids = [str(event["uid"]) for event in events]
    assert sorted(uids) == sorted(event_uid(item.id) for item in planned)
    by_uid = {str(event["uid"]): event for event in events}
    for item in planned:
        _check_event(by_uid[event_uid(item.id)], item)
    personal_events = _server_events(radicale, "Personal")
    assert [str(event["summary"]) for event in personal_events] == ["Dinner"]


def test_done_moved_and_unchanged_follow_ups(
    demo_store: StoreInfo, data_location: DataLocation, radicale: RadicaleServer
) -> None:
    _set_up(radicale)
    sync_follow_ups(data_location)
    storage = radicale.folder / "collections"
    before = {path: path.stat().st_mtime_ns for path in storage.rglob("*.ics")}

    again = sync_follow_ups(data_location)

    assert (again.written, again.removed) == (0, 0)
    assert again.unchanged == len(planned_details())
    assert {path: path.stat().st_mtime_ns for path in storage.rglob("*.ics")} == before
    assert again.summary().startswith("Calendar is up to date")

    done, moved = planned_details()[:2]
    complete_follow_up(done.id, outcome="Spoke to them", log=False)
    new_day = moved.due_on + dt.timedelta(days=3)
    move_follow_up(moved.id, new_day)
    after = sync_follow_ups(data_location)

    assert (after.written, after.removed) == (1, 1)
    by_uid = {str(event["uid"]): event for event in _server_events(radicale)}
    assert event_uid(done.id) not in by_uid
    moved_start = by_uid[event_uid(moved.id)].decoded("dtstart")
    assert (moved_start.date() if isinstance(moved_start, dt.datetime) else moved_start) == new_day
    assert sorted(by_uid) == sorted(event_uid(item.id) for item in planned_details())


def test_server_stopped_mid_sync_loses_nothing(
    demo_store: StoreInfo,
    data_location: DataLocation,
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _set_up(radicale)
    stored = _store_dump(data_location)
    real_put = caldav.DAVClient.put
    puts: list[str] = []

    def put_then_stop(
        self: caldav.DAVClient, url: str, body: str, headers: object = None
    ) -> object:
        puts.append(url)
        if len(puts) == 3:
            radicale.stop()  # the server goes away between two writes
        return real_put(self, url, body, headers)  # type: ignore[arg-type]

    monkeypatch.setattr(caldav.DAVClient, "put", put_then_stop)
    with pytest.raises(CalendarSyncError) as failure:
        sync_follow_ups(data_location, timeout=5)
    assert str(failure.value) == (
        "Cannot reach the calendar server 127.0.0.1. Nothing was lost; it will try again later."
    )
    assert _store_dump(data_location) == stored
    monkeypatch.setattr(caldav.DAVClient, "put", real_put)

    radicale.start()
    report = sync_follow_ups(data_location)

    planned = planned_details()
    assert report.written == len(planned) - 2  # the two written before the stop are kept
    assert sorted(str(e["uid"]) for e in _server_events(radicale)) == sorted(
        event_uid(item.id) for item in planned
    )
    assert _store_dump(data_location) == stored


def test_wrong_password_and_a_server_that_is_down(
    demo_store: StoreInfo, data_location: DataLocation, radicale: RadicaleServer
) -> None:
    stored = _store_dump(data_location)
    _set_up(radicale, password="not-the-password")
    with pytest.raises(CalendarSyncError) as refused:
        sync_follow_ups(data_location)
    assert str(refused.value) == (
        f"127.0.0.1 refused the user name or password for {USER}; check them in Preferences."
    )
    radicale.stop()
    with pytest.raises(CalendarSyncError) as down:
        sync_follow_ups(data_location, timeout=5)
    assert "Cannot reach the calendar server 127.0.0.1" in str(down.value)
    assert _store_dump(data_location) == stored


def test_a_certificate_that_does_not_verify_is_refused(
    demo_store: StoreInfo, data_location: DataLocation, tmp_path: Path
) -> None:
    server = RadicaleServer(tmp_path / "tls", tls=True).start()
    try:
        _set_up(server)
        with pytest.raises(CalendarSyncError) as refused:
            sync_follow_ups(data_location)
    finally:
        server.stop()
    assert str(refused.value) == (
        "The certificate of 127.0.0.1 could not be verified, so nothing was sent to it. "
        "Check the server address."
    )


def test_no_keyring_no_password_kept(store: StoreInfo, data_location: DataLocation) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    set_caldav_account(CalDavAccount("https://calendar.invalid/dav/", USER))
    with pytest.raises(Exception, match="No system keyring"):
        save_password("https://calendar.invalid/dav/", USER, "secret")
    with pytest.raises(CalendarSyncError) as failure:
        sync_follow_ups(data_location)
    assert str(failure.value) == NO_KEYRING_MESSAGE


def test_the_apps_events_are_put_back_and_the_users_own_are_left(
    demo_store: StoreInfo, data_location: DataLocation, radicale: RadicaleServer
) -> None:
    _set_up(radicale)
    sync_follow_ups(data_location)
    first = planned_details()[0]
    with _client(radicale) as client:
        (calendar,) = [
            c for c in client.principal().calendars() if c.get_display_name() == SYNC_CALENDAR_NAME
        ]
        calendar.add_event(
            dtstart=dt.datetime(2026, 12, 24, 18), dtend=dt.datetime(2026, 12, 24, 20),
            summary="Coffee with Ana", uid="coffee-1",
        )  # fmt: skip
        edited = calendar.event_by_uid(event_uid(first.id))
        edited.icalendar_component["summary"] = "Changed on the phone"
        edited.save()

    report = sync_follow_ups(data_location)

    assert (report.written, report.removed) == (1, 0)
    by_uid = {str(event["uid"]): event for event in _server_events(radicale)}
    assert str(by_uid[event_uid(first.id)]["summary"]) == first.summary()
    assert str(by_uid["coffee-1"]["summary"]) == "Coffee with Ana"
