"""Open a ready store with plain SQLite, so the first screen is read before the ORM loads."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from followup_desktop.db.reads import use_reader
from followup_desktop.db.store_format import (
    BUSY_TIMEOUT_SECONDS,
    PRAGMAS,
    PROFILE_ID,
    SCHEMA_VERSION,
    STORE_ID_KEY,
    pragma_problem,
    read_pragmas,
)

# Loading peewee costs about a tenth of the time to the window's first paint. A store that
# needs nothing done before use (current schema, its fixed rows present) is read through this
# connection until the full open, which follows the first paint; anything else is opened
# fully before the window, as always.
_connection: sqlite3.Connection | None = None
#: Opens the store fully; called at the first use of the ORM if that comes before the app's
#: own scheduled call.
_full_open: Callable[[], object] | None = None

_READY = f"""
SELECT (SELECT EXISTS(SELECT 1 FROM stage)),
       (SELECT EXISTS(SELECT 1 FROM profile WHERE id = {PROFILE_ID})),
       (SELECT EXISTS(SELECT 1 FROM setting WHERE key = '{STORE_ID_KEY}'))
"""


def _ready(connection: sqlite3.Connection) -> bool:
    for name, value in PRAGMAS:
        connection.execute(f"PRAGMA {name} = {value}")
    if pragma_problem(*read_pragmas(connection)) is not None:
        return False
    if int(connection.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
        return False
    return all(connection.execute(_READY).fetchone())


def open_first_screen(path: Path, full_open: Callable[[], object]) -> bool:
    """Read through a plain connection if the store at ``path`` is ready to use as it is.

    ``full_open`` opens it fully (with the ORM): the app calls ``open_fully`` once the window
    has painted, and the models call it themselves if they are used before that. False (and
    nothing open) for a missing, new or older store, one missing its fixed rows, or one whose
    pragmas SQLite refuses: the caller opens it fully instead, which says why.
    """
    global _connection, _full_open
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        ready = _ready(connection)
    except sqlite3.Error:
        ready = False
    if not ready:
        connection.close()
        return False
    close_first_screen()
    _connection = connection
    _full_open = full_open
    use_reader(_first_screen_connection)
    return True


def open_fully() -> None:
    """Open the store fully now, if only the first screen's connection is open (once)."""
    global _full_open
    full_open, _full_open = _full_open, None
    if full_open is not None and _connection is not None:
        full_open()


def _first_screen_connection() -> sqlite3.Connection:
    if _connection is None:
        raise sqlite3.ProgrammingError("the first screen's connection is closed")
    return _connection


def first_screen_open() -> bool:
    """Whether reads still go through the first screen's connection (the ORM is not loaded)."""
    return _connection is not None


def close_first_screen() -> None:
    """Close the first screen's connection (once the store is fully open, or on quit)."""
    global _connection, _full_open
    _full_open = None
    if _connection is not None:
        _connection.close()
        _connection = None
