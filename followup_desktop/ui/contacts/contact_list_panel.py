"""The contact list: instant search, filters (company, agency, keep-in-touch due, silence) and
a sortable table that stays smooth with tens of thousands of rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.contact_queries import company_choices
from followup_desktop.services.contact_search import ContactFilter
from followup_desktop.services.wording import counted
from followup_desktop.ui.contacts.contact_list_model import ContactIdRole, ContactListModel
from followup_desktop.ui.contacts.contact_table_view import RowPaintedTableView
from followup_desktop.ui.theme import make_quiet
from followup_desktop.ui.widgets.fill_on_focus import FillOnFocus

_COLUMN_WIDTHS = (150, 150, 170, 210, 130)
_ROW_HEIGHT_PADDING = 8


NO_MATCHES = "No matches"
NO_CONTACTS_YET = (
    "No contacts yet.\n\nAdd the recruiters and people you talk to with New contact…, or "
    "bring in your address book with Import… (a vCard or CSV file from Outlook, Google, "
    "Apple, Thunderbird and others)."
)


class ContactListPanel(QWidget):
    """Emits ``contact_selected`` as the current row changes, ``contact_activated`` on
    double-click or Enter, and ``nothing_selected`` when a search leaves no one to show."""

    contact_selected = Signal(int)
    contact_activated = Signal(int)
    nothing_selected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("contact_search")
        self.search.setPlaceholderText("Search name, company, e-mail or role…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            "Shows the people whose name, company, e-mail or role contains every word you type"
            ' ("li park" finds Lisa Park and Amelia Parker).\n'
            'A single letter finds the words that start with it: "m" finds Mark and Moss.'
        )
        self.search.setAccessibleName("Search contacts")

        self.company_filter = QComboBox()
        # The names go to Qt in one call; the ids of the rows stay here.
        self._company_names = QStringListModel(["All companies"], self)
        self._company_ids: list[int | None] = [None]
        self.company_filter.setModel(self._company_names)
        self._companies_filled = FillOnFocus(self._fill_companies, self.company_filter)
        self.company_filter.setAccessibleName("Company filter")
        self.company_filter.setMinimumContentsLength(14)
        self.company_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency_only = QCheckBox("&Agency")
        self.agency_only.setToolTip("Only recruiters who work for an agency")
        self.keep_in_touch_due = QCheckBox("&Keep-in-touch due")
        self.keep_in_touch_due.setToolTip("Only people whose keep-in-touch follow-up is due")
        self.silent = QCheckBox("&Quiet for")
        self.silent.setToolTip("Only people with no logged conversation for this many days")
        self.silent_days = QSpinBox()
        self.silent_days.setRange(1, 3650)
        self.silent_days.setValue(90)
        self.silent_days.setSuffix(" days")
        self.silent_days.setAccessibleName("Days without contact")
        self.silent_days.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("contact_count")
        # A fixed size: changing its text on every keystroke then never re-lays out the panel.
        self.count_label.setFixedSize(
            self.fontMetrics().horizontalAdvance("888,888 of 888,888 contacts") + 8,
            self.fontMetrics().height() + 4,
        )

        self.model = ContactListModel(self)
        self.table = RowPaintedTableView()
        self.table.setObjectName("contact_table")
        self.table.setAccessibleName("Contacts")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures rows, so 50,000 of them cost nothing.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + _ROW_HEIGHT_PADDING)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)

        self.no_matches = QLabel(NO_MATCHES)
        self.no_matches.setObjectName("contact_no_matches")
        self.no_matches.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_matches.setContentsMargins(0, 24, 0, 0)
        make_quiet(self.no_matches)
        #: In place of the table when the search and filters leave no one.
        self.no_matches.hide()

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.company_filter)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        filters.addWidget(self.agency_only)
        filters.addWidget(self.keep_in_touch_due)
        filters.addWidget(self.silent)
        filters.addWidget(self.silent_days)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_matches, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._apply_filter)
        self.company_filter.currentIndexChanged.connect(self._apply_filter)
        self.agency_only.toggled.connect(self._apply_filter)
        self.keep_in_touch_due.toggled.connect(self._apply_filter)
        self.silent.toggled.connect(self.silent_days.setEnabled)
        self.silent.toggled.connect(self._apply_filter)
        self.silent_days.valueChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.activated.connect(self._on_activated)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._selected_id: int | None = None
        #: Set while a keystroke or a filter box changes what the list shows.
        self._filtering = False
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setWhatsThis("Search contacts")  # listed in the shortcut sheet
        find.activated.connect(self.focus_search)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count and page the rows again, keeping the filters and the selected contact."""
        if self._companies_filled.done:
            self._fill_companies()
        self.model.refresh(dt.date.today())

    def _fill_companies(self) -> None:
        current = self.company_id()
        choices = company_choices()
        self.company_filter.blockSignals(True)
        self._company_ids = [None, *(company_id for company_id, _name in choices)]
        self._company_names.setStringList(["All companies", *(name for _id, name in choices)])
        found = self._company_ids.index(current) if current in self._company_ids else 0
        self.company_filter.setCurrentIndex(found)
        self.company_filter.blockSignals(False)

    def company_id(self) -> int | None:
        """The company the list is filtered by, if any."""
        index = self.company_filter.currentIndex()
        return self._company_ids[index] if 0 <= index < len(self._company_ids) else None

    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            text=self.search.text(),
            company_id=self.company_id(),
            agency_only=self.agency_only.isChecked(),
            keep_in_touch_due=self.keep_in_touch_due.isChecked(),
            silent_days=self.silent_days.value() if self.silent.isChecked() else None,
        )

    def _apply_filter(self) -> None:
        self._filtering = True
        try:
            self.model.set_filter(self.current_filter())
        finally:
            self._filtering = False

    def clear_filters(self) -> None:
        for box in (self.agency_only, self.keep_in_touch_due, self.silent):
            box.setChecked(False)
        self.company_filter.setCurrentIndex(0)
        self.search.clear()

    def filter_by_company(self, company_id: int) -> None:
        self._companies_filled.ensure()
        if company_id in self._company_ids:
            self.company_filter.setCurrentIndex(self._company_ids.index(company_id))

    # --- selection -----------------------------------------------------------------------

    def selected_contact_id(self) -> int | None:
        return self._selected_id

    def select_contact(self, contact_id: int, *, first_page_only: bool = False) -> bool:
        """Select the contact if it is shown; the selection survives filtering and reloads.

        With ``first_page_only``, look for them among the first rows only (no query beyond
        the page the list shows anyway)."""
        if first_page_only:
            row = self.model.row_in_first_page(contact_id)
        else:
            row = self.model.row_of_contact(contact_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _after_reset(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(
            f"{total:,} contacts" if shown == total else f"{shown:,} of {total:,} contacts"
        )
        searching = self.current_filter() != ContactFilter()
        nothing = not shown
        self.no_matches.setText(NO_MATCHES if searching else NO_CONTACTS_YET)
        self.no_matches.setWordWrap(True)
        self.table.setVisible(not nothing)
        self.no_matches.setVisible(nothing)
        self.count_label.setText(
            counted(total, "contact") if shown == total else f"{shown:,} of {total:,} contacts"
        )
        if self._filtering:
            self.table.scrollToTop()
        selected = self._selected_id
        if selected is not None and self.select_contact(selected, first_page_only=self._filtering):
            return
        # While searching, the list shows the best matches from the top: the person shown in
        # the details stays selected when they are among the first rows, and the list does
        # not jump down to them (nor look for where they are in every keystroke's results).
        # A person the search leaves out is not shown: the details show the first match, or
        # no one.
        if self._filtering and (selected is None or not self.model.holds_contact(selected)):
            if shown:
                self.select_contact(self.model.row_at(0).id, first_page_only=True)
            elif self._selected_id is not None:
                self._selected_id = None
                self.nothing_selected.emit()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contact_id = current.data(ContactIdRole) if current.isValid() else None
        if contact_id is None:
            return
        if contact_id != self._selected_id:
            self._selected_id = int(contact_id)
            self.contact_selected.emit(self._selected_id)

    def _on_activated(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if contact_id is not None:
            self.contact_activated.emit(int(contact_id))
