"""Table model of the contact list: holds every row, shows those passing the filter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from followup_desktop.services.contact_queries import ContactRow
from followup_desktop.services.contact_search import SORT_KEYS, ContactFilter, ContactSearch
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.plain_text import plain_tooltip

ContactIdRole = Qt.ItemDataRole.UserRole + 1
NAME, ROLE, COMPANY, EMAIL, PHONE, LAST_CONTACT = range(6)
_DUE_COLOUR = QColor("#b3261e")
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
    """Filtering and sorting happen in ``ContactSearch``; the model only maps visible rows."""

    COLUMNS = tuple(title for title, _key in SORT_KEYS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ContactSearch([])
        self._visible: list[int] = []
        self._filter = ContactFilter()
        self._sort_column = NAME
        self._descending = False
        self._sorted_once = False

    # --- content -------------------------------------------------------------------------

    def set_rows(self, rows: list[ContactRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._search = ContactSearch(rows, today)
        self._search.sort(self._sort_column, self._descending)
        self._visible = self._search.matches(self._filter)
        self.endResetModel()

    def set_filter(self, wanted: ContactFilter) -> None:
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._visible = self._search.matches(wanted)
        self.endResetModel()

    def current_filter(self) -> ContactFilter:
        return self._filter

    def total_count(self) -> int:
        return len(self._search.rows)

    def row_at(self, row: int) -> ContactRow:
        return self._search.rows[self._visible[row]]

    def row_of_contact(self, contact_id: int) -> int | None:
        position = self._search.position_of(contact_id)
        if position is None:
            return None
        try:
            return self._visible.index(position)
        except ValueError:
            return None

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

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
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._search.sort(column, self._descending)
        self._visible = self._search.matches(self._filter)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each visible cell for a dozen roles on every paint; answer the ones we
        # do not provide before doing any work.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = self._search.rows[self._visible[index.row()]]
        column = index.column()
        if role == _DISPLAY:
            return _display(row, column, self._search.today)
        if role == ContactIdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _tooltip(row, column, self._search.today)
            return plain_tooltip(tip) if tip else tip
        if role == Qt.ItemDataRole.ForegroundRole and column == LAST_CONTACT:
            due = row.keep_in_touch_due
            if due is not None and due <= self._search.today:
                return QBrush(_DUE_COLOUR)
        return None


def _display(row: ContactRow, column: int, today: dt.date) -> str:
    if column == NAME:
        return row.name
    if column == ROLE:
        return row.role
    if column == COMPANY:
        if row.is_agency and row.client_company:
            return f"{row.company} (for {row.client_company})"
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
        return "Agency recruiter" + (f" for {row.client_company}" if row.client_company else "")
    return None
