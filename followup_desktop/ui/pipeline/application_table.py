"""The Table view of the Pipeline area: one row per application, the columns the user chooses,
sorted by any of them; several rows moved, archived or tagged at once, as one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.application_edits import ApplicationSnapshot
from followup_desktop.services.application_table import TABLE_COLUMNS
from followup_desktop.services.board import list_stages
from followup_desktop.services.bulk_edits import (
    BulkEditError,
    add_tag,
    move_applications,
    restore_applications,
    set_archived_many,
    snapshots_of,
    tag_problem,
)
from followup_desktop.services.job_details import known_tags
from followup_desktop.services.wording import counted
from followup_desktop.ui.contacts.contact_table_view import RowPaintedTableView
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.application_table_model import ApplicationTableModel
from followup_desktop.ui.widgets.tag_edit import TagEdit

#: Where the columns the user hid are remembered (interface settings, not the user's data).
HIDDEN_COLUMNS_KEY = "pipeline/table_hidden_columns"


class BulkEditCommand(QUndoCommand):
    """A change to several applications; undo puts every one back as it was."""

    def __init__(
        self,
        table: ApplicationTable,
        text: str,
        change: Callable[[], list[ApplicationSnapshot]],
    ) -> None:
        super().__init__(text)
        self.table = table
        self.change = change
        self.before: list[ApplicationSnapshot] = []
        self.after: list[ApplicationSnapshot] = []

    def redo(self) -> None:
        try:
            if not self.before:
                self.before = self.change()
                self.after = snapshots_of([s.id for s in self.before])
            else:
                restore_applications(self.after)
        except BulkEditError as error:
            self.setObsolete(True)
            self.table.report(str(error))
            return
        self.table.data_changed()

    def undo(self) -> None:
        restore_applications(self.before)
        self.table.data_changed()


class TagDialog(QDialog):
    """One tag to add, completed from the tags used before."""

    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Tag {counted(count, 'application')}")
        self.edit = TagEdit(known_tags())
        self.edit.setPlaceholderText("A tag, such as fintech")
        self.edit.setAccessibleName("Tag")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Add the tag:"))
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def tag(self) -> str:
        return self.edit.text().strip().rstrip(",").strip()

    def accept(self) -> None:
        problem = tag_problem(self.tag())
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


def ask_tag(parent: QWidget, count: int) -> str | None:
    dialog = TagDialog(parent, count)
    return dialog.tag() if dialog.exec() else None


class ApplicationTable(QWidget):
    """The table and, above it, what can be done to the selected rows."""

    def __init__(
        self, events: AppEvents, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack
        #: Asks for the tag to add (tests replace it).
        self.ask_tag: Callable[[QWidget, int], str | None] = ask_tag
        #: Opens an application's detail (the board gives its own).
        self.open_application: Callable[[int], object] = lambda _app_id: None
        #: Says something went wrong (the board gives its message line).
        self.report: Callable[[str], object] = lambda _text: None
        self._stale = True

        self.model = ApplicationTableModel(self)
        # Painted a row at a time from the model's texts, as the contact list is.
        self.view = RowPaintedTableView()
        self.view.setObjectName("application_table")
        self.view.setAccessibleName("Applications")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        rows = self.view.verticalHeader()
        rows.hide()
        # Every row the same height: the view lays out thousands without measuring any.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for index, width in enumerate((150, 170, 85, 65, 140, 190, 90, 110, 95, 150)):
            header.resizeSection(index, width)
        self.view.activated.connect(self._open)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        self.selected_label = QLabel()
        self.move_button = QPushButton("&Move to")
        self.move_menu = QMenu(self.move_button)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.move_button.setMenu(self.move_menu)
        self.archive_button = QPushButton("&Archive")
        self.archive_button.clicked.connect(self.archive_selected)
        self.tag_button = QPushButton("&Tag…")
        self.tag_button.clicked.connect(self.tag_selected)
        self.columns_button = QPushButton("&Columns")
        self.columns_menu = QMenu(self.columns_button)
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self.columns_button.setMenu(self.columns_menu)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.selected_label)
        bar.addWidget(self.move_button)
        bar.addWidget(self.archive_button)
        bar.addWidget(self.tag_button)
        bar.addStretch(1)
        bar.addWidget(self.columns_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._restore_hidden_columns()
        self._selection_changed()

    # --- content -------------------------------------------------------------------------

    def show_matches(self, matches: set[int] | None) -> None:
        """Rows for these applications only (the board's filter), or every active one."""
        if self.model.set_matches(matches):
            self._stale = False

    def refresh(self) -> None:
        """Read the rows again, keeping the selection where its applications still are."""
        chosen = self.selected_ids()
        scroll = self.view.verticalScrollBar().value()
        self.model.refresh()
        self._stale = False
        self.select_ids(chosen)
        self.view.verticalScrollBar().setValue(scroll)

    def mark_stale(self) -> None:
        """The store changed while the table was hidden: read it when it is next shown."""
        self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def data_changed(self) -> None:
        """After a change made here: read the rows again and tell the other views."""
        self.refresh()
        self.events.applications_changed.emit()
        self.events.follow_ups_changed.emit()

    # --- selection -----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.application_id(row) for row in rows if row < self.model.rowCount()]

    def select_ids(self, application_ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for app_id in application_ids:
            row = self.model.row_of(app_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _selection_changed(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.selected_label.setText(
            f"{counted(count, 'application')} selected:"
            if count
            else f"{counted(self.model.rowCount(), 'application')}"
        )
        for button in (self.move_button, self.archive_button, self.tag_button):
            button.setEnabled(count > 0)

    # --- several at once -----------------------------------------------------------------

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        for stage in list_stages():
            action = self.move_menu.addAction(stage.name)
            action.triggered.connect(
                lambda _c=False, s=stage.id, n=stage.name: self.move_selected(s, n)
            )

    def move_selected(self, stage_id: int, stage_name: str) -> None:
        ids = self.selected_ids()
        if ids:
            text = f"Move {counted(len(ids), 'application')} to {stage_name}"
            self.undo_stack.push(
                BulkEditCommand(self, text, lambda: move_applications(ids, stage_id))
            )

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            text = f"Archive {counted(len(ids), 'application')}"
            self.undo_stack.push(BulkEditCommand(self, text, lambda: set_archived_many(ids, True)))

    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        tag = self.ask_tag(self, len(ids))
        if tag:
            text = f"Tag {counted(len(ids), 'application')} “{tag}”"
            self.undo_stack.push(BulkEditCommand(self, text, lambda: add_tag(ids, tag)))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_application(self.model.application_id(index.row()))

    # --- columns -------------------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.view.horizontalHeader()
        shown = [i for i in range(len(TABLE_COLUMNS)) if not header.isSectionHidden(i)]
        for index, column in enumerate(TABLE_COLUMNS):
            action = QAction(column.title, menu)
            action.setCheckable(True)
            action.setChecked(index in shown)
            # The last shown column stays: a table of no columns shows nothing to click.
            action.setEnabled(not (index in shown and len(shown) == 1))
            action.toggled.connect(lambda on, i=index: self.set_column_shown(i, on))
            menu.addAction(action)

    def set_column_shown(self, index: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(index, not shown)
        hidden = [
            TABLE_COLUMNS[i].key
            for i in range(len(TABLE_COLUMNS))
            if self.view.horizontalHeader().isSectionHidden(i)
        ]
        # The window's interface settings (``main_window.app_settings``), not the user's data.
        QSettings().setValue(HIDDEN_COLUMNS_KEY, ",".join(hidden) or "-")

    def _restore_hidden_columns(self) -> None:
        stored = QSettings().value(HIDDEN_COLUMNS_KEY)
        if isinstance(stored, str) and stored:
            hidden = set(stored.split(","))
        else:
            hidden = {column.key for column in TABLE_COLUMNS if not column.shown}
        for index, column in enumerate(TABLE_COLUMNS):
            self.view.horizontalHeader().setSectionHidden(index, column.key in hidden)
