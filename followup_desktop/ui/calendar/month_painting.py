"""Paints the month grid: per-day counts by channel, overdue and today marked, the selection."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS
from followup_desktop.ui.calendar.channels import CHANNEL_ORDER, CHANNEL_SYMBOLS
from followup_desktop.ui.calendar.month_grid import HEADER_HEIGHT, WEEKS, cell_rect, cell_size
from followup_desktop.ui.theme import CHANNEL_COLOURS, TODAY_MARK, WARNING, readable

_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight
_CENTER = Qt.AlignmentFlag.AlignCenter
_NO_BRUSH = Qt.BrushStyle.NoBrush
_NO_PEN = Qt.PenStyle.NoPen
#: The day number on today's amber mark: dark in both schemes (white on amber is 2:1).
_ON_TODAY_MARK = QColor("#241a00")


@dataclass(frozen=True)
class MonthContent:
    """What the grid shows; two equal contents paint the same grid."""

    first_day: dt.date
    month: int
    today: dt.date
    selected: dt.date
    drop_target: dt.date | None
    focused: bool
    counts: dict[dt.date, dict[str, int]]


class GridStyle:
    """Fonts and colours of one paint of the grid, looked up once instead of once per cell."""

    def __init__(self, base: QFont, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.other_month = palette.color(role.AlternateBase)
        highlight = palette.color(role.Highlight)
        # Tints of the selection colour toward the day's own background, so the day's text
        # keeps reading in a dark scheme as in a light one.
        self.selected = _mix(self.base, highlight, 0.22)
        self.drop_target = _mix(self.base, highlight, 0.4)
        self.text = palette.color(role.Text)
        backgrounds = (self.base, self.other_month, self.selected)
        self.faint_text = _readable_on_all(palette.color(role.PlaceholderText), backgrounds)
        self.overdue = _readable_on_all(WARNING.on(palette), backgrounds)
        self.channel = {
            name: _readable_on_all(colour.on(palette), backgrounds)
            for name, colour in CHANNEL_COLOURS.items()
        }
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


OVERDUE_WORD = "overdue"


def _mix(back: QColor, front: QColor, share: float) -> QColor:
    """``front`` laid over ``back`` at ``share`` opacity."""
    return QColor.fromRgbF(
        back.redF() * (1 - share) + front.redF() * share,
        back.greenF() * (1 - share) + front.greenF() * share,
        back.blueF() * (1 - share) + front.blueF() * share,
    )


def _readable_on_all(colour: QColor, backgrounds: tuple[QColor, ...]) -> QColor:
    """``colour`` adjusted until it reads on every one of ``backgrounds`` (all light or all
    dark, so each adjustment goes the same way)."""
    for background in backgrounds * 2:
        colour = readable(colour, background)
    return colour


class LaidOutTexts:
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


def paint_month_grid(
    painter: QPainter,
    size: QSize,
    style: GridStyle,
    content: MonthContent,
    texts: LaidOutTexts,
) -> None:
    """Draw the weekday names and the six weeks of cells on ``painter``, then end it."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), style.base)
    width, height = cell_size(size)
    painter.setFont(style.bold)
    painter.setPen(style.text)
    for column in range(7):
        rect = QRectF(column * width, 0, width, HEADER_HEIGHT)
        texts.draw(painter, rect, pycalendar.day_abbr[column], style.bold, _CENTER)
    for index in range(7 * WEEKS):
        day = content.first_day + dt.timedelta(days=index)
        _paint_cell(painter, day, QRectF(cell_rect(index, width, height)), style, content, texts)
    painter.end()


def _paint_cell(
    painter: QPainter,
    day: dt.date,
    rect: QRectF,
    style: GridStyle,
    content: MonthContent,
    texts: LaidOutTexts,
) -> None:
    in_month = day.month == content.month
    background = style.base if in_month else style.other_month
    if day == content.selected:
        background = style.selected
    if day == content.drop_target:
        background = style.drop_target
    painter.fillRect(rect, background)
    painter.setBrush(_NO_BRUSH)
    painter.setPen(style.grid_pen)
    left, top, width = rect.left(), rect.top(), rect.width()
    painter.drawRect(QRectF(left, top, width - 0.5, rect.height() - 0.5))
    counts = content.counts.get(day, {})
    overdue = day < content.today and sum(counts.values()) > 0
    number_rect = QRectF(left + 4, top + 2, width - 8, 18)
    if day == content.today:
        painter.setFont(style.bold)
        badge = QRectF(left + 2, top + 2, 26, 18)
        painter.setPen(_NO_PEN)
        painter.setBrush(TODAY_MARK)
        painter.drawRoundedRect(badge, 6, 6)
        painter.setBrush(_NO_BRUSH)
        painter.setPen(_ON_TODAY_MARK)
        texts.draw(painter, badge, str(day.day), style.bold, _CENTER)
    else:
        painter.setFont(style.plain)
        painter.setPen(style.text if in_month else style.faint_text)
        texts.draw(painter, number_rect, str(day.day), style.plain, _LEFT)
    if overdue:
        painter.setPen(style.overdue)
        painter.setFont(style.small_bold)
        # The word only where it fits beside the day's number; a narrow day gets a dot.
        room = number_rect.width() - texts.get(str(day.day), style.plain).size().width() - 6
        if texts.get(OVERDUE_WORD, style.small_bold).size().width() <= room:
            texts.draw(painter, number_rect, OVERDUE_WORD, style.small_bold, _RIGHT)
        else:
            painter.setBrush(style.overdue)
            painter.drawEllipse(QPointF(number_rect.right() - 4, number_rect.center().y()), 3, 3)
            painter.setBrush(_NO_BRUSH)
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
        painter.setPen(style.overdue if overdue else style.channel[channel])
        label = f"{CHANNEL_SYMBOLS[channel]} {count}"
        if with_words:
            label += f" {CHANNEL_LABELS[channel].lower()}"
        line_rect = QRectF(left + 6, y, width - 10, line_height)
        texts.draw(painter, line_rect, label, style.line, _LEFT)
        y += line_height
    if day == content.selected and content.focused:
        painter.setPen(style.focus_pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
