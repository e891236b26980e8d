"""Paints a follow-up row of the calendar's lists: two lines, laid out once and then reused."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from followup_desktop.ui.calendar.day_model import DayFollowUpModel
from followup_desktop.ui.plain_text import shown_line

#: Space around the two lines of a row, in pixels.
_PAD_X = 4
_PAD_Y = 2
#: Laid-out lines kept at most (a few pages of rows at a couple of widths).
_CACHE_LIMIT = 4000

_SELECTED = QStyle.StateFlag.State_Selected
_ACTIVE = QStyle.StateFlag.State_Active
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_ELIDE = Qt.TextElideMode.ElideRight


class FollowUpRowDelegate(QStyledItemDelegate):
    """Draws each row from the model's own text, without asking the model role by role.

    Qt's standard delegate reads seven values per row through Python and lays the text out
    again on every paint; a day list repaints each time the calendar is shown, so the lines
    are laid out once per text and width (``QStaticText``) and only drawn after that.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._lines: dict[tuple[str, int], tuple[QStaticText, ...]] = {}
        self._metrics_key = ""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # As wide as the list, not as the text: long lines end in "…" (the tooltip has them).
        return QSize(1, 2 * QFontMetrics(option.font).height() + 2 * _PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, DayFollowUpModel):
            super().paint(painter, option, index)
            return
        rect = option.rect
        palette = option.palette
        state = option.state
        group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
        row = model.row_at(index.row())
        if state & _SELECTED:
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
            pen = palette.color(group, QPalette.ColorRole.HighlightedText)
        else:
            if option.features & _ALTERNATE:
                painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.AlternateBase))
            foreground = model.data(index, Qt.ItemDataRole.ForegroundRole) if row else None
            if isinstance(foreground, QBrush):
                pen = foreground.color()
            elif row is None:
                pen = palette.color(group, QPalette.ColorRole.Link)
            else:
                pen = palette.color(group, QPalette.ColorRole.Text)
        painter.setPen(pen)
        painter.setFont(option.font)
        width = rect.width() - 2 * _PAD_X
        lines = self._laid_out(model.text(index.row()), width, option)
        metrics = QFontMetrics(option.font)
        line_height = metrics.height()
        if row is None:  # "Show more": one line in the middle
            line = lines[0]
            x = rect.left() + max(_PAD_X, (rect.width() - line.size().width()) / 2)
            painter.drawStaticText(int(x), rect.top() + (rect.height() - line_height) // 2, line)
            return
        y = rect.top() + _PAD_Y
        for line in lines:
            painter.drawStaticText(rect.left() + _PAD_X, y, line)
            y += line_height

    def _laid_out(
        self, text: str, width: int, option: QStyleOptionViewItem
    ) -> tuple[QStaticText, ...]:
        font_key = option.font.key()
        if font_key != self._metrics_key or len(self._lines) > _CACHE_LIMIT:
            self._lines.clear()
            self._metrics_key = font_key
        key = (text, width)
        lines = self._lines.get(key)
        if lines is None:
            metrics = QFontMetrics(option.font)
            # Each line cut before Qt shapes it whole to shorten it (a megabyte took a second).
            lines = tuple(
                _static(metrics.elidedText(shown_line(part), _ELIDE, width))
                for part in text.split("\n")
            )
            self._lines[key] = lines
        return lines


def _static(text: str) -> QStaticText:
    line = QStaticText(text)
    line.setTextFormat(Qt.TextFormat.PlainText)
    return line
