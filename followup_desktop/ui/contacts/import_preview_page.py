"""The import dialog's preview: what becomes of each record (new, merged or skipped), and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
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
    MERGED,
    NEW,
    SKIPPED,
    ImportPlan,
    PlannedContact,
)
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.plain_text import plain_tooltip

_OUTCOME_COLOURS = {NEW: QColor("#1b6e20"), MERGED: QColor("#1f5fa8"), SKIPPED: QColor("#7a5c00")}


class PlanTableModel(TitledTableModel):
    COLUMNS = ("Where", "Outcome", "Name", "E-mail", "Company", "Details")

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
            values = (item.source, item.outcome, item.name, item.email, item.company, item.reason)
            value = values[column]
            return plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(_OUTCOME_COLOURS[item.outcome])
        return None


class ImportPreviewPage(QWidget):
    """A one-line summary over the table of planned records, which can show one outcome only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
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
        self.plan_table.setModel(self.plan_proxy)
        self.plan_table.verticalHeader().hide()
        self.plan_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.plan_table.setAlternatingRowColors(True)
        self.plan_table.setWordWrap(False)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.horizontalHeader().setStretchLastSection(True)
        for index, width in enumerate((90, 70, 140, 190, 130)):
            self.plan_table.setColumnWidth(index, width)
        self.outcome_filter.currentIndexChanged.connect(
            lambda: self.plan_proxy.setFilterFixedString(str(self.outcome_filter.currentData()))
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.outcome_filter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.plan_table, 1)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan_model.set_items(plan.items)
        self._fit_where_column(plan.items)
        nothing = "" if plan.writes_anything else " Nothing to import: everyone is already known."
        self.summary.setText(
            f"{plan.count(NEW)} new, {plan.count(MERGED)} merged into existing contacts, "
            f"{plan.count(SKIPPED)} skipped.{nothing}"
        )

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
