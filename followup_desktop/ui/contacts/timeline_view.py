"""A history list (conversations, follow-ups, letters), newest first, with the linked application.

Each entry shows its date beside up to three lines: what happened, with whom and about which
application, and the notes; planned steps are drawn in blue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from followup_desktop.services.timeline import CONVERSATION, FOLLOW_UP, LETTER, TimelineEntry
from followup_desktop.services.user_text import isolated, shortened
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import PLANNED
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

_KIND_LABELS = {CONVERSATION: "Conversation", FOLLOW_UP: "Follow-up", LETTER: "Letter"}
_DETAIL_LIMIT = 160
EntryRole = Qt.ItemDataRole.UserRole + 1


class TimelineView(QTreeWidget):
    """Double-click opens what an entry links to: the application, or the follow-up's letter."""

    application_requested = Signal(int)
    follow_up_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels(["When", "What"])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(UserTextDelegate(self))
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.itemActivated.connect(self._on_activated)
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry], *, show_who: bool = True) -> None:
        self.entries = entries
        self.clear()
        items = []
        for entry in entries:
            when = entry.when.strftime("%Y-%m-%d")
            if entry.kind == CONVERSATION:
                when += entry.when.strftime("\n%H:%M")
            names = [n for n in ((entry.who if show_who else ""), entry.application_label) if n]
            # Names and detail isolated and cut: a row stays a few lines high whatever was typed.
            linked = " · ".join(isolated(shortened(name, _DETAIL_LIMIT)) for name in names)
            text = "\n".join(line for line in (entry.title, linked, _detail(entry.detail)) if line)
            item = QTreeWidgetItem([when, text])
            item.setData(0, EntryRole, entry)
            whole = " · ".join(isolated(name) for name in names)
            item.setToolTip(
                1, plain_tooltip("\n".join(x for x in (entry.title, whole, entry.detail) if x))
            )
            item.setData(
                1, Qt.ItemDataRole.AccessibleTextRole, f"{_KIND_LABELS[entry.kind]}: {text}"
            )
            if entry.kind == FOLLOW_UP and entry.state == "planned":
                for column in range(2):
                    item.setForeground(column, QBrush(PLANNED.on(self.palette())))
            items.append(item)
        if not items:
            empty = QTreeWidgetItem(["", "Nothing logged or planned yet."])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(empty)
        self.addTopLevelItems(items)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = item.data(0, EntryRole)
        if not isinstance(entry, TimelineEntry):
            return
        if entry.kind == FOLLOW_UP:
            self.follow_up_requested.emit(entry.record_id)
        elif entry.application_id is not None:
            self.application_requested.emit(entry.application_id)


def _detail(text: str) -> str:
    """The start of ``text`` on one line, isolated, at most ``_DETAIL_LIMIT`` characters."""
    start = " ".join(text[: 4 * _DETAIL_LIMIT].split())
    if len(text) > 4 * _DETAIL_LIMIT:
        start += "…"
    return isolated(shortened(start, _DETAIL_LIMIT))
