"""Companies: a searchable list, and one company's details, applications, people and history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.companies import (
    CompanyInput,
    CompanyRow,
    company_applications,
    company_people,
    company_problems,
    load_company_rows,
    save_company,
    stored_company,
)
from followup_desktop.services.timeline import company_timeline
from followup_desktop.services.user_text import isolated
from followup_desktop.services.validation import ValidationError
from followup_desktop.ui.contacts.timeline_view import TimelineView
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import make_quiet
from followup_desktop.ui.widgets.elided_label import ElidedLabel
from followup_desktop.ui.widgets.folded_search import FoldedFilterProxy
from followup_desktop.ui.widgets.form_fields import ValidatedForm
from followup_desktop.ui.widgets.long_text import UserLineEdit, UserTextEdit
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

CompanyIdRole = Qt.ItemDataRole.UserRole + 1
ItemIdRole = Qt.ItemDataRole.UserRole + 2


class CompanyTableModel(TitledTableModel):
    COLUMNS = ("Company", "People", "Applications", "Last contact")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CompanyRow] = []

    def set_rows(self, rows: list[CompanyRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == CompanyIdRole:
            return row.id
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                row.contacts,
                row.applications,
                row.last_contact.isoformat() if row.last_contact else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and row.website:
            return plain_tooltip(row.website)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CompanyDetail(QWidget):
    """Name, website, address and notes (editable), with the company's applications, people
    and history."""

    contact_requested = Signal(int)

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.company_id: int | None = None
        self.title = ElidedLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.form = ValidatedForm()
        self.name = UserLineEdit()
        self.website = UserLineEdit()
        self.website.setPlaceholderText("https://…")
        self.address = UserTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.notes = UserTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        for name, label, widget in (
            ("name", "&Name:", self.name),
            ("website", "&Website:", self.website),
            ("address", "&Address:", self.address),
            ("notes", "N&otes:", self.notes),
        ):
            self.form.add_field(name, label, widget)
        self.save_button = QPushButton("&Save company")
        self.log_button = QPushButton("&Log conversation…")
        self.applications = QListWidget()
        self.people = QListWidget()
        for names in (self.applications, self.people):
            names.setItemDelegate(UserTextDelegate(names))
        self.timeline = TimelineView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.applications, "Applications")
        self.tabs.addTab(self.people, "People")
        self.tabs.addTab(self.timeline, "History")
        details = QWidget()
        details_column = QVBoxLayout(details)
        details_column.setContentsMargins(0, 0, 0, 0)
        details_column.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        details_column.addLayout(buttons)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(details)
        layout.addWidget(self.tabs, 1)
        self.save_button.clicked.connect(self.save)
        self.log_button.clicked.connect(self.log_conversation)
        self.applications.itemActivated.connect(self._open_application)
        self.people.itemActivated.connect(self._open_person)
        self.timeline.application_requested.connect(events.application_requested)
        self.timeline.follow_up_requested.connect(events.compose_follow_up_requested)

    def show_company(self, company_id: int) -> None:
        company = stored_company(company_id)
        if company is None:
            return
        self.company_id = company_id
        self.title.setText(company.name)
        self.name.setText(company.name)
        self.website.setText(company.website)
        self.address.setPlainText(company.address)
        self.notes.setPlainText(company.notes)
        self.form.show_errors({})
        self.applications.clear()
        found_applications = company_applications(company_id)
        applications = len(found_applications)
        for app in found_applications:
            state = "archived" if app.archived else app.stage
            when = f", applied {app.applied_on.isoformat()}" if app.applied_on else ""
            item = QListWidgetItem(f"{isolated(app.position)} — {isolated(state)}{when}")
            item.setData(ItemIdRole, app.id)
            self.applications.addItem(item)
        self.people.clear()
        found_people = company_people(company_id)
        people = len(found_people)
        for person in found_people:
            role = f", {isolated(person.role)}" if person.role else ""
            via = " (agency recruiter)" if person.via_agency else ""
            item = QListWidgetItem(f"{isolated(person.name)}{role}{via}")
            item.setData(ItemIdRole, person.id)
            self.people.addItem(item)
        for widget, text in (
            (self.applications, "No application with this company yet."),
            (self.people, "Nobody from this company in your contacts yet."),
        ):
            if widget.count() == 0:
                empty = QListWidgetItem(text)
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(empty)
        entries = company_timeline(company_id)
        self.timeline.set_entries(entries)
        self.tabs.setTabText(0, f"Applications ({applications})")
        self.tabs.setTabText(1, f"People ({people})")
        self.tabs.setTabText(2, f"History ({len(entries)})")

    def values(self) -> CompanyInput:
        return CompanyInput(
            name=self.name.text(),
            website=self.website.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> bool:
        if self.company_id is None:
            return False
        data = self.values()
        errors = company_problems(data, self.company_id)
        self.form.show_errors(errors.errors)
        if errors:
            return False
        try:
            save_company(data, self.company_id)
        except ValidationError as error:
            self.form.show_errors(error.errors.errors)
            return False
        self.title.setText(data.name.strip())
        self.events.contacts_changed.emit()
        self.events.applications_changed.emit()
        return True

    def log_conversation(self) -> None:
        if self.company_id is None:
            return
        dialog = LogConversationDialog(self, company_id=self.company_id, events=self.events)
        if dialog.exec():
            self.show_company(self.company_id)
            self.tabs.setCurrentIndex(2)

    def _open_application(self, item: QListWidgetItem) -> None:
        if item.data(ItemIdRole) is not None:
            self.events.application_requested.emit(int(item.data(ItemIdRole)))

    def _open_person(self, item: QListWidgetItem) -> None:
        if item.data(ItemIdRole) is not None:
            self.contact_requested.emit(int(item.data(ItemIdRole)))


class CompanyPanel(QWidget):
    """The Companies tab: list on the left, the chosen company on the right."""

    contact_requested = Signal(int)

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search companies…")
        self.search.setClearButtonEnabled(True)
        self.model = CompanyTableModel(self)
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(UserTextDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 54, 86)):
            self.table.setColumnWidth(column, width)
        self.detail = CompanyDetail(events)
        self.empty = QLabel("Choose a company to see its applications, people and history.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        make_quiet(self.empty)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.detail)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.search)
        left_column.addWidget(self.table, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.detail.contact_requested.connect(self.contact_requested)

    def refresh(self) -> None:
        current = self.detail.company_id
        self.model.set_rows(load_company_rows())
        if current is not None:
            self.select_company(current)

    def select_company(self, company_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CompanyIdRole) == company_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                break
        self.detail.show_company(company_id)
        self.pages.setCurrentIndex(1)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        company_id = current.data(CompanyIdRole) if current.isValid() else None
        if company_id is not None and company_id != self.detail.company_id:
            self.detail.show_company(int(company_id))
            self.pages.setCurrentIndex(1)
