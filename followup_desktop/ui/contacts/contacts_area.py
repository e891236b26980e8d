"""The Contacts area: people (list and detail side by side) and companies, with import/export."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.ui.contacts.company_panel import CompanyPanel
from followup_desktop.ui.contacts.contact_detail import ContactDetailPanel
from followup_desktop.ui.contacts.contact_list_panel import ContactListPanel
from followup_desktop.ui.contacts.transfer_actions import export_contacts, import_contacts
from followup_desktop.ui.dialogs.contact_dialog import ContactDialog
from followup_desktop.ui.events import AppEvents

PEOPLE_TAB, COMPANIES_TAB = range(2)


class ContactsArea(QWidget):
    """People (list beside details) and companies in two tabs, under New / Import / Export."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.list_panel = ContactListPanel()
        self.detail = ContactDetailPanel(events)
        # The companies tab is built the first time it is shown.
        self._companies: CompanyPanel | None = None
        self._companies_page = QWidget()
        companies_layout = QVBoxLayout(self._companies_page)
        companies_layout.setContentsMargins(0, 0, 0, 0)
        #: The search box and the list's model, for keyboard focus and tests.
        self.search = self.list_panel.search
        self.list_model = self.list_panel.model

        self.new_button = QPushButton("&New contact…")
        self.import_button = QPushButton("&Import…")
        self.import_button.setToolTip("Bring in contacts from a vCard (.vcf) or CSV file")
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("Save every contact as vCard or CSV")
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)

        self.splitter = QSplitter()
        self.splitter.setObjectName("contacts_splitter")
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, "People")
        self.tabs.addTab(self._companies_page, "Companies")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(toolbar)
        layout.addWidget(self.tabs, 1)

        self.list_panel.contact_selected.connect(self._on_contact_selected)
        self.list_panel.contact_activated.connect(self._focus_details)
        self.list_panel.nothing_selected.connect(self._on_nothing_selected)
        self.new_button.clicked.connect(self.new_contact)
        self.import_button.clicked.connect(lambda: import_contacts(self, self.events))
        self.export_button.clicked.connect(lambda: export_contacts(self))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        events.contacts_changed.connect(self.refresh)
        events.follow_ups_changed.connect(self._refresh_history)
        events.applications_changed.connect(self._mark_companies_stale)
        self._companies_stale = True
        self._split_done = False
        self.list_panel.refresh()
        if self.list_model.rowCount():
            # Open on the first person rather than an empty detail pane.
            self.list_panel.select_contact(self.list_model.row_at(0).id)

    @property
    def companies(self) -> CompanyPanel:
        """The companies tab's panel (built on first use)."""
        if self._companies is None:
            self._companies = CompanyPanel(self.events)
            self._companies.contact_requested.connect(self.show_contact)
            layout = self._companies_page.layout()
            assert layout is not None
            layout.addWidget(self._companies)
        return self._companies

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            QTimer.singleShot(0, self._split_evenly)

    def _split_evenly(self) -> None:
        # Half and half once laid out: the list scrolls sideways, the details should not have to.
        width = self.splitter.width()
        if width > 0:
            self.splitter.setSizes([width // 2 + 30, width // 2 - 30])

    def refresh(self) -> None:
        self.list_panel.refresh()
        self.detail.reload()
        self._mark_companies_stale()

    def _refresh_history(self) -> None:
        self.detail.refresh_history()

    def _mark_companies_stale(self) -> None:
        self._companies_stale = True
        if self.tabs.currentIndex() == COMPANIES_TAB:
            self._on_tab_changed(COMPANIES_TAB)

    def _on_tab_changed(self, index: int) -> None:
        if index == COMPANIES_TAB and self._companies_stale:
            self._companies_stale = False
            self.companies.refresh()

    def _on_contact_selected(self, contact_id: int) -> None:
        if contact_id == self.detail.contact_id:
            return
        if not self.detail.may_leave():
            # Keep the person being edited selected.
            if self.detail.contact_id is not None:
                self.list_panel.select_contact(self.detail.contact_id)
            return
        self.detail.show_contact(contact_id)

    def _on_nothing_selected(self) -> None:
        # The search left no one: the details show no one either (once edits are settled).
        if self.detail.contact_id is not None and self.detail.may_leave():
            self.detail.show_contact(None)

    def _focus_details(self, contact_id: int) -> None:
        self._on_contact_selected(contact_id)
        self.detail.form.first_name.setFocus()

    def show_contact(self, contact_id: int) -> None:
        """Show this contact's details, clearing the filters if they hide it."""
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        if not self.list_panel.select_contact(contact_id):
            self.list_panel.clear_filters()
            self.list_panel.select_contact(contact_id)
        self._on_contact_selected(contact_id)

    def new_contact(self) -> None:
        dialog = ContactDialog(self)
        if dialog.exec() and dialog.saved_id is not None:
            self.events.contacts_changed.emit()
            self.show_contact(dialog.saved_id)
