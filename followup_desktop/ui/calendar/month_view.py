"""The month grid as a widget: six weeks of days to select, step through by keyboard, drop on."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, planned_counts_between
from followup_desktop.ui.calendar.channels import CHANNEL_ORDER, FOLLOW_UP_MIME, decode_ids
from followup_desktop.ui.calendar.month_grid import (
    HEADER_HEIGHT,
    WEEKS,
    add_months,
    cell_rect,
    cell_size,
    grid_start,
)
from followup_desktop.ui.calendar.month_painting import (
    GridStyle,
    LaidOutTexts,
    MonthContent,
    paint_month_grid,
)

CountsLoader = Callable[[dt.date, dt.date], dict[dt.date, dict[str, int]]]


class MonthView(QWidget):
    """Six weeks from Monday, the shown month in full; drop follow-ups on a day to move them."""

    #: The selected day changed (a ``datetime.date``).
    day_selected = Signal(object)
    #: Enter or double-click on a day.
    day_activated = Signal(object)
    #: The user asked to plan a follow-up on a day (double-click, or the day's menu).
    plan_requested = Signal(object)
    #: The day's context menu was asked for: (day, global position).
    day_menu_requested = Signal(object, QPoint)
    #: Follow-up ids dropped on a day: (ids, day).
    follow_ups_dropped = Signal(list, object)
    #: The month shown changed: (year, month).
    month_changed = Signal(int, int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        counts_loader: CountsLoader = planned_counts_between,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("month_view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._counts_loader = counts_loader
        self._today = today
        self.today = today()
        self.selected = self.today
        self.year, self.month = self.today.year, self.today.month
        self.counts: dict[dt.date, dict[str, int]] = {}
        self._drop_target: dt.date | None = None
        #: Counts are read on the first reload() or paint, so a caller that reloads right
        #: after building the view does not pay for the same query twice.
        self._counts_read = False
        #: The painted grid and what it was painted from: a repaint with nothing changed
        #: (showing the area again, a window on top going away) only copies it.
        self._grid_cache: QPixmap | None = None
        self._texts = LaidOutTexts()
        self._grid_key: tuple[object, ...] = ()

    # --- data ------------------------------------------------------------------------------

    @property
    def first_day(self) -> dt.date:
        return grid_start(self.year, self.month)

    @property
    def last_day(self) -> dt.date:
        return self.first_day + dt.timedelta(days=7 * WEEKS - 1)

    def set_month(self, year: int, month: int) -> None:
        """Show another month: one query for the counts of its six weeks, then a repaint."""
        changed = (year, month) != (self.year, self.month)
        self.year, self.month = year, month
        self.reload()
        if changed:
            self.month_changed.emit(year, month)

    def reload(self) -> None:
        self.today = self._today()
        self.counts = self._counts_loader(self.first_day, self.last_day)
        self._counts_read = True
        self.update()

    def select(self, day: dt.date) -> None:
        """Select a day, turning the page when it lies outside the shown month."""
        if (day.year, day.month) != (self.year, self.month):
            self.set_month(day.year, day.month)
        if day != self.selected:
            self.selected = day
            self.update()
            self.day_selected.emit(day)
        else:
            self.update()

    def day_summary(self, day: dt.date) -> str:
        counts = self.counts.get(day, {})
        parts = [
            f"{counts[channel]} {CHANNEL_LABELS[channel].lower()}"
            for channel in CHANNEL_ORDER
            if counts.get(channel)
        ]
        total = sum(counts.values())
        if not total:
            return f"{day:%A %d %B}: nothing planned"
        late = " (overdue)" if day < self.today else ""
        return f"{day:%A %d %B}: " + ", ".join(parts) + late

    # --- geometry --------------------------------------------------------------------------

    def cell_rect(self, day: dt.date) -> QRect:
        index = (day - self.first_day).days
        if not 0 <= index < 7 * WEEKS:
            return QRect()
        return cell_rect(index, *cell_size(self.size()))

    def date_at(self, point: QPoint) -> dt.date | None:
        width, height = cell_size(self.size())
        if point.y() < HEADER_HEIGHT or width <= 0 or height <= 0:
            return None
        column = int(point.x() // width)
        row = int((point.y() - HEADER_HEIGHT) // height)
        if not (0 <= column < 7 and 0 <= row < WEEKS):
            return None
        return self.first_day + dt.timedelta(days=row * 7 + column)

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 300)

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._counts_read:
            self.today = self._today()
            self.counts = self._counts_loader(self.first_day, self.last_day)
            self._counts_read = True
        ratio = self.devicePixelRatioF()
        content = MonthContent(
            first_day=self.first_day,
            month=self.month,
            today=self.today,
            selected=self.selected,
            drop_target=self._drop_target,
            focused=self.hasFocus(),
            counts=self.counts,
        )
        key = (self.size(), ratio, self.palette().cacheKey(), self.font().key(), content)
        if self._grid_cache is None or key != self._grid_key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            style = GridStyle(self.font(), self.palette())
            paint_month_grid(QPainter(pixmap), self.size(), style, content, self._texts)
            self._grid_cache, self._grid_key = pixmap, key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._grid_cache)
        painter.end()

    # --- mouse and keyboard ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().toPoint())
        if day is not None:
            self.select(day)
            self.plan_requested.emit(day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        day = self.date_at(event.pos())
        if event.reason() != QContextMenuEvent.Reason.Mouse or day is None:
            day = self.selected  # the menu key: the day with the keyboard focus
        self.select(day)
        self.day_menu_requested.emit(day, event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().toPoint())
        self.setToolTip(self.day_summary(day) if day is not None else "")
        super().mouseMoveEvent(event)

    _KEY_STEPS = {
        Qt.Key.Key_Left: -1,
        Qt.Key.Key_Right: 1,
        Qt.Key.Key_Up: -7,
        Qt.Key.Key_Down: 7,
    }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        day = self.selected
        if key in self._KEY_STEPS:
            self.select(day + dt.timedelta(days=self._KEY_STEPS[Qt.Key(key)]))
        elif key == Qt.Key.Key_PageUp:
            self.select(add_months(day, -12 if _ctrl(event) else -1))
        elif key == Qt.Key.Key_PageDown:
            self.select(add_months(day, 12 if _ctrl(event) else 1))
        elif key == Qt.Key.Key_Home:
            self.select(day.replace(day=1) if _ctrl(event) else day - dt.timedelta(day.weekday()))
        elif key == Qt.Key.Key_End:
            if _ctrl(event):
                last = pycalendar.monthrange(day.year, day.month)[1]
                self.select(day.replace(day=last))
            else:
                self.select(day + dt.timedelta(days=6 - day.weekday()))
        elif key == Qt.Key.Key_T:
            self.select(self._today())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.day_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- drops -----------------------------------------------------------------------------

    def _accepts(self, mime: QMimeData) -> bool:
        return mime.hasFormat(FOLLOW_UP_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self.date_at(event.position().toPoint())
        if day is None or not self._accepts(event.mimeData()):
            event.ignore()
            return
        if day != self._drop_target:
            self._drop_target = day
            self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_target = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        day = self.date_at(event.position().toPoint())
        self._drop_target = None
        self.update()
        if day is None or not self._accepts(event.mimeData()):
            event.ignore()
            return
        ids = decode_ids(event.mimeData().data(FOLLOW_UP_MIME).data())
        if not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        self.follow_ups_dropped.emit(ids, day)


def _ctrl(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
