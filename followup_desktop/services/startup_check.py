"""The start-up check: find a damaged or missing database and offer the newest good backup."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from followup_desktop.db.backup import BackupFile, list_backups
from followup_desktop.db.diagnose import diagnose_database
from followup_desktop.db.restore import (
    copy_damaged_aside,
    newest_good_backup,
    put_back,
    quarantine_damaged,
    remove_store_files,
    restore_backup,
)
from followup_desktop.paths import DataLocation
from followup_desktop.services.store import close_user_store


class StartupProblem(NamedTuple):
    """Why the store cannot simply be opened, and the backup that could replace it."""

    database: Path
    reason: str
    #: True when the database file is gone although backups exist.
    missing: bool
    backup: BackupFile | None


def inspect_store(location: DataLocation, *, scan: bool = True) -> StartupProblem | None:
    """None when the store can be opened as it is (or this is a genuine first start).

    ``scan=False`` skips the page-by-page quick_check (the window runs it once shown).

    Raises ``StoreTooNewError`` for a database written by a newer app; it is left untouched.
    """
    path = location.database
    if not path.exists():
        if not list_backups(location.backups):
            return None
        return StartupProblem(
            path,
            f"The database {path} is missing, but backups of it exist.",
            missing=True,
            backup=newest_good_backup(location.backups),
        )
    reason = diagnose_database(path, scan=scan)
    if reason is None:
        return None
    return StartupProblem(path, reason, missing=False, backup=newest_good_backup(location.backups))


def damage_found_later(location: DataLocation, reason: str) -> StartupProblem:
    """The problem to put to the user when the open store was found damaged meanwhile."""
    return StartupProblem(
        location.database, reason, missing=False, backup=newest_good_backup(location.backups)
    )


def recover_store(
    location: DataLocation, problem: StartupProblem, *, use_backup: bool
) -> Path | None:
    """Move the damaged files aside, then restore the offered backup if asked to.

    Returns the folder now holding the damaged files (None when the database was missing).
    Without a backup the next open starts an empty store, which the user chose explicitly.
    """
    folder = None if problem.missing else quarantine_damaged(location.database, location.damaged)
    if use_backup and problem.backup is not None:
        try:
            restore_backup(problem.backup.path, location.database, location.backups)
        except BaseException:
            if folder is not None:  # the restore did not happen: the files go back as found
                put_back(folder, location.database)
            raise
    return folder


def recover_open_store(
    location: DataLocation, problem: StartupProblem, *, use_backup: bool
) -> Path:
    """Recover a store found damaged while it is open: an exact copy of its files is kept
    aside before it is closed, then it is replaced by the backup (or by nothing).

    Returns the folder holding the copy. On a failed restore the copied files go back where
    they were (as found, unmerged), the store stays closed, and the error propagates.
    """
    folder = copy_damaged_aside(location.database, location.damaged)
    close_user_store()
    remove_store_files(location.database)
    if use_backup and problem.backup is not None:
        try:
            restore_backup(problem.backup.path, location.database, location.backups)
        except BaseException:
            remove_store_files(location.database)  # whatever the failed restore left
            put_back(folder, location.database)
            raise
    return folder
