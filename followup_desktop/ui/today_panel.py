"""Today panel: overdue follow-ups first, then what is due today; activating one opens it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, FollowUpRow, due_follow_ups
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.plain_text import plain_tooltip

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
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
        self.overdue: list[FollowUpRow] = []
        self.due_today: list[FollowUpRow] = []
        self.refresh()

    def refresh(self) -> None:
        today = dt.date.today()
        self.overdue, self.due_today = due_follow_ups(today)
        self.list.clear()
        if not self.overdue and not self.due_today:
            self.summary.setText("Nothing due today. Well done!")
            return
        self.summary.setText(
            f"{len(self.overdue)} overdue · {len(self.due_today)} due today. "
            "Double-click one to act on it."
        )
        self._add_section(f"Overdue ({len(self.overdue)})", self.overdue, today)
        self._add_section(f"Today ({len(self.due_today)})", self.due_today, today)

    def _add_section(self, title: str, rows: list[FollowUpRow], today: dt.date) -> None:
        if not rows:
            return
        header = QListWidgetItem(title)
        font = QFont(header.font())
        font.setBold(True)
        header.setFont(font)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(header)
        for row in rows:
            late = (today - row.due_on).days
            when = f"{late} day{'s' if late != 1 else ''} late" if late > 0 else "today"
            item = QListWidgetItem(
                f"{row.title()}\n{CHANNEL_LABELS.get(row.channel, row.channel)} · {when}"
            )
            item.setData(FollowUpIdRole, row.id)
            item.setToolTip(plain_tooltip(item.text()))
            if late > 0:
                item.setForeground(QBrush(_OVERDUE))
            self.list.addItem(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        follow_up_id = item.data(FollowUpIdRole)
        if follow_up_id is not None:
            self.events.compose_follow_up_requested.emit(int(follow_up_id))
