"""Raw SQL reads on the store's own connection (the ORM's), for questions clearer as SQL."""

from __future__ import annotations

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
