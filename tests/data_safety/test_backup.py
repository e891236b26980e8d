"""Backups: made with SQLite's backup API, checked, private, rotated, restored, and safe to fail."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from data_safety.fault_tools import FIXTURE_V1, file_state, rows
from followup_desktop.db import backup as backup_module
from followup_desktop.db.backup import (
    BackupError,
    BackupFile,
    backup_if_changed,
    create_backup,
    file_digest,
    list_backups,
    parse_backup_name,
    remove_backup,
    verify_backup,
)
from followup_desktop.db.backup_rotation import (
    DEFAULT_POLICY,
    RotationPolicy,
    backups_to_keep,
    rotate_backups,
)
from followup_desktop.db.connection import StoreInfo, close_store
from followup_desktop.db.errors import StoreError
from followup_desktop.db.models import Application, Company, database
from followup_desktop.db.restore import restore_backup
from followup_desktop.db.store_format import SCHEMA_VERSION
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import (
    manual_backup,
    remove_user_backup,
    restore_and_reopen,
)
from followup_desktop.services.store import open_user_store


def _add_application(position: str) -> int:
    company = Company.create(name="Backup Test Ltd")
    return int(Application.create(company=company, position=position, stage=1).id)


def test_backup_holds_uncheckpointed_data_and_is_private(
    demo_store: StoreInfo, data_location: DataLocation
) -> None:
    app_id = _add_application("Written just before the backup")
    assert Path(f"{data_location.database}-wal").stat().st_size > 0  # still in the WAL
    before = file_state(data_location.database)

    made = create_backup(data_location.database, data_location.backups, "manual")

    after = file_state(data_location.database)
    # The live files were only read (the -shm is SQLite's shared lock table, not data).
    assert (after["db"], after["-wal"]) == (before["db"], before["-wal"])
    assert verify_backup(made.path) is None
    assert (made.path.stat().st_mode & 0o777) == 0o600
    assert (data_location.backups.stat().st_mode & 0o777) == 0o700
    assert rows(made.path, f"SELECT position FROM application WHERE id = {app_id}") == [
        ("Written just before the backup",)
    ]
    assert file_digest(made.path) == file_digest(data_location.database)
    # A backup is one self-contained file: no WAL mode, no companion files.
    assert rows(made.path, "PRAGMA journal_mode") == [("delete",)]
    assert sorted(p.name for p in data_location.backups.iterdir()) == [made.path.name]


def test_backup_only_when_data_changed(store: StoreInfo, data_location: DataLocation) -> None:
    first = backup_if_changed(data_location.database, data_location.backups, "start")
    assert first is not None
    assert backup_if_changed(data_location.database, data_location.backups, "quit") is None
    # Closing (a checkpoint rewrites the main file) and reopening is not a change either.
    close_store()
    open_user_store(data_location)
    assert backup_if_changed(data_location.database, data_location.backups, "start") is None
    _add_application("A change")
    second = backup_if_changed(data_location.database, data_location.backups, "quit")
    assert second is not None and second.reason == "quit"
    assert [b.path for b in list_backups(data_location.backups)] == [second.path, first.path]


def test_same_second_backups_get_distinct_names(
    store: StoreInfo, data_location: DataLocation
) -> None:
    moment = dt.datetime(2025, 3, 4, 10, 11, 12)
    one = create_backup(data_location.database, data_location.backups, "manual", now=moment)
    two = create_backup(data_location.database, data_location.backups, "manual", now=moment)
    assert one.path != two.path
    assert (two.sequence, one.sequence) == (2, 1)
    assert [b.path for b in list_backups(data_location.backups)] == [two.path, one.path]


def test_failed_check_keeps_no_half_backup(
    store: StoreInfo, data_location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "verify_backup", lambda _path: "it is broken")
    with pytest.raises(BackupError, match="not kept: it is broken"):
        create_backup(data_location.database, data_location.backups, "manual")
    assert list(data_location.backups.iterdir()) == []


def test_write_failure_keeps_no_half_backup(
    store: StoreInfo, data_location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_source: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "copy_database", no_space)
    with pytest.raises(BackupError, match="No space left on device"):
        create_backup(data_location.database, data_location.backups, "manual")
    assert list(data_location.backups.iterdir()) == []


def test_leftover_partial_files_are_cleaned(store: StoreInfo, data_location: DataLocation) -> None:
    data_location.backups.mkdir()
    old = data_location.backups / ".followup-2025-01-01_00-00-00-manual.sqlite.999.partial"
    old.write_bytes(b"half a backup")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    # One being written right now by a live process (this one) must stay.
    fresh = data_location.backups / (
        f".followup-2025-01-01_00-00-01-manual.sqlite.{os.getpid()}.partial"
    )
    fresh.write_bytes(b"still being written")
    foreign = data_location.backups / "my notes.txt"
    foreign.write_text("not ours")

    made = create_backup(data_location.database, data_location.backups, "manual")

    assert not old.exists()
    assert fresh.exists() and foreign.exists()
    assert [b.path for b in list_backups(data_location.backups)] == [made.path]


def test_no_database_no_backup(data_location: DataLocation) -> None:
    with pytest.raises(BackupError, match="no database"):
        create_backup(data_location.database, data_location.backups)


def _fake_backups(moments: list[dt.datetime]) -> list[BackupFile]:
    return sorted(
        (BackupFile(Path(f"/b/{m:%Y%m%d%H%M}"), m, "quit", 1, 1) for m in moments),
        key=lambda b: b.taken_at,
        reverse=True,
    )


def test_rotation_keeps_latest_daily_weekly_monthly() -> None:
    start = dt.datetime(2024, 1, 1, 9, 0)
    # Two backups a day for a whole year.
    moments = [start + dt.timedelta(hours=12 * i) for i in range(2 * 366)]
    backups = _fake_backups(moments)
    kept = backups_to_keep(backups, RotationPolicy(latest=3, daily=7, weekly=4, monthly=6))
    kept_times = sorted((b.taken_at for b in backups if b.path in kept), reverse=True)
    newest = backups[0].taken_at
    assert kept_times[:3] == [b.taken_at for b in backups[:3]]
    assert len({t.date() for t in kept_times if newest - t < dt.timedelta(days=7)}) == 7
    assert len({(t.year, t.month) for t in kept_times}) == 6
    assert len(kept) <= 3 + 7 + 4 + 6
    assert min(kept_times) > newest - dt.timedelta(days=190)


def test_rotation_deletes_only_our_old_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = dt.datetime(2025, 1, 1, 8, 0)
    for day in range(40):
        moment = start + dt.timedelta(days=day)
        (folder / f"followup-{moment:%Y-%m-%d_%H-%M-%S}-quit.sqlite").write_bytes(b"x")
    (folder / "holiday photos.zip").write_bytes(b"keep me")
    removed = rotate_backups(folder, RotationPolicy(latest=2, daily=3, weekly=2, monthly=2))
    left = list_backups(folder)
    assert len(left) + len(removed) == 40
    assert {b.taken_at.date() for b in left} >= {
        dt.date(2025, 2, 9),
        dt.date(2025, 2, 8),
        dt.date(2025, 2, 7),
        dt.date(2025, 1, 31),
    }
    assert len(left) <= 2 + 3 + 2 + 2
    assert (folder / "holiday photos.zip").exists()


def test_backup_names_round_trip() -> None:
    parsed = parse_backup_name(Path("followup-2025-03-04_10-11-12-before-migration-3.sqlite"))
    assert parsed == (dt.datetime(2025, 3, 4, 10, 11, 12), "before-migration", 3)
    assert parse_backup_name(Path("followup-2025-13-04_10-11-12-manual.sqlite")) is None
    assert parse_backup_name(Path("followup.sqlite")) is None


def test_restore_brings_data_back_and_keeps_current_first(
    demo_store: StoreInfo, data_location: DataLocation
) -> None:
    good = create_backup(data_location.database, data_location.backups, "manual")
    count = Application.select().count()
    doomed = _add_application("Added after the backup")
    Application.delete().where(Application.id != doomed).execute()
    close_store()

    safety = restore_backup(good.path, data_location.database, data_location.backups)

    open_user_store(data_location)
    assert Application.select().count() == count
    assert not Application.select().where(Application.id == doomed).exists()
    assert safety is not None and safety.reason == "before-restore"
    assert rows(safety.path, "SELECT count(*) FROM application") == [(1,)]
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("kind", ["garbage", "newer", "foreign"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    store: StoreInfo, data_location: DataLocation, tmp_path: Path, kind: str
) -> None:
    _add_application("Precious")
    close_store()
    bad = tmp_path / "bad.sqlite"
    if kind == "garbage":
        bad.write_bytes(os.urandom(8192))
    else:
        connection = sqlite3.connect(bad)
        connection.execute("CREATE TABLE t (x)")
        if kind == "newer":
            create_backup(data_location.database, tmp_path / "b", "manual")
            connection.close()
            shutil.copy(list_backups(tmp_path / "b")[0].path, bad)
            connection = sqlite3.connect(bad)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        connection.commit()
        connection.close()
    before = file_state(data_location.database)
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_backup(bad, data_location.database, data_location.backups)
    assert file_state(data_location.database) == before
    assert list_backups(data_location.backups) == []


def test_migration_is_preceded_by_a_backup(data_location: DataLocation) -> None:
    shutil.copy(FIXTURE_V1, data_location.database)
    open_user_store(data_location)
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        close_store()
    (made,) = list_backups(data_location.backups)
    assert made.reason == "before-migration"
    assert verify_backup(made.path) is None
    assert rows(made.path, "PRAGMA user_version") == [(1,)]
    assert rows(made.path, "SELECT count(*) FROM application") == [(3,)]


def test_no_migration_without_its_backup(
    data_location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURE_V1, data_location.database)

    def failing(*_args: object, **_kwargs: object) -> None:
        raise BackupError("The backup could not be written: No space left on device.")

    monkeypatch.setattr(backup_module, "copy_database", failing)
    with pytest.raises(StoreError, match="No space left"):
        open_user_store(data_location)
    assert rows(data_location.database, "PRAGMA user_version") == [(1,)]


def test_manual_backup_rotates(store: StoreInfo, data_location: DataLocation) -> None:
    made = [manual_backup(data_location) for _ in range(5)]
    left = list_backups(data_location.backups)
    # All five are from today: the latest three plus (already counted) today's newest.
    assert [b.path for b in left] == [m.path for m in reversed(made)][:3]


def _restore_through_the_app(data_location: DataLocation) -> BackupFile:
    """Back up, change the data, restore the backup as File → Backups… does; the safety copy."""
    good = manual_backup(data_location)
    _add_application("Only in the data the restore replaces")
    safety = restore_and_reopen(data_location, good.path)
    assert safety is not None and safety.reason == "before-restore"
    return safety


def test_before_restore_backup_outlives_same_day_rotation(
    demo_store: StoreInfo, data_location: DataLocation
) -> None:
    safety = _restore_through_the_app(data_location)
    made = [manual_backup(data_location) for _ in range(DEFAULT_POLICY.latest + 3)]

    left = list_backups(data_location.backups)
    assert safety.path.exists() and safety.path in [b.path for b in left]
    (listed,) = [b for b in left if b.path == safety.path]
    assert listed.reason_label == "before a restore" and listed.kept_until_removed
    # The routine backups rotate around it as if it were not there.
    routine = [b.path for b in left if not b.kept_until_removed]
    assert routine == [m.path for m in reversed(made)][: DEFAULT_POLICY.latest]
    assert rows(
        safety.path,
        "SELECT count(*) FROM application WHERE position = 'Only in the data the restore replaces'",
    ) == [(1,)]


def test_before_restore_backup_outlives_every_rotation_period(
    demo_store: StoreInfo, data_location: DataLocation
) -> None:
    safety = _restore_through_the_app(data_location)
    policy = DEFAULT_POLICY
    # Backups on later days (start and quit of each working day) for longer than the longest
    # period the rotation keeps anything: a year.
    for day in range(1, 366, 3):
        for hour in (8, 18):
            moment = safety.taken_at + dt.timedelta(days=day, hours=hour - safety.taken_at.hour)
            create_backup(data_location.database, data_location.backups, "quit", now=moment)
            rotate_backups(data_location.backups)

    left = list_backups(data_location.backups)
    assert safety.path in [b.path for b in left]
    assert [b.reason for b in left if b.kept_until_removed] == ["before-restore"]
    routine = [b for b in left if not b.kept_until_removed]
    assert len(routine) <= policy.latest + policy.daily + policy.weekly + policy.monthly
    assert min(b.taken_at for b in routine) > safety.taken_at + dt.timedelta(days=150)
    assert verify_backup(safety.path) is None


def test_a_kept_backup_can_be_removed_and_nothing_else_goes(
    store: StoreInfo, data_location: DataLocation, tmp_path: Path
) -> None:
    safety = _restore_through_the_app(data_location)
    other = manual_backup(data_location)
    remove_user_backup(data_location, safety)
    assert not safety.path.exists() and other.path.exists()
    outside = tmp_path / "followup-2025-01-01_08-00-00-manual.sqlite"
    outside.write_bytes(b"not in the backups folder")
    with pytest.raises(BackupError, match="nothing was removed"):
        remove_backup(data_location.backups, outside)
    assert outside.exists()
