"""The start-up check: find a damaged or missing database and offer the newest good backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from followup_desktop.db.diagnose import diagnose_database
from followup_desktop.paths import DataLocation

if TYPE_CHECKING:
    from followup_desktop.db.backup import BackupFile

# Backups and restores are only looked at when something is wrong: their modules are imported
# then, so a healthy start does not pay for them before the window paints.


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
        from followup_desktop.db.backup import list_backups
        from followup_desktop.db.restore import newest_good_backup

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
    from followup_desktop.db.restore import newest_good_backup

    return StartupProblem(path, reason, missing=False, backup=newest_good_backup(location.backups))


def recover_store(
    location: DataLocation, problem: StartupProblem, *, use_backup: bool
) -> Path | None:
    """Move the damaged files aside, then restore the offered backup if asked to.

    Returns the folder now holding the damaged files (None when the database was missing).
    Without a backup the next open starts an empty store, which the user chose explicitly.
    """
    from followup_desktop.db.restore import quarantine_damaged, restore_backup

    folder = None if problem.missing else quarantine_damaged(location.database, location.damaged)
    if use_backup and problem.backup is not None:
        restore_backup(problem.backup.path, location.database, location.backups)
    return folder
