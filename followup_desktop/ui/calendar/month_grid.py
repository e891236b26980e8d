"""The month grid's layout: which days it shows and where each day's cell sits."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

from PySide6.QtCore import QRect, QRectF, QSize

#: The grid shows six weeks from Monday: every month fits, whatever day it starts on.
WEEKS = 6
#: Height of the row of weekday names above the cells, in pixels.
HEADER_HEIGHT = 24


def grid_start(year: int, month: int) -> dt.date:
    """The Monday on or before the first of the month: the grid's first cell."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = pycalendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def cell_size(size: QSize) -> tuple[float, float]:
    """Width and height of one day's cell in a grid of ``size``."""
    return size.width() / 7, (size.height() - HEADER_HEIGHT) / WEEKS


def cell_rect(index: int, width: float, height: float) -> QRect:
    """The cell of the ``index``-th day (0 is the top left), in whole pixels.

    Painting, hit tests and tooltips all use these same pixels.
    """
    row, column = divmod(index, 7)
    return QRectF(column * width, HEADER_HEIGHT + row * height, width, height).toAlignedRect()
