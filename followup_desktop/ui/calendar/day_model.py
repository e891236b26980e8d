"""One day's follow-ups as a list model that reads them a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette

from followup_desktop.services.follow_up_queries import (
    FollowUpRow,
    follow_ups_on_page,
    state_counts_on,
)
from followup_desktop.ui.calendar.channels import (
    FOLLOW_UP_MIME,
    channel_text,
    encode_ids,
)
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import FINISHED, WARNING

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
#: True on the "show more" row at the end of a page (when the model has one).
MoreRole = Qt.ItemDataRole.UserRole + 3
#: Rows read at a time: more than a tall list shows (about 30 on a full-HD screen), few
#: enough to read in a couple of ms on a busy day.
PAGE_SIZE = 50

AnyIndex = QModelIndex | QPersistentModelIndex


def row_text(row: FollowUpRow, today: dt.date, *, show_day: bool = False) -> str:
    """Two lines: what and with whom; then channel and timing (or its state)."""
    if row.state != "planned":
        when = row.state
    elif row.due_on < today:
        late = (today - row.due_on).days
        when = f"{late} day{'s' if late != 1 else ''} late"
    elif row.due_on == today:
        when = "today"
    else:
        when = f"{row.due_on:%a %d %b}" if show_day else "planned"
    return f"{row.title()}\n{channel_text(row.channel)} · {when}"


class DayFollowUpModel(QAbstractListModel):
    """The follow-ups due on one day, read ``page_size`` at a time.

    With ``more_row`` the next page comes from a last "Show more" row the user activates (for
    lists that are as tall as their rows, where "scrolled to the end" is always true); without
    it the view asks for the next page itself when its end scrolls into sight (``fetchMore``).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        more_row: bool = False,
    ) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.more_row = more_row
        self.day: dt.date | None = None
        self.today = dt.date.today()
        self.rows: list[FollowUpRow] = []
        self.state_counts: dict[str, int] = {}
        self._texts: dict[int, str] = {}
        self._finished_brush = QBrush(QColor(FINISHED.light))
        self._overdue_brush = QBrush(QColor(WARNING.light))

    # --- loading ---------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return sum(self.state_counts.values())

    @property
    def planned(self) -> int:
        return self.state_counts.get("planned", 0)

    @property
    def not_shown(self) -> int:
        return self.total - len(self.rows)

    def load(self, day: dt.date, today: dt.date, *, palette: QPalette | None = None) -> None:
        """Read ``day``'s counts and first page; the same day again keeps as many rows loaded.
        Finished and late rows take their colours from ``palette``'s scheme."""
        keep = len(self.rows) if day == self.day else 0
        self.beginResetModel()
        self.day, self.today = day, today
        if palette is not None:
            self._finished_brush = QBrush(FINISHED.on(palette))
            self._overdue_brush = QBrush(WARNING.on(palette))
        self.state_counts = state_counts_on(day)
        self.rows = follow_ups_on_page(day, limit=max(self.page_size, keep)) if self.total else []
        self._texts = {}
        self.endResetModel()

    def load_more(self) -> int:
        """Read the next page after the rows shown; returns how many rows came."""
        if self.day is None or not self.not_shown:
            return 0
        page = follow_ups_on_page(self.day, limit=self.page_size, offset=len(self.rows))
        if not page:
            return 0
        had_more_row = self._has_more_row()
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()
        if had_more_row and not self._has_more_row():
            last = len(self.rows)
            self.beginRemoveRows(QModelIndex(), last, last)
            self.endRemoveRows()
        elif self._has_more_row():
            more = self.index(len(self.rows))
            self.dataChanged.emit(more, more)
        return len(page)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.more_row and self.not_shown > 0

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self.load_more()

    # --- reading ---------------------------------------------------------------------------

    def _has_more_row(self) -> bool:
        return self.more_row and self.not_shown > 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.rows) + (1 if self._has_more_row() else 0)

    def row_at(self, row: int) -> FollowUpRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, follow_up_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == follow_up_id:
                return number
        return None

    def text(self, row: int) -> str:
        """The two lines shown for a row (kept: painting asks for them on every repaint)."""
        found = self.row_at(row)
        if found is None:
            return f"Show more ({self.not_shown} not shown)…" if self._has_more_row() else ""
        text = self._texts.get(row)
        if text is None:
            text = self._texts[row] = row_text(found, self.today)
        return text

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(index.row()))
        if row is None:
            if role == MoreRole:
                return True
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == FollowUpIdRole:
            return row.id
        if role == StateRole:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state != "planned":
                return self._finished_brush
            if row.due_on < self.today:
                return self._overdue_brush
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return flags
        flags |= Qt.ItemFlag.ItemIsSelectable
        if row.state == "planned":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- dragging out ----------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [FOLLOW_UP_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [row for index in indexes if (row := self.row_at(index.row())) is not None]
        mime = QMimeData()
        mime.setData(FOLLOW_UP_MIME, encode_ids([row.id for row in rows]))
        mime.setText("\n".join(row.title() for row in rows))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
