"""The board's filter box: every application's searchable text, and the cards that match."""

from __future__ import annotations

from followup_desktop.db.reads import read_all
from followup_desktop.services.search_text import fold_for_search, folded_words, matches_all


class SearchEntry:
    """One application as the filter box sees it; kept in memory while the filter is in use.

    The board updates an entry in place when its card moves, instead of reading them all again.
    """

    __slots__ = ("archived", "id", "rank", "stage_id", "text")

    def __init__(self, id: int, stage_id: int, archived: bool, rank: int, text: str) -> None:
        self.id = id
        self.stage_id = stage_id
        self.archived = archived
        self.rank = rank
        #: Company, position, contact name, location, tags and the posting's text, folded
        #: (no case, no accents).
        self.text = text


def load_search_entries() -> list[SearchEntry]:
    """Every application (archived too) with its searchable text, in column order."""
    sql = """
SELECT a.id, a.stage_id, a.archived, a.rank,
       c.name || ' ' || a.position || ' ' || COALESCE(ct.first_name, '') || ' ' ||
       COALESCE(ct.last_name, '') || ' ' || a.location || ' ' || a.work_mode || ' ' ||
       a.tags || ' ' || a.description
FROM application a
JOIN company c ON c.id = a.company_id
LEFT JOIN contact ct ON ct.id = a.contact_id
ORDER BY a.stage_id, a.archived, a.rank, a.id
"""
    return [
        SearchEntry(app_id, stage_id, bool(archived), rank, fold_for_search(text))
        for app_id, stage_id, archived, rank, text in read_all(sql)
    ]


def filter_words(text: str) -> list[str]:
    """The filter box's text as folded words, each of which a card must contain."""
    return folded_words(text)


def search_board(entries: list[SearchEntry], text: str) -> dict[int, list[int]]:
    """Matching application ids per stage: active ones first, then archived, each by rank."""
    words = filter_words(text)
    matches: dict[int, list[SearchEntry]] = {}
    for entry in entries:
        if matches_all(words, entry.text):
            matches.setdefault(entry.stage_id, []).append(entry)
    return {
        stage_id: [e.id for e in sorted(found, key=lambda e: (e.archived, e.rank, e.id))]
        for stage_id, found in matches.items()
    }
