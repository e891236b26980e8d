"""What the last calendar sync wrote to the server (UID → ETag and content hash), kept in a
small JSON file in the data folder so an unchanged follow-up is never written twice."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from followup_desktop.paths import DataLocation
from followup_desktop.services.atomic_files import atomic_write_text

SYNC_STATE_FILE_NAME = "calendar-sync.json"


def sync_state_path(location: DataLocation) -> Path:
    return location.root / SYNC_STATE_FILE_NAME


@dataclass(frozen=True)
class WrittenEvent:
    #: The server's ETag after the write ("" when it did not say).
    etag: str
    #: The SHA-256 of the bytes written.
    digest: str


@dataclass
class SyncState:
    """One server's bookkeeping; a different server or user starts afresh."""

    url: str
    user: str
    calendar_url: str = ""
    written: dict[str, WrittenEvent] = field(default_factory=dict)
    #: How the last sync ended, in its one line, and when (local time, to the minute).
    outcome: str = ""
    outcome_at: str = ""


def load_sync_state(path: Path, url: str, user: str) -> SyncState:
    """The state kept for ``url`` and ``user``; empty when none was (or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SyncState(url, user)
    if not isinstance(data, dict) or data.get("url") != url or data.get("user") != user:
        return SyncState(url, user)
    written: dict[str, WrittenEvent] = {}
    events = data.get("written")
    for uid, entry in (events if isinstance(events, dict) else {}).items():
        if isinstance(entry, dict):
            written[str(uid)] = WrittenEvent(
                str(entry.get("etag", "")), str(entry.get("digest", ""))
            )
    return SyncState(
        url,
        user,
        str(data.get("calendar_url", "")),
        written,
        str(data.get("outcome", "")),
        str(data.get("outcome_at", "")),
    )


def last_outcome(location: DataLocation, url: str, user: str) -> str:
    """ "Last sync, 2026-03-09 14:02: Calendar synced: …", or "" before the first sync."""
    state = load_sync_state(sync_state_path(location), url, user)
    if not state.outcome:
        return ""
    return f"Last sync, {state.outcome_at.replace('T', ' ')}: {state.outcome}"


def save_sync_state(path: Path, state: SyncState) -> None:
    """Replace the file in one step (a failure keeps the previous one)."""
    data = {
        "url": state.url,
        "user": state.user,
        "calendar_url": state.calendar_url,
        "outcome": state.outcome,
        "outcome_at": state.outcome_at,
        "written": {
            uid: {"etag": entry.etag, "digest": entry.digest}
            for uid, entry in sorted(state.written.items())
        },
    }
    atomic_write_text(path, json.dumps(data, indent=1) + "\n", permissions=0o600)
