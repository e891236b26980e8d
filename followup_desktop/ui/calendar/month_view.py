"""A painted month grid: per-day counts by channel, overdue and today marked, keyboard and drops."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, planned_counts_between
from followup_desktop.ui.calendar.channels import (
    CHANNEL_COLOURS,
    CHANNEL_ORDER,
    CHANNEL_SYMBOLS,
    FOLLOW_UP_MIME,
    OVERDUE_COLOUR,
    TODAY_COLOUR,
    decode_ids,
)

CountsLoader = Callable[[dt.date, dt.date], dict[dt.date, dict[str, int]]]
WEEKS = 6
_HEADER_HEIGHT = 24


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


_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight
_CENTER = Qt.AlignmentFlag.AlignCenter
_NO_BRUSH = Qt.BrushStyle.NoBrush
_NO_PEN = Qt.PenStyle.NoPen
_WHITE = QColor("white")


class _GridStyle:
    """Fonts and colours of one paint of the grid, looked up once instead of once per cell."""

    def __init__(self, base: QFont, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.other_month = palette.color(role.AlternateBase)
        highlight = palette.color(role.Highlight)
        self.selected = highlight.lighter(185)
        self.drop_target = highlight.lighter(150)
        self.text = palette.color(role.Text)
        self.faint_text = palette.color(role.PlaceholderText)
        self.grid_pen = QPen(palette.color(role.Mid))
        self.focus_pen = QPen(highlight)
        self.focus_pen.setWidth(2)
        self.plain = QFont(base)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.small_bold = QFont(base)
        self.small_bold.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
        self.small_bold.setBold(True)
        self.line = QFont(base)
        self.line.setPointSizeF(max(6.0, base.pointSizeF() * 0.9))
        self.line_height = QFontMetrics(self.line).height()


class _LaidOutTexts:
    """Strings laid out once per font: the grid draws the same few dozen on every paint."""

    LIMIT = 2000

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], QStaticText] = {}

    def get(self, text: str, font: QFont) -> QStaticText:
        key = (text, font.key())
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > self.LIMIT:
                self._texts.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), font)
            self._texts[key] = found
        return found

    def draw(
        self, painter: QPainter, rect: QRectF, text: str, font: QFont, align: Qt.AlignmentFlag
    ) -> None:
        """Like ``painter.drawText(rect, align, text)`` (the painter's font is ``font``)."""
        laid_out = self.get(text, font)
        size = laid_out.size()
        if size.width() > rect.width():
            painter.drawText(rect, align, text)  # too long: let Qt clip it to the cell
            return
        x, y = rect.left(), rect.top()
        if align == _RIGHT:
            x = rect.right() - size.width()
        elif align == _CENTER:
            x = rect.center().x() - size.width() / 2
            y = rect.center().y() - size.height() / 2
        painter.drawStaticText(QPointF(x, y), laid_out)


class MonthView(QWidget):
    """Six weeks from Monday, the shown month in full; drop follow-ups on a day to move them."""

    #: The selected day changed (a ``datetime.date``).
    day_selected = Signal(object)
    #: Enter or double-click on a day.
    day_activated = Signal(object)
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
        self._texts = _LaidOutTexts()
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

    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, (self.height() - _HEADER_HEIGHT) / WEEKS

    def cell_rect(self, day: dt.date) -> QRect:
        index = (day - self.first_day).days
        if not 0 <= index < 7 * WEEKS:
            return QRect()
        width, height = self._cell_size()
        row, column = divmod(index, 7)
        return QRectF(column * width, _HEADER_HEIGHT + row * height, width, height).toAlignedRect()

    def date_at(self, point: QPoint) -> dt.date | None:
        width, height = self._cell_size()
        if point.y() < _HEADER_HEIGHT or width <= 0 or height <= 0:
            return None
        column = int(point.x() // width)
        row = int((point.y() - _HEADER_HEIGHT) // height)
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
        key = (
            self.size(),
            ratio,
            self.first_day,
            self.month,
            self.today,
            self.selected,
            self._drop_target,
            self.hasFocus(),
            self.palette().cacheKey(),
            self.font().key(),
            self.counts,
        )
        if self._grid_cache is None or key != self._grid_key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            self._paint_grid(QPainter(pixmap))
            self._grid_cache, self._grid_key = pixmap, key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._grid_cache)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = _GridStyle(self.font(), self.palette())
        painter.fillRect(self.rect(), style.base)
        width, height = self._cell_size()
        painter.setFont(style.bold)
        painter.setPen(style.text)
        for column in range(7):
            rect = QRectF(column * width, 0, width, _HEADER_HEIGHT)
            self._texts.draw(painter, rect, pycalendar.day_abbr[column], style.bold, _CENTER)
        first = self.first_day
        focused = self.hasFocus()
        for index in range(7 * WEEKS):
            row, column = divmod(index, 7)
            # Whole pixels, as cell_rect() gives them to hit tests and tooltips.
            cell = QRectF(
                QRectF(column * width, _HEADER_HEIGHT + row * height, width, height).toAlignedRect()
            )
            self._paint_cell(painter, first + dt.timedelta(days=index), cell, style, focused)
        painter.end()

    def _paint_cell(
        self, painter: QPainter, day: dt.date, rect: QRectF, style: _GridStyle, focused: bool
    ) -> None:
        in_month = day.month == self.month
        background = style.base if in_month else style.other_month
        if day == self.selected:
            background = style.selected
        if day == self._drop_target:
            background = style.drop_target
        painter.fillRect(rect, background)
        painter.setBrush(_NO_BRUSH)
        painter.setPen(style.grid_pen)
        left, top, width = rect.left(), rect.top(), rect.width()
        painter.drawRect(QRectF(left, top, width - 0.5, rect.height() - 0.5))
        counts = self.counts.get(day, {})
        overdue = day < self.today and sum(counts.values()) > 0
        number_rect = QRectF(left + 4, top + 2, width - 8, 18)
        if day == self.today:
            painter.setFont(style.bold)
            badge = QRectF(left + 2, top + 2, 26, 18)
            painter.setPen(_NO_PEN)
            painter.setBrush(TODAY_COLOUR)
            painter.drawRoundedRect(badge, 6, 6)
            painter.setBrush(_NO_BRUSH)
            painter.setPen(_WHITE)
            self._texts.draw(painter, badge, str(day.day), style.bold, _CENTER)
        else:
            painter.setFont(style.plain)
            painter.setPen(style.text if in_month else style.faint_text)
            self._texts.draw(painter, number_rect, str(day.day), style.plain, _LEFT)
        if overdue:
            painter.setPen(OVERDUE_COLOUR)
            painter.setFont(style.small_bold)
            self._texts.draw(painter, number_rect, "overdue", style.small_bold, _RIGHT)
            bottom = rect.bottom() - 2
            painter.drawLine(QPointF(left + 1, bottom), QPointF(rect.right() - 1, bottom))
        painter.setFont(style.line)
        line_height = style.line_height
        y = top + 22
        with_words = width > 110
        for channel in CHANNEL_ORDER:
            count = counts.get(channel, 0)
            if not count or y + line_height > rect.bottom():
                continue
            painter.setPen(OVERDUE_COLOUR if overdue else CHANNEL_COLOURS[channel])
            label = f"{CHANNEL_SYMBOLS[channel]} {count}"
            if with_words:
                label += f" {CHANNEL_LABELS[channel].lower()}"
            line_rect = QRectF(left + 6, y, width - 10, line_height)
            self._texts.draw(painter, line_rect, label, style.line, _LEFT)
            y += line_height
        if day == self.selected and focused:
            painter.setPen(style.focus_pen)
            painter.setBrush(_NO_BRUSH)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

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
            self.day_activated.emit(day)

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
