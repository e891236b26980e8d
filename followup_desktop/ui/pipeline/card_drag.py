"""Dragging cards with the mouse: a floating card, a drop line, and scrolling near the edges."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsDropShadowEffect,
    QLabel,
    QScrollArea,
    QWidget,
)

from followup_desktop.ui.pipeline.column_widget import StageColumn

#: Distance from an edge (pixels) within which the view scrolls during a drag.
EDGE_MARGIN = 36
#: Largest scroll step per tick, reached with the pointer right at the edge.
MAX_STEP = 28
TICK_MS = 30
GHOST_SHIFT = QPoint(14, 12)


class _Press(NamedTuple):
    column: StageColumn
    application_id: int
    global_pos: QPoint
    offset: QPoint


class DropTarget(NamedTuple):
    column: StageColumn
    #: Row before which the card lands, counted in the column's current rows.
    row: int


class CardDragController(QObject):
    """Watches the card lists' mouse events and turns a press-and-move into a card move.

    The drag stays inside the window, so it needs no system drag session: the board's own
    widgets draw the floating card and the drop line, and ``dropped`` hands the move to the
    board, which makes it the same undoable command the keyboard uses.
    """

    #: A card was released over a column: (application id, source column, target column,
    #: row before which it lands, counted in the target's current rows).
    dropped = Signal(int, object, object, int)

    def __init__(
        self,
        surface: QWidget,
        scroll_area: QScrollArea,
        columns: Callable[[], list[StageColumn]],
    ) -> None:
        """``surface`` carries the floating card; ``columns`` gives the columns now visible."""
        super().__init__(surface)
        self._surface = surface
        self._scroll_area = scroll_area
        self._visible_columns = columns
        self._columns: dict[QObject, StageColumn] = {}
        self._press: _Press | None = None
        self.active = False
        self.target: DropTarget | None = None
        self._last_global = QPoint()
        self._floating: QLabel | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._auto_scroll)

    @property
    def _ghost(self) -> QLabel:
        """The floating card, made at the first drag (the board opens without it)."""
        if self._floating is None:
            ghost = QLabel(self._surface)
            ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            ghost.hide()
            shadow = QGraphicsDropShadowEffect(ghost)
            shadow.setBlurRadius(18)
            shadow.setOffset(0, 4)
            shadow.setColor(QColor(0, 0, 0, 90))
            ghost.setGraphicsEffect(shadow)
            self._floating = ghost
        return self._floating

    def watch(self, column: StageColumn) -> None:
        viewport = column.view.viewport()
        self._columns[viewport] = column
        self._columns[column.view] = column
        viewport.installEventFilter(self)
        column.view.installEventFilter(self)
        column.destroyed.connect(lambda *_: self._forget(viewport, column.view))

    def _forget(self, *watched: QObject) -> None:
        for obj in watched:
            self._columns.pop(obj, None)

    # --- events --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        column = self._columns.get(watched)
        if column is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self.active:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
            return True
        if watched is column.view:
            return False
        if kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            self._on_press(column, event)
        elif kind == QEvent.Type.MouseMove:
            assert isinstance(event, QMouseEvent)
            return self._on_move(event)
        elif kind == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            return self._on_release(event)
        return False

    def _on_press(self, column: StageColumn, event: QMouseEvent) -> None:
        self._press = None
        if event.button() != Qt.MouseButton.LeftButton or self.active:
            return
        pos = event.position().toPoint()
        index = column.view.indexAt(pos)
        if not index.isValid():
            return
        card = column.model.card_at(index.row())
        rect = column.view.visualRect(index)
        self._press = _Press(
            column, card.id, event.globalPosition().toPoint(), pos - rect.topLeft()
        )

    def _on_move(self, event: QMouseEvent) -> bool:
        global_pos = event.globalPosition().toPoint()
        if self.active:
            self._update(global_pos)
            return True
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        if (global_pos - press.global_pos).manhattanLength() < QApplication.startDragDistance():
            return False
        self._start(press)
        self._update(global_pos)
        return True

    def _on_release(self, event: QMouseEvent) -> bool:
        if not self.active:
            self._press = None
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return True
        self._update(event.globalPosition().toPoint())
        press, target = self._press, self.target
        self._finish()
        if press is not None and target is not None:
            self.dropped.emit(press.application_id, press.column, target.column, target.row)
        return True

    # --- drag life -------------------------------------------------------------------------

    def _start(self, press: _Press) -> None:
        self.active = True
        column = press.column
        row = column.model.row_of(press.application_id)
        if row >= 0:
            self._ghost.setPixmap(self._card_pixmap(column, row))
            self._ghost.adjustSize()
        column.delegate.dragged_id = press.application_id
        column.view.viewport().update()
        self._ghost.show()
        self._ghost.raise_()
        self._timer.start()

    def _card_pixmap(self, column: StageColumn, row: int) -> QPixmap:
        view = column.view
        rect = view.visualRect(column.model.index(row))
        ratio = view.devicePixelRatioF()
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.82)
        column.delegate.paint_card(
            painter,
            QRect(QPoint(0, 0), rect.size()),
            column.model.card_at(row),
            view.palette(),
            selected=True,
        )
        painter.end()
        return pixmap

    def _update(self, global_pos: QPoint) -> None:
        self._last_global = global_pos
        press = self._press
        if press is not None:
            # Held where it was grabbed sideways, but hung just below the pointer, so the drop
            # line under the pointer stays in sight.
            pointer = self._surface.mapFromGlobal(global_pos)
            self._ghost.move(
                pointer.x() - press.offset.x() + GHOST_SHIFT.x(), pointer.y() + GHOST_SHIFT.y()
            )
        self._set_target(self.target_at(global_pos))

    def _set_target(self, target: DropTarget | None) -> None:
        old = self.target
        if old is not None and (target is None or target.column is not old.column):
            old.column.view.set_drop_row(None)
            old.column.set_highlighted(False)
        self.target = target
        if target is None:
            return
        if target.column.collapsed:
            target.column.set_highlighted(True)
        else:
            target.column.view.set_drop_row(target.row)

    def target_at(self, global_pos: QPoint) -> DropTarget | None:
        """The column and row a card released at ``global_pos`` would land in."""
        for column in self._visible_columns():
            local = column.mapFromGlobal(global_pos)
            if not column.rect().contains(local):
                continue
            if column.collapsed:
                return DropTarget(column, 0)
            return DropTarget(column, drop_row(column, global_pos))
        return None

    def _finish(self) -> None:
        self._timer.stop()
        if self._floating is not None:
            self._floating.hide()
        if self._press is not None:
            self._press.column.delegate.dragged_id = None
            self._press.column.view.viewport().update()
        self._set_target(None)
        self.active = False
        self._press = None

    def cancel(self) -> None:
        """Drop nothing: the card stays where it was (Escape)."""
        if self.active:
            self._finish()

    # --- scrolling near the edges --------------------------------------------------------

    def _auto_scroll(self) -> None:
        if not self.active:
            return
        moved = False
        target = self.target
        if target is not None and not target.column.collapsed:
            viewport = target.column.view.viewport()
            y = viewport.mapFromGlobal(self._last_global).y()
            step = edge_step(y, viewport.height())
            if step:
                bar = target.column.view.verticalScrollBar()
                before = bar.value()
                bar.setValue(before + step)
                moved = moved or bar.value() != before
        area = self._scroll_area.viewport()
        x = area.mapFromGlobal(self._last_global).x()
        step = edge_step(x, area.width())
        if step:
            bar = self._scroll_area.horizontalScrollBar()
            before = bar.value()
            bar.setValue(before + step)
            moved = moved or bar.value() != before
        if moved:
            self._set_target(self.target_at(self._last_global))


def edge_step(position: int, length: int) -> int:
    """Scroll step for a pointer at ``position`` in a span of ``length``: faster nearer an edge."""
    margin = min(EDGE_MARGIN, length // 4)
    if margin <= 0:
        return 0
    if position < margin:
        depth = min(margin, margin - position)
        return -max(2, MAX_STEP * depth // margin)
    if position > length - margin:
        depth = min(margin, position - (length - margin))
        return max(2, MAX_STEP * depth // margin)
    return 0


def drop_row(column: StageColumn, global_pos: QPoint) -> int:
    """The row before which a card dropped at ``global_pos`` lands (the nearer card gap)."""
    view = column.view
    viewport = view.viewport()
    point = viewport.mapFromGlobal(global_pos)
    if column.model.rowCount() == 0:
        return 0
    # Above or below the list, the nearest visible card decides.
    x = min(max(1, point.x()), max(1, viewport.width() - 2))
    y = min(max(0, point.y()), max(0, viewport.height() - 1))
    index = view.indexAt(QPoint(x, y))
    if not index.isValid():
        return column.model.rowCount()  # the empty space under the last card
    rect = view.visualRect(index)
    return index.row() if point.y() < rect.center().y() else index.row() + 1
