"""Turn a failed write (full disk, read-only folder, I/O error, lock) into one line for the user."""

from __future__ import annotations

import errno
import sqlite3

import peewee as pw

from followup_desktop.db.errors import StoreError

_KEPT = "Everything saved before is intact; you can try again."

DISK_FULL = f"The disk is full, so this change was not saved. Free some space. {_KEPT}"
IO_ERROR = (
    "The disk reported an error while saving (it may be full or failing), "
    f"so this change was not saved. {_KEPT}"
)
READ_ONLY = (
    "The data folder is read-only, so this change was not saved. "
    f"Check the folder's permissions or free the drive. {_KEPT}"
)
LOCKED = (
    "Another program is using the database, so this change was not saved. "
    f"Close that program or wait a moment. {_KEPT}"
)
CANNOT_OPEN = (
    "The database file cannot be opened any more (was its folder moved or unplugged?), "
    f"so this change was not saved. {_KEPT}"
)
TOO_BIG = (
    "This text is too long to be stored (a value may hold up to about a billion bytes), "
    f"so this change was not saved. Shorten it. {_KEPT}"
)
DAMAGED = (
    "The database reported damage, so this change was not saved. Quit and restart "
    "Follow-up Desk: it will offer the newest good backup."
)

# SQLite's own wording (sqlite3_errstr) for each kind of failure, most specific first.
_SQLITE_MESSAGES: tuple[tuple[str, str], ...] = (
    ("database or disk is full", DISK_FULL),
    ("disk i/o error", IO_ERROR),
    ("readonly database", READ_ONLY),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("unable to open database file", CANNOT_OPEN),
    ("database disk image is malformed", DAMAGED),
    ("file is not a database", DAMAGED),
    ("string or blob too big", TOO_BIG),
)

_OS_MESSAGES: dict[int, str] = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EFBIG: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: IO_ERROR,
}


def _kinds(name: str) -> tuple[type[BaseException], ...]:
    """SQLite's error class ``name`` and peewee's (peewee wraps SQLite's errors in its own)."""
    return (getattr(sqlite3, name), getattr(pw, name))


def is_database_error(error: BaseException) -> bool:
    """True for any error SQLite (directly or through peewee) raised about the database."""
    return isinstance(error, _kinds("DatabaseError"))


def _chain(error: BaseException) -> list[BaseException]:
    """The error and the ones it was raised from or while handling, outermost first."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 8:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _specific_message(error: BaseException) -> str | None:
    if isinstance(error, StoreError):
        return str(error)
    if is_database_error(error):
        text = str(error).lower()
        for fragment, message in _SQLITE_MESSAGES:
            if fragment in text:
                return message
        return None
    if isinstance(error, OSError):
        return _OS_MESSAGES.get(error.errno or 0)
    return None


def storage_failure_message(error: BaseException) -> str | None:
    """The user's one-line message for a storage failure, or None if ``error`` is not one.

    The whole chain is read: when SQLite has already rolled back after a full disk, the
    transaction's own ROLLBACK fails too ("no transaction is active") and hides the cause.
    Bugs and refused input (integrity errors, validation) are not storage failures: they keep
    their own handling.
    """
    if isinstance(error, _kinds("IntegrityError")):
        return None
    for link in _chain(error):
        message = _specific_message(link)
        if message is not None:
            return message
    if isinstance(error, _kinds("OperationalError")):
        return f"The database refused this change ({error}). {_KEPT}"
    return None
