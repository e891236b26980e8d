"""Open the store: file checks, pragmas (verified), version guard, migrations and default rows."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import peewee as pw

from followup_desktop.db import models
from followup_desktop.db.errors import (
    StoreDamagedError,
    StorePragmaError,
    StoreUnavailableError,
)
from followup_desktop.db.migrations import apply_migrations
from followup_desktop.db.read_only import check_database_file, journal_beside, read_only_uri
from followup_desktop.db.seed import ensure_default_rows
from followup_desktop.db.store_format import (
    BUSY_TIMEOUT_SECONDS,
    PRAGMAS,
    SCHEMA_VERSION,
    pragma_problem,
    read_pragmas,
    refuse_newer,
)
from followup_desktop.db.text_fold import SQL_NAME, sql_fold
from followup_desktop.db.unavailable import is_damage, sqlite_error_of, unavailable

BeforeMigrate = Callable[[Path, int], None]
PRAGMAS_BUSY_MS = int(BUSY_TIMEOUT_SECONDS * 1000)


class StoreInfo(NamedTuple):
    """What ``open_store`` found and did, for ``followup check`` and the About box."""

    path: Path
    schema_version: int
    migrated_from: int | None
    journal_mode: str
    foreign_keys: bool
    synchronous: int
    quick_check: str
    created: bool


def make_database(path: Path, *, read_only: bool = False) -> pw.SqliteDatabase:
    """A peewee database for ``path`` with the app's pragmas (not connected yet).

    ``read_only``: SQLite opens the file for reading only (as it stands when no journal lies
    beside it), and ``query_only`` says so to anyone who asks.
    """
    if read_only:
        uri = read_only_uri(path, immutable=not journal_beside(path))
        pragmas = [("foreign_keys", 1), ("busy_timeout", PRAGMAS_BUSY_MS), ("query_only", 1)]
        db = pw.SqliteDatabase(uri, uri=True, pragmas=pragmas, timeout=BUSY_TIMEOUT_SECONDS)
    else:
        db = pw.SqliteDatabase(str(path), pragmas=list(PRAGMAS), timeout=BUSY_TIMEOUT_SECONDS)
    # The contact search indexes hold folded text: their triggers and searches call it.
    db.register_function(sql_fold, SQL_NAME, 1, deterministic=True)
    return db


def verify_pragmas(db: pw.SqliteDatabase) -> tuple[str, bool, int]:
    """Read back the pragmas that matter; raise if SQLite did not honour them."""
    pragmas = read_pragmas(db.connection())
    problem = pragma_problem(*pragmas)
    if problem is not None:
        raise StorePragmaError(problem)
    return pragmas


def quick_check(db: pw.SqliteDatabase) -> str:
    rows = db.execute_sql("PRAGMA quick_check").fetchall()
    return "; ".join(str(row[0]) for row in rows)


def open_store(
    path: Path,
    *,
    before_migrate: BeforeMigrate | None = None,
    checked: bool = False,
    read_only: bool = False,
) -> StoreInfo:
    """Open (or create) the database at ``path`` and bind the models to it.

    The one way the store is opened, by the window and by every command. Raises ``StoreError``
    subclasses with a one-line reason; a refused file is never modified. ``read_only`` opens
    an existing store of the current schema to look at it, writing nothing (not even the
    journal mode); every write then fails.
    """
    check_database_file(path)
    created = not path.exists()
    if read_only and created:
        raise StoreUnavailableError(f"There is no database at {path} to look at.")
    if created:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = make_database(path, read_only=read_only)
    try:
        db.connect()
        if created and os.name == "posix":
            path.chmod(0o600)
        version = int(db.execute_sql("PRAGMA user_version").fetchone()[0])
        # The header can lag behind an un-checkpointed WAL; check the version SQLite sees too.
        refuse_newer(path, version)
        if read_only and version != SCHEMA_VERSION:
            raise StoreUnavailableError(
                f"{path} needs an upgrade before this version can show it, and an upgrade "
                "writes: free some space or make the folder writable, then start again."
            )
        if read_only:
            journal_mode, foreign_keys, synchronous = read_pragmas(db.connection())
        else:
            journal_mode, foreign_keys, synchronous = verify_pragmas(db)
        # ``checked``: the caller has just run quick_check through a read-only connection.
        check = "ok" if checked else quick_check(db)
        if check != "ok":
            raise StoreDamagedError(f"{path} failed its integrity check: {check[:200]}")
        migrated_from: int | None = None
        if version < SCHEMA_VERSION:
            if version > 0 and before_migrate is not None:
                before_migrate(path, version)
            migrated_from = version if version > 0 else None
            apply_migrations(db, version)
        models.database.initialize(db)
        if not read_only:
            ensure_default_rows()
    except (sqlite3.DatabaseError, pw.DatabaseError) as error:
        db.close()
        cause = sqlite_error_of(error)
        if cause is not None and not is_damage(cause):
            raise unavailable(path, cause) from error
        raise StoreDamagedError(f"{path} cannot be read as a database: {error}.") from error
    except BaseException:
        db.close()
        raise
    return StoreInfo(
        path=path,
        schema_version=SCHEMA_VERSION,
        migrated_from=migrated_from,
        journal_mode=journal_mode,
        foreign_keys=foreign_keys,
        synchronous=synchronous,
        quick_check=check,
        created=created,
    )


def close_store() -> None:
    """Close the bound database, if any (safe to call twice)."""
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()
