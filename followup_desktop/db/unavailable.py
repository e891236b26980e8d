"""Tell a store that cannot be used just now (full disk, read-only, locked, I/O) from damage."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from followup_desktop.db.errors import StoreUnavailableError

# SQLite's primary result codes (the low byte of an extended code).
_CORRUPT, _NOTADB = 11, 26
_BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN, _PERM = 5, 6, 8, 10, 13, 14, 3
#: Below this much free space, SQLite's input/output errors come from the full disk: its
#: shared-memory file alone needs 32 kB.
_NEARLY_FULL_BYTES = 1024 * 1024

_UNCHANGED = "Nothing was changed."


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is broken or not a database."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # raised without a code: tell by SQLite's own words
        text = str(error).lower()
        return "malformed" in text or "not a database" in text
    return code & 0xFF in (_CORRUPT, _NOTADB)


def sqlite_error_of(error: BaseException) -> sqlite3.Error | None:
    """SQLite's own error behind ``error`` (peewee raises its own kinds from SQLite's)."""
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            return None
        if isinstance(seen, sqlite3.Error):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def nearly_full(folder: Path) -> bool:
    """Too little room left for SQLite to open a store for writing."""
    free = _free_bytes(folder)
    return free is not None and free < _NEARLY_FULL_BYTES


def disk_full_reason(folder: Path) -> str:
    return f"The disk holding {folder} is full: free some space and start again. {_UNCHANGED}"


def unavailable_reason(path: Path, error: BaseException) -> str:
    """One line for the user: what keeps the store at ``path`` from being used, and what to do."""
    folder = path.parent
    if nearly_full(folder):
        return disk_full_reason(folder)
    code = getattr(error, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    os_code = getattr(error, "errno", None)
    if primary == _FULL or os_code in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_reason(folder)
    if primary in (_BUSY, _LOCKED):
        return (
            f"Another program is using {path.name} in {folder}: close it or wait a moment, "
            f"then start again. {_UNCHANGED}"
        )
    if primary in (_READONLY, _PERM) or os_code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only_reason(path)
    if primary == _CANTOPEN:
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            return read_only_reason(path)
        return (
            f"{path} cannot be opened ({error}): is its drive still there? Check it and start "
            f"again. {_UNCHANGED}"
        )
    return (
        f"The disk reported an error reading {path} ({error}): it may be failing. Copy the data "
        f"folder {folder} somewhere safe, then start again. {_UNCHANGED}"
    )


def read_only_reason(path: Path) -> str:
    """Why a store on a read-only file, folder or drive cannot be used."""
    return (
        f"{path} or its folder is read-only: Follow-up Desk must write there to keep your "
        "data safe. Make the folder and file writable for you (or choose another with "
        f"--data-dir), then start again. {_UNCHANGED}"
    )


def unavailable(path: Path, error: BaseException) -> StoreUnavailableError:
    """The error to raise for ``error`` met while using the store at ``path`` (not damage)."""
    return StoreUnavailableError(unavailable_reason(path, error))
