"""The import dialog's preview: what becomes of each record (new, merged or skipped), why, and
where its values go (fields, notes, not kept); remarks on the whole file above the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.importers.import_plan import (
    COMPANY,
    MERGED,
    NEW,
    SKIPPED,
    ImportPlan,
    PlannedContact,
)
from followup_desktop.ui.contacts.import_columns_page import ENCODINGS
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.plain_text import plain_tooltip
from followup_desktop.ui.theme import CAUTION, GOOD, PLANNED

_OUTCOME_COLOURS = {NEW: GOOD, MERGED: PLANNED, SKIPPED: CAUTION}
#: Character sets a vCard's 8-bit values may be in, beyond the file encodings.
_VALUE_CHARSETS = (("iso8859-2", "ISO 8859-2 (Central European)"), ("cp1251", "Windows (Cyrillic)"))


class PlanTableModel(TitledTableModel):
    COLUMNS = ("Where", "Outcome", "Name", "E-mail", "Company", "Goes where", "Details")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[PlannedContact] = []

    def set_items(self, items: list[PlannedContact]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            outcome = f"{item.outcome} company" if item.kind == COMPANY else item.outcome
            values = (
                item.source,
                outcome,
                item.name,
                item.email,
                item.company,
                item.placement,
                item.reason,
            )
            value = values[column]
            return plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            # The application's palette: a model has none of its own, and follows the scheme.
            return QBrush(_OUTCOME_COLOURS[item.outcome].on(QGuiApplication.palette()))
        return None


class ImportPreviewPage(QWidget):
    """A one-line summary and the file's remarks over the table of planned records (which can
    show one outcome only); under it, where the chosen record's values go, in full. Emits
    ``encoding_chosen`` when the user reads the file's values in another character set."""

    encoding_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setObjectName("import_notices")
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.encoding = QComboBox()
        for value, label in (*ENCODINGS, *_VALUE_CHARSETS):
            self.encoding.addItem(label, value)
        self.encoding.setAccessibleName("Text encoding")
        self.encoding.setToolTip("Read names and other values in this character set")
        self.encoding.activated.connect(
            lambda: self.encoding_chosen.emit(str(self.encoding.currentData()))
        )
        self.outcome_filter = QComboBox()
        self.outcome_filter.addItem("All records", "")
        self.outcome_filter.addItem("New", NEW)
        self.outcome_filter.addItem("Merged", MERGED)
        self.outcome_filter.addItem("Skipped", SKIPPED)
        self.outcome_filter.setAccessibleName("Show records")
        self.plan_model = PlanTableModel(self)
        self.plan_proxy = QSortFilterProxyModel(self)
        self.plan_proxy.setSourceModel(self.plan_model)
        self.plan_proxy.setFilterKeyColumn(1)
        self.plan_table = QTableView()
        self.plan_table.setObjectName("import_preview")
        self.plan_table.setAccessibleName("Records the import would bring in")
        self.plan_table.setModel(self.plan_proxy)
        self.plan_table.verticalHeader().hide()
        self.plan_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.plan_table.setAlternatingRowColors(True)
        self.plan_table.setWordWrap(False)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.horizontalHeader().setStretchLastSection(True)
        for index, width in enumerate((90, 100, 140, 170, 120, 220)):
            self.plan_table.setColumnWidth(index, width)
        self.details = QLabel("Choose a record to see where each of its values goes.")
        self.details.setObjectName("import_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_filter.currentIndexChanged.connect(
            lambda: self.plan_proxy.setFilterFixedString(str(self.outcome_filter.currentData()))
        )
        self.plan_table.selectionModel().currentRowChanged.connect(self._show_details)
        top = QHBoxLayout()
        self.encoding_label = QLabel("Text &encoding:")
        self.encoding_label.setBuddy(self.encoding)
        top.addWidget(self.summary, 1)
        top.addWidget(self.encoding_label)
        top.addWidget(self.encoding)
        top.addWidget(self.outcome_filter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.notices)
        column.addWidget(self.plan_table, 1)
        column.addWidget(self.details)

    def show_plan(self, plan: ImportPlan, encoding: str = "") -> None:
        self.plan_model.set_items(plan.items)
        self._fit_where_column(plan.items)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(encoding)))
        nothing = "" if plan.writes_anything else " Nothing to import: everyone is already known."
        companies = plan.count(NEW, COMPANY) + plan.count(MERGED, COMPANY)
        noun = "company" if companies == 1 else "companies"
        cards = f", {companies} {noun} from their own cards" if companies else ""
        self.summary.setText(
            f"{plan.count(NEW)} new, {plan.count(MERGED)} merged into existing contacts, "
            f"{plan.count(SKIPPED)} skipped{cards}.{nothing}"
        )
        self.notices.setText("\n".join(plan.notices))
        self.notices.setVisible(bool(plan.notices))

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.plan_proxy.mapToSource(current)
        if not source.isValid():
            return
        item = self.plan_model.items[source.row()]
        lines = [f"{item.source}: {item.name or '(no name)'} ({item.outcome})"]
        if item.placement:
            lines.append(f"Goes where: {item.placement}")
        if item.reason:
            lines.append(f"Details: {item.reason}")
        self.details.setText("\n".join(lines))

    def _fit_where_column(self, items: list[PlannedContact]) -> None:
        """Widen "Where" to its longest text (the last records have the longest numbers),
        without measuring every row of a large file."""
        if not items:
            return
        metrics = self.plan_table.fontMetrics()
        sample = items[:50] + items[-50:]
        widest = max(metrics.horizontalAdvance(item.source) for item in sample)
        padding = 2 * self.plan_table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        self.plan_table.setColumnWidth(0, max(90, widest + padding + 12))
