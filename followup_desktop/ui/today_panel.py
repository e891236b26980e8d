"""Today panel: overdue follow-ups first, then today's; act on each in one or two clicks.

Only the counts and a first page of each section are read, so the panel opens as fast on years
of data as on a week's; "Show more" reads the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.follow_up_queries import FollowUpRow, due_counts, due_page
from followup_desktop.ui.calendar.channels import channel_text
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.actions import FollowUpActions
from followup_desktop.ui.plain_text import plain_tooltip, shown_lines
from followup_desktop.ui.theme import WARNING
from followup_desktop.ui.widgets.wrapped_rows import WrappedRowsDelegate

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
#: On a "show more" item: True for the overdue section, False for today's.
MoreRole = Qt.ItemDataRole.UserRole + 2
#: Rows read per section at a time; a window height's worth, with room to spare.
PAGE_SIZE = 15


class TodayPanel(QWidget):
    """What to do today. Double-click (or Enter) opens the call sheet or the composer."""

    def __init__(
        self,
        events: AppEvents,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self._today = today
        self.follow_up_actions = FollowUpActions(events, self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Rows wrap at the panel's width, a name to three lines at most and then "…" (the
        # tooltip has it whole): a long name never widens a row or scrolls the list sideways.
        self.list.setItemDelegate(WrappedRowsDelegate(self.list, max_lines=3, separators=True))
        self.list.setSpacing(1)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setObjectName("today_list")
        self.list.setAccessibleName("Follow-ups due")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Call sheet for a call, composer for an e-mail or note")
        self.done_button = QPushButton("Done…")
        self.done_button.setToolTip("Mark it done, log the conversation and plan what follows")
        self.later_button = QPushButton("Later")
        self.later_menu = QMenu(self.later_button)
        self.later_button.setMenu(self.later_menu)
        self.skip_button = QPushButton("Skip…")
        buttons = QGridLayout()
        buttons.addWidget(self.open_button, 0, 0)
        buttons.addWidget(self.done_button, 0, 1)
        buttons.addWidget(self.later_button, 1, 0)
        buttons.addWidget(self.skip_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(self._on_activated)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.open_button.clicked.connect(lambda: self._with_current(self.follow_up_actions.open))
        self.done_button.clicked.connect(
            lambda: self._with_current(self.follow_up_actions.mark_done)
        )
        self.skip_button.clicked.connect(lambda: self._with_current(self.follow_up_actions.skip))
        self.later_menu.aboutToShow.connect(self._fill_later_menu)
        events.follow_ups_changed.connect(self.refresh)
        events.applications_changed.connect(self.refresh)
        events.contacts_changed.connect(self.refresh)
        self.overdue_count = self.due_today_count = 0
        #: The rows shown so far, per section (overdue, due today).
        self.overdue: list[FollowUpRow] = []
        self.due_today: list[FollowUpRow] = []
        self._day = today()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # the late entries' colour is chosen for the scheme

    def refresh(self) -> None:
        self._day = today = self._today()
        selected = self.current_follow_up_id()
        self.overdue_count, self.due_today_count = due_counts(today)
        self.overdue = due_page(today, overdue=True, limit=PAGE_SIZE)
        self.due_today = due_page(today, overdue=False, limit=PAGE_SIZE)
        self.list.clear()
        if not self.overdue_count and not self.due_today_count:
            self.summary.setText("Nothing due today. Well done!")
        else:
            self.summary.setText(
                f"{self.overdue_count} overdue · {self.due_today_count} due today. "
                "Double-click one to act on it, or use the buttons."
            )
        self._add_section(f"Overdue ({self.overdue_count})", self.overdue, self.overdue_count, True)
        self._add_section(
            f"Today ({self.due_today_count})", self.due_today, self.due_today_count, False
        )
        self._reselect(selected)
        self._update_buttons()

    def _add_section(self, title: str, rows: list[FollowUpRow], total: int, overdue: bool) -> None:
        if not total:
            return
        header = QListWidgetItem(title)
        font = QFont(header.font())
        font.setBold(True)
        header.setFont(font)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(header)
        for row in rows:
            self.list.addItem(self._row_item(row))
        if len(rows) < total:
            self.list.addItem(self._more_item(total - len(rows), overdue))

    def _row_item(self, row: FollowUpRow) -> QListWidgetItem:
        late = (self._day - row.due_on).days
        when = f"{late} day{'s' if late != 1 else ''} late" if late > 0 else "today"
        text = f"{row.title()}\n{channel_text(row.channel)} · {when}"
        item = QListWidgetItem(shown_lines(text))
        item.setData(FollowUpIdRole, row.id)
        item.setToolTip(plain_tooltip(text))
        if late > 0:
            # A colour where Qt documents a brush: the view converts it, and the panel then
            # needs none of the brush and gradient types PySide sets up on first use.
            item.setData(Qt.ItemDataRole.ForegroundRole, WARNING.on(self.list.palette()))
        return item

    @staticmethod
    def _more_item(left: int, overdue: bool) -> QListWidgetItem:
        item = QListWidgetItem(f"Show more ({left} not shown)…")
        item.setData(MoreRole, overdue)
        item.setToolTip("Double-click or press Enter to list the next ones.")
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        return item

    def show_more(self, overdue: bool) -> None:
        """Read the next page of a section and put it in place of its "show more" item."""
        shown = self.overdue if overdue else self.due_today
        total = self.overdue_count if overdue else self.due_today_count
        more_row = next(
            (i for i in range(self.list.count()) if self.list.item(i).data(MoreRole) is overdue),
            None,
        )
        if more_row is None:
            return
        page = due_page(self._day, overdue=overdue, limit=PAGE_SIZE, offset=len(shown))
        shown.extend(page)
        self.list.takeItem(more_row)
        for offset, row in enumerate(page):
            self.list.insertItem(more_row + offset, self._row_item(row))
        if page and len(shown) < total:
            self.list.insertItem(more_row + len(page), self._more_item(total - len(shown), overdue))

    def _reselect(self, follow_up_id: int | None) -> None:
        first = None
        for index in range(self.list.count()):
            item = self.list.item(index)
            value = item.data(FollowUpIdRole)
            if value is None:
                continue
            first = first or item
            if value == follow_up_id:
                self.list.setCurrentItem(item)
                return
        if first is not None:
            self.list.setCurrentItem(first)

    def current_follow_up_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.data(FollowUpIdRole) is None:
            return None
        return int(item.data(FollowUpIdRole))

    def _update_buttons(self) -> None:
        enabled = self.current_follow_up_id() is not None
        for button in (self.open_button, self.done_button, self.later_button, self.skip_button):
            button.setEnabled(enabled)

    def _with_current(self, action: Callable[[int], object]) -> None:
        follow_up_id = self.current_follow_up_id()
        if follow_up_id is not None:
            action(follow_up_id)

    def _fill_later_menu(self) -> None:
        self.later_menu.clear()
        follow_up_id = self.current_follow_up_id()
        if follow_up_id is None:
            return
        self.follow_up_actions.fill_later_menu(self.later_menu, follow_up_id)

    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None or item.data(FollowUpIdRole) is None:
            return
        self.list.setCurrentItem(item)
        menu = self.follow_up_actions.build_menu(int(item.data(FollowUpIdRole)), self)
        menu.exec(self.list.mapToGlobal(point))

    def _on_activated(self, item: QListWidgetItem) -> None:
        more = item.data(MoreRole)
        if more is not None:
            self.show_more(bool(more))
            return
        follow_up_id = item.data(FollowUpIdRole)
        if follow_up_id is not None:
            self.follow_up_actions.open(int(follow_up_id))
