"""The main window: a side bar to the five areas, the Today panel, menus and remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from followup_desktop import APP_NAME, __version__
from followup_desktop.paths import DataLocation
from followup_desktop.ui.area_specs import AREA_KEYS, AREAS, AreaContext
from followup_desktop.ui.area_stack import AreaStack
from followup_desktop.ui.calendar.month_counts import MonthCounts
from followup_desktop.ui.calendar_export import CalendarExportMenu
from followup_desktop.ui.compact_layout import CompactLayout
from followup_desktop.ui.demo_banner import DemoBanner
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.backups_dialog import BackupsDialog
from followup_desktop.ui.dialogs.contact_dialog import ContactDialog
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.help.dialogs import add_help_actions
from followup_desktop.ui.read_only_banner import ReadOnlyBanner
from followup_desktop.ui.safe_undo import SafeUndoStack
from followup_desktop.ui.today_panel import TodayPanel
from followup_desktop.ui.warm_up import AreaWarmUp


class MainWindow(QMainWindow):
    """Areas are built the first time they are shown, so the window opens quickly."""

    def __init__(self, location: DataLocation, events: AppEvents | None = None) -> None:
        super().__init__()
        self.location = location
        self.events = events or AppEvents(self)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))
        self.areas: dict[str, QWidget] = {}
        #: One undo history for the whole window (board moves, edits…), shown in the Edit menu.
        self.undo_stack: QUndoStack = SafeUndoStack(self)

        self.side_bar = QListWidget()
        self.side_bar.setObjectName("side_bar")
        self.side_bar.setAccessibleName("Areas")
        self.side_bar.setIconSize(QSize(22, 22))
        self.side_bar.setSpacing(2)
        for spec in AREAS:
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.label)
            item.setToolTip(f"{spec.label} ({spec.shortcut})")
            item.setSizeHint(QSize(140, 40))
            self.side_bar.addItem(item)
        self.stack = AreaStack()
        self._placeholders: list[QWidget] = []
        for _spec in AREAS:
            placeholder = QWidget()
            self._placeholders.append(placeholder)
            self.stack.addWidget(placeholder)
        self.demo_banner = DemoBanner()
        self.demo_banner.cleared.connect(self.events.emit_all_changed)
        content = QWidget()
        #: Banners (the demo's, the reminder's) above the areas.
        self._content_column = QVBoxLayout(content)
        self._content_column.setContentsMargins(0, 0, 0, 0)
        self._content_column.setSpacing(0)
        self._content_column.addWidget(self.demo_banner)
        self._content_column.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.side_bar)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

        self.today_panel = TodayPanel(self.events)
        self.today_dock = QDockWidget("Today", self)
        self.today_dock.setObjectName("today_dock")
        self.today_dock.setWidget(self.today_panel)
        self.today_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.today_dock)
        self.compact_layout = CompactLayout(self, self.side_bar, self.today_dock)

        self.calendar_menu = CalendarExportMenu(self, location, self.events, self.show_status)
        self._build_menus()
        self.side_bar.currentRowChanged.connect(self._show_row)
        self.events.compose_follow_up_requested.connect(self._open_follow_up)
        self.events.application_requested.connect(self.edit_application)
        self.events.contact_requested.connect(self.edit_contact)
        self.events.log_conversation_requested.connect(self.log_conversation)
        self.events.new_application_requested.connect(self.new_application)
        self.statusBar().showMessage(f"Data: {location.database}", 8000)
        #: The calendar's month counts, shared with the calendar and read ahead when idle.
        self.month_counts = MonthCounts(self.events, self)
        self.warm_up = AreaWarmUp(self, then=[self.month_counts.read_ahead])

    # --- areas ---------------------------------------------------------------------------

    def area(self, key: str) -> QWidget:
        """The area widget for ``key``, built on first use."""
        if key not in self.areas:
            index = AREA_KEYS.index(key)
            widget = AREAS[index].factory(
                AreaContext(self.events, self.undo_stack, self.month_counts)
            )
            widget.setObjectName(f"{key}_area")
            placeholder = self._placeholders[index]
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.areas[key] = widget
        return self.areas[key]

    def show_area(self, key: str) -> QWidget:
        if key in PIPELINE_VIEWS:
            # A view inside the Pipeline area ("table"): the area, switched to it.
            pipeline = self.show_area("pipeline")
            show_view = getattr(pipeline, "show_view", None)
            if show_view is not None:
                show_view(key)
            return pipeline
        index = AREA_KEYS.index(key)
        if self.side_bar.currentRow() != index:
            self.side_bar.setCurrentRow(index)  # calls _show_row
        else:
            self._show_row(index)
        return self.areas[key]

    def current_area_key(self) -> str:
        return AREA_KEYS[max(0, self.side_bar.currentRow())]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        widget = self.area(AREA_KEYS[row])
        self.stack.setCurrentWidget(widget)

    def _open_follow_up(self, follow_up_id: int) -> None:
        composer = self.show_area("composer")
        open_follow_up = getattr(composer, "open_follow_up", None)
        if open_follow_up is not None:
            open_follow_up(follow_up_id)

    # --- menus ---------------------------------------------------------------------------

    def _action(
        self,
        menu_text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(menu_text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_application_action = self._action(
            "New &application…", self.new_application, "Ctrl+N"
        )
        self.new_contact_action = self._action("New &contact…", self.new_contact, "Ctrl+Shift+N")
        file_menu.addAction(self.new_application_action)
        file_menu.addAction(self.new_contact_action)
        file_menu.addSeparator()
        self.import_action = self._action("&Import contacts…", self.import_contacts, "Ctrl+I")
        self.export_contacts_action = self._action("&Export contacts…", self.export_contacts)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_contacts_action)
        self.import_applications_action = self._action(
            "Import a&pplications…", self.import_applications
        )
        self.export_applications_action = self._action(
            "Export applica&tions…", self.export_applications
        )
        file_menu.addAction(self.import_applications_action)
        file_menu.addAction(self.export_applications_action)
        file_menu.addSeparator()
        self.backups_action = self._action("&Backups…", self.open_backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addActions(list(self.calendar_menu.actions))
        file_menu.addSeparator()
        self.print_preview_action = self._action("Print Pre&view…", self.print_preview)
        file_menu.addAction(self.print_preview_action)
        file_menu.addSeparator()
        self.file_menu = file_menu
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.edit_menu = edit_menu
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.preferences_action = self._action("&Preferences…", self.open_preferences, "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)

        view_menu = bar.addMenu("&View")
        self.view_menu = view_menu
        for spec in AREAS:
            view_menu.addAction(
                self._action(f"&{spec.label}", partial(self.show_area, spec.key), spec.shortcut)
            )
        view_menu.addSeparator()
        today_toggle = self.today_dock.toggleViewAction()
        today_toggle.setText("&Today panel")
        today_toggle.setShortcut(QKeySequence("Ctrl+T"))
        view_menu.addAction(today_toggle)

        help_menu = bar.addMenu("&Help")
        self.guide_action, self.shortcuts_action = add_help_actions(self, help_menu)
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    # --- actions -------------------------------------------------------------------------

    def new_application(self, stage_id: int = 0) -> None:
        """The application form (in ``stage_id`` when given); the saved card is then shown
        on the board, selected, so the user sees where it went."""
        dialog = ApplicationDialog(self, stage_id=stage_id or None)
        if not dialog.exec() or dialog.saved_id is None:
            return
        self.events.applications_changed.emit()
        self.events.contacts_changed.emit()
        self.events.follow_ups_changed.emit()
        show_card = getattr(self.show_area("pipeline"), "show_card", None)
        if show_card is not None:
            show_card(dialog.saved_id)

    def edit_application(self, application_id: int) -> None:
        # The board shows the full detail (log, follow-ups, letters) and makes edits undoable.
        open_card = getattr(self.area("pipeline"), "open_card", None)
        if open_card is not None:
            open_card(application_id)
            return
        dialog = ApplicationDialog(self, application_id=application_id)
        dialog.log_conversation_requested.connect(
            lambda app_id: self.log_conversation(0, app_id, dialog)
        )
        if dialog.exec():
            self.events.applications_changed.emit()

    def new_contact(self) -> None:
        dialog = ContactDialog(self)
        if dialog.exec():
            self.events.contacts_changed.emit()

    def edit_contact(self, contact_id: int) -> None:
        """Show the contact in the Contacts area (details and history side by side)."""
        area = self.show_area("contacts")
        show_contact = getattr(area, "show_contact", None)
        if show_contact is not None:
            show_contact(contact_id)

    def log_conversation(
        self, contact_id: int = 0, application_id: int = 0, parent: QWidget | None = None
    ) -> None:
        """Open the one-step conversation log for a contact and/or an application."""
        dialog = LogConversationDialog(
            parent or self,
            contact_id=contact_id or None,
            application_id=application_id or None,
            events=self.events,
        )
        dialog.exec()

    def import_contacts(self) -> None:
        # A seam: the importers and exporters bring the vCard library, needed only here.
        from followup_desktop.ui.contacts import transfer_actions

        transfer_actions.import_contacts(self, self.events)

    def export_contacts(self) -> None:
        from followup_desktop.ui.contacts import transfer_actions  # the seam of import_contacts

        transfer_actions.export_contacts(self)

    def import_applications(self) -> None:
        from followup_desktop.ui.pipeline import application_transfer  # the seam, as above

        application_transfer.import_applications(self, self.events)

    def export_applications(self) -> None:
        from followup_desktop.ui.pipeline import application_transfer  # the seam, as above

        application_transfer.export_applications(self)

    def open_backups(self) -> None:
        composer = self.areas.get("composer")
        settle_draft = getattr(composer, "settle_draft", None)
        # So the backup taken before a restore holds the text being written.
        if settle_draft is not None and not settle_draft():
            return

        dialog = BackupsDialog(self.location, self.events, self)
        dialog.exec()
        if dialog.restored:
            # The history of edits refers to data that was just replaced.
            self.undo_stack.clear()

    def print_preview(self) -> None:
        """The note open in the composer, page by page as each print job will print it."""
        output = getattr(self.show_area("composer"), "output", None)
        preview = getattr(output, "print_preview", None)
        if callable(preview):
            preview()

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self)
        if dialog.exec():
            self.events.profile_changed.emit()

    def about_text(self) -> str:
        return (
            f"{APP_NAME} {__version__}\n\n"
            "Keeps every application moving: know when to follow up, prepare the call, "
            "and write the note.\n\n"
            f"Your data lives in:\n{self.location.root}\n\nDatabase:\n{self.location.database}"
        )

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.about_text())
        box.exec()

    # --- what the session's services ask of the window -------------------------------------

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def add_banner(self, banner: QWidget) -> None:
        """Put a banner above the areas, under the ones already there."""
        self._content_column.insertWidget(self._content_column.indexOf(self.stack), banner)

    def show_today(self) -> None:
        """Bring the window and its Today panel forward, the list focused."""
        self.today_dock.show()
        self.today_dock.raise_()
        self.today_panel.list.setFocus()
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_read_only(self) -> None:
        """The store is open to look at only: say so above the areas and in the title."""
        self.setWindowTitle(f"{APP_NAME} (read-only)")
        self.demo_banner.hide()  # starting an empty tracker would write
        self.add_banner(ReadOnlyBanner(self.location))

    def store_replaced(self) -> None:
        """The store was restored or emptied under the window: forget and read everything."""
        # The edits in the history refer to the data that was just set aside.
        self.undo_stack.clear()
        self.events.store_replaced.emit()
        self.events.emit_all_changed()

    # --- remembered state ----------------------------------------------------------------

    def restore_state(self, settings: QSettings, view: str | None = None) -> None:
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        key = view or str(settings.value("window/area", "pipeline"))
        self.show_area(key if key in AREA_KEYS or key in PIPELINE_VIEWS else "pipeline")

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/area", self.current_area_key())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        composer = self.areas.get("composer")
        settle_draft = getattr(composer, "settle_draft", None)
        if settle_draft is not None and not settle_draft():
            event.ignore()  # the user keeps writing the letter that could not be saved
            return
        self.save_state(app_settings())
        self.month_counts.wait()  # a read ahead ends before the store can close
        for area in self.areas.values():  # and so does an area's reading (Insights)
            wait = getattr(area, "wait", None)
            if callable(wait):
                wait()
        super().closeEvent(event)


#: Views of the Pipeline area that ``show_area`` (and ``--view``) also take.
PIPELINE_VIEWS = ("table",)


def app_settings() -> QSettings:
    """Window layout and other per-user interface settings (not the user's data)."""
    return QSettings()
