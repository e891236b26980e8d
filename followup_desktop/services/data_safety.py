"""Backups of the user's store: on start if data changed, on quit, on request; restores."""

from __future__ import annotations

from pathlib import Path

from followup_desktop.db.backup import (
    KEPT_LABEL,
    BackupFile,
    backup_if_changed,
    create_backup,
    list_backups,
    remove_backup,
)
from followup_desktop.db.backup_rotation import DEFAULT_POLICY, RotationPolicy, rotate_backups
from followup_desktop.db.restore import restore_backup
from followup_desktop.paths import DataLocation
from followup_desktop.services.documents import prune_unlisted_documents
from followup_desktop.services.store import close_user_store, open_user_store

__all__ = [
    "KEPT_LABEL",
    "BackupFile",
    "list_user_backups",
    "manual_backup",
    "remove_user_backup",
    "restore_and_reopen",
    "retention_policy",
    "routine_backup",
]


def list_user_backups(location: DataLocation) -> list[BackupFile]:
    """The finished backups of the user's store, newest first."""
    return list_backups(location.backups)


def retention_policy() -> RotationPolicy:
    """How many backups are kept, of which ages."""
    return DEFAULT_POLICY


def routine_backup(location: DataLocation, reason: str) -> BackupFile | None:
    """Back up when the data changed since the newest backup, then apply the rotation."""
    made = backup_if_changed(location.database, location.backups, reason)
    if made is not None:
        rotate_backups(location.backups)
        # Documents no backup lists any more (of applications deleted) go with the last one.
        prune_unlisted_documents(
            location.root, [backup.path for backup in list_backups(location.backups)]
        )
    return made


def manual_backup(location: DataLocation) -> BackupFile:
    """A backup the user asked for, always made; then the rotation."""
    made = create_backup(location.database, location.backups, "manual")
    rotate_backups(location.backups)
    return made


def remove_user_backup(location: DataLocation, backup: BackupFile) -> Path:
    """Delete a backup the user chose to remove (the only way a kept backup goes); its path."""
    remove_backup(location.backups, backup.path)
    return backup.path


def restore_and_reopen(location: DataLocation, backup: Path) -> BackupFile | None:
    """Restore ``backup`` into the open store (current data backed up first), then reopen it.

    Returns the backup of the data that was replaced. On failure the store is reopened as it
    was and the error (a ``StoreError``) propagates.
    """
    close_user_store()
    try:
        return restore_backup(backup, location.database, location.backups)
    finally:
        open_user_store(location)
