"""kill -9 during a migration (some whole step's version, never half a step) and a backup."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from data_safety.crash_server import CrashServer
from data_safety.fault_tools import EMPTY_DIGEST, FIXTURE_V1, file_state, integrity, rows
from followup_desktop.db.backup import PARTIAL_SUFFIX, create_backup, list_backups, verify_backup
from followup_desktop.db.connection import close_store
from followup_desktop.db.models import Application
from followup_desktop.db.store_format import SCHEMA_VERSION
from followup_desktop.paths import DataLocation
from followup_desktop.services.demo_data import DemoSize, fill_demo_data
from followup_desktop.services.store import open_user_store

MIGRATION_KILLS = 16
BACKUP_KILLS = 16


def _schema(database: Path) -> list[tuple[object, ...]]:
    return rows(
        database,
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )


def _all_backups_whole(location: DataLocation) -> None:
    for backup in list_backups(location.backups):
        assert verify_backup(backup.path) is None, f"half backup kept: {backup.path.name}"


def test_kill_during_migration_leaves_old_or_new_version(tmp_path: Path) -> None:
    rng = random.Random(7)
    v1_schema = _schema(FIXTURE_V1)
    v1_rows = rows(FIXTURE_V1, "SELECT id, position, notes FROM application ORDER BY id")
    #: The schema seen at each version a killed run left behind (each step commits whole).
    schemas: dict[int, list[tuple[object, ...]]] = {}
    outcomes = {"old": 0, "between": 0, "new": 0, "inside": 0}
    with CrashServer() as server:
        for attempt in range(MIGRATION_KILLS):
            location = DataLocation(tmp_path / f"run{attempt}").ensure()
            shutil.copy(FIXTURE_V1, location.database)
            # Half the lives are killed anywhere from start-up (check, backup) to the end, half
            # once the migration's transaction has begun.
            inside = attempt % 2 == 1
            life = server.start(
                {"mode": "migrate", "data_dir": str(location.root)},
                ready="MIGRATING" if inside else "READY",
            )
            # The end: about 0.3 s after start-up for the seven steps from the first release.
            time.sleep(rng.uniform(0.0, 0.06 if inside else 0.7))
            server.kill(life)
            assert life.errors() == []
            if "MIGRATING" in life.lines and "MIGRATED" not in life.lines:
                outcomes["inside"] += 1
            database = location.database
            assert integrity(database) == "ok"
            version = rows(database, "PRAGMA user_version")[0][0]
            if version == 1:
                outcomes["old"] += 1
                assert _schema(database) == v1_schema
            else:
                # Each step commits with its version: any version a step reaches is whole.
                assert 1 < version <= SCHEMA_VERSION
                outcomes["new" if version == SCHEMA_VERSION else "between"] += 1
                schemas.setdefault(version, _schema(database))
                assert _schema(database) == schemas[version]
            assert (
                rows(database, "SELECT id, position, notes FROM application ORDER BY id") == v1_rows
            )
            _all_backups_whole(location)
            # The next start finishes the job.
            open_user_store(location)
            try:
                assert Application.select().count() == len(v1_rows)
            finally:
                close_store()
            assert rows(database, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert outcomes["inside"] >= 3 and outcomes["new"] >= 1, outcomes
    print(f"\nkill -9 during migration: {MIGRATION_KILLS} kills, {outcomes}")


def test_kill_during_backup_keeps_live_store_and_no_half_backup(
    data_location: DataLocation,
) -> None:
    rng = random.Random(11)
    open_user_store(data_location)
    fill_demo_data(DemoSize(applications=400, contacts=150), seed=5)
    close_store()
    live_before = file_state(data_location.database)
    finished = 0
    with CrashServer() as server:
        for _ in range(BACKUP_KILLS):
            life = server.start({"mode": "backup", "data_dir": str(data_location.root)})
            time.sleep(rng.uniform(0.0, 0.25))
            server.kill(life)
            assert life.errors() == []
            finished += sum(1 for line in life.lines if line.startswith("B "))
            after = file_state(data_location.database)
            # Untouched: same main file, and no journal content (a reader may leave it empty).
            assert after["db"] == live_before["db"]
            assert after["-wal"] in (None, EMPTY_DIGEST)
            _all_backups_whole(data_location)
    # The next backup clears whatever the killed writers left half done.
    create_backup(data_location.database, data_location.backups, "manual")
    assert [p.name for p in data_location.backups.iterdir() if PARTIAL_SUFFIX in p.name] == []
    _all_backups_whole(data_location)
    assert finished > 0
    print(f"\nkill -9 during backup: {BACKUP_KILLS} kills, {finished} backups finished between")
