"""Cells of user text: cut before Qt lays them out, and whole in a tooltip when shortened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from followup_desktop.ui.plain_text import LINE_LIMIT, plain_tooltip, shown_lines

_Index = QModelIndex | QPersistentModelIndex
_HAS_TEXT = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_ICON = QStyleOptionViewItem.ViewItemFeature.HasDecoration
#: A model may give a cell's whole text here when its display text is already shortened.
FullTextRole = Qt.ItemDataRole.UserRole + 0x100
#: Widest a cell of a table asks to be, in average characters of its font (columns sized to
#: their contents): longer text is shortened. A list's rows are never wider than the list.
WIDEST_CHARACTERS = 60


class UserTextDelegate(QStyledItemDelegate):
    """Qt lays a cell's text out whole before shortening it with "…": each line is cut to
    ``plain_text.LINE_LIMIT`` characters first. A cell shown shortened and without a tooltip
    of its own shows its whole text (``FullTextRole``, else the display text) as its tooltip.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if option.features & _HAS_TEXT and len(option.text) > LINE_LIMIT:
            option.text = shown_lines(option.text)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        widest = QFontMetrics(option.font).averageCharWidth() * WIDEST_CHARACTERS
        view = option.widget
        if isinstance(view, QListView):
            widest = min(widest, view.viewport().width())
        return QSize(min(size.width(), widest), size.height())

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip or index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        whole = index.data(FullTextRole) or index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(whole, str) and whole and self._shortened(whole, view, option, index):
            QToolTip.showText(event.globalPos(), plain_tooltip(whole), view, option.rect)
            return True
        return super().helpEvent(event, view, option, index)

    def _shortened(
        self, whole: str, view: QAbstractItemView, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if shown.text != whole.replace("\n", "\u2028"):
            return True
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        room = option.rect.width() - 2 * margin
        if shown.features & _HAS_ICON:
            room -= shown.decorationSize.width() + 2 * margin
        metrics = QFontMetrics(shown.font)
        return any(metrics.horizontalAdvance(line) > room for line in shown.text.split("\u2028"))
