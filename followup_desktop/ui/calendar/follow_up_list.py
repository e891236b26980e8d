"""A list of follow-ups that can be dragged onto a day, and that takes drops for its own day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from followup_desktop.services.follow_up_queries import FollowUpRow
from followup_desktop.ui.calendar.channels import (
    FOLLOW_UP_MIME,
    OVERDUE_COLOUR,
    channel_text,
    decode_ids,
    encode_ids,
)
from followup_desktop.ui.plain_text import plain_tooltip

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2


def row_text(row: FollowUpRow, today: dt.date, *, show_day: bool = False) -> str:
    """Two lines: what and with whom; then channel and timing (or its state)."""
    if row.state != "planned":
        when = row.state
    elif row.due_on < today:
        late = (today - row.due_on).days
        when = f"{late} day{'s' if late != 1 else ''} late"
    elif row.due_on == today:
        when = "today"
    else:
        when = f"{row.due_on:%a %d %b}" if show_day else "planned"
    return f"{row.title()}\n{channel_text(row.channel)} · {when}"


class FollowUpList(QListWidget):
    """Shows follow-ups; planned ones can be dragged. With ``day`` set, drops move them there."""

    #: Follow-up ids dropped on this list: (ids, its day).
    follow_ups_dropped = Signal(list, object)
    #: Right-click on a follow-up: (id, global position).
    menu_requested = Signal(int, QPoint)
    #: Double-click or Enter on a follow-up.
    follow_up_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.setWordWrap(True)
        # A busy day can hold thousands: lay them out a batch at a time between events, so the
        # first rows show at once instead of after every row's wrapped height is measured.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemActivated.connect(self._activated)

    def set_rows(
        self, rows: Sequence[FollowUpRow], today: dt.date, *, show_day: bool = False
    ) -> None:
        selected = self.current_follow_up_id()
        self.clear()
        for row in rows:
            item = QListWidgetItem(row_text(row, today, show_day=show_day))
            item.setData(FollowUpIdRole, row.id)
            item.setData(StateRole, row.state)
            item.setToolTip(plain_tooltip(item.text()))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if row.state == "planned":
                flags |= Qt.ItemFlag.ItemIsDragEnabled
                if row.due_on < today:
                    item.setForeground(QBrush(OVERDUE_COLOUR))
            else:
                item.setForeground(self.palette().brush(QPalette.ColorRole.PlaceholderText))
            item.setFlags(flags)
            self.addItem(item)
            if row.id == selected:
                self.setCurrentItem(item)

    def follow_up_ids(self) -> list[int]:
        return [int(self.item(i).data(FollowUpIdRole)) for i in range(self.count())]

    def item_for(self, follow_up_id: int) -> QListWidgetItem | None:
        for index in range(self.count()):
            item = self.item(index)
            if item.data(FollowUpIdRole) == follow_up_id:
                return item
        return None

    def current_follow_up_id(self) -> int | None:
        item = self.currentItem()
        if item is None or item.data(FollowUpIdRole) is None:
            return None
        return int(item.data(FollowUpIdRole))

    def current_is_planned(self) -> bool:
        item = self.currentItem()
        return item is not None and item.data(StateRole) == "planned"

    # --- drag out --------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [FOLLOW_UP_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        ids = [int(item.data(FollowUpIdRole)) for item in items if item.data(FollowUpIdRole)]
        mime.setData(FOLLOW_UP_MIME, encode_ids(ids))
        mime.setText("\n".join(item.text().splitlines()[0] for item in items))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

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
        ids = [fid for fid in ids if fid not in self.follow_up_ids()]
        event.setDropAction(Qt.DropAction.CopyAction)  # the source keeps its rows until refresh
        event.accept()
        if ids:
            self.follow_ups_dropped.emit(ids, self.day)

    # --- menus -----------------------------------------------------------------------------

    def _context_menu(self, point: QPoint) -> None:
        item = self.itemAt(point)
        if item is not None and item.data(FollowUpIdRole) is not None:
            self.setCurrentItem(item)
            self.menu_requested.emit(int(item.data(FollowUpIdRole)), self.mapToGlobal(point))

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(FollowUpIdRole) is not None:
            self.follow_up_activated.emit(int(item.data(FollowUpIdRole)))
