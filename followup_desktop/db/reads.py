"""The connection read-only questions use: the first screen's own, then the open store's."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from followup_desktop.db.errors import StoreError

#: Gives the connection to read with in the calling thread (set when the store opens).
_reader: Callable[[], sqlite3.Connection] | None = None


def use_reader(reader: Callable[[], sqlite3.Connection] | None) -> None:
    """Send read-only questions to the connection ``reader`` gives from now on."""
    global _reader
    _reader = reader


def read_connection() -> sqlite3.Connection:
    if _reader is None:
        raise StoreError("The store is not open.")
    return _reader()


def read_all(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[tuple[Any, ...]]:
    """Every row ``sql`` gives, as plain tuples."""
    return read_connection().execute(sql, params).fetchall()


def read_one(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = read_connection().execute(sql, params).fetchone()
    return row
