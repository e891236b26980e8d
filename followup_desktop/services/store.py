"""The user's store in this process: opened one way (checked, backed up before an upgrade)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from followup_desktop.db.backup import create_backup
from followup_desktop.db.connection import BeforeMigrate, StoreInfo, close_store, open_store
from followup_desktop.db.diagnose import diagnose_database, scan_database
from followup_desktop.db.errors import StoreDamagedError, StoreUnavailableError
from followup_desktop.db.models import database
from followup_desktop.db.reads import read_one
from followup_desktop.db.unavailable import (
    disk_full_reason,
    nearly_full,
    read_only_reason,
    unavailable,
)
from followup_desktop.paths import DataLocation


def backup_before_migrate(backups_dir: Path) -> BeforeMigrate:
    """A ``before_migrate`` hook: the old database is backed up, or the migration does not run."""

    def hook(database_path: Path, _old_version: int) -> None:
        create_backup(database_path, backups_dir, "before-migration")

    return hook


def prepare_data_folder(location: DataLocation) -> None:
    """Make the data folder if it is missing; refuse one the app cannot write to.

    Raises ``StoreUnavailableError`` with the reason (a read-only folder, file or drive, a full
    disk); nothing is changed then.
    """
    try:
        location.ensure()
    except OSError as error:
        raise unavailable(location.database, error) from error
    database = location.database
    if not os.access(location.root, os.W_OK | os.X_OK) or (
        database.exists() and not os.access(database, os.W_OK)
    ):
        raise StoreUnavailableError(read_only_reason(database))
    # SQLite needs room for its journal and shared memory before anything is written: with
    # less, opening would leave empty files behind and fail anyway.
    if nearly_full(location.root):
        raise StoreUnavailableError(disk_full_reason(location.root))


def open_user_store(
    location: DataLocation, *, already_checked: bool = False, read_only: bool = False
) -> StoreInfo:
    """Open the store of ``location`` with a backup taken before any migration.

    The file is first checked through read-only connections (unless the caller just did), so a
    damaged database is refused before anything could write to it or to its -wal. A store
    that cannot be used just now (full disk, read-only, locked) raises
    ``StoreUnavailableError`` and no file is touched.

    ``read_only`` opens it to look at only (when it cannot be written: a full disk, a
    read-only drive): nothing is written, the page scan beside the window checks it.
    """
    if read_only:
        return open_store(location.database, read_only=True, checked=True)
    prepare_data_folder(location)
    if not already_checked:
        problem = diagnose_database(location.database)
        if problem is not None:
            raise StoreDamagedError(
                f"{problem} Open Follow-up Desk to restore a backup, "
                "or run 'followup restore FILE'."
            )
    info = open_store(
        location.database,
        before_migrate=backup_before_migrate(location.backups),
        checked=True,  # quick_check ran read-only just before (here or by the caller)
    )
    keep_private(location.database)
    return info


def keep_private(database_path: Path) -> None:
    """Make the database and its journal files readable by the user alone (POSIX)."""
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database_path}{suffix}")
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError:
            continue  # not ours to change (another owner); opening still works


def full_check(location: DataLocation) -> str | None:
    """Every page and every reference of the store checked (integrity_check and
    foreign_key_check, read-only); None when healthy, else why it is damaged."""
    return scan_user_store(location, lambda: False)


def scan_user_store(location: DataLocation, should_stop: Callable[[], bool]) -> str | None:
    """Read every page of the store (read-only, beside the open window); None when healthy,
    else why it is damaged."""
    if not location.database.exists():
        return None
    return scan_database(location.database, should_stop)


def store_is_read_only() -> bool:
    """Whether the open store was opened to look at only."""
    row = read_one("PRAGMA query_only")
    return bool(row and row[0])


def close_user_store() -> None:
    """Close the store (safe to call twice, and when it never opened)."""
    close_store()


def release_thread_connection() -> None:
    """Close the calling thread's own connection to the store, if it opened one.

    Each thread that reads or writes gets its own SQLite connection; a worker thread closes
    its connection when its work is done.
    """
    if database.obj is not None:
        database.close()
