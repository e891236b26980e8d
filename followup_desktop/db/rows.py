"""Typed access to raw result rows, for the queries that skip model instances for speed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def tuple_rows(query: Any) -> Iterator[tuple[Any, ...]]:
    """Iterate a select as plain tuples without caching them (peewee's ``tuples().iterator()``)."""
    rows: Iterator[tuple[Any, ...]] = query.tuples().iterator()
    return rows
