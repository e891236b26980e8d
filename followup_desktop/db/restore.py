"""Put a backup back in place, and move a damaged database aside with its -wal and -shm."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from followup_desktop.db.backup import (
    PARTIAL_SUFFIX,
    BackupError,
    BackupFile,
    connect_read_only,
    copy_database,
    create_backup,
    ensure_private_folder,
    list_backups,
    verify_backup,
)

#: Files SQLite keeps beside a database; they belong to it and move with it.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def companion_files(database_path: Path) -> list[Path]:
    """The database file and the companions that exist beside it."""
    files = [database_path] if database_path.exists() else []
    files += [
        Path(f"{database_path}{suffix}")
        for suffix in COMPANION_SUFFIXES
        if Path(f"{database_path}{suffix}").exists()
    ]
    return files


def _new_damaged_folder(damaged_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    ensure_private_folder(damaged_dir)
    folder = damaged_dir / stamp
    sequence = 2
    while folder.exists():
        folder = damaged_dir / f"{stamp}-{sequence}"
        sequence += 1
    folder.mkdir(mode=0o700)
    return folder


def quarantine_damaged(database_path: Path, damaged_dir: Path) -> Path:
    """Move the database and its companions into a new folder under ``damaged_dir``.

    Nothing is deleted: the user (or support) can still try to rescue rows from them. For a
    store that nothing has open.
    """
    folder = _new_damaged_folder(damaged_dir)
    for path in companion_files(database_path):
        os.replace(path, folder / path.name)
    return folder


def copy_damaged_aside(database_path: Path, damaged_dir: Path) -> Path:
    """Copy the database and its companions, byte for byte as they are on disk now, into a new
    folder under ``damaged_dir``; for a store this process still has open.

    Closing the store afterwards lets SQLite fold the -wal into the database file, so the
    files are copied first: what is kept aside is what was found damaged, -wal and -shm beside
    it, unmerged. (Reading the files directly drops this process's SQLite locks on them, which
    is why it is done only for a store about to be closed and set aside.)
    """
    folder = _new_damaged_folder(damaged_dir)
    for path in companion_files(database_path):
        shutil.copyfile(path, folder / path.name)
        os.chmod(folder / path.name, 0o600)
    return folder


def remove_store_files(database_path: Path) -> None:
    """Delete a closed store's files once an exact copy of them is kept elsewhere."""
    for path in companion_files(database_path):
        path.unlink(missing_ok=True)


def put_back(folder: Path, database_path: Path) -> None:
    """Move quarantined files back where they were (a restore that could not be done)."""
    for path in folder.iterdir():
        os.replace(path, database_path.parent / path.name)
    folder.rmdir()


def newest_good_backup(backups_dir: Path) -> BackupFile | None:
    """The newest backup that passes every check (damaged backups are skipped, not deleted)."""
    for backup in list_backups(backups_dir):
        if verify_backup(backup.path) is None:
            return backup
    return None


def _install_copy(backup: Path, database_path: Path) -> None:
    """Write the backup as a new database file where there is none (renamed into place)."""
    partial = database_path.parent / f".{database_path.name}.{os.getpid()}{PARTIAL_SUFFIX}"
    try:
        source = connect_read_only(backup, immutable=True)
        try:
            copy_database(source, partial)
        finally:
            source.close()
        os.replace(partial, database_path)
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def _copy_into_live(backup: Path, database_path: Path) -> None:
    """Overwrite the live database's content in one transaction of SQLite's backup API.

    The live file keeps its -wal pairing; a crash part-way leaves the previous content.
    """
    source = connect_read_only(backup, immutable=True)
    target = sqlite3.connect(database_path, timeout=5.0, isolation_level=None)
    try:
        source.backup(target)
        rows = target.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            raise BackupError("The restored database failed its check; please try another backup.")
    finally:
        target.close()
        source.close()


def restore_backup(backup: Path, database_path: Path, backups_dir: Path) -> BackupFile | None:
    """Replace the store with ``backup``; return the backup made of the current data first.

    The caller closes the store before and reopens it after. A backup that fails its checks is
    refused and nothing changes; so is a restore when the current data cannot be backed up.
    """
    problem = verify_backup(backup)
    if problem is not None:
        raise BackupError(f"{backup.name} cannot be restored: {problem}.")
    try:
        if not database_path.exists():
            _install_copy(backup, database_path)
            return None
        safety = create_backup(database_path, backups_dir, "before-restore")
        _copy_into_live(backup, database_path)
    except sqlite3.Error as error:
        raise BackupError(f"The restore failed: {error}. Your data was not changed.") from error
    except OSError as error:
        raise BackupError(
            f"The restore failed: {error.strerror or error}. Your data was not changed."
        ) from error
    return safety
