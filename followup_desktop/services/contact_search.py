"""The contact list's search box, filters and column order, written as SQL over indexes.

Words of two or more characters are found anywhere in a contact's name, company, e-mail, role
or client company through a trigram index (a two-character word through the indexed trigrams
that begin with it, so "li" finds Lisa, Li Wei and Amelia, as "lia" will); a single character
matches the start of a word through a prefix index ("m" finds Mark and Emma Moss, not Emma
Lee: nearly every name holds a common letter somewhere). Both indexes hold the text folded
(no case, no accents: "nunez" finds Núñez) and are kept current by triggers (schema versions 3
and 4), so a keystroke costs index lookups, not a pass over every contact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from followup_desktop.services.search_text import folded_words

#: Words of this length or longer are one phrase of the trigram index.
TRIGRAM_LENGTH = 3
#: Words shorter than this (one character) match the start of a word; longer ones anywhere.
SUBSTRING_LENGTH = 2

#: The trigram index's terms that begin with a two-character word (folded).
PairTerms = Callable[[str], list[str]]


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


#: The day of the last logged conversation with the contact ``c`` (NULL if none).
LAST_CONTACT_SQL = "(SELECT max(i.occurred_at) FROM interaction i WHERE i.contact_id = c.id)"
#: The due day of the contact's planned keep-in-touch follow-up, if any.
KEEP_IN_TOUCH_DUE_SQL = (
    "(SELECT min(f.due_on) FROM follow_up f WHERE f.reason = 'keep_in_touch'"
    " AND f.state = 'planned' AND f.contact_id = c.id)"
)

#: (column title, SQL sort terms) of each list column, in display order. Terms may name the
#: contact ``c``, its company ``co`` and its client company ``cc``; ties fall back to the id.
SORT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Name", ("c.last_name COLLATE NOCASE", "c.first_name COLLATE NOCASE")),
    ("Role", ("c.role COLLATE NOCASE",)),
    ("Company", ("co.name COLLATE NOCASE", "cc.name COLLATE NOCASE")),
    ("E-mail", ("c.email COLLATE NOCASE",)),
    ("Phone", ("c.phone",)),
    ("Last contact", (LAST_CONTACT_SQL,)),
)


@dataclass(frozen=True)
class SqlCondition:
    """A WHERE condition over the contact ``c`` and the values for its placeholders."""

    sql: str
    params: tuple[object, ...] = ()


def _phrase(word: str) -> str:
    """One FTS5 phrase matching ``word`` literally (quotes doubled, operators inert)."""
    return '"' + word.replace('"', '""') + '"'


def _has_word_characters(word: str) -> bool:
    return any(character.isalnum() for character in word)


#: A condition no contact meets.
NOTHING = SqlCondition("0")


def text_condition(text: str, pair_terms: PairTerms) -> list[SqlCondition]:
    """Conditions that every word of ``text`` is found in the contact's searchable fields."""
    words = folded_words(text)
    anywhere: list[str] = []
    for word in words:
        if len(word) >= TRIGRAM_LENGTH:
            anywhere.append(_phrase(word))
        elif len(word) == SUBSTRING_LENGTH:
            # The trigrams that begin with the pair: a contact holds the pair if it holds one
            # of them (the index has a trigram at every position but the last two characters
            # of the text, which end with a separator or the client company's name).
            terms = pair_terms(word)
            if not terms:
                return [NOTHING]
            anywhere.append("(" + " OR ".join(_phrase(term) for term in terms) + ")")
    # A single character of punctuation ("&", "-") has no word to start; it would match
    # nearly everyone anyway, so it does not narrow the list.
    starts = [w for w in words if len(w) < SUBSTRING_LENGTH and _has_word_characters(w)]
    conditions = []
    if anywhere:
        conditions.append(
            SqlCondition(
                "c.id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?)",
                (" AND ".join(anywhere),),
            )
        )
    if starts:
        conditions.append(
            SqlCondition(
                "c.id IN (SELECT rowid FROM contact_search_words"
                " WHERE contact_search_words MATCH ?)",
                (" AND ".join(_phrase(w) + "*" for w in starts),),
            )
        )
    return conditions


