"""A small dialog to pick the day a follow-up moves to."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class PickDateDialog(QDialog):
    def __init__(self, current: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Move to which day?")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.activated.connect(lambda _date: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        day = self.calendar.selectedDate()
        return dt.date(day.year(), day.month(), day.day())


def ask_date(parent: QWidget | None, current: dt.date) -> dt.date | None:
    dialog = PickDateDialog(current, parent)
    return dialog.chosen() if dialog.exec() else None
