"""Corruption at start: each kind detected, damaged files kept aside, newest good backup offered."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from data_safety.fault_tools import (
    digest,
    flip_bytes_in_table,
    rows,
    truncate_half,
    write_garbage,
)
from followup_desktop.db.backup import create_backup, list_backups
from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.errors import StoreDamagedError, StoreTooNewError
from followup_desktop.db.models import Application, Company
from followup_desktop.db.store_format import SCHEMA_VERSION
from followup_desktop.paths import DataLocation
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.startup_check import inspect_store, recover_store
from followup_desktop.services.store import open_user_store


def _store_with_backups(location: DataLocation) -> tuple[int, Path]:
    """A demo store, an older backup, a newer (damaged) backup; returns (rows, good backup)."""
    open_user_store(location)
    fill_demo_data(seed=3)
    count = Application.select().count()
    close_store()
    good = create_backup(location.database, location.backups, "quit")
    # A newer backup that got damaged on disk must be skipped, not offered.
    damaged_backup = create_backup(location.database, location.backups, "manual")
    write_garbage(damaged_backup.path)
    return count, good.path


def _foreign_wal_same_app(location: DataLocation, tmp_path: Path) -> None:
    """A -wal copied from another Follow-up Desk store while that one was open."""
    other = tmp_path / "other" / "followup.sqlite"
    open_store(other)
    Company.create(name="Someone else's company")
    shutil.copy(f"{other}-wal", f"{location.database}-wal")
    close_store()


def _foreign_wal_other_schema(location: DataLocation, tmp_path: Path) -> None:
    """A -wal from an unrelated SQLite database with the same page size."""
    other = tmp_path / "unrelated.sqlite"
    connection = sqlite3.connect(other, isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    shutil.copy(f"{other}-wal", f"{location.database}-wal")
    connection.close()


DAMAGE: dict[str, Callable[[DataLocation, Path], None]] = {
    "garbage": lambda location, _tmp: write_garbage(location.database),
    "truncated": lambda location, _tmp: truncate_half(location.database),
    "flipped-bytes": lambda location, _tmp: flip_bytes_in_table(location.database),
    "foreign-wal-same-app": _foreign_wal_same_app,
    "foreign-wal-other-schema": _foreign_wal_other_schema,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_is_detected_kept_aside_and_best_backup_restored(
    data_location: DataLocation, tmp_path: Path, kind: str
) -> None:
    count, good_backup = _store_with_backups(data_location)
    DAMAGE[kind](data_location, tmp_path)
    damaged_files = {
        path.name: digest(path)
        for path in (
            data_location.database,
            Path(f"{data_location.database}-wal"),
        )
        if path.exists()
    }

    problem = inspect_store(data_location)

    assert problem is not None and not problem.missing
    assert "damaged" in problem.reason or "not a Follow-up Desk" in problem.reason
    assert problem.backup is not None and problem.backup.path == good_backup
    # Detection only read: the damaged files are exactly as they were.
    for name, value in damaged_files.items():
        assert digest(data_location.root / name) == value
    with pytest.raises(StoreDamagedError):
        open_user_store(data_location)  # the headless path refuses too, still without writing
    for name, value in damaged_files.items():
        assert digest(data_location.root / name) == value

    folder = recover_store(data_location, problem, use_backup=True)

    assert folder is not None and folder.parent == data_location.damaged
    kept = {path.name: digest(path) for path in folder.iterdir() if not path.name.endswith("shm")}
    assert kept == damaged_files
    open_user_store(data_location)
    try:
        assert Application.select().count() == count
    finally:
        close_store()
    assert rows(data_location.database, "PRAGMA integrity_check") == [("ok",)]


def test_healthy_store_with_crash_wal_passes(data_location: DataLocation) -> None:
    """A -wal left by a crash of our own store is recovered, not mistaken for damage."""
    open_user_store(data_location)
    Company.create(name="Written before the crash")
    shutil.copy(data_location.database, data_location.root / "crash.sqlite")
    shutil.copy(f"{data_location.database}-wal", data_location.root / "crash.sqlite-wal")
    close_store()
    crashed = DataLocation(data_location.root / "crashed").ensure()
    shutil.move(data_location.root / "crash.sqlite", crashed.database)
    shutil.move(data_location.root / "crash.sqlite-wal", f"{crashed.database}-wal")
    assert inspect_store(crashed) is None
    open_user_store(crashed)
    try:
        assert Company.select().where(Company.name == "Written before the crash").exists()
    finally:
        close_store()


def test_missing_database_with_backups_is_not_a_silent_empty_start(
    data_location: DataLocation,
) -> None:
    count, good_backup = _store_with_backups(data_location)
    data_location.database.unlink()
    problem = inspect_store(data_location)
    assert problem is not None and problem.missing
    assert problem.backup is not None and problem.backup.path == good_backup
    assert recover_store(data_location, problem, use_backup=True) is None
    open_user_store(data_location)
    try:
        assert Application.select().count() == count
    finally:
        close_store()


def test_start_empty_keeps_the_damaged_files(data_location: DataLocation) -> None:
    _store_with_backups(data_location)
    write_garbage(data_location.database)
    original = digest(data_location.database)
    problem = inspect_store(data_location)
    assert problem is not None
    folder = recover_store(data_location, problem, use_backup=False)
    assert folder is not None and digest(folder / data_location.database.name) == original
    assert not data_location.database.exists()
    open_user_store(data_location)
    try:
        assert Application.select().count() == 0
    finally:
        close_store()


def test_first_start_is_not_a_problem(data_location: DataLocation) -> None:
    assert inspect_store(data_location) is None


def test_damage_without_any_good_backup_offers_none(data_location: DataLocation) -> None:
    open_user_store(data_location)
    close_store()
    write_garbage(data_location.database)
    problem = inspect_store(data_location)
    assert problem is not None and problem.backup is None
    assert list_backups(data_location.backups) == []


def test_newer_database_is_left_untouched(data_location: DataLocation) -> None:
    open_user_store(data_location)
    close_store()
    connection = sqlite3.connect(data_location.database)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = digest(data_location.database)
    with pytest.raises(StoreTooNewError):
        inspect_store(data_location)
    assert digest(data_location.database) == before
    assert not data_location.damaged.exists()


def test_interrupted_rollback_journal_write_is_recovered_not_called_damage(
    data_location: DataLocation, tmp_path: Path
) -> None:
    """A store still in rollback-journal mode (an old or restored file) killed mid-write."""
    import subprocess
    import sys

    from followup_desktop.db.diagnose import diagnose_database

    _count, good_backup = _store_with_backups(data_location)
    old_style = DataLocation(tmp_path / "old-style").ensure()
    shutil.copy(good_backup, old_style.database)  # a backup is a rollback-journal file
    before = rows(old_style.database, "SELECT id, notes FROM application ORDER BY id")
    script = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA cache_size=1')\n"  # spill changed pages into the file mid-write
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE application SET notes = 'half written' || hex(randomblob(400))\")\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(old_style.database)], check=False)
    assert Path(f"{old_style.database}-journal").exists()

    assert diagnose_database(old_style.database) is None
    assert rows(old_style.database, "SELECT id, notes FROM application ORDER BY id") == before


def test_a_restore_that_cannot_be_written_puts_the_files_back(tmp_path: Path) -> None:
    """On a disk too full for the backup, the damaged files are moved back where they were, so
    'your data was not changed' stays true; the start can be tried again once space is free."""
    from data_safety.fault_tools import file_state
    from followup_desktop.db.errors import StoreError
    from tests.data_safety.outside_faults import fill, mounted_tmpfs

    with mounted_tmpfs(tmp_path / "disk", "6m") as disk:
        location = DataLocation(disk / "data").ensure()
        _store_with_backups(location)
        flip_bytes_in_table(location.database, "letter")
        problem = inspect_store(location)
        assert problem is not None and problem.backup is not None
        before = file_state(location.database)
        fill(disk, 0)
        with pytest.raises(StoreError):
            recover_store(location, problem, use_backup=True)
        assert file_state(location.database) == before
        assert not any(location.damaged.iterdir())
