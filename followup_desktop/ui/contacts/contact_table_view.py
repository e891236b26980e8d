"""The contact table, painted a row at a time from the model's cached rows.

A stock QTableView asks the model for a dozen roles per cell and lays each text out again on
every paint; with a list that is repainted on every keystroke of the search, that was most of
the keystroke. This view paints the visible rows itself: one call to the model per row, and each
text shaped once and kept (``QStaticText``), so a repaint mostly copies glyphs already laid out.
Selection, keyboard, scrolling, tooltips and accessibility stay the stock view's.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple, Protocol

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView, QWidget

from followup_desktop.ui.plain_text import shown_line
from followup_desktop.ui.theme import WARNING
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

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
        # Qt shapes a text whole before shortening it: a line of a megabyte took a second.
        text = shown_line(text)
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


class _Colours(NamedTuple):
    text: QColor
    alternate: QColor
    highlight: QColor
    highlighted_text: QColor
    grid: QColor


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
        # Tooltips: the whole text of a cell shown shortened.
        self.setItemDelegate(UserTextDelegate(self))

    @property
    def warning_colour(self) -> QColor:
        """The flagged text's colour, readable in the light and the dark scheme."""
        return WARNING.on(self.palette())

    def viewport(self) -> QWidget:
        return self._viewport

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        row_texts: Callable[[int], tuple[tuple[str, ...], int] | None] | None = getattr(
            model, "row_texts", None
        )
        if row_texts is None:
            super().paintEvent(event)
            return
        if self._texts.font != self.font():
            self._texts = TextCache(self.font())
        area = event.rect()
        height = self.verticalHeader().defaultSectionSize()
        offset = self.verticalOffset()
        first = max(0, (area.top() + offset) // height)
        last = min(model.rowCount() - 1, (area.bottom() + offset) // height)
        columns = self._visible_columns(area)
        right = max((x + width for _c, x, width in columns), default=0)
        if self.horizontalHeader().stretchLastSection() or right > area.right():
            right = max(right, area.right() + 1)
        colours = self._colours()
        selection = self.selectionModel()
        selected = {index.row() for index in selection.selectedRows()} if selection else set()
        painter = QPainter(self._viewport)
        try:
            painter.setFont(self._texts.font)
            for row in range(first, last + 1):
                top = row * height - offset
                picked = row in selected
                if picked:
                    painter.fillRect(QRect(0, top, right, height), colours.highlight)
                elif self.alternatingRowColors() and row % 2:
                    painter.fillRect(QRect(0, top, right, height), colours.alternate)
                found = row_texts(row)
                if found is not None:
                    self._paint_texts(painter, found, columns, top, height, picked, colours)
            # Thin column rules, as the stock table draws between cells.
            painter.setPen(colours.grid)
            bottom = min(area.bottom(), (last + 1) * height - offset - 1) if last >= first else -1
            if bottom >= area.top():
                for _column, x, width in columns:
                    painter.drawLine(x + width - 1, area.top(), x + width - 1, bottom)
        finally:
            painter.end()

    def _visible_columns(self, area: QRect) -> list[tuple[int, int, int]]:
        """(column, left edge, width) of the shown columns that cross ``area``."""
        header = self.horizontalHeader()
        columns = []
        for column in range(header.count()):
            if not header.isSectionHidden(column):
                x = self.columnViewportPosition(column)
                width = self.columnWidth(column)
                if x + width >= area.left() and x <= area.right():
                    columns.append((column, x, width))
        return columns

    def _colours(self) -> _Colours:
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
        grid = self.style().styleHint(
            QStyle.StyleHint.SH_Table_GridLineColor, QStyleOptionViewItem(), self
        )
        return _Colours(
            text=palette.color(group, QPalette.ColorRole.Text),
            alternate=palette.color(group, QPalette.ColorRole.AlternateBase),
            highlight=palette.color(group, QPalette.ColorRole.Highlight),
            highlighted_text=palette.color(group, QPalette.ColorRole.HighlightedText),
            grid=QColor.fromRgba(grid & 0xFFFFFFFF),
        )

    def _paint_texts(
        self,
        painter: QPainter,
        found: tuple[tuple[str, ...], int],
        columns: list[tuple[int, int, int]],
        top: int,
        height: int,
        picked: bool,
        colours: _Colours,
    ) -> None:
        """One row's texts, shortened to their columns, the flagged one in the warning colour."""
        texts, flagged = found
        normal = colours.highlighted_text if picked else colours.text
        painter.setPen(normal)
        cache = self._texts
        text_top = top + (height - cache.metrics.height()) // 2
        for column, x, width in columns:
            text = texts[column]
            room = width - 2 * TEXT_MARGIN
            if not text or room <= 0:
                continue
            warn = column == flagged and not picked
            if warn:
                painter.setPen(self.warning_colour)
            painter.drawStaticText(QPoint(x + TEXT_MARGIN, text_top), cache.laid_out(text, room))
            if warn:
                painter.setPen(normal)
