"""When backups happen: before each migration, on start if data changed, on quit; then rotation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from followup_desktop.db.connection import BeforeMigrate, StoreInfo, close_store, open_store
from followup_desktop.db.diagnose import diagnose_database
from followup_desktop.db.errors import StoreDamagedError
from followup_desktop.paths import DataLocation

if TYPE_CHECKING:
    from followup_desktop.db.backup import BackupFile

# The backup modules are imported where a backup is made: opening a healthy store of the
# current version (every start) makes none, and should not wait for them.


def backup_before_migrate(backups_dir: Path) -> BeforeMigrate:
    """A ``before_migrate`` hook: the old database is backed up, or the migration does not run."""

    def hook(database_path: Path, _old_version: int) -> None:
        from followup_desktop.db.backup import create_backup

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


def keep_private(database: Path) -> None:
    """Make the database and its journal files readable by the user alone (POSIX)."""
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError:
            continue  # not ours to change (another owner); opening still works


def routine_backup(location: DataLocation, reason: str) -> BackupFile | None:
    """Back up when the data changed since the newest backup, then apply the rotation."""
    from followup_desktop.db.backup import backup_if_changed
    from followup_desktop.db.backup_rotation import rotate_backups

    made = backup_if_changed(location.database, location.backups, reason)
    if made is not None:
        rotate_backups(location.backups)
    return made


def manual_backup(location: DataLocation) -> BackupFile:
    """A backup the user asked for, always made; then the rotation."""
    from followup_desktop.db.backup import create_backup
    from followup_desktop.db.backup_rotation import rotate_backups

    made = create_backup(location.database, location.backups, "manual")
    rotate_backups(location.backups)
    return made


def restore_and_reopen(location: DataLocation, backup: Path) -> BackupFile | None:
    """Restore ``backup`` into the open store (current data backed up first), then reopen it.

    Returns the backup of the data that was replaced. On failure the store is reopened as it
    was and the error (a ``StoreError``) propagates.
    """
    from followup_desktop.db.restore import restore_backup

    close_store()
    try:
        return restore_backup(backup, location.database, location.backups)
    finally:
        open_user_store(location)
