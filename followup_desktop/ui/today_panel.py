"""Today panel: overdue follow-ups first, then what is due today; activating one opens it.

Only the counts and a first page of each section are read, so the panel opens as fast on years
of data as on a week's; "Show more" reads the next page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from followup_desktop.services.follow_up_queries import (
    CHANNEL_LABELS,
    FollowUpRow,
    due_counts,
    due_page,
)
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.plain_text import plain_tooltip

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
#: On a "show more" item: True for the overdue section, False for today's.
MoreRole = Qt.ItemDataRole.UserRole + 2
#: Rows read per section at a time; a window height's worth, with room to spare.
PAGE_SIZE = 40
_OVERDUE = QColor("#c01c28")


class TodayPanel(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setObjectName("today_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._on_activated)
        events.follow_ups_changed.connect(self.refresh)
        events.applications_changed.connect(self.refresh)
        events.contacts_changed.connect(self.refresh)
        self.overdue_count = self.due_today_count = 0
        #: The rows shown so far, per section (overdue, due today).
        self.overdue: list[FollowUpRow] = []
        self.due_today: list[FollowUpRow] = []
        self._today = dt.date.today()
        self.refresh()

    def refresh(self) -> None:
        self._today = today = dt.date.today()
        self.overdue_count, self.due_today_count = due_counts(today)
        self.overdue = due_page(today, overdue=True, limit=PAGE_SIZE)
        self.due_today = due_page(today, overdue=False, limit=PAGE_SIZE)
        self.list.clear()
        if not self.overdue_count and not self.due_today_count:
            self.summary.setText("Nothing due today. Well done!")
            return
        self.summary.setText(
            f"{self.overdue_count} overdue · {self.due_today_count} due today. "
            "Double-click one to act on it."
        )
        self._add_section(f"Overdue ({self.overdue_count})", self.overdue, self.overdue_count, True)
        self._add_section(
            f"Today ({self.due_today_count})", self.due_today, self.due_today_count, False
        )

    def _add_section(self, title: str, rows: list[FollowUpRow], total: int, overdue: bool) -> None:
        if not total:
            return
        header = QListWidgetItem(title)
        font = QFont(header.font())
        font.setBold(True)
        header.setFont(font)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(header)
        for row in rows:
            self.list.addItem(self._row_item(row))
        if len(rows) < total:
            self.list.addItem(self._more_item(total - len(rows), overdue))

    def _row_item(self, row: FollowUpRow) -> QListWidgetItem:
        late = (self._today - row.due_on).days
        when = f"{late} day{'s' if late != 1 else ''} late" if late > 0 else "today"
        item = QListWidgetItem(
            f"{row.title()}\n{CHANNEL_LABELS.get(row.channel, row.channel)} · {when}"
        )
        item.setData(FollowUpIdRole, row.id)
        item.setToolTip(plain_tooltip(item.text()))
        if late > 0:
            item.setForeground(QBrush(_OVERDUE))
        return item

    @staticmethod
    def _more_item(left: int, overdue: bool) -> QListWidgetItem:
        item = QListWidgetItem(f"Show more ({left} not shown)…")
        item.setData(MoreRole, overdue)
        item.setToolTip("Double-click or press Enter to list the next ones.")
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        return item

    def show_more(self, overdue: bool) -> None:
        """Read the next page of a section and put it in place of its "show more" item."""
        shown = self.overdue if overdue else self.due_today
        total = self.overdue_count if overdue else self.due_today_count
        more_row = next(
            (i for i in range(self.list.count()) if self.list.item(i).data(MoreRole) is overdue),
            None,
        )
        if more_row is None:
            return
        page = due_page(self._today, overdue=overdue, limit=PAGE_SIZE, offset=len(shown))
        shown.extend(page)
        self.list.takeItem(more_row)
        for offset, row in enumerate(page):
            self.list.insertItem(more_row + offset, self._row_item(row))
        if page and len(shown) < total:
            self.list.insertItem(more_row + len(page), self._more_item(total - len(shown), overdue))

    def _on_activated(self, item: QListWidgetItem) -> None:
        more = item.data(MoreRole)
        if more is not None:
            self.show_more(bool(more))
            return
        follow_up_id = item.data(FollowUpIdRole)
        if follow_up_id is not None:
            self.events.compose_follow_up_requested.emit(int(follow_up_id))
