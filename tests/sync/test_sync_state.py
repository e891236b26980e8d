"""The sync's bookkeeping file and the UIDs it may remove: unreadable state starts afresh,
and only the app's own event ids count as its own."""

from __future__ import annotations

from pathlib import Path

from followup_desktop.services.ics_export import event_uid, is_follow_up_uid
from followup_desktop.services.sync_state import (
    SyncState,
    WrittenEvent,
    load_sync_state,
    save_sync_state,
)


def test_state_round_trip_and_a_different_account_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "calendar-sync.json"
    state = SyncState("https://a.example/dav/", "ann", "https://a.example/dav/ann/fd/")
    state.written[event_uid(3)] = WrittenEvent('"e1"', "d1")
    save_sync_state(path, state)

    assert load_sync_state(path, "https://a.example/dav/", "ann") == state
    assert path.stat().st_mode & 0o077 == 0
    assert load_sync_state(path, "https://a.example/dav/", "bob").written == {}
    assert load_sync_state(path, "https://b.example/dav/", "ann").written == {}
    path.write_text("{not json", encoding="utf-8")
    assert load_sync_state(path, "https://a.example/dav/", "ann").written == {}


def test_only_the_apps_own_uids_are_its_own() -> None:
    assert is_follow_up_uid(event_uid(12))
    for other in ("dinner-1", "follow-up-x@followup-desk", "follow-up-12@example.org", ""):
        assert not is_follow_up_uid(other)
