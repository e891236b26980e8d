"""When to call: the contact's working hours on their own clock (zoneinfo), and warnings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Sensible calling hours on the contact's clock: mid-morning and mid-afternoon (ADVICE §3).
WORKING_WINDOWS: tuple[tuple[str, str], ...] = (("09:30", "11:30"), ("14:00", "16:30"))
#: The contact's working week (ISO weekdays); the user's days off do not apply to them.
CONTACT_WEEKDAYS = frozenset({1, 2, 3, 4, 5})


#: Longer than any zone name (the longest has about 30 characters); a stored value longer than
#: this is not looked up at all.
_LONGEST_ZONE_NAME = 100


def contact_zone(name: str) -> ZoneInfo | None:
    """The contact's time zone, or None when unknown or not a real zone name."""
    name = name.strip()
    if not name or len(name) > _LONGEST_ZONE_NAME:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name no file can have
        return None


def _clock(text: str) -> dt.time:
    return dt.datetime.strptime(text, "%H:%M").time()


def to_user_clock(moment: dt.datetime, user_zone: dt.tzinfo | None = None) -> dt.datetime:
    """An aware time on the user's clock (the system's rules, DST included, when no zone)."""
    return moment.astimezone(user_zone) if user_zone is not None else moment.astimezone()


@dataclass(frozen=True)
class CallWindow:
    """A span of good calling time, as aware datetimes on the contact's clock."""

    start: dt.datetime
    end: dt.datetime

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end

    def describe(self, user_zone: dt.tzinfo | None = None, *, theirs: bool = True) -> str:
        """Both clocks ("09:30 to 11:30 their time (yours: 15:30 to 17:30)"), or one if equal."""
        mine_start = to_user_clock(self.start, user_zone)
        mine_end = to_user_clock(self.end, user_zone)
        their_text = f"{self.start:%H:%M}–{self.end:%H:%M}"
        same_clock = (mine_start.hour, mine_start.minute, mine_start.date()) == (
            self.start.hour,
            self.start.minute,
            self.start.date(),
        )
        if not theirs or same_clock:
            return f"{mine_start:%H:%M}–{mine_end:%H:%M}"
        day = f"{mine_start:%a} " if mine_start.date() != self.start.date() else ""
        end = f"{mine_end:%H:%M}"
        if mine_end.date() != mine_start.date():
            end += " the next day"
        return f"{their_text} their time (yours: {day}{mine_start:%H:%M}–{end})"


def windows_on(
    day: dt.date,
    zone: dt.tzinfo | None,
    windows: tuple[tuple[str, str], ...] = WORKING_WINDOWS,
) -> list[CallWindow]:
    """The calling windows on ``day`` of the contact's calendar (none on their weekend).

    With no known zone, the user's own clock stands in for the contact's.
    """
    if day.isoweekday() not in CONTACT_WEEKDAYS:
        return []
    tz = zone if zone is not None else dt.datetime.now().astimezone().tzinfo
    found = []
    for start_text, end_text in windows:
        start = dt.datetime.combine(day, _clock(start_text))
        end = dt.datetime.combine(day, _clock(end_text))
        # zoneinfo resolves each wall time with the offset in force that day (DST included).
        found.append(CallWindow(_aware(start, tz), _aware(end, tz)))
    return found


def _aware(wall: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    if isinstance(tz, ZoneInfo):
        return wall.replace(tzinfo=tz)
    # No zone database entry: take the system's local rules for that very day.
    return wall.astimezone()


def follow_up_windows(
    day: dt.date, zone: dt.tzinfo | None, window_start: str = "", window_end: str = ""
) -> list[CallWindow]:
    """The windows for a planned call: its own window first when it has one, then the rest."""
    windows = list(WORKING_WINDOWS)
    if window_start and window_end:
        own = (window_start, window_end)
        windows = [own, *[w for w in windows if w != own]]
    return windows_on(day, zone, tuple(windows))


def next_windows(
    now: dt.datetime, zone: dt.tzinfo | None, count: int = 2, search_days: int = 14
) -> list[CallWindow]:
    """The next ``count`` calling windows from ``now`` (aware), the current one included."""
    tz = zone if zone is not None else now.astimezone().tzinfo
    their_now = now.astimezone(tz)
    found: list[CallWindow] = []
    for offset in range(search_days):
        for window in windows_on(their_now.date() + dt.timedelta(days=offset), zone):
            if window.end > now:
                found.append(window)
                if len(found) >= count:
                    return found
    return found


@dataclass(frozen=True)
class CallTimeCheck:
    good_time: bool
    their_now: dt.datetime
    message: str


def check_call_time(
    now: dt.datetime,
    zone: dt.tzinfo | None,
    name: str = "them",
    user_zone: dt.tzinfo | None = None,
) -> CallTimeCheck:
    """Is ``now`` (aware) a sensible time to call? A one-line answer with the next window."""
    tz = zone if zone is not None else to_user_clock(now, user_zone).tzinfo
    their_now = now.astimezone(tz)
    clock = f"It is {their_now:%H:%M} on {their_now:%A} for {name}"
    today = windows_on(their_now.date(), zone)
    if any(window.contains(now) for window in today):
        return CallTimeCheck(True, their_now, f"{clock}: a good time to call.")
    if not today:
        why = "their weekend"
    elif their_now < today[0].start:
        why = "too early"
    elif their_now >= today[-1].end:
        why = "too late"
    else:
        why = "their lunch break"
    upcoming = next_windows(now, zone, count=1)
    hint = ""
    if upcoming:
        window = upcoming[0]
        when = "" if window.start.date() == their_now.date() else f"{window.start:%A} "
        hint = f" Better: {when}{window.describe(user_zone, theirs=zone is not None)}."
    return CallTimeCheck(False, their_now, f"{clock}: {why}.{hint}")
