"""Search and filter the contact list in memory, fast enough to run on every keystroke.

Each contact's searchable text is folded once; a keystroke that only extends the previous query
searches within the previous matches, so typing a name narrows 50,000 rows in a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from followup_desktop.services.contact_queries import ContactRow


@dataclass(frozen=True)
class ContactFilter:
    """What the list shows: words to find, and the optional filters beside the search box."""

    text: str = ""
    company_id: int | None = None
    agency_only: bool = False
    keep_in_touch_due: bool = False
    #: Only contacts not heard from (no logged conversation) for at least this many days.
    silent_days: int | None = None

    def without_text(self) -> ContactFilter:
        return replace(self, text="")


_CACHED_QUERIES = 48


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


#: (column title, sort key) of each list column, in display order.
SORT_KEYS: tuple[tuple[str, Callable[[ContactRow], Any]], ...] = (
    ("Name", lambda r: (r.last_name.casefold(), r.first_name.casefold(), r.id)),
    ("Role", lambda r: (r.role.casefold(), r.id)),
    ("Company", lambda r: (r.company.casefold(), r.client_company.casefold(), r.id)),
    ("E-mail", lambda r: (r.email.casefold(), r.id)),
    ("Phone", lambda r: (r.phone, r.id)),
    ("Last contact", lambda r: (r.last_contact or dt.date.min, r.id)),
)


class ContactSearch:
    """The rows in display order, and the positions of those that pass the current filter."""

    def __init__(self, rows: Sequence[ContactRow], today: dt.date | None = None) -> None:
        self.rows = list(rows)
        self.today = today or dt.date.today()
        self._haystacks = [
            _folded(f"{r.name} | {r.company} | {r.email} | {r.role} | {r.client_company}")
            for r in self.rows
        ]
        self._order = list(range(len(self.rows)))
        self._positions = {row.id: position for position, row in enumerate(self.rows)}
        self._last_filter: ContactFilter | None = None
        self._last_matches: list[int] = []
        #: Results of recent queries under the same filters, oldest first.
        self._cache: dict[str, list[int]] = {}
        self._cache_structure: ContactFilter | None = None

    def position_of(self, contact_id: int) -> int | None:
        return self._positions.get(contact_id)

    def sort(self, column: int, descending: bool = False) -> None:
        key = SORT_KEYS[column][1]
        self._order.sort(key=lambda i: key(self.rows[i]), reverse=descending)
        self._last_filter = None
        self._cache.clear()

    def matches(self, wanted: ContactFilter) -> list[int]:
        """Row positions passing ``wanted``, in the current sort order."""
        text = _folded(wanted.text)
        structure = wanted.without_text()
        if structure != self._cache_structure:
            self._cache_structure = structure
            self._cache.clear()
        cached = self._cache.get(text)
        if cached is not None:
            # Backspacing returns to a query typed a moment ago.
            self._last_filter, self._last_matches = wanted, cached
            return cached
        previous = self._last_filter
        if (
            previous is not None
            and previous.without_text() == structure
            and text.startswith(_folded(previous.text))
        ):
            # Every word of the longer query contains a word of the shorter one, so its matches
            # are a subset of the previous matches.
            candidates = self._last_matches
        else:
            candidates = self._structural(wanted)
        haystacks = self._haystacks
        for word in text.split():
            candidates = [i for i in candidates if word in haystacks[i]]
        if len(self._cache) >= _CACHED_QUERIES:
            self._cache.pop(next(iter(self._cache)))
        self._cache[text] = candidates
        self._last_filter = wanted
        self._last_matches = candidates
        return candidates

    def _structural(self, wanted: ContactFilter) -> list[int]:
        rows = self.rows
        found = self._order
        if wanted.company_id is not None:
            company = wanted.company_id
            found = [
                i
                for i in found
                if rows[i].company_id == company or rows[i].client_company_id == company
            ]
        if wanted.agency_only:
            found = [i for i in found if rows[i].is_agency]
        if wanted.keep_in_touch_due:
            today = self.today
            found = [i for i in found if _due(rows[i].keep_in_touch_due, today)]
        if wanted.silent_days is not None:
            cutoff = self.today - dt.timedelta(days=wanted.silent_days)
            found = [i for i in found if _silent_since(rows[i].last_contact, cutoff)]
        return found


def _due(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day <= today


def _silent_since(last: dt.date | None, cutoff: dt.date) -> bool:
    return last is None or last <= cutoff
