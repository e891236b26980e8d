"""What a store file is: its schema version, the pragmas it is used with, its fixed rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from followup_desktop.db.errors import StoreTooNewError

#: The schema this app writes: the version of the last migration (a test keeps them equal).
SCHEMA_VERSION = 7
BUSY_TIMEOUT_SECONDS = 5.0

PRAGMAS: tuple[tuple[str, object], ...] = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", int(BUSY_TIMEOUT_SECONDS * 1000)),
    ("cache_size", -2000),
)
SYNCHRONOUS_FULL = 2

#: The one profile row every store has.
PROFILE_ID = 1
#: A random id given to each store once; it tells a store's own -wal from another one's.
STORE_ID_KEY = "store_id"


def read_pragmas(connection: sqlite3.Connection) -> tuple[str, bool, int]:
    """(journal mode, foreign keys, synchronous) as SQLite actually set them."""
    journal_mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    foreign_keys = bool(connection.execute("PRAGMA foreign_keys").fetchone()[0])
    synchronous = int(connection.execute("PRAGMA synchronous").fetchone()[0])
    return journal_mode, foreign_keys, synchronous


def pragma_problem(journal_mode: str, foreign_keys: bool, synchronous: int) -> str | None:
    """Why the store must not be used with these pragmas, or None when they are the app's."""
    if journal_mode != "wal":
        return (
            f"SQLite would not use write-ahead logging here (journal mode is {journal_mode!r}); "
            "is the data folder on a network drive? Choose a local folder with --data-dir."
        )
    if not foreign_keys:
        return "SQLite refused to enforce foreign keys; the store was not opened."
    if synchronous != SYNCHRONOUS_FULL:
        return f"SQLite kept synchronous={synchronous}; the store was not opened."
    return None


def refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreTooNewError(
            f"{path} was written by a newer version of Follow-up Desk (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Please update the app; "
            "the file was not changed."
        )
