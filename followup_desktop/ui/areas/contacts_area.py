"""Contacts area: the recruiters and HR people, searchable as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from followup_desktop.services.contact_queries import ContactRow, load_contact_rows
from followup_desktop.ui.events import AppEvents

_Index = QModelIndex | QPersistentModelIndex
ContactIdRole = Qt.ItemDataRole.UserRole + 1


class ContactTableModel(QAbstractTableModel):
    COLUMNS = ("Name", "Role", "Company", "E-mail", "Phone", "Last contact")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ContactIdRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.name,
            row.role,
            row.company,
            row.email,
            row.phone,
            row.last_contact.isoformat() if row.last_contact else "",
        )
        return values[index.column()]


class ContactsArea(QWidget):
    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, company, e-mail or role…")
        self.search.setClearButtonEnabled(True)
        self.model = ContactTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(self._on_double_clicked)
        events.contacts_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(load_contact_rows())
        for column, width in enumerate((170, 190, 170, 230, 140)):
            self.table.setColumnWidth(column, width)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if contact_id is not None:
            self.events.contact_requested.emit(int(contact_id))
