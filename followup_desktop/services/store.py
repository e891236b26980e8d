"""The user's store in this process: opened one way (checked, backed up before an upgrade)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from followup_desktop.db.backup import create_backup
from followup_desktop.db.connection import BeforeMigrate, StoreInfo, close_store, open_store
from followup_desktop.db.diagnose import diagnose_database, scan_database
from followup_desktop.db.errors import StoreDamagedError
from followup_desktop.db.models import database
from followup_desktop.paths import DataLocation


def backup_before_migrate(backups_dir: Path) -> BeforeMigrate:
    """A ``before_migrate`` hook: the old database is backed up, or the migration does not run."""

    def hook(database_path: Path, _old_version: int) -> None:
        create_backup(database_path, backups_dir, "before-migration")

    return hook


def open_user_store(location: DataLocation, *, already_checked: bool = False) -> StoreInfo:
    """Open the store of ``location`` with a backup taken before any migration.

    The file is first checked through read-only connections (unless the caller just did), so a
    damaged database is refused before anything could write to it or to its -wal.
    """
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


def scan_user_store(location: DataLocation, should_stop: Callable[[], bool]) -> str | None:
    """Read every page of the store (read-only, beside the open window); None when healthy,
    else why it is damaged."""
    if not location.database.exists():
        return None
    return scan_database(location.database, should_stop)


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
