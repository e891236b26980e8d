"""Which applications and follow-ups a set of figures covers: a period, a source, a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: Below this many cases a share or a median is not shown: a handful of cases proves nothing.
MIN_CASES = 5

#: The periods offered, as (key, label); ``since_for`` turns a key into a first day.
PERIODS: tuple[tuple[str, str], ...] = (
    ("30d", "Last 30 days"),
    ("90d", "Last 90 days"),
    ("year", "This year"),
    ("all", "All time"),
)

#: A conversation that is an answer from the company: anything from them, and the kinds that
#: only they can start (an interview invitation, an offer, a rejection).
ANSWER_CONDITION = "(i.direction = 'inbound' OR i.kind IN ('interview', 'offer', 'rejection'))"


def since_for(period: str, today: dt.date) -> dt.date | None:
    """The first day of a period key (None: all time)."""
    if period == "30d":
        return today - dt.timedelta(days=29)
    if period == "90d":
        return today - dt.timedelta(days=89)
    if period == "year":
        return dt.date(today.year, 1, 1)
    if period == "all":
        return None
    raise ValueError(f"unknown period {period!r}")


@dataclass(frozen=True)
class InsightsScope:
    """The figures' scope: applications started (and follow-ups done) from ``since`` on, of one
    source when ``source`` is not None ("" is the applications with no source recorded)."""

    today: dt.date
    since: dt.date | None = None
    source: str | None = None

    def application_filter(self, alias: str = "a") -> tuple[str, list[Any]]:
        """A WHERE condition on applications (``alias``) and its parameters."""
        conditions = ["1"]
        params: list[Any] = []
        if self.since is not None:
            conditions.append(f"COALESCE({alias}.applied_on, date({alias}.created_at)) >= ?")
            params.append(self.since.isoformat())
        if self.source is not None:
            conditions.append(f"{alias}.source = ?")
            params.append(self.source)
        return " AND ".join(conditions), params


def share(part: int, cases: int) -> float | None:
    """``part`` of ``cases`` as a fraction, or None when there are too few cases to tell."""
    return part / cases if cases >= MIN_CASES else None


def share_text(part: int, cases: int) -> str:
    """ "62% (of 13)", or "too few (3)" below the minimum."""
    value = share(part, cases)
    if value is None:
        return f"too few ({cases})"
    return f"{value:.0%} (of {cases:,})"
