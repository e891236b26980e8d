"""Read-only health check of the database file before the app opens it for writing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from followup_desktop.db.errors import StoreDamagedError, StoreTooNewError
from followup_desktop.db.read_only import (
    check_connection,
    check_database_file,
    connect_read_only,
    journal_beside,
)
from followup_desktop.db.store_format import SCHEMA_VERSION, STORE_ID_KEY
from followup_desktop.db.unavailable import is_damage, unavailable


def _store_id(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (STORE_ID_KEY,)
        ).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _main_file_store_id(path: Path) -> str | None:
    """The store id as written in the main file alone, ignoring any -wal beside it."""
    try:
        connection = connect_read_only(path, immutable=True)
    except sqlite3.Error:
        return None
    try:
        return _store_id(connection)
    finally:
        connection.close()


def _roll_back_hot_journal(path: Path) -> None:
    """Let SQLite undo a write cut short in rollback-journal mode (before the switch to WAL).

    A read-only connection cannot do this and would report the file as unreadable; the first
    read on a writable connection rolls the journal back, which is SQLite's own recovery.
    """
    if not Path(f"{path}-journal").exists() or Path(f"{path}-wal").exists():
        return
    try:
        connection = sqlite3.connect(path, timeout=5.0)
    except sqlite3.Error:
        return
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # reported by the read-only checks that follow
    finally:
        connection.close()


def _is_unused_new_file(connection: sqlite3.Connection) -> bool:
    """A file created by a first start that stopped before the schema was written."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return version == 0 and tables == 0


def diagnose_database(path: Path, *, scan: bool = True) -> str | None:
    """None if the file can be opened safely, else a one-line reason it is damaged.

    ``scan=False`` leaves out the linear quick_check (see ``scan_database``), for a start that
    runs it beside the open window.

    Works through read-only connections only, so a damaged file and its -wal stay exactly as
    they were. Raises ``StoreTooNewError`` for a database from a newer app (left untouched),
    and ``StoreUnavailableError`` when the file cannot be read just now (a full disk, a lock,
    a read-only file or folder, an input/output error): that is never damage.
    """
    if not path.exists():
        return None
    _roll_back_hot_journal(path)
    try:
        check_database_file(path)
    except StoreTooNewError:
        raise
    except StoreDamagedError as error:
        return str(error)
    wal = Path(f"{path}-wal")
    own_id = _main_file_store_id(path) if wal.exists() else None
    try:
        connection = connect_read_only(path, immutable=not journal_beside(path))
    except sqlite3.Error as error:
        if is_damage(error):
            return f"{path} cannot be opened: {error}."
        raise unavailable(path, error) from error
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(
                f"{path} was written by a newer version of Follow-up Desk (schema {version}). "
                "Please update the app; the file was not changed."
            )
        if _is_unused_new_file(connection):
            return None
        problem = check_connection(connection, thorough=False, scan=scan)
        if problem is None and own_id is not None and _store_id(connection) != own_id:
            problem = "its -wal journal belongs to another database"
    except sqlite3.Error as error:
        if not is_damage(error):
            raise unavailable(path, error) from error
        problem = f"it cannot be read ({error})"
    finally:
        connection.close()
    return None if problem is None else f"{path} is damaged: {problem}."


#: SQLite steps between two looks at whether a scan should stop (a few milliseconds).
_STEPS_BETWEEN_LOOKS = 10_000


def scan_database(path: Path, should_stop: Callable[[], bool]) -> str | None:
    """The full check of every page (integrity_check and foreign_key_check), read-only; None
    when healthy, else a one-line reason it is damaged.

    The scan takes time in proportion to the data; ``should_stop`` is asked every few
    milliseconds, and a scan told to stop ends with SQLite's "interrupted" error. Raises
    ``StoreUnavailableError`` when the file cannot be read just now (that is not damage).
    """
    try:
        connection = connect_read_only(path)
    except sqlite3.Error as error:
        if is_damage(error):
            return f"{path} is damaged: it cannot be opened ({error})."
        raise unavailable(path, error) from error
    try:
        connection.set_progress_handler(lambda: int(should_stop()), _STEPS_BETWEEN_LOOKS)
        problem = check_connection(connection, thorough=True)
        if should_stop():  # what the scan said when cut short means nothing
            raise sqlite3.OperationalError("interrupted")
    except sqlite3.Error as error:
        if should_stop():
            raise
        raise unavailable(path, error) from error
    finally:
        connection.close()
    return None if problem is None else f"{path} is damaged: {problem}."
