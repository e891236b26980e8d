"""One stage column: a header (name, count, menu) over a list of painted cards; collapsible."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import StageInfo
from followup_desktop.ui.pipeline.card_delegate import CARD_MARGIN_X, CardDelegate
from followup_desktop.ui.pipeline.card_model import StageColumnModel
from followup_desktop.ui.plain_text import plain_tooltip

COLUMN_MIN_WIDTH = 232
COLUMN_MAX_WIDTH = 330
COLLAPSED_WIDTH = 38

#: Accent per stage meaning; stages the user adds get one from the spare list by id.
_KIND_COLORS = {
    "wishlist": "#8a8f98",
    "applied": "#2f6fdb",
    "interview": "#7c4dcc",
    "offer": "#c77c02",
    "accepted": "#1f8a4c",
    "rejected": "#a23b3b",
    "withdrawn": "#6b7280",
}
_SPARE_COLORS = ("#0f8b8d", "#b4457f", "#5a7d2a", "#8c5a2b", "#3f51b5")


def stage_color(stage: StageInfo) -> QColor:
    name = _KIND_COLORS.get(stage.kind) or _SPARE_COLORS[stage.id % len(_SPARE_COLORS)]
    return QColor(name)


KeyHandler = Callable[["CardListView", QKeyEvent], bool]


class CountBadge(QWidget):
    """The number of cards in a column, as a small pill in the stage's colour."""

    def __init__(self, accent: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("count")
        self.accent = accent
        self._text = "0"
        font = QFont(self.font())
        font.setBold(True)
        self.setFont(font)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(max(26, metrics.horizontalAdvance(self._text) + 16), metrics.height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.accent)
        fill.setAlphaF(0.16)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(self.accent)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self._text)
        painter.end()


class CardListView(QListView):
    """The list of cards; paints the drop position while a card is dragged over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)
        self.setAutoScroll(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.verticalScrollBar().setSingleStep(24)
        #: Row before which a dragged card would land, or None.
        self.drop_row: int | None = None
        self.drop_color = QColor("#2f6fdb")
        #: Shown in an empty column.
        self.empty_text = "No applications here.\nDrag a card in to move it."
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
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlphaF(0.45)
        painter.setPen(color)
        painter.drawText(
            self.viewport().rect().adjusted(12, 24, -12, 0),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            self.empty_text,
        )
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(self, event):
            event.accept()
            return
        super().keyPressEvent(event)


class StageColumn(QFrame):
    """A stage's column; closed stages can fold into a narrow strip."""

    collapse_toggled = Signal(int, bool)
    menu_requested = Signal(int, QPoint)

    def __init__(
        self, stage: StageInfo, parent: QWidget | None = None, *, collapsed: bool = False
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.collapsed = collapsed
        self.highlighted = False
        self.accent = stage_color(stage)
        self.setObjectName(f"column_{stage.id}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.toggle = QToolButton()
        self.toggle.setAutoRaise(True)
        self.toggle.setObjectName("collapse_toggle")
        self.toggle.setVisible(stage.is_closed)
        self.toggle.clicked.connect(
            lambda: self.collapse_toggled.emit(stage.id, not self.collapsed)
        )
        self.title = QLabel(stage.name)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.count_label = CountBadge(self.accent)
        self.menu_button = QToolButton()
        self.menu_button.setAutoRaise(True)
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip(
            plain_tooltip(f"Stage “{stage.name}”: rename, move, hide, delete")
        )
        self.menu_button.setAccessibleName(f"{stage.name} stage menu")
        self.menu_button.clicked.connect(
            lambda: self.menu_requested.emit(
                stage.id, self.menu_button.mapToGlobal(QPoint(0, self.menu_button.height()))
            )
        )
        header = QHBoxLayout()
        header.setContentsMargins(10, 8, 4, 2)
        header.setSpacing(6)
        header.addWidget(self.toggle)
        header.addWidget(self.title, 1)
        header.addWidget(self.count_label)
        header.addWidget(self.menu_button)
        self.header = header

        self.model = StageColumnModel(stage.id, self)
        self.delegate = CardDelegate(self, active_stage=stage.is_active)
        self.view = CardListView(self)
        self.view.setObjectName(f"stage_view_{stage.id}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.drop_color = self.accent
        self.view.setAccessibleName(f"{stage.name} column")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 3, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        # Takes the height only when the list is folded away, keeping the header at the top.
        layout.addStretch(0)
        self._apply_collapsed()

    def update_count(self) -> None:
        model = self.model
        text = str(model.total)
        self.count_label.setText(text)
        noun = "match" if model.is_filtered else "application"
        plural = "es" if noun == "match" else "s"
        self.count_label.setToolTip(f"{model.total} {noun}{'' if model.total == 1 else plural}")
        self.update()

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed != self.collapsed:
            self.collapsed = collapsed
            self._apply_collapsed()

    def _apply_collapsed(self) -> None:
        collapsed = self.collapsed
        # A folded column reads no cards until it is opened again.
        self.model.paused = collapsed
        self.view.setVisible(not collapsed)
        for widget in (self.title, self.count_label, self.menu_button):
            widget.setVisible(not collapsed)
        self.toggle.setText("▸" if collapsed else "▾")
        self.toggle.setToolTip(
            plain_tooltip(f"{'Show' if collapsed else 'Fold'} the {self.stage.name} column")
        )
        if collapsed:
            self.setFixedWidth(COLLAPSED_WIDTH)
            self.header.setContentsMargins(2, 8, 2, 2)
        else:
            self.setMinimumWidth(COLUMN_MIN_WIDTH)
            self.setMaximumWidth(COLUMN_MAX_WIDTH)
            self.header.setContentsMargins(10, 8, 4, 2)
        self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        """Marks a folded column while a card is dragged over it."""
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(COLLAPSED_WIDTH if self.collapsed else 260, 600)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.collapsed and event.button() == Qt.MouseButton.LeftButton:
            self.collapse_toggled.emit(self.stage.id, False)  # a click anywhere unfolds it
            return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        back = palette.color(QPalette.ColorRole.Window).darker(106)
        if self.highlighted:
            back = QColor(self.accent)
            back.setAlphaF(0.18)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(box, 8, 8)
        painter.setBrush(self.accent)
        painter.drawRoundedRect(QRectF(box.left() + 8, box.top(), box.width() - 16, 3), 1.5, 1.5)
        if self.collapsed:
            self._paint_folded_title(painter)
        painter.end()

    def _paint_folded_title(self, painter: QPainter) -> None:
        text = f"{self.stage.name}  ·  {self.model.total}"
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.save()
        painter.translate(self.width() / 2 + 5, 44)
        painter.rotate(90)
        painter.drawText(
            QRect(0, -10, self.height() - 60, 20), int(Qt.AlignmentFlag.AlignLeft), text
        )
        painter.restore()
