"""Table model of the contact list: counts the matching contacts and reads pages on demand."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QGuiApplication

from followup_desktop.services.contact_queries import (
    EVERYONE,
    ContactListQuery,
    ContactRow,
    contact_page,
    count_all_contacts,
    count_contacts,
    position_of_contact,
    query_holds_contact,
)
from followup_desktop.services.contact_search import SORT_COLUMNS, ContactFilter
from followup_desktop.services.user_text import isolated
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import WARNING

ContactIdRole = Qt.ItemDataRole.UserRole + 1
NAME, ROLE, COMPANY, EMAIL, PHONE, LAST_CONTACT = range(6)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        ContactIdRole,
    }
)


class ContactListModel(TitledTableModel):
    """Knows how many contacts pass the filter (one count query) and reads the rows a page at
    a time as the view asks for them, keeping only the last few pages in memory."""

    COLUMNS = tuple(title for title, _terms in SORT_COLUMNS)
    PAGE_SIZE = 128
    #: Pages kept in memory: a screenful or two around the view, plus recent scrolling.
    KEPT_PAGES = 12

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = ContactFilter()
        self._today = dt.date.today()
        self._sort_column = NAME
        self._descending = False
        self._sorted_once = False
        self._query = ContactListQuery()
        self._count = 0
        self._total = 0
        self._pages: OrderedDict[int, list[ContactRow]] = OrderedDict()
        #: Pages read from the store since the last reset (for tests and benchmarks).
        self.pages_read = 0

    # --- content -------------------------------------------------------------------------

    def refresh(self, today: dt.date | None = None) -> None:
        """Read the counts again and forget the cached rows (the store changed)."""
        self.beginResetModel()
        self._today = today or dt.date.today()
        self._total = count_all_contacts()
        self._requery()
        self.endResetModel()

    def set_filter(self, wanted: ContactFilter) -> None:
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._requery()
        self.endResetModel()

    def current_filter(self) -> ContactFilter:
        return self._filter

    def total_count(self) -> int:
        return self._total

    def loaded_row_count(self) -> int:
        """Rows held in memory now (at most ``KEPT_PAGES`` pages)."""
        return sum(len(page) for page in self._pages.values())

    def row_at(self, row: int) -> ContactRow:
        if not 0 <= row < self._count:
            raise IndexError(row)
        page = self._page(row // self.PAGE_SIZE)
        return page[row % self.PAGE_SIZE]

    def row_in_first_page(self, contact_id: int) -> int | None:
        """The contact's row if it is on the first page (read anyway to show the list)."""
        if self._count == 0:
            return None
        for offset, row in enumerate(self._page(0)):
            if row.id == contact_id:
                return offset
        return None

    def holds_contact(self, contact_id: int) -> bool:
        """Whether the contact is among the rows (read or not)."""
        if any(row.id == contact_id for page in self._pages.values() for row in page):
            return True
        return self._count > 0 and query_holds_contact(self._query, contact_id)

    def row_of_contact(self, contact_id: int) -> int | None:
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == contact_id:
                    return number * self.PAGE_SIZE + offset
        return position_of_contact(self._query, contact_id)

    def _requery(self) -> None:
        self._query = ContactListQuery.of(
            self._filter, self._today, self._sort_column, self._descending
        )
        self._count = (
            self._total if self._query.condition == EVERYONE else count_contacts(self._query)
        )
        self._pages.clear()
        self.pages_read = 0

    def _page(self, number: int) -> list[ContactRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        share = self._count / self._total if self._total else 1.0
        page = contact_page(self._query, number * self.PAGE_SIZE, self.PAGE_SIZE, share)
        self.pages_read += 1
        self._pages[number] = page
        if len(self._pages) > self.KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def _row_or_none(self, row: int) -> ContactRow | None:
        page = self._page(row // self.PAGE_SIZE)
        offset = row % self.PAGE_SIZE
        # A page shorter than expected: the store changed under us; the reset is on its way.
        return page[offset] if offset < len(page) else None

    # --- Qt model interface --------------------------------------------------------------

    def row_texts(self, row: int) -> tuple[tuple[str, ...], int] | None:
        """The row's cell texts and the column shown in the warning colour (-1 for none): what
        the contact table paints, in one call per row."""
        found = self._row_or_none(row) if 0 <= row < self._count else None
        if found is None:
            return None
        due = found.keep_in_touch_due
        flagged = LAST_CONTACT if due is not None and due <= self._today else -1
        texts = (
            found.name,
            found.role,
            _display(found, COMPANY, self._today),
            found.email,
            found.phone,
            _display(found, LAST_CONTACT, self._today),
        )
        return texts, flagged

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(self.COLUMNS):
            return
        if (column, descending) == (self._sort_column, self._descending) and self._sorted_once:
            # The header asks again after every reset; the rows are already in this order.
            return
        self._sorted_once = True
        self.beginResetModel()
        self._sort_column = column
        self._descending = descending
        self._requery()
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each visible cell for a dozen roles on every paint; answer the ones we
        # do not provide before doing any work.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = self._row_or_none(index.row())
        if row is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return _display(row, column, self._today)
        if role == ContactIdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _tooltip(row, column, self._today)
            return plain_tooltip(tip) if tip else tip
        if role == Qt.ItemDataRole.ForegroundRole and column == LAST_CONTACT:
            due = row.keep_in_touch_due
            if due is not None and due <= self._today:
                return QBrush(WARNING.on(QGuiApplication.palette()))
        return None


def _display(row: ContactRow, column: int, today: dt.date) -> str:
    if column == NAME:
        return row.name
    if column == ROLE:
        return row.role
    if column == COMPANY:
        if row.is_agency and row.client_company:
            return f"{isolated(row.company)} (for {isolated(row.client_company)})"
        return row.company
    if column == EMAIL:
        return row.email
    if column == PHONE:
        return row.phone
    return row.last_contact.isoformat() if row.last_contact else "never"


def _tooltip(row: ContactRow, column: int, today: dt.date) -> str | None:
    if column == LAST_CONTACT:
        due = row.keep_in_touch_due
        if due is not None and due <= today:
            return f"Keep-in-touch due since {due.isoformat()}"
        if due is not None:
            return f"Next keep-in-touch on {due.isoformat()}"
        return None
    if column == COMPANY and row.is_agency:
        client = isolated(row.client_company)
        return "Agency recruiter" + (f" for {client}" if client else "")
    return None
