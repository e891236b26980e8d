"""A stage column's list of cards: keys go to the board first; shows where a dragged card lands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QSizePolicy, QWidget

from followup_desktop.ui.pipeline.card_delegate import CARD_MARGIN_X
from followup_desktop.ui.theme import quiet_text

#: How much darker than the window a column is drawn (QColor.darker's factor).
COLUMN_SHADE = 106
EMPTY_COLUMN_TEXT = "No applications here.\nDrag a card in, or add one below."
#: A closed stage (rejected, withdrawn) is reached by moving a card, never by adding one.
EMPTY_CLOSED_COLUMN_TEXT = "No applications here.\nDrag a card in to move it."
KeyHandler = Callable[["CardListView", QKeyEvent], bool]


class CardListView(QListView):
    """The list of cards; paints the drop position while a card is dragged over it."""

    #: The keyboard came to this column (the board then leaves one card selected).
    focus_entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here rather than the one Qt made: asking for Qt's own would make
        # PySide look up its class among every widget class (and create all their enums),
        # which cost the window's first paint about as much as building the whole board.
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(False)
        self.setViewport(viewport)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)
        self.setAutoScroll(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        self.verticalScrollBar().setSingleStep(24)
        #: Row before which a dragged card would land, or None.
        self.drop_row: int | None = None
        self.drop_color = QColor("#2f6fdb")
        #: Shown in an empty column.
        self.empty_text = EMPTY_COLUMN_TEXT
        #: Set by the board: gets every key press first; True means it was handled.
        self.key_handler: KeyHandler | None = None

    def set_drop_row(self, row: int | None) -> None:
        if row != self.drop_row:
            self.drop_row = row
            self.viewport().update()

    def drop_line_y(self, row: int) -> int:
        """Where the indicator for ``row`` is drawn: the gap between two cards."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if count == 0:
            return 6
        if row < count:
            return self.visualRect(model.index(row, 0)).top()
        return self.visualRect(model.index(count - 1, 0)).bottom() + 1

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.drop_row is None:
            self._paint_empty_hint()
        if self.drop_row is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = self.drop_line_y(self.drop_row)
        left, right = CARD_MARGIN_X, self.viewport().width() - CARD_MARGIN_X
        line = QPen(self.drop_color, 3)
        line.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(line)
        painter.drawLine(QPointF(left + 5, y), QPointF(right - 5, y))
        painter.setBrush(self.viewport().palette().color(QPalette.ColorRole.Base))
        painter.setPen(QPen(self.drop_color, 2))
        painter.drawEllipse(QPointF(left + 4, y), 4, 4)
        painter.drawEllipse(QPointF(right - 4, y), 4, 4)
        painter.end()

    def _paint_empty_hint(self) -> None:
        painter = QPainter(self.viewport())
        # The column's own background is the window's, a shade darker (see StageColumn).
        palette = QPalette(self.palette())
        window = palette.color(QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.Window, window.darker(COLUMN_SHADE))
        painter.setPen(quiet_text(palette, QPalette.ColorRole.Window))
        painter.drawText(
            self.viewport().rect().adjusted(12, 24, -12, 0),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            self.empty_text,
        )
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_entered.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(self, event):
            event.accept()
            return
        super().keyPressEvent(event)
