"""Calendar area: a month with follow-up days marked, and the selected day's follow-ups."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.follow_up_queries import follow_ups_on, planned_counts_between
from followup_desktop.ui.events import AppEvents

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
_DUE_COLOUR = QColor("#1a5fb4")
_OVERDUE_COLOUR = QColor("#c01c28")


class CalendarArea(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.day_title = QLabel()
        self.day_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.day_list = QListWidget()
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(side, 2)
        self._marked: list[QDate] = []
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.selectionChanged.connect(self._show_selected_day)
        self.day_list.itemActivated.connect(self._on_item_activated)
        events.follow_ups_changed.connect(self.refresh)
        events.applications_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = dt.date(year, month, 1) - dt.timedelta(days=7)
        last = dt.date(year, month, 28) + dt.timedelta(days=14)
        today = dt.date.today()
        counts = planned_counts_between(first, last)
        for due_day, by_channel in counts.items():
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            colour = _OVERDUE_COLOUR if due_day < today else _DUE_COLOUR
            fmt.setForeground(QBrush(colour))
            fmt.setToolTip(
                ", ".join(f"{count} {channel}" for channel, count in sorted(by_channel.items()))
            )
            qdate = QDate(due_day.year, due_day.month, due_day.day)
            self.calendar.setDateTextFormat(qdate, fmt)
            self._marked.append(qdate)
        self._show_selected_day()

    def _show_selected_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        assert isinstance(day, dt.date)
        rows = follow_ups_on(day)
        self.day_title.setText(f"{day:%A %d %B %Y}: {len(rows)} follow-up(s)")
        self.day_list.clear()
        for row in rows:
            state = "" if row.state == "planned" else f" ({row.state})"
            item = QListWidgetItem(f"{row.title()} — {row.channel}{state}")
            item.setData(FollowUpIdRole, row.id)
            self.day_list.addItem(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.events.compose_follow_up_requested.emit(int(item.data(FollowUpIdRole)))
