"""The pipeline board: a column per stage, cards moved by drag, keyboard and undoable commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import (
    StageInfo,
    card_counts,
    list_stages,
    load_card,
    ranks_of,
)
from followup_desktop.services.settings import folded_stages, set_stage_folded
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.card_drag import CardDragController
from followup_desktop.ui.pipeline.column_widget import CardListView, StageColumn

# Moving, editing and archiving cards (the rules, ranks and undo commands behind them) are
# imported on first use: the board's first paint only reads and draws.
if TYPE_CHECKING:
    from followup_desktop.services.application_edits import ApplicationSnapshot
    from followup_desktop.services.board_search import SearchEntry
    from followup_desktop.services.stage_changes import StageDetails
    from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog

FILTER_DELAY_MS = 120
EMPTY_COLUMN_TEXT = "No applications here.\nDrag a card in to move it."
StageDetailsAsker = Callable[[QWidget, StageInfo, int], "StageDetails | None"]
DetailDialogFactory = Callable[[QWidget, int, AppEvents], "ApplicationDetailDialog"]


# Dialogs and menus are imported when first used: the board opens faster without them.
def _ask_stage_details(
    parent: QWidget, stage: StageInfo, application_id: int
) -> StageDetails | None:
    from followup_desktop.ui.pipeline.stage_dialogs import ask_stage_details

    return ask_stage_details(parent, stage, application_id)


def _detail_dialog(
    parent: QWidget, application_id: int, events: AppEvents
) -> ApplicationDetailDialog:
    from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog

    return ApplicationDetailDialog(parent, application_id, events)


KEY_HELP = (
    "Drag a card to reorder or change its stage  ·  Ctrl+↑/↓ reorder  ·  "
    "Ctrl+←/→ change stage  ·  Enter opens  ·  Ctrl+E archives"
)


class PipelineBoard(QWidget):
    """Every visible stage side by side; only the cards in view are loaded and painted."""

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
        self.ask_stage_details: StageDetailsAsker = _ask_stage_details
        #: Pops a menu up and waits for the choice (tests replace it).
        self.show_menu: Callable[[QMenu, QPoint], object] = lambda menu, pos: menu.exec(pos)
        #: Builds the application detail opened by double-click or Enter (tests replace it).
        self.detail_dialog: DetailDialogFactory = _detail_dialog
        self._entries: dict[int, SearchEntry] | None = None
        self._filter_text = ""
        self._own_change = 0

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("board_filter")
        self.filter_edit.setPlaceholderText("Filter by company, position or contact…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip("Archived applications show up here too, marked as such")
        self.filter_edit.setMaximumWidth(380)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        # A push button with a menu makes room for its arrow (a tool button's covers the text).
        self.stages_button = QPushButton("Stages")
        self.stages_button.setObjectName("stages_button")
        self.stages_menu = QMenu(self.stages_button)
        self.stages_menu.aboutToShow.connect(self._fill_stages_menu)
        self.stages_button.setMenu(self.stages_menu)
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.filter_edit, 1)
        toolbar.addStretch(0)
        toolbar.addWidget(self.stages_button)

        self.strip = QWidget()
        self.strip.setObjectName("board_strip")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(10)
        self.strip_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("board_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.strip)
        self.hint = QLabel(KEY_HELP)
        self.hint.setObjectName("board_hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        quiet = self.hint.palette()
        quiet.setColor(QPalette.ColorRole.WindowText, quiet.color(QPalette.ColorRole.Mid))
        self.hint.setPalette(quiet)
        self.message = QLabel()
        self.message.setObjectName("board_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        alert = self.message.palette()
        alert.setColor(QPalette.ColorRole.WindowText, QColor("#c01c28"))
        self.message.setPalette(alert)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addLayout(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.hint)

        self.drag = CardDragController(self)
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
                column.collapse_toggled.connect(self._on_collapse_toggled)
                column.menu_requested.connect(self._stage_menu)
                self.strip_layout.insertWidget(position, column)
                self.drag.watch(column)
                self.columns.append(column)
        for column in self.columns:
            column.set_collapsed(column.stage.is_closed and column.stage.id in folded)
        self.reload()

    def reload(self) -> None:
        """Read the cards again (outside edits), keeping each column's scroll and current card."""
        filtered = self._filter_ids() if self._filter_text else None
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
                "No matches here." if filtered is not None else EMPTY_COLUMN_TEXT
            )
            if current is not None:
                row = column.model.row_of(current)
                if row >= 0:
                    view.setCurrentIndex(column.model.index(row))
            view.verticalScrollBar().setValue(scroll)

    def _refresh_counts(self) -> None:
        if self._filter_text:
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

    def current_card_id(self, column: StageColumn) -> int | None:
        index = column.view.currentIndex()
        if not index.isValid() or index.row() >= column.model.rowCount():
            return None
        return column.model.card_at(index.row()).id

    # --- outside changes and our own ------------------------------------------------------

    def _on_outside_change(self) -> None:
        if self._own_change:
            return
        self._entries = None
        self.reload()

    def _on_outside_stage_change(self) -> None:
        if self._own_change:
            return
        self._entries = None
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
        self.message.setText(message)
        self.message.show()
        QTimer.singleShot(8000, self.message.hide)
        self._entries = None
        self.rebuild()

    def stages_edited(self) -> None:
        self._entries = None
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
        if self._filter_text:
            self._update_entry(application_id, renumbered_stage is not None)
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
        if text == self._filter_text:
            return
        self._filter_text = text
        for column in self.columns:
            column.view.verticalScrollBar().setValue(0)
            column.model.reload(0, None, keep=0)  # forget loaded rows before the new query
        self.reload()

    def _filter_ids(self) -> dict[int, list[int]]:
        # The filter's code and texts are loaded when it is first used, not with the board.
        from followup_desktop.services.board_search import load_search_entries, search_board

        if self._entries is None:
            self._entries = {entry.id: entry for entry in load_search_entries()}
        return search_board(list(self._entries.values()), self._filter_text)

    def _update_entry(self, application_id: int, renumbered: bool) -> None:
        if self._entries is None:
            return
        if renumbered:
            self._entries = None
            return
        entry = self._entries.get(application_id)
        row = load_card(application_id)
        if entry is None or row is None:
            self._entries = None
            return
        entry.stage_id, entry.rank, entry.archived = row.stage_id, row.rank, row.archived

    # --- moving cards --------------------------------------------------------------------

    def drop_card(
        self, application_id: int, source: StageColumn, target: StageColumn, row: int
    ) -> None:
        """A card was dropped before ``row`` of ``target`` (rows as the column shows them)."""
        ids = target.model.ids()
        if target is source and application_id in ids:
            source_row = ids.index(application_id)
            ids.pop(source_row)
            if row > source_row:
                row -= 1
            if row == source_row:
                return  # dropped where it was
        after = ids[row - 1] if 0 < row <= len(ids) and not target.collapsed else None
        self.request_move(application_id, target.stage.id, after)

    def request_move(self, application_id: int, stage_id: int, after_id: int | None) -> bool:
        """Move a card (asking for stage details where the stage needs them); True if moved."""
        from followup_desktop.services.ranking import RankingError, place_of
        from followup_desktop.services.stage_changes import DETAIL_KINDS, reply_follow_up
        from followup_desktop.ui.pipeline.commands import MoveCardCommand

        try:
            place = place_of(application_id)
        except RankingError as error:
            self.report_problem(str(error))
            return False
        if place.stage_id == stage_id and place.after_id == after_id:
            return False
        target = self.stage(stage_id)
        if target is None:
            return False
        details: StageDetails | None = None
        if place.stage_id != stage_id and target.kind in DETAIL_KINDS:
            details = self.ask_stage_details(self, target, application_id)
            if details is None:
                return False  # cancelled: the card stays where it was
        label = self._card_label(application_id)
        if place.stage_id == stage_id:
            text = f"Reorder {label}"
        else:
            text = f"Move {label} to {target.name}"
        command = MoveCardCommand(self, application_id, place, stage_id, after_id, text, details)
        self.undo_stack.push(command)
        if details is not None and details.draft_reply and not details.skipped:
            follow_up = reply_follow_up(application_id)
            if follow_up is not None:
                self.events.compose_follow_up_requested.emit(follow_up)
        return True

    def _card_label(self, application_id: int) -> str:
        card = load_card(application_id)
        return f"“{card.company} – {card.position}”" if card is not None else "card"

    def move_within(self, column: StageColumn, row: int, offset: int) -> bool:
        """Keyboard reorder: one place up (-1) or down (+1)."""
        if offset > 0:
            column.model.ensure_loaded(row + 1)
        target_row = row + offset
        if row < 0 or not 0 <= target_row < column.model.rowCount():
            return False
        ids = column.model.ids()
        moving = ids.pop(row)
        after = ids[target_row - 1] if target_row > 0 else None
        return self.request_move(moving, column.stage.id, after)

    def move_to_neighbour_stage(self, column: StageColumn, row: int, offset: int) -> bool:
        """Keyboard stage change: to the top of the previous (-1) or next (+1) column."""
        position = self.columns.index(column) + offset
        if row < 0 or not 0 <= position < len(self.columns):
            return False
        card = column.model.card_at(row)
        return self.request_move(card.id, self.columns[position].stage.id, None)

    def archive_card(self, application_id: int, archive: bool = True) -> None:
        from followup_desktop.ui.pipeline.commands import ArchiveCardCommand

        card = load_card(application_id)
        if card is None:
            return
        verb = "Archive" if archive else "Restore"
        self.undo_stack.push(
            ArchiveCardCommand(
                self,
                application_id,
                card.stage_id,
                archive,
                f"{verb} “{card.company} – {card.position}”",
            )
        )

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
            self.move_within(column, row, -1)
            return True
        if ctrl and key == Qt.Key.Key_Down:
            self.move_within(column, row, +1)
            return True
        if ctrl and key == Qt.Key.Key_Left:
            self.move_to_neighbour_stage(column, row, -1)
            return True
        if ctrl and key == Qt.Key.Key_Right:
            self.move_to_neighbour_stage(column, row, +1)
            return True
        if ctrl and key == Qt.Key.Key_E and row >= 0:
            card = column.model.card_at(row)
            self.archive_card(card.id, not card.archived)
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

    # --- opening, menus ------------------------------------------------------------------

    def _on_double_click(self, index: QModelIndex) -> None:
        view = self.sender()
        column = next((c for c in self.columns if c.view is view), None)
        if column is not None and index.isValid():
            self.open_card(column.model.card_at(index.row()).id)

    def open_card(self, application_id: int) -> None:
        """The application's detail; a saved edit becomes one undoable step."""
        from followup_desktop.services.application_edits import (
            ApplicationGoneError,
            snapshot_application,
        )

        try:
            before = snapshot_application(application_id)
        except ApplicationGoneError as error:
            self.report_problem(str(error))
            return
        dialog = self.detail_dialog(self, application_id, self.events)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_edit(before)
        if dialog.compose_follow_up is not None:
            self.events.compose_follow_up_requested.emit(dialog.compose_follow_up)

    def record_edit(self, before: ApplicationSnapshot) -> None:
        """After the detail saved: re-plan, and push the change so Edit → Undo takes it back."""
        from followup_desktop.db.models import database
        from followup_desktop.services.application_edits import (
            ApplicationGoneError,
            snapshot_application,
        )
        from followup_desktop.services.planning import replan_after_change
        from followup_desktop.ui.pipeline.commands import EditApplicationCommand

        try:
            after = snapshot_application(before.id)
        except ApplicationGoneError:
            return
        if after == before:
            return
        with database.atomic("IMMEDIATE"):
            replan_after_change(application_id=before.id)
        label = self._card_label(before.id)
        self.undo_stack.push(EditApplicationCommand(self, before, after, f"Edit {label}"))

    def _card_menu(self, column: StageColumn, pos: QPoint) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            # The menu key: act on the current card, with the menu beside it.
            index = column.view.currentIndex()
            if not index.isValid():
                # An empty column: its stage's own menu.
                stage_menu_widget = self._build_stage_menu(column.stage)
                self.show_menu(stage_menu_widget, column.view.viewport().mapToGlobal(pos))
                return
            pos = column.view.visualRect(index).center()
        column.view.setCurrentIndex(index)
        menu = self.card_menu(column, index.row())
        self.show_menu(menu, column.view.viewport().mapToGlobal(pos))

    def card_menu(self, column: StageColumn, row: int) -> QMenu:
        card = column.model.card_at(row)
        menu = QMenu(self)

        def add(text: str, shortcut: str, slot: Callable[[], object], enabled: bool = True) -> None:
            action = QAction(text, menu)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)

        position = self.columns.index(column)
        add("Open", "Return", lambda: self.open_card(card.id))
        add(
            "Log conversation…",
            "",
            lambda: self.events.log_conversation_requested.emit(0, card.id),
        )
        self._add_next_step_menu(menu, card.next_follow_up_id)
        menu.addSeparator()
        add("Move up", "Ctrl+Up", lambda: self.move_within(column, row, -1), row > 0)
        add("Move down", "Ctrl+Down", lambda: self.move_within(column, row, +1))
        add(
            "Move to previous stage",
            "Ctrl+Left",
            lambda: self.move_to_neighbour_stage(column, row, -1),
            position > 0,
        )
        add(
            "Move to next stage",
            "Ctrl+Right",
            lambda: self.move_to_neighbour_stage(column, row, +1),
            position < len(self.columns) - 1,
        )
        move_menu = menu.addMenu("Move to stage")
        for stage in self.stages:
            if stage.id == card.stage_id:
                continue
            action = move_menu.addAction(stage.name)
            action.triggered.connect(
                lambda _checked=False, sid=stage.id: self.request_move(card.id, sid, None)
            )
        menu.addSeparator()
        if card.archived:
            add("Restore to the board", "Ctrl+E", lambda: self.archive_card(card.id, False))
        else:
            add("Archive", "Ctrl+E", lambda: self.archive_card(card.id, True))
        menu.addSeparator()
        from followup_desktop.ui.pipeline import stage_menu

        # The column header's menu, here too so the keyboard reaches it.
        stage_actions = stage_menu.stage_menu(self, column.stage)
        stage_actions.setTitle(f"Stage “{column.stage.name}”")
        menu.addMenu(stage_actions)
        return menu

    def _add_next_step_menu(self, menu: QMenu, follow_up_id: int | None) -> None:
        """The follow-up the card shows as next, with the same actions as the Today panel."""
        from followup_desktop.ui.follow_ups.actions import FollowUpActions

        if follow_up_id is None:
            menu.addAction("No follow-up planned").setEnabled(False)
            return
        actions = getattr(self, "_follow_up_actions", None)
        if actions is None:
            actions = self._follow_up_actions = FollowUpActions(self.events, self)
        submenu = actions.build_menu(follow_up_id, menu)
        submenu.setTitle("Next follow-up")
        menu.addMenu(submenu)

    def set_folded(self, stage_id: int, collapsed: bool) -> None:
        """Fold or open a column (from its header or the stage menu); remembered in the store."""
        self._on_collapse_toggled(stage_id, collapsed)

    def _on_collapse_toggled(self, stage_id: int, collapsed: bool) -> None:
        set_stage_folded(stage_id, collapsed)
        column = self.column_for(stage_id)
        if column is not None:
            column.set_collapsed(collapsed)
            if not collapsed and column.model.rowCount() == 0:
                column.model.fetchMore()

    def _stage_menu(self, stage_id: int, global_pos: QPoint) -> None:
        stage = self.stage(stage_id)
        if stage is not None:
            self.show_menu(self._build_stage_menu(stage), global_pos)

    def _build_stage_menu(self, stage: StageInfo) -> QMenu:
        from followup_desktop.ui.pipeline import stage_menu

        return stage_menu.stage_menu(self, stage)

    def _fill_stages_menu(self) -> None:
        from followup_desktop.ui.pipeline import stage_menu

        stage_menu.fill_board_menu(self, self.stages_menu)
