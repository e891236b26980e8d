"""A list of one day's follow-ups: drag them onto another day, or drop some on its own day."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QWidget,
)

from followup_desktop.ui.calendar.channels import FOLLOW_UP_MIME, decode_ids
from followup_desktop.ui.calendar.day_model import (
    PAGE_SIZE,
    DayFollowUpModel,
    MoreRole,
    row_text,
)
from followup_desktop.ui.calendar.row_delegate import FollowUpRowDelegate
from followup_desktop.ui.theme import quiet_text

__all__ = ["FollowUpList", "row_text"]


EMPTY_DAY_TEXT = (
    "Nothing planned this day.\n\nFollow-ups are planned for you as you add applications "
    "and log conversations. To plan one yourself, double-click a day on the calendar."
)


class FollowUpList(QListView):
    """Shows a day's follow-ups a page at a time; planned ones can be dragged elsewhere.

    Every row is two lines without wrapping, so Qt measures one row and not thousands. With
    ``day`` set, drops move follow-ups to that day.
    """

    #: Follow-up ids dropped on this list: (ids, its day).
    follow_ups_dropped = Signal(list, object)
    #: Right-click on a follow-up: (id, global position).
    menu_requested = Signal(int, QPoint)
    #: Double-click or Enter on a follow-up.
    follow_up_activated = Signal(int)
    #: The current follow-up changed (its id, or None).
    current_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        day: dt.date | None = None,
        page_size: int = PAGE_SIZE,
        more_row: bool = False,
    ) -> None:
        super().__init__(parent)
        self.day = day
        self.follow_ups = DayFollowUpModel(self, page_size=page_size, more_row=more_row)
        self.setModel(self.follow_ups)
        self.setItemDelegate(FollowUpRowDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.activated.connect(self._activated)
        self.clicked.connect(self._clicked)
        self._more_clicked_at = -1.0
        self.selectionModel().currentChanged.connect(
            lambda *_: self.current_changed.emit(self.current_follow_up_id())
        )

    def show_day(self, day: dt.date, today: dt.date) -> None:
        """Read ``day``'s first page, keeping the current follow-up when it is still there."""
        selected = self.current_follow_up_id()
        self.day = day
        self.follow_ups.load(day, today, palette=self.palette())
        row = self.follow_ups.row_of(selected) if selected is not None else None
        if row is not None:
            self.select_row(row)

    # --- what is shown ---------------------------------------------------------------------

    def count(self) -> int:
        """Follow-ups read so far (a busy day has more: ``follow_ups.total``)."""
        return len(self.follow_ups.rows)

    def follow_up_ids(self) -> list[int]:
        return [row.id for row in self.follow_ups.rows]

    def row_text(self, row: int) -> str:
        return self.follow_ups.text(row)

    def select_row(self, row: int) -> None:
        self.setCurrentIndex(self.follow_ups.index(row))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def current_follow_up_id(self) -> int | None:
        row = self.follow_ups.row_at(self.current_row())
        return None if row is None else row.id

    def current_is_planned(self) -> bool:
        row = self.follow_ups.row_at(self.current_row())
        return row is not None and row.state == "planned"

    def show_more(self) -> int:
        """Read the next page (what the "Show more" row does); returns how many rows came."""
        return self.follow_ups.load_more()

    # --- drop in ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.day is not None and event.mimeData().hasFormat(FOLLOW_UP_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.day is not None and event.mimeData().hasFormat(FOLLOW_UP_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        # Never let the list rearrange its own rows: a drop means "move to this day".
        if self.day is None or not event.mimeData().hasFormat(FOLLOW_UP_MIME):
            event.ignore()
            return
        ids = decode_ids(event.mimeData().data(FOLLOW_UP_MIME).data())
        shown = set(self.follow_up_ids()) if self.follow_ups.day == self.day else set()
        ids = [fid for fid in ids if fid not in shown]
        event.setDropAction(Qt.DropAction.CopyAction)  # the source keeps its rows until refresh
        event.accept()
        if ids:
            self.follow_ups_dropped.emit(ids, self.day)

    # --- menus and activation --------------------------------------------------------------

    def _context_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        row = self.follow_ups.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.setCurrentIndex(index)
            self.menu_requested.emit(row.id, self.mapToGlobal(point))

    def _activated(self, index: QModelIndex) -> None:
        row = self.follow_ups.row_at(index.row())
        if row is not None:
            self.follow_up_activated.emit(row.id)

    def _clicked(self, index: QModelIndex) -> None:
        # One click is enough for "Show more": it is a button, not a follow-up.
        if index.isValid() and index.data(MoreRole):
            self.show_more()
            # The rows that came now sit under the pointer: a double-click meant for "Show
            # more" must not open one of them.
            self._more_clicked_at = time.monotonic()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        more = self.currentIndex().isValid() and self.currentIndex().data(MoreRole)
        if more and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.show_more()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(quiet_text(self.palette(), QPalette.ColorRole.Base))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                EMPTY_DAY_TEXT,
            )
            painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        interval = QApplication.doubleClickInterval() / 1000
        if time.monotonic() - self._more_clicked_at < interval:
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
