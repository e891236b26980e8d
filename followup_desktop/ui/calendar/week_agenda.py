"""The week agenda: the seven days one under another; drag a follow-up to another day to move it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from followup_desktop.ui.calendar.follow_up_list import FollowUpList
from followup_desktop.ui.theme import TODAY_TEXT, tone_text

#: Height of a day with nothing planned: room to drop something on it.
_EMPTY_DAY_HEIGHT = 30
#: Follow-ups shown per day before its "Show more" row: the week stays readable at a glance.
WEEK_PAGE_SIZE = 25


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeekAgenda(QScrollArea):
    follow_ups_dropped = Signal(list, object)
    menu_requested = Signal(int, QPoint)
    follow_up_activated = Signal(int)
    #: A follow-up was clicked under this day.
    day_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_agenda")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.monday = week_start(dt.date.today())
        self.headers: list[QLabel] = []
        self.columns: list[FollowUpList] = []
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        for index in range(7):
            header = QLabel()
            header.setTextFormat(Qt.TextFormat.PlainText)
            column = FollowUpList(
                day=self.monday + dt.timedelta(days=index),
                page_size=WEEK_PAGE_SIZE,
                more_row=True,
            )
            column.setObjectName(f"week_day_{index}")
            column.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            column.follow_ups_dropped.connect(self.follow_ups_dropped)
            column.menu_requested.connect(self.menu_requested)
            column.follow_up_activated.connect(self.follow_up_activated)
            column.clicked.connect(lambda _index, c=column: self.day_selected.emit(c.day))
            # "Show more" makes a day taller: the agenda keeps every row in sight.
            column.follow_ups.rowsInserted.connect(lambda *_, c=column: self._fit(c))
            column.follow_ups.rowsRemoved.connect(lambda *_, c=column: self._fit(c))
            layout.addWidget(header)
            layout.addWidget(column)
            self.headers.append(header)
            self.columns.append(column)
        layout.addStretch(1)
        self.setWidget(content)

    def show_week_of(self, day: dt.date, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.monday = week_start(day)
        for index, (header, column) in enumerate(zip(self.headers, self.columns, strict=True)):
            current = self.monday + dt.timedelta(days=index)
            column.show_day(current, today)
            planned = column.follow_ups.planned
            note = "today · " if current == today else ""
            count = f"{planned} planned" if planned else "nothing planned"
            header.setText(f"{current:%A %d %B}  ({note}{count})")
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            tone_text(header, TODAY_TEXT if current == today else None)
            self._fit(column)

    @staticmethod
    def _fit(column: FollowUpList) -> None:
        """Each day is as tall as its follow-ups, so the week reads as one agenda."""
        rows = column.follow_ups.rowCount()
        height = rows * column.sizeHintForRow(0) if rows else 0
        column.setFixedHeight(max(_EMPTY_DAY_HEIGHT, height + 2 * column.frameWidth() + 2))

    def column_for(self, day: dt.date) -> FollowUpList | None:
        for column in self.columns:
            if column.day == day:
                return column
        return None

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)
