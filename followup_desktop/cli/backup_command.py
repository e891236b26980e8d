"""``followup backup`` makes (or lists) backups; ``followup restore FILE`` puts one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, location_from, open_store_for
from followup_desktop.db.backup import KEPT_LABEL, BackupError, human_size, list_backups
from followup_desktop.db.connection import close_store
from followup_desktop.db.diagnose import diagnose_database
from followup_desktop.db.errors import StoreError
from followup_desktop.db.restore import quarantine_damaged, restore_backup
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import manual_backup
from followup_desktop.services.store import open_user_store, prepare_data_folder
from followup_desktop.ui.single_instance import window_is_running


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser("backup", help="back up the database now (or list backups)")
    backup.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current data is backed up first)"
    )
    restore.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    restore.add_argument("file", metavar="FILE", help="the backup file to restore")
    restore.set_defaults(handler=run_restore)


def _print_list(location: DataLocation) -> int:
    backups = list_backups(location.backups)
    if not backups:
        print(f"no backups yet in {location.backups}")
        return 0
    for backup in backups:
        print(
            f"{backup.taken_at:%Y-%m-%d %H:%M:%S}  {human_size(backup.size):>9}  "
            f"{backup.reason_label:<18}  {backup.path}"
            + (f"  ({KEPT_LABEL})" if backup.kept_until_removed else "")
        )
    return 0


def run_backup(args: argparse.Namespace) -> int:
    if args.list:
        return _print_list(location_from(args))
    try:
        location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        made = manual_backup(location)
    except BackupError as error:
        return fail(str(error))
    finally:
        close_store()
    print(f"backup written to {made.path} ({human_size(made.size)})")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        return fail(f"{source} is not a file.")
    location = location_from(args)
    try:
        prepare_data_folder(location)
    except StoreError as error:
        return fail(str(error))
    if window_is_running(location):
        return fail("Follow-up Desk is open on this data folder; quit it, then restore again.")
    try:
        problem = diagnose_database(location.database)
        if problem is not None:
            folder = quarantine_damaged(location.database, location.damaged)
            print(f"{problem} It was moved to {folder}.")
        safety = restore_backup(source, location.database, location.backups)
        open_user_store(location)  # migrates an older backup, with its own backup first
    except StoreError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"Cannot use the data folder {location.root}: {error.strerror or error}.")
    finally:
        close_store()
    print(f"restored {source} into {location.database}")
    if safety is not None:
        print(f"the data it replaced is kept in {safety.path}")
    return 0
