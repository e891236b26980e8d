"""One contact: editable details, the whole history with them, and "Log conversation"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.contact_details import StoredContact, stored_contact
from followup_desktop.services.records import contact_problems, save_contact
from followup_desktop.services.timeline import contact_timeline, contact_timeline_count
from followup_desktop.services.user_text import isolated
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.contacts.timeline_view import TimelineView
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import make_quiet
from followup_desktop.ui.widgets.contact_form import ContactForm
from followup_desktop.ui.widgets.elided_label import ElidedLabel

DETAILS_TAB, HISTORY_TAB = range(2)


class ContactDetailPanel(QWidget):
    """Shows the chosen contact; edits are saved with Save (Ctrl+S) as one transaction."""

    saved = Signal(int)

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.contact_id: int | None = None
        self._dirty = False
        #: The history tab is read when it is shown; until then only its entries are counted.
        self._history_stale = False

        self.empty = QLabel("Choose a contact to see their details and the history with them.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        make_quiet(self.empty)

        # A line for the name, two for the rest, shortened to the pane's width: a long name
        # or company must neither widen the pane nor take the form's room.
        self.title = ElidedLabel()
        self.title.setObjectName("contact_title")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.subtitle = ElidedLabel(max_lines=2)
        # The heading keeps its height whatever it says (no role yet, or a role that now
        # takes two lines), so the tabs below never move when a contact is saved.
        self.title.setFixedHeight(QFontMetrics(title_font).lineSpacing() + 4)
        self.subtitle.setFixedHeight(2 * self.subtitle.fontMetrics().lineSpacing() + 2)
        self.log_button = QPushButton("&Log conversation…")
        self.log_button.setToolTip("Record a call, e-mail, meeting or note with this person")
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Re&vert")
        self.form = ContactForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.timeline = TimelineView()
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "&Details")
        self.tabs.addTab(self.timeline, "&History")

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.form.changed.connect(self._mark_dirty)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.log_button.clicked.connect(self.log_conversation)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.timeline.application_requested.connect(events.application_requested)
        self.timeline.follow_up_requested.connect(events.compose_follow_up_requested)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.setWhatsThis("Save the contact's details")  # listed in the shortcut sheet
        save_shortcut.activated.connect(self.save)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------------

    def show_contact(self, contact_id: int | None) -> None:
        """Show this contact (or nothing); unsaved edits must be settled first (``may_leave``)."""
        contact = stored_contact(contact_id) if contact_id is not None else None
        self.contact_id = contact.id if contact is not None else None
        self.pages.setCurrentIndex(0 if contact is None else 1)
        if contact is None:
            return
        self.form.load(contact.values)
        self._dirty = False
        self._show_heading(contact)
        self.refresh_history()
        self._update_buttons()

    def refresh_history(self) -> None:
        """Show the history again if it is the open tab; otherwise only count it (moving
        through the list with the arrow keys then costs a count per person, not a read)."""
        if self.contact_id is None:
            return
        if self.tabs.currentIndex() == HISTORY_TAB:
            self._load_history()
        else:
            self._history_stale = True
            count = contact_timeline_count(self.contact_id)
            self.tabs.setTabText(HISTORY_TAB, f"&History ({count})")

    def _load_history(self) -> None:
        if self.contact_id is None:
            return
        self._history_stale = False
        entries = contact_timeline(self.contact_id)
        self.timeline.set_entries(entries, show_who=False)
        self.tabs.setTabText(HISTORY_TAB, f"&History ({len(entries)})")

    def _on_tab_changed(self, index: int) -> None:
        if index == HISTORY_TAB and self._history_stale:
            self._load_history()

    def reload(self) -> None:
        """After a change elsewhere: refresh what is shown, keeping unsaved edits."""
        self.form.reload_companies()
        if self.contact_id is None:
            return
        contact = stored_contact(self.contact_id)
        if contact is None:
            self.show_contact(None)
            return
        if not self._dirty:
            self.form.load(contact.values)
            self._show_heading(contact)
        self.refresh_history()

    def _show_heading(self, contact: StoredContact) -> None:
        self.title.setText(contact.full_name)
        values = contact.values
        parts = [isolated(values.role)] if values.role else []
        if values.company:
            parts.append(isolated(values.company))
        line = " at ".join(parts)
        if values.is_agency:
            client = isolated(values.client_company)
            line += " · agency recruiter" + (f" for {client}" if client else "")
        self.subtitle.setText(line)

    # --- editing -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    def save(self) -> bool:
        """Store the edits; on refused values mark the fields, switch to them and return False."""
        if self.contact_id is None or not self._dirty:
            return True
        data = self.form.values()
        errors = contact_problems(data)
        self.form.show_errors(errors.errors)
        if errors:
            self.tabs.setCurrentIndex(DETAILS_TAB)
            return False
        try:
            save_contact(data, self.contact_id)
        except ValidationError as error:
            self.form.show_errors(error.errors.errors)
            self.tabs.setCurrentIndex(DETAILS_TAB)
            return False
        self._dirty = False
        self._update_buttons()
        contact = stored_contact(self.contact_id)
        if contact is not None:
            self._show_heading(contact)
        self.saved.emit(self.contact_id)
        self.events.contacts_changed.emit()
        self.events.follow_ups_changed.emit()
        self.events.applications_changed.emit()
        return True

    def revert(self) -> None:
        self._dirty = False
        self.show_contact(self.contact_id)

    def may_leave(self) -> bool:
        """Before showing another contact: save valid edits; for refused ones, ask."""
        if not self._dirty or self.save():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "Some details of this contact cannot be saved as they are (see the marked fields). "
            "Discard your changes?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    # --- conversations -------------------------------------------------------------------

    def log_conversation(self) -> None:
        if self.contact_id is None or not self.may_leave():
            return
        dialog = LogConversationDialog(self, contact_id=self.contact_id, events=self.events)
        if dialog.exec():
            self.refresh_history()
            self.tabs.setCurrentIndex(HISTORY_TAB)
