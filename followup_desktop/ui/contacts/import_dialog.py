"""The import dialog: choose columns (CSV), preview new / merged / skipped, then import at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.importers.contact_import import ImportSource, open_import_source
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.import_apply import ImportResult
from followup_desktop.services.importers.import_plan import MERGED, NEW, ImportPlan
from followup_desktop.services.wording import counted
from followup_desktop.ui.contacts.import_columns_page import ImportColumnsPage
from followup_desktop.ui.contacts.import_job import APPLY, PREVIEW, ImportJob
from followup_desktop.ui.contacts.import_preview_page import ImportPreviewPage
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import WARNING_ON_WINDOW, tone_text

COLUMNS_PAGE, PREVIEW_PAGE, WORKING_PAGE, DONE_PAGE = range(4)


#: The dialog's size once the import is done: a few lines, not the preview's table.
DONE_SIZE = QSize(460, 240)


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

        self.columns = ImportColumnsPage()
        self.columns.encoding_chosen.connect(self._open_source)
        self.preview = ImportPreviewPage()
        self.preview.encoding_chosen.connect(self._reread_in)
        # A CSV file's encoding is chosen with its columns, on the first page.
        self.preview.encoding.setVisible(kind == "vcf")
        self.preview.encoding_label.setVisible(kind == "vcf")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.columns)
        self.pages.addWidget(self.preview)
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._done_page())
        self.error = QLabel()
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        tone_text(self.error, WARNING_ON_WINDOW)
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
        heading = QLabel("Import finished")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.done_label = QLabel()
        self.done_label.setObjectName("import_done")
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        next_step = QLabel(
            "The people are in the Contacts list. Link them to your applications, and log "
            "each conversation with them: the app then plans when to follow up."
        )
        next_step.setWordWrap(True)
        column = QVBoxLayout(page)
        column.addWidget(heading)
        column.addWidget(self.done_label)
        column.addSpacing(8)
        column.addWidget(next_step)
        column.addStretch(1)
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
            self.columns.show_columns(self.source)

    def _reread_in(self, encoding: str) -> None:
        """Read the file again in the encoding the user chose on the preview, and preview."""
        self._open_source(encoding)
        self.start_preview()

    # --- running -------------------------------------------------------------------------

    def start_preview(self) -> None:
        if self.source is None:
            self._show_page(COLUMNS_PAGE if self.kind == "csv" else PREVIEW_PAGE)
            return
        if self.source.layout is not None:
            self.source.layout.mapping = self.columns.chosen_mapping()
        self.plan = None
        self.working_label.setText(f"Reading {self.path.name}…")
        self._run(ImportJob(PREVIEW, source=self.source, parent=self))

    def start_import(self) -> None:
        if self.plan is None or not self.plan.writes_anything:
            return
        self.working_label.setText("Importing… (Cancel leaves your contacts as they were)")
        self._run(ImportJob(APPLY, plan=self.plan, parent=self))

    def _run(self, job: ImportJob) -> None:
        self.job = job
        self.progress.setRange(0, 0)
        self._show_page(WORKING_PAGE)
        ended = job.background
        ended.progressed.connect(self._on_progress)
        ended.succeeded.connect(self._on_previewed if job.step == PREVIEW else self._on_applied)
        ended.failed.connect(self._on_failed)
        ended.cancelled.connect(self._on_cancelled)
        job.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_previewed(self, plan: ImportPlan) -> None:
        self._finish_job()
        self.plan = plan
        self.preview.show_plan(plan, self.source.chosen_encoding if self.source else "")
        self.import_button.setText(
            f"&Import {counted(plan.count(NEW) + plan.count(MERGED), 'contact')}"
        )
        self._show_page(PREVIEW_PAGE)

    def _on_applied(self, result: ImportResult) -> None:
        self._finish_job()
        self.import_result = result
        self.done_label.setText(result.summary().replace(", ", "\n").capitalize() + ".")
        self._show_page(DONE_PAGE)
        # The preview's room is not needed to say what happened: the dialog fits the words.
        self.setMinimumSize(0, 0)
        self.resize(DONE_SIZE)
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
            self.job.background.deleteLater()
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
