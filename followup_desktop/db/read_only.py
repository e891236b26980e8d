"""Read-only connections and the health check of a store file, without touching its files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from followup_desktop.db.errors import StoreDamagedError
from followup_desktop.db.store_format import SCHEMA_VERSION, refuse_newer
from followup_desktop.db.unavailable import is_damage, unavailable

#: Tables every store of this app has; a file without them is not one of ours.
_REQUIRED_TABLES = ("application", "follow_up", "contact", "company", "stage", "profile")


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    # Percent-encode what URI parsing would otherwise misread in a folder name.
    quoted = str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?{'immutable=1' if immutable else 'mode=ro'}"


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection: it can never write, checkpoint or delete the database's files."""
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, timeout=5.0)


def check_connection(
    connection: sqlite3.Connection, *, thorough: bool = True, scan: bool = True
) -> str | None:
    """None if the open database is a healthy store of this app, else a one-line reason.

    Raises the ``sqlite3.Error`` when reading failed for a reason that is not damage.

    ``thorough`` runs integrity_check and foreign_key_check (for backups); otherwise the
    linear-time quick_check (on every start). Without ``scan`` no page is read beyond the
    schema: the window runs that scan beside itself once it is shown.
    """
    try:
        if scan:
            pragma = "integrity_check" if thorough else "quick_check"
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
            result = "; ".join(str(row[0]) for row in rows)
            if result != "ok":
                return f"it fails its integrity check ({result[:160]})"
        if thorough and connection.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return "some of its records point to records that do not exist"
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise  # a full disk, a lock or a read-only file is not damage: the caller says so
        return f"it cannot be read ({error})"
    if version > SCHEMA_VERSION:
        return f"it was written by a newer version of the app (schema {version})"
    missing = [table for table in _REQUIRED_TABLES if table not in names]
    if version < 1 or missing:
        return "it is not a Follow-up Desk database"
    return None


def check_database_file(path: Path) -> None:
    """Refuse a file that is not a store this app may open, before anything writes to it.

    Raises ``StoreDamagedError`` (not a database), ``StoreTooNewError``, or
    ``StoreUnavailableError`` when it cannot be read just now (full disk, lock, read-only…).
    Without a journal beside it the file is read as it stands, creating no -shm or -wal.

    The file is read through SQLite (read-only), never opened directly: closing a file
    descriptor of the database drops every lock this process's connections hold on it, and
    another process would then take the open store's -wal away.
    """
    if not path.exists():
        return
    if path.is_dir():
        raise StoreDamagedError(f"{path} is a folder, not a database file.")
    not_ours = (
        f"{path} is not a Follow-up Desk database (it is not an SQLite file or it is truncated)."
    )
    if path.stat().st_size == 0:
        raise StoreDamagedError(not_ours)
    try:
        connection = connect_read_only(path, immutable=not journal_beside(path))
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error as error:
        if is_damage(error):
            raise StoreDamagedError(not_ours) from error
        raise unavailable(path, error) from error
    refuse_newer(path, version)


def journal_beside(path: Path) -> bool:
    """Whether a -wal or -journal lies beside the database (then it must be read with it)."""
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
