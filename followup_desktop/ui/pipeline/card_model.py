"""The cards of one stage column, loaded a page at a time as the view scrolls."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from followup_desktop.services.board import BoardCard, card_page, cards_by_ids
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS
from followup_desktop.services.job_details import location_text
from followup_desktop.services.user_text import isolated
from followup_desktop.ui.plain_text import plain_tooltip, shown_lines

CardRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def card_description(card: BoardCard, today: dt.date) -> str:
    """The card in words, for tooltips and screen readers (names isolated, ``isolated``)."""
    company = isolated(card.company)
    lines = [f"{isolated(card.position)} at {company}"]
    if card.priority:
        lines.append(f"Priority: {card.priority} of 3")
    where = location_text(card.location, card.work_mode)
    if where:
        lines.append(f"Where: {isolated(where)}")
    if card.tags:
        lines.append(f"Tags: {isolated(card.tags)}")
    if card.contact:
        lines.append(f"Contact: {isolated(card.contact)}")
    days = card.days_since_contact(today)
    if days is None:
        lines.append(f"No contact with {company} logged yet")
    else:
        unit = "day" if days == 1 else "days"
        lines.append(f"Last contact with {company}: {days} {unit} ago")
    if card.next_due is not None:
        channel = CHANNEL_LABELS.get(card.next_channel, card.next_channel)
        late = " (overdue)" if card.is_overdue(today) else ""
        lines.append(f"Next follow-up: {channel}, {card.next_due:%a %d %b %Y}{late}")
    else:
        lines.append("No follow-up planned")
    if card.archived:
        lines.append("Archived")
    return "\n".join(lines)


class StageColumnModel(QAbstractListModel):
    """Cards of one stage in rank order; only a prefix is loaded, more on demand.

    Without a filter the next page is read from the store after the last loaded card. With a
    filter the matching ids are known up front and their cards are read a page at a time.
    """

    #: Cards read at first: a tall screen's worth. The view asks for more as it scrolls.
    FIRST_PAGE = 24
    PAGE_SIZE = 150

    def __init__(self, stage_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        #: Cards in the column (loaded or not): active ones, or the filter's matches.
        self.total = 0
        self._cards: list[BoardCard] = []
        self._filter_ids: list[int] | None = None
        self._exhausted = True
        #: While true (a folded column) the view may not pull more cards in.
        self.paused = False
        self.today = dt.date.today()

    # --- loading -----------------------------------------------------------------------

    def reload(
        self, total: int, filter_ids: list[int] | None = None, keep: int = 0, load: bool = True
    ) -> None:
        """Start over (after a filter change or outside edits), loading at least ``keep`` rows.

        With ``load`` false (a folded column) nothing is read until the view asks.
        """
        self.beginResetModel()
        self.today = dt.date.today()
        self._filter_ids = filter_ids
        self.total = len(filter_ids) if filter_ids is not None else total
        self._cards = []
        self._exhausted = self.total == 0
        if load and not self._exhausted:
            self._load(max(keep, self.FIRST_PAGE))
        self.endResetModel()

    @property
    def is_filtered(self) -> bool:
        return self._filter_ids is not None

    def _next_cards(self, count: int) -> list[BoardCard]:
        if self._filter_ids is not None:
            start = len(self._cards)
            return cards_by_ids(self._filter_ids[start : start + count])
        after = (self._cards[-1].rank, self._cards[-1].id) if self._cards else None
        return card_page(self.stage_id, after=after, limit=count)

    def _load(self, count: int) -> list[BoardCard]:
        cards = self._next_cards(count)
        self._cards.extend(cards)
        if self._filter_ids is not None:
            self._exhausted = len(self._cards) >= len(self._filter_ids)
        else:
            self._exhausted = len(cards) < count
        return cards

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self.paused

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        cards = self._next_cards(self.PAGE_SIZE)
        if cards:
            first = len(self._cards)
            self.beginInsertRows(QModelIndex(), first, first + len(cards) - 1)
            self._cards.extend(cards)
            self.endInsertRows()
        if self._filter_ids is not None:
            self._exhausted = len(self._cards) >= len(self._filter_ids)
        else:
            self._exhausted = len(cards) < self.PAGE_SIZE

    def ensure_loaded(self, row: int) -> None:
        """Load pages until ``row`` exists (or the column ends)."""
        while row >= len(self._cards) and not self._exhausted:
            paused, self.paused = self.paused, False
            self.fetchMore()
            self.paused = paused

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_lines(f"{isolated(card.company)} — {isolated(card.position)}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(card_description(card, self.today))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return shown_lines(card_description(card, self.today))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- cards ---------------------------------------------------------------------------

    def card_at(self, row: int) -> BoardCard:
        return self._cards[row]

    def ids(self) -> list[int]:
        return [card.id for card in self._cards]

    def row_of(self, application_id: int) -> int:
        for row, card in enumerate(self._cards):
            if card.id == application_id:
                return row
        return -1

    def take(self, application_id: int) -> BoardCard | None:
        """Remove a card that left the column; return it (None if it was not loaded)."""
        row = self.row_of(application_id)
        self.total = max(0, self.total - 1)
        if self._filter_ids is not None and application_id in self._filter_ids:
            self._filter_ids.remove(application_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return card

    def place(self, card: BoardCard) -> int | None:
        """Insert a card that arrived in the column at its rank; its row, or None if unloaded."""
        self.total += 1
        keys = [(c.rank, c.id) for c in self._cards]
        row = bisect.bisect_left(keys, (card.rank, card.id))
        if row == len(self._cards) and not self._exhausted:
            return None  # it belongs further down, where the next page will bring it
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()
        return row

    def replace_card(self, card: BoardCard) -> None:
        row = self.row_of(card.id)
        if row >= 0:
            self._cards[row] = card
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def update_ranks(self, ranks: dict[int, int]) -> None:
        """New ranks after the column was renumbered (the order itself is unchanged)."""
        self._cards = [c._replace(rank=ranks.get(c.id, c.rank)) for c in self._cards]
