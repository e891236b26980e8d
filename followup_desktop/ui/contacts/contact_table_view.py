"""The contact table, painted a row at a time from the model's cached rows.

A stock QTableView asks the model for a dozen roles per cell and lays each text out again on
every paint; with a list that is repainted on every keystroke of the search, that was most of
the keystroke. This view paints the visible rows itself: one call to the model per row, and each
text shaped once and kept (``QStaticText``), so a repaint mostly copies glyphs already laid out.
Selection, keyboard, scrolling, tooltips and accessibility stay the stock view's.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView, QWidget

#: Space between a cell's edge and its text, as the stock delegate leaves.
TEXT_MARGIN = 4
#: Laid-out texts kept: a few screens of rows (names and e-mails are new on most keystrokes,
#: companies, roles and days repeat).
KEPT_TEXTS = 3000


class RowSource(Protocol):
    """What the view needs of its model: the texts of a row and whether one cell is flagged."""

    def row_texts(self, row: int) -> tuple[tuple[str, ...], int] | None:
        """The row's cell texts in column order and the column to paint in the warning colour
        (-1 for none); None when the row is gone (the store changed, a reset is on its way)."""


class TextCache:
    """Texts laid out once for one font, by the text (and the width, for shortened ones)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetrics(self.font)
        self._texts: OrderedDict[tuple[str, int], QStaticText] = OrderedDict()
        self._widths: dict[str, float] = {}

    def laid_out(self, text: str, width: int) -> QStaticText:
        """``text`` ready to draw in at most ``width`` pixels (shortened with "…" if needed)."""
        full = self._texts.get((text, 0))
        if full is None:
            full = self._make(text, (text, 0))
        if full.size().width() <= width:
            self._texts.move_to_end((text, 0))
            return full
        key = (text, width)
        short = self._texts.get(key)
        if short is None:
            elided = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            short = self._make(elided, key)
        else:
            self._texts.move_to_end(key)
        return short

    def _make(self, text: str, key: tuple[str, int]) -> QStaticText:
        static = QStaticText(text)
        # Plain text: a name such as "<b>Ann" is shown as typed, never as markup.
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(font=self.font)
        self._texts[key] = static
        if len(self._texts) > KEPT_TEXTS:
            self._texts.popitem(last=False)
        return static


class RowPaintedTableView(QTableView):
    """A table view with fixed row heights that paints models with ``row_texts`` (a
    ``RowSource``) itself, and any other model the stock way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here is a wrapped Python object from the start (asking Qt for the
        # one it makes would send PySide looking through every widget class once).
        self._viewport = QWidget()
        self._viewport.setBackgroundRole(QPalette.ColorRole.Base)
        self._viewport.setAutoFillBackground(True)
        self.setViewport(self._viewport)
        self.setShowGrid(False)
        self._texts = TextCache(self.font())
        self.warning_colour = QColor("#b3261e")

    def viewport(self) -> QWidget:
        return self._viewport

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        row_texts = getattr(model, "row_texts", None)
        if row_texts is None:
            super().paintEvent(event)
            return
        if self._texts.font != self.font():
            self._texts = TextCache(self.font())
        area = event.rect()
        height = self.verticalHeader().defaultSectionSize()
        count = model.rowCount()
        offset = self.verticalOffset()
        first = max(0, (area.top() + offset) // height)
        last = min(count - 1, (area.bottom() + offset) // height)
        header = self.horizontalHeader()
        columns = []
        for column in range(header.count()):
            if not header.isSectionHidden(column):
                x = self.columnViewportPosition(column)
                width = self.columnWidth(column)
                if x + width >= area.left() and x <= area.right():
                    columns.append((column, x, width))
        right = max((x + width for _c, x, width in columns), default=0)
        if header.stretchLastSection() or right > area.right():
            right = max(right, area.right() + 1)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
        alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        highlighted_text = palette.color(group, QPalette.ColorRole.HighlightedText)
        grid = QColor.fromRgba(
            self.style().styleHint(
                QStyle.StyleHint.SH_Table_GridLineColor, QStyleOptionViewItem(), self
            )
            & 0xFFFFFFFF
        )
        selection = self.selectionModel()
        selected = {index.row() for index in selection.selectedRows()} if selection else set()
        alternating = self.alternatingRowColors()
        cache = self._texts
        ascent_gap = (height - cache.metrics.height()) // 2

        painter = QPainter(self._viewport)
        try:
            painter.setFont(cache.font)
            for row in range(first, last + 1):
                top = row * height - offset
                picked = row in selected
                if picked:
                    painter.fillRect(QRect(0, top, right, height), highlight)
                elif alternating and row % 2:
                    painter.fillRect(QRect(0, top, right, height), alternate)
                found = row_texts(row)
                if found is None:
                    continue
                texts, flagged = found
                normal = highlighted_text if picked else text_colour
                painter.setPen(normal)
                for column, x, width in columns:
                    text = texts[column]
                    if not text:
                        continue
                    if column == flagged and not picked:
                        painter.setPen(self.warning_colour)
                    room = width - 2 * TEXT_MARGIN
                    if room > 0:
                        static = cache.laid_out(text, room)
                        painter.drawStaticText(QPoint(x + TEXT_MARGIN, top + ascent_gap), static)
                    if column == flagged and not picked:
                        painter.setPen(normal)
            # Thin column rules, as the stock table draws between cells.
            painter.setPen(grid)
            bottom = min(area.bottom(), (last + 1) * height - offset - 1) if last >= first else -1
            if bottom >= area.top():
                for _column, x, width in columns:
                    painter.drawLine(x + width - 1, area.top(), x + width - 1, bottom)
        finally:
            painter.end()
