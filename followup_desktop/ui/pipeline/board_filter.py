"""The board's filter: every application's searchable text, read once and kept while in use."""

from __future__ import annotations

from followup_desktop.services.board import BoardCard
from followup_desktop.services.board_search import SearchEntry, load_search_entries, search_board


class BoardFilter:
    """What the filter box holds, and which cards of each stage match it."""

    def __init__(self) -> None:
        self.text = ""
        self._entries: dict[int, SearchEntry] | None = None

    def matches(self) -> dict[int, list[int]]:
        """Matching application ids per stage, in the order the column shows them."""
        if self._entries is None:
            self._entries = {entry.id: entry for entry in load_search_entries()}
        return search_board(list(self._entries.values()), self.text)

    def forget(self) -> None:
        """Something changed outside the board: read the texts again when next needed."""
        self._entries = None

    def card_moved(self, application_id: int, card: BoardCard | None, renumbered: bool) -> None:
        """Keep the entry of a card that moved, was archived or restored in step with the store."""
        if self._entries is None:
            return
        if renumbered:
            self._entries = None
            return
        entry = self._entries.get(application_id)
        if entry is None or card is None:
            self._entries = None
            return
        entry.stage_id, entry.rank, entry.archived = card.stage_id, card.rank, card.archived
