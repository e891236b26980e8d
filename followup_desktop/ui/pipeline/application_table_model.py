"""Table model of the applications: every id in the chosen order (one sorted query), the rows
read a page at a time as the view asks for them."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from followup_desktop.services.application_table import (
    TABLE_COLUMNS,
    TableRow,
    sorted_application_ids,
    table_rows,
)
from followup_desktop.services.job_details import PRIORITY_LABELS, location_text, salary_text
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.plain_text import plain_tooltip, shown_line

ApplicationIdRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ApplicationIdRole,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NEXT_FOLLOW_UP = next(i for i, c in enumerate(TABLE_COLUMNS) if c.key == "next_follow_up")


class ApplicationTableModel(TitledTableModel):
    """One row per application (archived ones only when the filter finds them)."""

    COLUMNS = tuple(column.title for column in TABLE_COLUMNS)
    PAGE_SIZE = 100
    #: Pages kept in memory: a screenful or two around the view, plus recent scrolling.
    KEPT_PAGES = 16

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sort_column = 0
        self._descending = False
        self._sorted_once = False
        #: Ids the board's filter found (None: no filter).
        self._matches: set[int] | None = None
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, TableRow]] = OrderedDict()
        self.today = dt.date.today()
        #: Pages read from the store since the last reset (for tests and benchmarks).
        self.pages_read = 0

    # --- content -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the order again and forget the cached rows (the store changed)."""
        self.beginResetModel()
        self.today = dt.date.today()
        self._requery()
        self.endResetModel()

    def set_matches(self, matches: set[int] | None) -> bool:
        """Show only these applications (None: every active one); True if the rows were read
        again."""
        if matches == self._matches:
            return False
        self._matches = matches
        self.refresh()
        return True

    def application_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, application_id: int) -> int | None:
        try:
            return self._ids.index(application_id)
        except ValueError:
            return None

    def row_at(self, row: int) -> TableRow | None:
        """The row's values; None when the application went meanwhile (a reset is coming)."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * self.PAGE_SIZE : (number + 1) * self.PAGE_SIZE]
            page = {found.id: found for found in table_rows(ids)}
            self.pages_read += 1
            self._pages[number] = page
            if len(self._pages) > self.KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def row_texts(self, row: int) -> tuple[tuple[str, ...], int] | None:
        """The row's cell texts and the column shown in the warning colour (an overdue next
        follow-up; -1 for none): what the table paints, in one call per row."""
        found = self.row_at(row)
        if found is None:
            return None
        texts = tuple(cell_text(found, column.key) for column in TABLE_COLUMNS)
        due = found.next_follow_up
        overdue = due is not None and due < self.today and not found.archived
        return texts, _NEXT_FOLLOW_UP if overdue else -1

    def _requery(self) -> None:
        key = TABLE_COLUMNS[self._sort_column].key
        ids = sorted_application_ids(
            key, self._descending, include_archived=self._matches is not None
        )
        if self._matches is not None:
            ids = [app_id for app_id in ids if app_id in self._matches]
        self._ids = ids
        self._pages.clear()
        self.pages_read = 0

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(TABLE_COLUMNS):
            return
        if (column, descending) == (self._sort_column, self._descending) and self._sorted_once:
            # The view asks twice per click (the header's indicator, then the view itself).
            return
        self._sorted_once = True
        self.beginResetModel()
        self._sort_column = column
        self._descending = descending
        self._requery()
        self.endResetModel()

    def sort_order(self) -> tuple[int, bool]:
        return self._sort_column, self._descending

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each visible cell for a dozen roles on every paint: the ones not given
        # are answered before any work.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        found = self.row_at(index.row())
        if found is None:
            return None
        key = TABLE_COLUMNS[index.column()].key
        if role == ApplicationIdRole:
            return found.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key == "salary" else None
        text = cell_text(found, key)
        if role == _DISPLAY:
            return shown_line(text)
        return plain_tooltip(text) if text and key in ("position", "tags", "location") else None


def cell_text(row: TableRow, key: str) -> str:
    """What the table shows of ``row`` in the column ``key``."""
    if key == "company":
        return row.company
    if key == "position":
        return row.position
    if key == "stage":
        return f"{row.stage} (archived)" if row.archived else row.stage
    if key == "priority":
        return PRIORITY_LABELS.get(row.priority, "")
    if key == "location":
        return location_text(row.location, row.work_mode)
    if key == "salary":
        return salary_text(row.salary_min, row.salary_max, row.salary_currency, row.salary_period)
    if key == "applied_on":
        return row.applied_on.isoformat() if row.applied_on else ""
    if key == "next_follow_up":
        return row.next_follow_up.isoformat() if row.next_follow_up else "none"
    if key == "last_contact":
        return row.last_contact.isoformat() if row.last_contact else "never"
    return row.tags
