"""The import dialog: choose columns (CSV), preview new / merged / skipped, then import at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.importers.contact_import import ImportSource, open_import_source
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.csv_columns import CSV_FIELDS
from followup_desktop.services.importers.import_apply import ImportResult
from followup_desktop.services.importers.import_plan import (
    MERGED,
    NEW,
    SKIPPED,
    ImportPlan,
    PlannedContact,
)
from followup_desktop.ui.contacts.import_job import APPLY, PREVIEW, ImportJob
from followup_desktop.ui.contacts.titled_table_model import ModelIndex, TitledTableModel
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.plain_text import plain_tooltip

ENCODINGS = (
    ("", "Detect"),
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows (Western, 1252)"),
    ("latin-1", "ISO 8859-1 (Latin-1)"),
    ("utf-16", "UTF-16"),
    ("mac-roman", "Mac OS Roman"),
    ("cp1250", "Windows (Central European, 1250)"),
)
COLUMNS_PAGE, PREVIEW_PAGE, WORKING_PAGE, DONE_PAGE = range(4)
_OUTCOME_COLOURS = {NEW: QColor("#1b6e20"), MERGED: QColor("#1f5fa8"), SKIPPED: QColor("#7a5c00")}
_ERROR_STYLE = "color: #b3261e;"


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


class ImportDialog(QDialog):
    """Nothing is written before the user presses Import; then everything is, or nothing."""

    def __init__(
        self, path: Path, kind: str, events: AppEvents | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.kind = kind
        self.events = events
        self.data = self.path.read_bytes()
        self.source: ImportSource | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.job: ImportJob | None = None
        self.setWindowTitle(f"Import contacts from {self.path.name}")
        self.resize(860, 560)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._done_page())
        self.error = QLabel()
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.back_button = QPushButton("< &Columns")
        self.next_button = QPushButton("&Preview >")
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self._show_page(COLUMNS_PAGE))
        self.next_button.clicked.connect(self.start_preview)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)

        self._open_source("")
        if self.kind == "csv" and self.source is not None:
            self._show_page(COLUMNS_PAGE)
        else:
            self.start_preview()

    # --- pages ---------------------------------------------------------------------------

    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        self.encoding = QComboBox()
        for value, label in ENCODINGS:
            self.encoding.addItem(label, value)
        self.encoding.setAccessibleName("Text encoding")
        self.encoding.currentIndexChanged.connect(
            lambda: self._open_source(str(self.encoding.currentData()))
        )
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(["Column in the file", "Example", "Use as"])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_table.setColumnWidth(2, 220)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        encoding_label = QLabel("Text &encoding:")
        encoding_label.setBuddy(self.encoding)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(encoding_label)
        encoding_row.addWidget(self.encoding)
        encoding_row.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.format_label)
        column.addLayout(encoding_row)
        column.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
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
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.plan_table, 1)
        return page

    def _working_page(self) -> QWidget:
        page = QWidget()
        self.working_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.working_label)
        column.addWidget(self.progress)
        column.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName("import_done")
        self.done_label.setWordWrap(True)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(page)
        column.addWidget(self.done_label, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        working = page == WORKING_PAGE
        self.back_button.setVisible(self.kind == "csv" and page == PREVIEW_PAGE)
        self.next_button.setVisible(page == COLUMNS_PAGE)
        self.next_button.setEnabled(self.source is not None)
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.import_button.setEnabled(self.plan is not None and self.plan.writes_anything)
        self.cancel_button.setText("Close" if page == DONE_PAGE else "Cancel")
        self.cancel_button.setEnabled(
            not working or (self.job is not None and self.job.step == APPLY)
        )
        if page != COLUMNS_PAGE:
            self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- reading -------------------------------------------------------------------------

    def _open_source(self, encoding: str) -> None:
        try:
            self.source = open_import_source(self.data, self.kind, self.path.name, encoding or None)
        except ImportFormatError as error:
            self.source = None
            self._show_error(f"{self.path.name}: {error}. Nothing was imported.")
            self.next_button.setEnabled(False)
            return
        self.error.hide()
        self.next_button.setEnabled(True)
        if self.source.layout is not None:
            self._fill_mapping()

    def _fill_mapping(self) -> None:
        assert self.source is not None and self.source.layout is not None
        layout = self.source.layout
        known = f"Recognised a {layout.export_name} export. " if layout.export_name else ""
        self.format_label.setText(
            f"{known}Column names found on line {layout.header_line} "
            f"(encoding {self.source.encoding}). Choose what each column holds; "
            "columns set to (ignore) are left out."
        )
        self.mapping_table.setRowCount(len(layout.headers))
        self.field_boxes: list[QComboBox] = []
        for index, header in enumerate(layout.headers):
            sample = next(
                (
                    row[index]
                    for row in layout.sample_rows
                    if len(row) > index and row[index].strip()
                ),
                "",
            )
            self.mapping_table.setItem(
                index, 0, QTableWidgetItem(header or f"(column {index + 1})")
            )
            self.mapping_table.setItem(index, 1, QTableWidgetItem(" ".join(sample.split())))
            box = QComboBox()
            for key, label in CSV_FIELDS:
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(layout.mapping.get(index, ""))))
            box.setAccessibleName(f"Use column {header} as")
            self.mapping_table.setCellWidget(index, 2, box)
            self.field_boxes.append(box)

    def _read_mapping(self) -> None:
        if self.source is None or self.source.layout is None:
            return
        self.source.layout.mapping = {
            index: str(box.currentData())
            for index, box in enumerate(self.field_boxes)
            if box.currentData()
        }

    # --- running -------------------------------------------------------------------------

    def start_preview(self) -> None:
        if self.source is None:
            self._show_page(COLUMNS_PAGE if self.kind == "csv" else PREVIEW_PAGE)
            return
        self._read_mapping()
        self.plan = None
        self.working_label.setText(f"Reading {self.path.name}…")
        self._run(ImportJob(PREVIEW, source=self.source))

    def start_import(self) -> None:
        if self.plan is None or not self.plan.writes_anything:
            return
        self.working_label.setText("Importing… (Cancel leaves your contacts as they were)")
        self._run(ImportJob(APPLY, plan=self.plan))

    def _run(self, job: ImportJob) -> None:
        self.job = job
        self.progress.setRange(0, 0)
        self._show_page(WORKING_PAGE)
        job.progress.connect(self._on_progress)
        job.previewed.connect(self._on_previewed)
        job.applied.connect(self._on_applied)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

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

    def _on_previewed(self, plan: ImportPlan) -> None:
        self._finish_job()
        self.plan = plan
        self.plan_model.set_items(plan.items)
        self._fit_where_column(plan.items)
        nothing = "" if plan.writes_anything else " Nothing to import: everyone is already known."
        self.summary.setText(
            f"{plan.count(NEW)} new, {plan.count(MERGED)} merged into existing contacts, "
            f"{plan.count(SKIPPED)} skipped.{nothing}"
        )
        self.import_button.setText(f"&Import {plan.count(NEW) + plan.count(MERGED)} contacts")
        self._show_page(PREVIEW_PAGE)

    def _on_applied(self, result: ImportResult) -> None:
        self._finish_job()
        self.import_result = result
        self.done_label.setText(f"Done: {result.summary()}.")
        self._show_page(DONE_PAGE)
        if self.events is not None:
            self.events.emit_all_changed()

    def _on_failed(self, message: str) -> None:
        self._finish_job()
        back = COLUMNS_PAGE if self.kind == "csv" and self.plan is None else PREVIEW_PAGE
        self._show_page(back)
        self._show_error(message)
        if self.plan is None:
            self.import_button.setEnabled(False)

    def _on_cancelled(self) -> None:
        self._finish_job()
        self._show_page(PREVIEW_PAGE)
        self._show_error("Import cancelled; nothing was written.")

    def _finish_job(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job = None

    def _cancel_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        if self.pages.currentIndex() == DONE_PAGE:
            self.accept()
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            # A running import must finish or roll back before the dialog goes away.
            self.job.cancel()
            self.job.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()
