"""File → Import applications…: what each column holds, which stage each unknown status means,
a preview of every row, then every row stored at once or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import list_stages
from followup_desktop.services.importers.application_columns import APPLICATION_FIELDS
from followup_desktop.services.importers.application_import import (
    ApplicationImportPlan,
    ApplicationSource,
    apply_application_import,
    open_application_source,
    plan_application_import,
)
from followup_desktop.services.importers.application_rows import read_application_rows
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.search_text import fold_for_search
from followup_desktop.services.wording import counted
from followup_desktop.ui.contacts.import_columns_page import ImportColumnsPage
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import WARNING_ON_WINDOW
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

#: Rows listed in the preview; the rest are counted (all are checked and imported).
PREVIEW_ROWS = 500


class ApplicationImportDialog(QDialog):
    """Nothing is written before the user presses Import; then every row is, or none."""

    def __init__(
        self, path: Path, events: AppEvents | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.events = events
        self.data = self.path.read_bytes()
        self.source: ApplicationSource | None = None
        self.plan: ApplicationImportPlan | None = None
        #: How many applications were stored (None until the import ran).
        self.imported: int | None = None
        self.setWindowTitle(f"Import applications from {self.path.name}")
        self.resize(900, 580)

        self.columns = ImportColumnsPage(fields=APPLICATION_FIELDS)
        self.columns.encoding_chosen.connect(self._open_source)
        self.stage_box = QGroupBox("Stages in the file that are not yours")
        self.stage_form = QFormLayout(self.stage_box)
        #: One box per unknown status: the user's stage it goes to ("" not chosen yet).
        self.stage_boxes: dict[str, QComboBox] = {}
        self.preview = QTreeWidget()
        self.preview.setObjectName("application_import_preview")
        self.preview.setHeaderLabels(["Line", "Company", "Position", "Stage", "Notes"])
        self.preview.setRootIsDecorated(False)
        self.preview.setUniformRowHeights(True)
        self.preview.setItemDelegate(UserTextDelegate(self.preview))
        self.preview.setAccessibleName("Rows to import")
        self.status = QLabel()
        self.status.setObjectName("application_import_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.columns, 1)
        top_layout.addWidget(self.stage_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._open_source("")

    # --- reading -------------------------------------------------------------------------

    def _open_source(self, encoding: str) -> None:
        try:
            self.source = open_application_source(self.data, self.path.name, encoding or None)
        except ImportFormatError as error:
            self.source = None
            self._refuse(str(error))
            return
        self.columns.show_layout(self.source.layout, self.source.encoding)
        for box in self.columns.field_boxes:
            box.currentIndexChanged.connect(self._replan)
        self._replan()

    def _stage_choices(self) -> dict[str, int]:
        return {
            fold_for_search(status): int(box.currentData())
            for status, box in self.stage_boxes.items()
            if box.currentData()
        }

    def _replan(self) -> None:
        if self.source is None:
            return
        self.source.layout.mapping = self.columns.chosen_mapping()
        try:
            rows = read_application_rows(self.source.text, self.source.layout)
        except ImportFormatError as error:
            self._refuse(str(error))
            return
        self.plan = plan_application_import(rows, self._stage_choices())
        self._show_stage_boxes(self.plan)
        self._show_plan(self.plan)

    def _show_stage_boxes(self, plan: ApplicationImportPlan) -> None:
        """A box for each status no stage answers to; kept while the user is choosing."""
        for status in plan.unknown_stages:
            if status in self.stage_boxes:
                continue
            box = QComboBox()
            box.addItem("Choose a stage…", 0)
            for stage in list_stages():
                box.addItem(stage.name, stage.id)
            box.setAccessibleName(f"Stage for {status}")
            box.currentIndexChanged.connect(self._replan)
            label = QLabel(f"“{status}” ({counted(plan.unknown_stages[status], 'row')}) goes to:")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(box)
            self.stage_form.addRow(label, box)
            self.stage_boxes[status] = box
        self.stage_box.setVisible(bool(self.stage_boxes))

    def _show_plan(self, plan: ApplicationImportPlan) -> None:
        self.preview.clear()
        items = []
        for planned in plan.items[:PREVIEW_ROWS]:
            notes = planned.problem or ", ".join(
                part
                for part in (
                    "" if planned.company_known else "new company",
                    planned.contact_outcome,
                    "archived" if planned.archived else "",
                )
                if part
            )
            item = QTreeWidgetItem(
                [
                    str(planned.line),
                    planned.data.company,
                    planned.data.position,
                    planned.stage_name,
                    notes,
                ]
            )
            if planned.problem:
                for column in range(5):
                    item.setForeground(column, WARNING_ON_WINDOW.on(self.palette()))
            items.append(item)
        self.preview.addTopLevelItems(items)
        for column in range(4):
            self.preview.resizeColumnToContents(column)
        problems = plan.problems()
        if problems:
            more = f" ({counted(len(problems), 'row')} to fix)" if len(problems) > 1 else ""
            self._refuse(problems[0] + more)
            return
        if not plan.items:
            self._refuse("The file holds no rows of applications.")
            return
        self._set_status(f"Ready to import {plan.summary()}.", warning=False)
        self.import_button.setEnabled(True)
        self.import_button.setText(f"&Import {counted(len(plan.items), 'application')}")

    def _refuse(self, reason: str) -> None:
        self._set_status(reason[:1].upper() + reason[1:], warning=True)
        self.import_button.setEnabled(False)
        self.import_button.setText("&Import")

    def _set_status(self, text: str, *, warning: bool) -> None:
        palette = self.status.palette()
        colour = (
            WARNING_ON_WINDOW.on(palette)
            if warning
            else self.palette().color(self.foregroundRole())
        )
        palette.setColor(self.status.foregroundRole(), colour)
        self.status.setPalette(palette)
        self.status.setText(text)

    # --- writing -------------------------------------------------------------------------

    def _import(self) -> None:
        if self.plan is None:
            return
        try:
            self.imported = apply_application_import(self.plan)
        except ImportFormatError as error:
            self._refuse(f"{error}; nothing was imported.")
            return
        if self.events is not None:
            self.events.emit_all_changed()
        self.accept()
