"""Planned follow-ups written to the user's own CalDAV server, in a calendar of the app's own.

Each planned follow-up is one event, built by the same code as the .ics export (same UID,
alarm, time window). Of the user's calendars only the list is read, to find the app's own;
only that one is written, and only its events with the app's UIDs. A follow-up that is no longer
planned is removed from it, and an event whose bytes and server ETag match what the last sync
wrote is left alone, so a sync with no change writes nothing. The store is only read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from caldav.davclient import DAVClient
from caldav.elements import dav

from followup_desktop import APP_NAME
from followup_desktop.paths import DataLocation
from followup_desktop.services.caldav_account import (
    CalDavAccount,
    CalendarSyncError,
    caldav_account,
)
from followup_desktop.services.caldav_failures import failure_message
from followup_desktop.services.credentials import KeyringUnavailableError, read_password
from followup_desktop.services.follow_up_details import planned_details
from followup_desktop.services.ics_export import build_calendar, event_uid, is_follow_up_uid
from followup_desktop.services.profile import get_profile
from followup_desktop.services.sync_state import (
    SyncState,
    WrittenEvent,
    load_sync_state,
    save_sync_state,
    sync_state_path,
)
from followup_desktop.services.wording import counted

#: The calendar the app keeps on the server (its display name, and its path when created).
SYNC_CALENDAR_NAME = APP_NAME
SYNC_CALENDAR_ID = "follow-up-desk"
#: Minutes before a call that the synced events remind the user (as the exported file does).
SYNC_ALARM_MINUTES = 15
#: Seconds one request may take before the server counts as unreachable this time.
NETWORK_TIMEOUT_S = 20
_ICS_TYPE = {"Content-Type": "text/calendar; charset=utf-8"}
_ETAG_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


@dataclass(frozen=True)
class SyncReport:
    """What one sync did on the server."""

    written: int
    removed: int
    unchanged: int

    def summary(self) -> str:
        if not self.written and not self.removed:
            return f"Calendar is up to date ({counted(self.unchanged, 'follow-up')})."
        parts = []
        if self.written:
            parts.append(f"{counted(self.written, 'follow-up')} written")
        if self.removed:
            parts.append(f"{counted(self.removed, 'event')} removed")
        return "Calendar synced: " + ", ".join(parts) + "."


def follow_up_documents(reminder_time: str) -> dict[str, bytes]:
    """One iCalendar document per planned follow-up, by UID (what the server should hold)."""
    return {
        event_uid(item.id): build_calendar(
            [item], alarm_minutes=SYNC_ALARM_MINUTES, reminder_time=reminder_time
        )
        for item in planned_details()
    }


@dataclass(frozen=True)
class PreparedSync:
    """Everything a sync needs from the store and the keyring, read before any network use."""

    account: CalDavAccount
    password: str
    documents: dict[str, bytes]
    state_path: Path


def prepare_sync(location: DataLocation, *, password: str | None = None) -> PreparedSync:
    """Read the account, the planned follow-ups and the kept password (on the calling thread's
    store connection); raises ``CalendarSyncError`` when sync is off or has no password."""
    account = caldav_account()
    if account is None:
        raise CalendarSyncError("Calendar sync is not set up.")
    documents = follow_up_documents(get_profile().reminder_time)
    if password is None:
        password = _kept_password(account)
    return PreparedSync(account, password, documents, sync_state_path(location))


def push_prepared(prepared: PreparedSync, *, timeout: float = NETWORK_TIMEOUT_S) -> SyncReport:
    """Talk to the server (no store in use); what was written before a failure is remembered,
    and the next sync finishes the rest."""
    account = prepared.account
    state = load_sync_state(prepared.state_path, account.url, account.user)
    outcome = ""
    try:
        with DAVClient(
            url=account.url, username=account.user, password=prepared.password, timeout=int(timeout)
        ) as client:
            report = push_documents(client, state, prepared.documents)
        outcome = report.summary()
        return report
    except CalendarSyncError as error:
        outcome = str(error)
        raise
    except Exception as error:
        failure = CalendarSyncError(failure_message(account, error))
        outcome = str(failure)
        raise failure from error
    finally:
        state.outcome = outcome
        state.outcome_at = dt.datetime.now().isoformat(timespec="minutes")
        # Only bookkeeping: if it cannot be kept, the next sync compares with the server.
        with contextlib.suppress(OSError):
            save_sync_state(prepared.state_path, state)


def sync_follow_ups(
    location: DataLocation, *, password: str | None = None, timeout: float = NETWORK_TIMEOUT_S
) -> SyncReport:
    """Bring the server's calendar in line with the planned follow-ups; one-line errors."""
    return push_prepared(prepare_sync(location, password=password), timeout=timeout)


