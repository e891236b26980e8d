"""Rows of user text that wrap at the view's width, a few lines at most, the last one elided."""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from followup_desktop.services.user_text import ELLIPSIS, balanced
from followup_desktop.ui.plain_text import shown_line

_Index = QModelIndex | QPersistentModelIndex
_WRAP = QStyleOptionViewItem.ViewItemFeature.WrapText
_HAS_TEXT = QStyleOptionViewItem.ViewItemFeature.HasDisplay
#: Rows laid out and kept (a few pages of rows at a couple of widths).
_KEPT = 2000
#: Item views hand over a row's line breaks as U+2028, the line separator Qt lays out.
_LINE_BREAK = "\u2028"
_LINE_BREAKS = re.compile("[\n\u2028]")


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """The lines ``text`` takes at ``width`` pixels: each of its lines wrapped at word
    boundaries to at most ``max_lines`` lines; a line that runs on past them, or a word wider
    than ``width``, is shortened with "…". Each line keeps its directional marks to itself."""
    metrics = QFontMetrics(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    result: list[str] = []
    for paragraph in _LINE_BREAKS.split(text):
        paragraph = shown_line(paragraph)
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        starts: list[tuple[int, int, float]] = []
        while len(starts) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
        layout.endLayout()
        for number, (start, length, natural) in enumerate(starts):
            end = start + length
            last = number == len(starts) - 1
            piece = paragraph[start:] if last else paragraph[start:end]
            if (last and end < len(paragraph)) or natural > width:
                piece = metrics.elidedText(piece.rstrip(), Qt.TextElideMode.ElideRight, width)
                if not piece.endswith(ELLIPSIS):
                    piece = metrics.elidedText(piece + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
            result.append(balanced(piece))
        if not starts:
            result.append("")
    return result


class WrappedRowsDelegate(QStyledItemDelegate):
    """Each line of a row's text wraps to at most ``max_lines`` lines at the view's width.

    A name of any length can make a row neither taller than that nor wider than the view (so
    no sideways scrolling); the lines are fitted here and Qt only draws them.
    """

    def __init__(
        self, view: QAbstractItemView, max_lines: int = 3, *, separators: bool = False
    ) -> None:
        super().__init__(view)
        self.view = view
        self.max_lines = max_lines
        #: A thin line under each row, so that one entry is told from the next.
        self.separators = separators
        self._fitted: OrderedDict[tuple[str, str, int], str] = OrderedDict()

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        rect_width = option.rect.width() if option.rect.isValid() else 0
        width = rect_width or self.view.viewport().width()
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= option.decorationSize.width() + 2 * margin
        return max(16, width - 2 * margin)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if not option.features & _HAS_TEXT:
            return
        width = self._text_width(option)
        key = (option.text, option.font.key(), width)
        fitted = self._fitted.get(key)
        if fitted is None:
            lines = wrapped_lines(option.text, option.font, width, self.max_lines)
            fitted = self._fitted[key] = _LINE_BREAK.join(lines)
            if len(self._fitted) > _KEPT:
                self._fitted.popitem(last=False)
        option.text = fitted
        # The lines are fitted already: Qt must neither wrap them again nor widen the row.
        option.features &= ~_WRAP

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(min(size.width(), self.view.viewport().width()), size.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The row's frame, selection and icon by the style; its fitted lines one by one.

        Qt's own drawing lays all lines out as one paragraph and, after a line drawn partly
        by a fallback font (a name with directional overrides), can elide it and drop the
        lines below, which are the app's own words.
        """
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style = self.view.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, self.view)
        lines = shown.text.split(_LINE_BREAK) if shown.text else []
        shown.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, self.view)
        if self.separators:
            painter.save()
            line = QColor(shown.palette.color(QPalette.ColorRole.Text))
            line.setAlphaF(0.3)  # a quiet line in any scheme
            painter.setPen(line)
            bottom = option.rect.bottom()
            painter.drawLine(option.rect.left() + 4, bottom, option.rect.right() - 4, bottom)
            painter.restore()
        if not lines:
            return
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        layouts = [_line_layout(line, shown.font, shown.direction) for line in lines]
        height = sum(layout.boundingRect().height() for layout in layouts)
        y = text_rect.top() + max(0.0, (text_rect.height() - height) / 2)
        painter.save()
        painter.setPen(shown.palette.color(_colour_group(shown), _text_role(shown)))
        for layout in layouts:
            layout.draw(painter, QPointF(text_rect.left() + margin, y))
            y += layout.boundingRect().height()
        painter.restore()


def _line_layout(text: str, font: QFont, direction: Qt.LayoutDirection) -> QTextLayout:
    """One fitted line laid out on its own, so its directional marks stay inside it."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    if line.isValid():
        line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def _colour_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    # A row that cannot be chosen here is a section heading, not a disabled control: it is
    # drawn in the text colour (the disabled one is too faint to read, about 1.7:1).
    if option.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Active
    return QPalette.ColorGroup.Inactive


def _text_role(option: QStyleOptionViewItem) -> QPalette.ColorRole:
    if option.state & QStyle.StateFlag.State_Selected:
        return QPalette.ColorRole.HighlightedText
    return QPalette.ColorRole.Text
