"""Reading rows without model instances, always on the ORM's own connection: raw SQL where it
reads better or is faster, and a built query's rows as plain tuples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followup_desktop.db.errors import StoreError
from followup_desktop.db.models import database


def _execute(sql: str, params: tuple[Any, ...] | list[Any]) -> Any:
    if database.obj is None:
        raise StoreError("The store is not open.")
    return database.execute_sql(sql, params)


def read_all(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[tuple[Any, ...]]:
    """Every row ``sql`` gives, as plain tuples."""
    rows: list[tuple[Any, ...]] = _execute(sql, params).fetchall()
    return rows


def read_one(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> tuple[Any, ...] | None:
    """The first row ``sql`` gives, or None."""
    row: tuple[Any, ...] | None = _execute(sql, params).fetchone()
    return row


def query_rows(query: Any) -> list[tuple[Any, ...]]:
    """A built query's rows as SQLite gives them (dates as text, flags as 0 or 1).

    For reads of tens of thousands of rows, where converting every column through the
    model costs more than the work done with them.
    """
    sql, params = query.sql()
    return read_all(sql, params)


def tuple_rows(query: Any) -> Iterator[tuple[Any, ...]]:
    """A built query's rows as tuples of Python values, without keeping them in the query."""
    rows: Iterator[tuple[Any, ...]] = query.tuples().iterator()
    return rows
