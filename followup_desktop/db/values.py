"""Stored dates and times as Python values: raw SQL gives ISO text, the ORM date objects."""

from __future__ import annotations

import datetime as dt


def stored_date_or_none(value: object) -> dt.date | None:
    """The day a stored date or time falls on; None for an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def stored_date(value: object) -> dt.date:
    """The day of a stored date that is never empty (a NOT NULL column)."""
    day = stored_date_or_none(value)
    if day is None:
        raise ValueError("a stored date is empty")
    return day


def stored_datetime_or_none(value: object) -> dt.datetime | None:
    """A stored time (a bare date counts as its midnight); None for an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return dt.datetime.fromisoformat(str(value))


def stored_datetime(value: object) -> dt.datetime:
    """A stored time that is never empty (a NOT NULL column)."""
    moment = stored_datetime_or_none(value)
    if moment is None:
        raise ValueError("a stored time is empty")
    return moment