def _kept_password(account: CalDavAccount) -> str:
    try:
        password = read_password(account.url, account.user)
    except KeyringUnavailableError as error:
        raise CalendarSyncError(str(error)) from error
    if password is None:
        raise CalendarSyncError(
            f"No password for {account.user} at {account.host} in the system keyring; "
            "set up calendar sync again."
        )
    return password


def push_documents(client: Any, state: SyncState, documents: dict[str, bytes]) -> SyncReport:
    """Write what changed, remove what is no longer planned; ``state`` follows each step."""
    calendar = own_calendar(client, state)
    base = str(calendar.url)
    on_server = server_etags(client, base)
    written = unchanged = 0
    for uid, data in documents.items():
        digest = hashlib.sha256(data).hexdigest()
        known = state.written.get(uid)
        if known and known.etag and known.digest == digest and on_server.get(uid) == known.etag:
            unchanged += 1
            continue
        response = client.put(_event_url(base, uid), data.decode("utf-8"), _ICS_TYPE)
        _check(response, "write an event")
        etag = (response.headers or {}).get("ETag", "") or ""
        state.written[uid] = WrittenEvent(etag, digest)
        written += 1
    removed = 0
    for uid in sorted(on_server.keys() - documents.keys()):
        response = client.delete(_event_url(base, uid))
        if response.status != 404:  # gone already is what was wanted
            _check(response, "remove an event")
        state.written.pop(uid, None)
        removed += 1
    for uid in state.written.keys() - documents.keys():
        del state.written[uid]
    if any(not entry.etag for entry in state.written.values()):
        # Some servers change what they store and say no ETag: read what they now hold.
        for uid, etag in server_etags(client, base).items():
            if uid in state.written and not state.written[uid].etag:
                state.written[uid] = WrittenEvent(etag, state.written[uid].digest)
    return SyncReport(written, removed, unchanged)


def own_calendar(client: Any, state: SyncState) -> Any:
    """The app's calendar on the server: the one used last time, or by its name, or new."""
    principal = client.principal()
    calendars = principal.calendars()
    chosen = next((c for c in calendars if str(c.url) == state.calendar_url), None)
    if chosen is None:
        chosen = next((c for c in calendars if c.get_display_name() == SYNC_CALENDAR_NAME), None)
    if chosen is None:
        chosen = principal.make_calendar(name=SYNC_CALENDAR_NAME, cal_id=SYNC_CALENDAR_ID)
    if str(chosen.url) != state.calendar_url:
        state.calendar_url = str(chosen.url)
        state.written.clear()  # what was written elsewhere says nothing about this calendar
    return chosen


def server_etags(client: Any, calendar_url: str) -> dict[str, str]:
    """ETag of every event of the app's in the calendar, by UID (one PROPFIND)."""
    response = client.propfind(calendar_url, _ETAG_QUERY, depth=1)
    _check(response, "list the calendar")
    found: dict[str, str] = {}
    for result in response.results:
        name = unquote(urlsplit(str(result.href)).path.rstrip("/").rsplit("/", 1)[-1])
        uid = name.removesuffix(".ics")
        if name.endswith(".ics") and is_follow_up_uid(uid):
            found[uid] = str(result.properties.get(dav.GetEtag.tag) or "")
    return found


def _event_url(calendar_url: str, uid: str) -> str:
    return calendar_url.rstrip("/") + "/" + quote(uid, safe="") + ".ics"


def _check(response: Any, doing: str) -> None:
    status = int(response.status)
    if not 200 <= status < 300 and status != 207:
        reason = getattr(response, "reason", "") or ""
        raise CalendarSyncError(
            f"The calendar server would not {doing} (HTTP {status} {reason}).".replace(" )", ")")
        )
