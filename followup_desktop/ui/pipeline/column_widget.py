"""One stage column: a painted header (name, count, menu) over a list of cards; collapsible."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import StageInfo
from followup_desktop.ui.pipeline.card_delegate import CardDelegate
from followup_desktop.ui.pipeline.card_list_view import COLUMN_SHADE, CardListView
from followup_desktop.ui.pipeline.card_model import StageColumnModel
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import readable

COLUMN_MIN_WIDTH = 232
COLUMN_MAX_WIDTH = 330
COLLAPSED_WIDTH = 38
HEADER_HEIGHT = 38

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


class StageColumn(QFrame):
    """A stage's column; closed stages can fold into a narrow strip.

    The header (fold arrow, name, count, menu) is painted rather than built from child
    widgets: a board has many columns, and fewer widgets make it open faster. Everything the
    header does is also in the card list's context menu, for the keyboard.
    """

    collapse_toggled = Signal(int, bool)
    menu_requested = Signal(int, QPoint)
    #: The user asked for a new application in this stage (its id).
    add_requested = Signal(int)

    def __init__(
        self, stage: StageInfo, parent: QWidget | None = None, *, collapsed: bool = False
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.collapsed = collapsed
        self.highlighted = False
        self.accent = stage_color(stage)
        self._hover: str | None = None
        self._count = "0"
        self._count_tip = ""
        self.setObjectName(f"column_{stage.id}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._title_font = QFont(self.font())
        self._title_font.setBold(True)

        self.model = StageColumnModel(stage.id, self)
        self.delegate = CardDelegate(self, active_stage=stage.is_active)
        self.view = CardListView(self)
        self.view.setObjectName(f"stage_view_{stage.id}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.drop_color = self.accent
        self.view.setAccessibleName(f"{stage.name} column")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, HEADER_HEIGHT, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName(f"add_to_{stage.id}")
        self.add_button.setText("+  Add application")
        self.add_button.setAutoRaise(True)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button.setToolTip(plain_tooltip(f"Add an application to {stage.name}"))
        self.add_button.setAccessibleName(f"Add an application to {stage.name}")
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.stage.id))
        layout.addWidget(self.add_button)
        # Takes the height only when the list is folded away.
        layout.addStretch(0)
        self._apply_collapsed()

    # --- header geometry ---------------------------------------------------------------

    def toggle_rect(self) -> QRect:
        """The fold arrow (closed stages only; empty otherwise)."""
        if not self.stage.is_closed:
            return QRect()
        if self.collapsed:
            return QRect((self.width() - 22) // 2, 9, 22, 22)
        return QRect(6, 9, 22, 22)

    def menu_rect(self) -> QRect:
        return QRect() if self.collapsed else QRect(self.width() - 32, 9, 26, 22)

    def count_rect(self) -> QRect:
        metrics = QFontMetrics(self._title_font)
        width = max(26, metrics.horizontalAdvance(self._count) + 16)
        menu = self.menu_rect()
        return QRect(menu.left() - 4 - width, 11, width, 18)

    def part_at(self, pos: QPoint) -> str | None:
        if self.toggle_rect().contains(pos):
            return "toggle"
        if self.menu_rect().contains(pos):
            return "menu"
        if not self.collapsed and self.count_rect().contains(pos):
            return "count"
        return None

    def count_text(self) -> str:
        return self._count

    def update_count(self) -> None:
        model = self.model
        self._count = str(model.total)
        noun = "match" if model.is_filtered else "application"
        plural = "es" if noun == "match" else "s"
        self._count_tip = f"{model.total} {noun}{'' if model.total == 1 else plural}"
        self.setAccessibleName(f"{self.stage.name}: {self._count_tip}")
        self.update()

    # --- state ---------------------------------------------------------------------------

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed != self.collapsed:
            self.collapsed = collapsed
            self._apply_collapsed()

    def _apply_collapsed(self) -> None:
        collapsed = self.collapsed
        # A folded column reads no cards until it is opened again.
        self.model.paused = collapsed
        self.view.setVisible(not collapsed)
        self.add_button.setVisible(not collapsed and not self.stage.is_closed)
        if collapsed:
            self.setFixedWidth(COLLAPSED_WIDTH)
        else:
            self.setMinimumWidth(COLUMN_MIN_WIDTH)
            self.setMaximumWidth(COLUMN_MAX_WIDTH)
        self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        """Marks a folded column while a card is dragged over it."""
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(COLLAPSED_WIDTH if self.collapsed else 260, 600)

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        part = self.part_at(event.position().toPoint())
        if self.collapsed or part == "toggle":
            self.collapse_toggled.emit(self.stage.id, not self.collapsed)
        elif part == "menu":
            self.menu_requested.emit(self.stage.id, self.mapToGlobal(self.menu_rect().bottomLeft()))
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.part_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, part: str | None) -> None:
        if part != self._hover:
            self._hover = part
            self.setCursor(
                Qt.CursorShape.PointingHandCursor
                if part in ("toggle", "menu") or self.collapsed
                else Qt.CursorShape.ArrowCursor
            )
            self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            tip = self._tooltip(self.part_at(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), plain_tooltip(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip(self, part: str | None) -> str:
        if self.collapsed:
            return f"{self.stage.name}: {self._count_tip}. Click to open the column."
        if part == "toggle":
            return f"Fold the {self.stage.name} column"
        if part == "menu":
            return f"Stage “{self.stage.name}”: rename, move, hide, delete"
        if part == "count":
            return self._count_tip
        return ""

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        back = palette.color(QPalette.ColorRole.Window).darker(COLUMN_SHADE)
        if self.highlighted:
            back = QColor(self.accent)
            back.setAlphaF(0.18)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(box, 8, 8)
        painter.setBrush(self.accent)
        painter.drawRoundedRect(QRectF(box.left() + 8, box.top(), box.width() - 16, 3), 1.5, 1.5)
        text = palette.color(QPalette.ColorRole.WindowText)
        for part, rect in (("toggle", self.toggle_rect()), ("menu", self.menu_rect())):
            if rect.isNull():
                continue
            if part == self._hover:
                hover = QColor(text)
                hover.setAlphaF(0.1)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(hover)
                painter.drawRoundedRect(QRectF(rect), 4, 4)
            if part == "toggle":
                _paint_arrow(painter, QRectF(rect), text, down=not self.collapsed)
            else:
                _paint_dots(painter, QRectF(rect), text)
        if self.collapsed:
            self._paint_folded_title(painter)
        else:
            self._paint_title(painter, text)
        painter.end()

    def _paint_title(self, painter: QPainter, color: QColor) -> None:
        count = self.count_rect()
        back = self.palette().color(QPalette.ColorRole.Window).darker(COLUMN_SHADE)
        share = 0.16  # a tint of the stage's colour behind its count
        fill = QColor.fromRgbF(
            back.redF() * (1 - share) + self.accent.redF() * share,
            back.greenF() * (1 - share) + self.accent.greenF() * share,
            back.blueF() * (1 - share) + self.accent.blueF() * share,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(count), count.height() / 2, count.height() / 2)
        painter.setFont(self._title_font)
        # The count in the stage's colour, lighter or darker as the scheme needs to read.
        painter.setPen(readable(self.accent, fill))
        painter.drawText(count, int(Qt.AlignmentFlag.AlignCenter), self._count)
        toggle = self.toggle_rect()
        left = toggle.right() + 4 if not toggle.isNull() else 12
        title = QRect(left, 9, count.left() - 6 - left, 22)
        metrics = QFontMetrics(self._title_font)
        name = metrics.elidedText(self.stage.name, Qt.TextElideMode.ElideRight, title.width())
        painter.setPen(color)
        painter.drawText(
            title, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name
        )

    def _paint_folded_title(self, painter: QPainter) -> None:
        text = f"{self.stage.name}  ·  {self._count}"
        painter.setFont(self._title_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.save()
        painter.translate(self.width() / 2 + 5, 40)
        painter.rotate(90)
        painter.drawText(
            QRect(0, -10, self.height() - 56, 20), int(Qt.AlignmentFlag.AlignLeft), text
        )
        painter.restore()


def _paint_arrow(painter: QPainter, box: QRectF, color: QColor, *, down: bool) -> None:
    """The fold arrow: pointing down when open, right when folded."""
    c = box.center()
    if down:
        points = [
            QPointF(c.x() - 4, c.y() - 2),
            QPointF(c.x() + 4, c.y() - 2),
            QPointF(c.x(), c.y() + 3),
        ]
    else:
        points = [
            QPointF(c.x() - 2, c.y() - 4),
            QPointF(c.x() - 2, c.y() + 4),
            QPointF(c.x() + 3, c.y()),
        ]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(points)


def _paint_dots(painter: QPainter, box: QRectF, color: QColor) -> None:
    """The "more" menu mark: three dots."""
    c = box.center()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for dx in (-5, 0, 5):
        painter.drawEllipse(QPointF(c.x() + dx, c.y()), 1.6, 1.6)