def text_count_sql(text: str, pair_terms: PairTerms) -> SqlCondition | None:
    """A count of the contacts matching ``text`` read from one full-text index alone (it holds
    one row per contact), or None when the words need both indexes or none narrows the list.
    (Probing one index per row of the other is slow in FTS5: that count goes through contacts.)
    """
    conditions = text_condition(text, pair_terms)
    if len(conditions) != 1:
        return None
    (condition,) = conditions
    if condition == NOTHING:
        return SqlCondition("SELECT 0")
    table = "contact_search" if "contact_search MATCH" in condition.sql else "contact_search_words"
    return SqlCondition(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", condition.params)


def filter_conditions(
    wanted: ContactFilter, today: dt.date, pair_terms: PairTerms
) -> list[SqlCondition]:
    """The WHERE conditions (all must hold) for ``wanted`` on ``today``."""
    conditions = text_condition(wanted.text, pair_terms)
    if wanted.company_id is not None:
        conditions.append(
            SqlCondition(
                "(c.company_id = ? OR c.client_company_id = ?)",
                (wanted.company_id, wanted.company_id),
            )
        )
    if wanted.agency_only:
        conditions.append(SqlCondition("c.is_agency = 1"))
    if wanted.keep_in_touch_due:
        conditions.append(
            SqlCondition(
                "c.id IN (SELECT f.contact_id FROM follow_up f WHERE f.reason = 'keep_in_touch'"
                " AND f.state = 'planned' AND f.due_on <= ?)",
                (today.isoformat(),),
            )
        )
    if wanted.silent_days is not None:
        # Quiet since the cutoff day: nothing logged on the day after it or later.
        first_day_heard = today - dt.timedelta(days=wanted.silent_days) + dt.timedelta(days=1)
        conditions.append(
            SqlCondition(
                "NOT EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = c.id"
                " AND i.occurred_at >= ?)",
                (first_day_heard.isoformat(),),
            )
        )
    return conditions


def joined(conditions: list[SqlCondition]) -> SqlCondition:
    """All ``conditions`` as one (``1`` when there are none)."""
    if not conditions:
        return SqlCondition("1")
    params: tuple[object, ...] = ()
    for condition in conditions:
        params += condition.params
    return SqlCondition(" AND ".join(c.sql for c in conditions), params)


def order_terms(column: int, descending: bool) -> list[str]:
    """ORDER BY terms for a list column, the id last so that the order is total."""
    direction = " DESC" if descending else ""
    terms = SORT_COLUMNS[column][1]
    return [term + direction for term in terms] + ["c.id" + direction]


def sorted_before(column: int, descending: bool, key: tuple[object, ...]) -> SqlCondition:
    """Rows that come before the row whose sort values (terms, then id) are ``key``.

    SQLite puts NULL first in ascending order; the comparisons say so explicitly, since a
    comparison with NULL is never true.
    """
    terms = [*SORT_COLUMNS[column][1], "c.id"]
    alternatives: list[str] = []
    params: list[object] = []
    equal_so_far: list[str] = []
    equal_params: list[object] = []
    for term, value in zip(terms, key, strict=True):
        if value is None:
            earlier = f"{term} IS NOT NULL" if descending else ""
            earlier_params: list[object] = []
        elif descending:
            earlier, earlier_params = f"{term} > ?", [value]
        else:
            earlier, earlier_params = f"({term} IS NULL OR {term} < ?)", [value]
        if earlier:
            alternatives.append(" AND ".join([*equal_so_far, earlier]))
            params += equal_params + earlier_params
        equal_so_far.append(f"{term} IS ?")
        equal_params.append(value)
    if not alternatives:
        return SqlCondition("0")
    return SqlCondition("(" + " OR ".join(f"({a})" for a in alternatives) + ")", tuple(params))
