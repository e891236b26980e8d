"""The pipeline area: a column per stage, cards moved by drag, keyboard and undoable commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QMenu, QStackedWidget, QVBoxLayout, QWidget

from followup_desktop.services.application_delete import DeleteError, delete_application
from followup_desktop.services.board import StageInfo, card_counts, list_stages, load_card, ranks_of
from followup_desktop.services.documents import list_documents
from followup_desktop.services.job_posting import posting_application, read_job_posting
from followup_desktop.services.records import ApplicationInput
from followup_desktop.services.settings import folded_stages, set_stage_folded
from followup_desktop.services.wording import counted
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.application_table import ApplicationTable
from followup_desktop.ui.pipeline.board_filter import BoardFilter
from followup_desktop.ui.pipeline.board_parts import (
    column_strip,
    empty_board_banner,
    filter_box,
    key_hint,
    message_line,
    stages_button,
)
from followup_desktop.ui.pipeline.card_actions import (
    CardActions,
    DetailDialogFactory,
    StageDetailsAsker,
)
from followup_desktop.ui.pipeline.card_drag import CardDragController
from followup_desktop.ui.pipeline.card_list_view import (
    EMPTY_CLOSED_COLUMN_TEXT,
    EMPTY_COLUMN_TEXT,
    CardListView,
)
from followup_desktop.ui.pipeline.card_menu import CardMenus
from followup_desktop.ui.pipeline.column_widget import StageColumn
from followup_desktop.ui.pipeline.delete_dialog import ask_delete
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog
from followup_desktop.ui.pipeline.posting_drop import (
    NO_POSTING_TEXT,
    DroppedPage,
    confirm_posting,
    dropped_page,
    holds_page,
)
from followup_desktop.ui.pipeline.stage_dialogs import ask_stage_details
from followup_desktop.ui.pipeline.stage_menu import StageMenus
from followup_desktop.ui.pipeline.view_switch import ViewSwitch

TABLE_HINT = (
    "Click a column's title to sort  ·  Shift or Ctrl+click selects several  ·  "
    "Enter or double-click opens"
)

FILTER_DELAY_MS = 120


class PipelineBoard(QWidget):
    """The pipeline area: every visible stage side by side; only the cards in view are loaded.

    The board lays out the columns and keeps them in step with the store; the drag, the card
    actions, and the card and stage menus are helpers that reach it through narrow interfaces.
    """

    def __init__(
        self,
        events: AppEvents,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.columns: list[StageColumn] = []
        self.stages: list[StageInfo] = []
        #: Asked before a card enters Applied, Interview or Rejected (tests replace it).
        self.ask_stage_details: StageDetailsAsker = ask_stage_details
        #: Pops a menu up and waits for the choice (tests replace it).
        self.show_menu: Callable[[QMenu, QPoint], object] = lambda menu, pos: menu.exec(pos)
        #: Builds the application detail opened by double-click or Enter (tests replace it).
        self.detail_dialog: DetailDialogFactory = ApplicationDetailDialog
        #: Asks before deleting an application: None to cancel, else whether to keep copies of
        #: its documents (tests replace it).
        self.ask_delete: Callable[[QWidget, str, int], bool | None] = ask_delete
        #: Shows the form filled from a dropped job posting; the saved id (tests replace it).
        self.confirm_posting: Callable[[QWidget, ApplicationInput], int | None] = confirm_posting
        self._filter = BoardFilter()
        self._own_change = 0

        self.filter_edit = filter_box()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.stages_button, self.stages_menu = stages_button()
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.filter_edit, 1)
        self.view_switch = ViewSwitch()
        self.view_switch.chosen.connect(self.show_view)
        toolbar.addWidget(self.view_switch)
        toolbar.addStretch(0)
        toolbar.addWidget(self.stages_button)
        self.scroll_area, self.strip, self.strip_layout = column_strip()
        #: The board's columns, or the table of applications (made when first shown).
        self.views = QStackedWidget()
        self.views.addWidget(self.scroll_area)
        self.table: ApplicationTable | None = None
        self.hint = key_hint()
        self.board_hint = self.hint.text()
        self.message = message_line()
        self.empty_banner = empty_board_banner(lambda: self.add_application(0))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addLayout(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.hint)

        self.drag = CardDragController(self, self.scroll_area, self.visible_columns)
        self.drag.dropped.connect(self.drop_card)
        self.card_actions = CardActions(self, self.undo_stack, events, self)
        self.stage_menus = StageMenus(self, self.undo_stack, self)
        self.card_menus = CardMenus(self, self.card_actions, self.stage_menus, events, self)
        self.stages_menu.aboutToShow.connect(
            lambda: self.stage_menus.fill_board_menu(self.stages_menu)
        )
        # Saved job postings (and a browser's drag of one) are dropped on the board.
        self.setAcceptDrops(True)
        events.applications_changed.connect(self._on_outside_change)
        events.follow_ups_changed.connect(self._on_outside_change)
        events.contacts_changed.connect(self._on_outside_change)
        events.stages_changed.connect(self._on_outside_stage_change)
        self.rebuild()

    # --- building and loading ------------------------------------------------------------

    def rebuild(self) -> None:
        """Columns for the visible stages (rebuilt only if the stages changed), then cards."""
        self.stages = list_stages()
        visible = [stage for stage in self.stages if not stage.is_hidden]
        folded = folded_stages()
        if [column.stage for column in self.columns] != visible:
            for column in self.columns:
                self.strip_layout.removeWidget(column)
                column.hide()
                column.deleteLater()
            self.columns = []
            for position, stage in enumerate(visible):
                column = StageColumn(
                    stage, self.strip, collapsed=stage.is_closed and stage.id in folded
                )
                column.view.key_handler = self._on_key
                column.view.doubleClicked.connect(self._on_double_click)
                column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                column.view.customContextMenuRequested.connect(
                    lambda pos, c=column: self._card_menu(c, pos)
                )
                column.collapse_toggled.connect(self.set_folded)
                column.menu_requested.connect(self._stage_menu)
                column.add_requested.connect(self.add_application)
                column.view.focus_entered.connect(lambda c=column: self._select_only_in(c))
                self.strip_layout.insertWidget(position, column)
                self.drag.watch(column)
                self.columns.append(column)
        for column in self.columns:
            column.set_collapsed(column.stage.is_closed and column.stage.id in folded)
        self.reload()

    def reload(self) -> None:
        """Read the cards again (outside edits), keeping each column's scroll and current card."""
        filtered = self._filter.matches() if self._filter.text else None
        counts = card_counts() if filtered is None else {}
        for column in self.columns:
            view = column.view
            scroll = view.verticalScrollBar().value()
            current = self.current_card_id(column)
            keep = column.model.rowCount()
            ids = None if filtered is None else filtered.get(column.stage.id, [])
            column.model.reload(
                counts.get(column.stage.id, 0), ids, keep=keep, load=not column.collapsed
            )
            column.update_count()
            column.view.empty_text = (
                "No matches here."
                if filtered is not None
                else EMPTY_CLOSED_COLUMN_TEXT
                if column.stage.is_closed
                else EMPTY_COLUMN_TEXT
            )
            if current is not None:
                row = column.model.row_of(current)
                if row >= 0:
                    view.setCurrentIndex(column.model.index(row))
            view.verticalScrollBar().setValue(scroll)
        self.empty_banner.setVisible(filtered is None and not any(counts.values()))

    def _refresh_counts(self) -> None:
        if self._filter.text:
            for column in self.columns:
                column.update_count()
            return
        counts = card_counts()
        for column in self.columns:
            column.model.total = counts.get(column.stage.id, 0)
            column.update_count()

    def visible_columns(self) -> list[StageColumn]:
        return [column for column in self.columns if column.isVisible()]

    def column_for(self, stage_id: int) -> StageColumn | None:
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    def stage(self, stage_id: int) -> StageInfo | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def is_folded(self, stage_id: int) -> bool:
        column = self.column_for(stage_id)
        return column is not None and column.collapsed

    def current_card_id(self, column: StageColumn) -> int | None:
        index = column.view.currentIndex()
        if not index.isValid() or index.row() >= column.model.rowCount():
            return None
        return column.model.card_at(index.row()).id

    # --- outside changes and our own ------------------------------------------------------

    def _on_outside_change(self) -> None:
        self._table_changed()
        if self._own_change:
            return
        self._filter.forget()
        self.reload()

    def _table_changed(self) -> None:
        if self.table is None:
            return
        if self.table.isVisible():
            self._filter.forget()
            self.table.show_matches(self._table_matches())
            self.table.refresh()
        else:
            self.table.mark_stale()

    # --- the table -----------------------------------------------------------------------

    def show_view(self, key: str) -> None:
        """Show the board's columns ("board") or the table of applications ("table")."""
        self.view_switch.set_current(key)
        if key != "table":
            self.views.setCurrentWidget(self.scroll_area)
            self.hint.setText(self.board_hint)
            return
        if self.table is None:
            self.table = ApplicationTable(self.events, self.undo_stack)
            self.table.open_application = self.open_card
            self.table.report = self.report_problem
            self.views.addWidget(self.table)
        self.table.show_matches(self._table_matches())
        self.table.refresh_if_stale()
        self.views.setCurrentWidget(self.table)
        self.hint.setText(TABLE_HINT)

    def current_view(self) -> str:
        return self.view_switch.current()

    def _table_matches(self) -> set[int] | None:
        if not self._filter.text:
            return None
        return {app_id for ids in self._filter.matches().values() for app_id in ids}

    def _on_outside_stage_change(self) -> None:
        if self._own_change:
            return
        self._filter.forget()
        self.rebuild()

    def _announce(self, *, stages: bool = False, follow_ups: bool = False) -> None:
        """Tell the other views; the board itself is already up to date."""
        self._own_change += 1
        try:
            if stages:
                self.events.stages_changed.emit()
            self.events.applications_changed.emit()
            if follow_ups:
                self.events.follow_ups_changed.emit()
        finally:
            self._own_change -= 1

    def report_problem(self, message: str) -> None:
        self.show_message(message)
        self._filter.forget()
        self.rebuild()

    def show_message(self, message: str) -> None:
        """One line above the columns for a few seconds."""
        self.message.setText(message)
        self.message.show()
        QTimer.singleShot(8000, self.message.hide)

    # --- deleting --------------------------------------------------------------------------

    def delete_application(self, application_id: int) -> None:
        """Delete an application for good, after asking (and whether to keep its documents)."""
        card = load_card(application_id)
        if card is None:
            return
        documents = len(list_documents(application_id))
        keep = self.ask_delete(self, f"{card.position} at {card.company}", documents)
        if keep is None:
            return
        try:
            deleted = delete_application(application_id, keep_documents=keep)
        except DeleteError as error:
            self.show_message(str(error))
            return
        self._filter.forget()
        self.reload()
        self._announce(follow_ups=True)
        if deleted.kept_in is not None:
            self.show_message(
                f"Deleted; {counted(deleted.kept, 'document')} kept in {deleted.kept_in}."
            )

    # --- a job posting dropped on the board ----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if holds_page(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if holds_page(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not holds_page(event.mimeData()):
            return
        event.acceptProposedAction()
        self.add_from_page(dropped_page(event.mimeData()))

    def add_from_page(self, page: DroppedPage | str) -> None:
        """Offer the posting on ``page`` as a new application (or say why it cannot be)."""
        if isinstance(page, str):
            self.show_message(page)
            return
        posting = read_job_posting(page.html, page.url)
        if posting is None:
            self.show_message(NO_POSTING_TEXT)
            return
        first = next((s for s in self.stages if s.kind == "wishlist"), None) or self.stages[0]
        saved = self.confirm_posting(self, posting_application(posting, first.id))
        if saved is None:
            return
        self._filter.forget()
        self.reload()
        self._announce(follow_ups=True)
        self.show_card(saved)

    def stages_edited(self) -> None:
        self._filter.forget()
        self.rebuild()
        self._announce(stages=True)

    def card_relocated(
        self,
        application_id: int,
        from_stage: int,
        renumbered_stage: int | None = None,
        *,
        planning_changed: bool = False,
        reorder_only: bool = False,
    ) -> None:
        """The store moved, archived or restored a card: show it where it now belongs.

        A reorder within a column concerns no other view, so it is not announced.
        """
        source = self.column_for(from_stage)
        # The window's focus widget, not hasFocus(): the window may be inactive meanwhile.
        had_focus = source is not None and self.window().focusWidget() is source.view
        card = load_card(application_id)
        if self._filter.text:
            self._filter.card_moved(application_id, card, renumbered_stage is not None)
            self.reload()
        else:
            if source is not None:
                source.model.take(application_id)
            if card is not None and not card.archived:
                target = self.column_for(card.stage_id)
                if target is not None:
                    if renumbered_stage == card.stage_id:
                        target.model.update_ranks(ranks_of(target.model.ids()))
                    target.model.place(card)
            self._refresh_counts()
        if card is not None:
            self._select_card(card.id, card.stage_id, focus=had_focus)
        if not reorder_only:
            self._announce(follow_ups=planning_changed)

    def _select_only_in(self, focused: StageColumn) -> None:
        """One card is selected on the board: the one in the column with the keyboard."""
        for column in self.columns:
            if column is not focused:
                selection = column.view.selectionModel()
                if selection is not None:
                    selection.clearSelection()
        current = focused.view.currentIndex()
        if current.isValid():
            focused.view.setCurrentIndex(current)  # select it again if it was cleared before

    def add_application(self, stage_id: int) -> None:
        """Ask the window for a new application in ``stage_id`` (0: the first stage)."""
        self.events.new_application_requested.emit(stage_id)

    def show_card(self, application_id: int) -> None:
        """Bring a card into view, selected and focused (a card just added, for one)."""
        card = load_card(application_id)
        column = self.column_for(card.stage_id) if card is not None else None
        if card is None or column is None:
            return
        if column.collapsed:
            self.set_folded(card.stage_id, False)
        column.model.ensure_loaded(column.model.total - 1)
        if column.model.row_of(application_id) < 0 and self._filter.text:
            self.set_filter("")  # the filter hides it: show the whole board
            column.model.ensure_loaded(column.model.total - 1)
        self.scroll_area.ensureWidgetVisible(column, 0, 0)
        self._select_card(application_id, card.stage_id, focus=True)

    def _select_card(self, application_id: int, stage_id: int, *, focus: bool) -> None:
        column = self.column_for(stage_id)
        if column is None:
            return
        row = column.model.row_of(application_id)
        if row < 0:
            return
        index = column.model.index(row)
        column.view.setCurrentIndex(index)
        column.view.scrollTo(index)
        if focus and not column.collapsed:
            column.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- filter --------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Filter now (the box waits a moment while the user types)."""
        self.filter_edit.setText(text)
        self._filter_timer.stop()
        self._apply_filter()

    def _apply_filter(self) -> None:
        text = self.filter_edit.text().strip()
        if text == self._filter.text:
            return
        self._filter.text = text
        for column in self.columns:
            column.view.verticalScrollBar().setValue(0)
            column.model.reload(0, None, keep=0)  # forget loaded rows before the new query
        self.reload()
        if self.table is not None:
            self.table.show_matches(self._table_matches())

    # --- keyboard ------------------------------------------------------------------------

    def _on_key(self, view: CardListView, event: QKeyEvent) -> bool:
        column = next((c for c in self.columns if c.view is view), None)
        if column is None or self.drag.active:
            return False
        index = view.currentIndex()
        row = index.row() if index.isValid() else -1
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods and row >= 0:
            self.open_card(column.model.card_at(row).id)
            return True
        if ctrl and key == Qt.Key.Key_Up:
            self.card_actions.move_within(column, row, -1)
            return True
        if ctrl and key == Qt.Key.Key_Down:
            self.card_actions.move_within(column, row, +1)
            return True
        if ctrl and key == Qt.Key.Key_Left:
            self.card_actions.move_to_neighbour_stage(column, row, -1)
            return True
        if ctrl and key == Qt.Key.Key_Right:
            self.card_actions.move_to_neighbour_stage(column, row, +1)
            return True
        if ctrl and key == Qt.Key.Key_E and row >= 0:
            card = column.model.card_at(row)
            self.card_actions.archive(card.id, not card.archived)
            return True
        if not mods and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.focus_neighbour(column, row, -1 if key == Qt.Key.Key_Left else 1)
            return True
        return False

    def focus_neighbour(self, column: StageColumn, row: int, offset: int) -> None:
        """Arrow keys walk across columns, skipping folded ones."""
        position = self.columns.index(column) + offset
        while 0 <= position < len(self.columns):
            neighbour = self.columns[position]
            if not neighbour.collapsed:
                neighbour.view.setFocus(Qt.FocusReason.TabFocusReason)
                count = neighbour.model.rowCount()
                if count and not neighbour.view.currentIndex().isValid():
                    neighbour.view.setCurrentIndex(
                        neighbour.model.index(min(max(row, 0), count - 1))
                    )
                self.scroll_area.ensureWidgetVisible(neighbour, 0, 0)
                return
            position += offset

    # --- opening, dropping, menus ---------------------------------------------------------

    def _on_double_click(self, index: QModelIndex) -> None:
        view = self.sender()
        column = next((c for c in self.columns if c.view is view), None)
        if column is not None and index.isValid():
            self.open_card(column.model.card_at(index.row()).id)

    def open_card(self, application_id: int) -> None:
        """The application's detail; a saved edit becomes one undoable step."""
        self.card_actions.open_card(application_id)

    def drop_card(
        self, application_id: int, source: StageColumn, target: StageColumn, row: int
    ) -> None:
        """A card was dropped before ``row`` of ``target`` (rows as the column shows them)."""
        self.card_actions.drop(application_id, source, target, row)

    def _card_menu(self, column: StageColumn, pos: QPoint) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            # The menu key: act on the current card, with the menu beside it.
            index = column.view.currentIndex()
            if not index.isValid():
                # An empty column: its stage's own menu.
                stage_menu = self.stage_menus.stage_menu(column.stage)
                self.show_menu(stage_menu, column.view.viewport().mapToGlobal(pos))
                return
            pos = column.view.visualRect(index).center()
        column.view.setCurrentIndex(index)
        menu = self.card_menu(column, index.row())
        self.show_menu(menu, column.view.viewport().mapToGlobal(pos))

    def card_menu(self, column: StageColumn, row: int) -> QMenu:
        return self.card_menus.card_menu(column, row)

    def set_folded(self, stage_id: int, collapsed: bool) -> None:
        """Fold or open a column (from its header or the stage menu); remembered in the store."""
        set_stage_folded(stage_id, collapsed)
        column = self.column_for(stage_id)
        if column is not None:
            column.set_collapsed(collapsed)
            if not collapsed and column.model.rowCount() == 0:
                column.model.fetchMore()

    def _stage_menu(self, stage_id: int, global_pos: QPoint) -> None:
        stage = self.stage(stage_id)
        if stage is not None:
            self.show_menu(self.stage_menus.stage_menu(stage), global_pos)
