"""iCalendar export of planned follow-ups: calls timed in their window, the rest all-day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import icalendar

from followup_desktop import APP_NAME, __version__
from followup_desktop.services.atomic_files import atomic_write_bytes
from followup_desktop.services.calendar_feed import FEED_FILE_NAME
from followup_desktop.services.call_window import contact_zone, follow_up_windows
from followup_desktop.services.follow_up_details import FollowUpDetails, planned_details

_UID_DOMAIN = "followup-desk"


class CalendarExportError(Exception):
    """The calendar could not be written; the message says why in one line."""


def event_uid(follow_up_id: int) -> str:
    """The same follow-up always has the same UID, so re-imports update instead of duplicating."""
    return f"follow-up-{follow_up_id}@{_UID_DOMAIN}"


def is_follow_up_uid(uid: str) -> bool:
    """True for a UID ``event_uid`` makes (and for no event the user made elsewhere)."""
    number = uid.removeprefix("follow-up-").removesuffix(f"@{_UID_DOMAIN}")
    return number.isdigit() and event_uid(int(number)) == uid


def _utc(moment: dt.datetime) -> dt.datetime:
    # The store keeps local wall-clock times; DTSTAMP must be UTC.
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.astimezone(dt.UTC)


def _description(item: FollowUpDetails) -> str:
    lines = [f"{item.reason_label} by {item.channel_label.lower()}."]
    if item.position:
        where = f" at {item.employer}" if item.employer else ""
        lines.append(f"Position: {item.position}{where}")
    lines.extend(item.contact_lines())
    if item.channel == "call" and item.time_zone:
        lines.append(f"Their time zone: {item.time_zone}")
    return "\n".join(lines)


def build_event(
    item: FollowUpDetails, *, alarm_minutes: int | None = None, reminder_time: str = "09:00"
) -> icalendar.Event:
    # Imported when a file is written: they are slow to import and start-up never needs them.

    event = icalendar.Event()
    event.add("uid", event_uid(item.id))
    event.add("dtstamp", _utc(item.created_at))
    event.add("summary", item.summary())
    event.add("description", _description(item))
    event.add("categories", [item.reason_label, item.channel_label])
    timed = None
    if item.channel == "call":
        zone = contact_zone(item.time_zone)
        windows = follow_up_windows(item.due_on, zone, item.window_start, item.window_end)
        if windows:
            timed = windows[0]
            if zone is None:
                # Unknown zone: floating local times, read on the user's own clock.
                event.add("dtstart", timed.start.replace(tzinfo=None))
                event.add("dtend", timed.end.replace(tzinfo=None))
            else:
                event.add("dtstart", timed.start)
                event.add("dtend", timed.end)
    if timed is None:
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    if alarm_minutes is not None:
        event.add_component(_alarm(item, timed is not None, alarm_minutes, reminder_time))
    return event


def _alarm(item: FollowUpDetails, timed: bool, minutes: int, reminder_time: str) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", item.summary())
    if timed:
        alarm.add("trigger", dt.timedelta(minutes=-abs(minutes)))
    else:
        # All-day events start at midnight: remind at the user's reminder time that day.
        hours, _, mins = reminder_time.partition(":")
        try:
            offset = dt.timedelta(hours=int(hours), minutes=int(mins or 0))
        except ValueError:
            offset = dt.timedelta(hours=9)
        alarm.add("trigger", offset)
    return alarm


def build_calendar(
    items: Sequence[FollowUpDetails],
    *,
    alarm_minutes: int | None = None,
    reminder_time: str = "09:00",
) -> bytes:
    """The .ics bytes for these follow-ups; the same data always gives the same bytes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{APP_NAME} {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{APP_NAME}: follow-ups")
    for item in items:
        calendar.add_component(
            build_event(item, alarm_minutes=alarm_minutes, reminder_time=reminder_time)
        )
    if items:
        # Time zone definitions only need to cover the dates in the file (keeps it small).
        days = [item.due_on for item in items]
        calendar.add_missing_timezones(
            first_date=min(days) - dt.timedelta(days=366),
            last_date=max(days) + dt.timedelta(days=366),
        )
    data: bytes = calendar.to_ical()
    return data


def export_calendar(
    target: Path,
    *,
    alarm_minutes: int | None = None,
    reminder_time: str = "09:00",
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> int:
    """Write every planned follow-up (optionally between two days) to ``target``; return how
    many. The file is replaced in one step, so a failure leaves the old one intact."""
    items = planned_details(first, last)
    data = build_calendar(items, alarm_minutes=alarm_minutes, reminder_time=reminder_time)
    try:
        atomic_write_bytes(Path(target), data)
    except OSError as error:
        raise CalendarExportError(f"Cannot write {target}: {error.strerror or error}.") from error
    return len(items)


def refresh_feed(folder: Path, *, reminder_time: str = "09:00") -> bool:
    """Rewrite the subscribed calendar file in ``folder`` if its content changed; True if so."""
    target = Path(folder) / FEED_FILE_NAME
    data = build_calendar(planned_details(), alarm_minutes=15, reminder_time=reminder_time)
    try:
        if target.exists() and target.read_bytes() == data:
            return False
        atomic_write_bytes(target, data)
    except OSError as error:
        raise CalendarExportError(f"Cannot write {target}: {error.strerror or error}.") from error
    return True
