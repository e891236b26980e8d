"""Helpers the headless commands share: opening the store and failing with one line."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Callable

import peewee as pw

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.errors import StoreError
from followup_desktop.db.unavailable import is_damage, sqlite_error_of, unavailable_reason
from followup_desktop.paths import DataLocation, resolve_data_location
from followup_desktop.services.store import open_user_store


class CommandError(Exception):
    """A command failed for a reason the user can act on; printed as one line, exit 1."""


def location_from(args: argparse.Namespace) -> DataLocation:
    return resolve_data_location(getattr(args, "data_dir", None))


def open_store_for(args: argparse.Namespace) -> tuple[DataLocation, StoreInfo]:
    """Open the store of the chosen data folder (backed up before any migration)."""
    location = location_from(args)
    try:
        return location, open_user_store(location)
    except StoreError as error:
        raise CommandError(str(error)) from error


def run_command(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command; a store or disk that fails it ends it with one line, never a traceback.

    The commands report what they expect themselves; this catches what reaches past them (a
    full disk, a lock, a read-only file or drive met while reading or writing).
    """
    try:
        return int(handler(args))
    except CommandError as error:
        return fail(str(error))
    except StoreError as error:
        return fail(str(error))
    except (sqlite3.Error, pw.DatabaseError, OSError) as error:
        cause = sqlite_error_of(error) or error
        database = location_from(args).database
        if isinstance(cause, sqlite3.Error) and is_damage(cause):
            return fail(
                f"{database} is damaged ({cause}). Open Follow-up Desk to restore a backup, "
                "or run 'followup restore FILE'."
            )
        return fail(unavailable_reason(database, cause))


def fail(message: str) -> int:
    print(f"followup: error: {message}", file=sys.stderr)
    return 1


def iso_date(text: str) -> dt.date:
    """An argument given as YYYY-MM-DD (an argparse type)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
