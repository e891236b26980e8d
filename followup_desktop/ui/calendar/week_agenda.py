"""The week agenda: seven day columns of follow-ups; drag one to another day to move it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from followup_desktop.services.follow_up_queries import follow_ups_on
from followup_desktop.ui.calendar.channels import TODAY_COLOUR
from followup_desktop.ui.calendar.follow_up_list import FollowUpList


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeekAgenda(QWidget):
    follow_ups_dropped = Signal(list, object)
    menu_requested = Signal(int, QPoint)
    follow_up_activated = Signal(int)
    #: A follow-up was clicked in the column of this day.
    day_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_agenda")
        self.monday = week_start(dt.date.today())
        self.headers: list[QLabel] = []
        self.columns: list[FollowUpList] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        for index in range(7):
            header = QLabel()
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column = FollowUpList(day=self.monday + dt.timedelta(days=index))
            column.follow_ups_dropped.connect(self.follow_ups_dropped)
            column.menu_requested.connect(self.menu_requested)
            column.follow_up_activated.connect(self.follow_up_activated)
            column.itemClicked.connect(lambda _item, c=column: self.day_selected.emit(c.day))
            grid.addWidget(header, 0, index)
            grid.addWidget(column, 1, index)
            grid.setColumnStretch(index, 1)
            self.headers.append(header)
            self.columns.append(column)
        grid.setRowStretch(1, 1)

    def show_week_of(self, day: dt.date, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.monday = week_start(day)
        for index, (header, column) in enumerate(zip(self.headers, self.columns, strict=True)):
            current = self.monday + dt.timedelta(days=index)
            rows = follow_ups_on(current)
            planned = sum(1 for row in rows if row.state == "planned")
            header.setText(f"{current:%a %d %b}\n{planned} planned")
            font = QFont(header.font())
            font.setBold(current in (today, day))
            header.setFont(font)
            header.setStyleSheet(
                f"color: {TODAY_COLOUR.darker(130).name()}" if current == today else ""
            )
            column.day = current
            column.set_rows(rows, today)

    def column_for(self, day: dt.date) -> FollowUpList | None:
        for column in self.columns:
            if column.day == day:
                return column
        return None
