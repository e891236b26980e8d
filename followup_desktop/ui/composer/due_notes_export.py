"""The due-notes batch written in the background, with a progress dialog and a real Cancel."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from followup_desktop.notes.pdf import PdfWriteError, write_pdf
from followup_desktop.notes.print_set import build_print_set
from followup_desktop.services.letter_jobs import NoteJob
from followup_desktop.services.wording import counted
from followup_desktop.ui.background import BackgroundJob

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchRequest:
    """Everything the batch needs, read from the store beforehand on the interface thread."""

    jobs: tuple[NoteJob, ...]
    target: Path
    title: str
    envelope_size: str = ""
    plain_envelopes: bool = False


@dataclass(frozen=True)
class BatchResult:
    cards: int
    envelopes: int
    pages: int
    problems: tuple[str, ...]


def write_due_notes(request: BatchRequest, job: BackgroundJob) -> BatchResult:
    """Lay the notes out and write the PDF, cards first, then envelopes; touches no database.

    The PDF goes through QSaveFile (``write_pdf``): a cancelled or failed batch leaves no
    partial file, and an older file at the target stays as it was.
    """

    def step(done: int, total: int) -> bool:
        job.report(done, total)
        return not job.cancel_requested()

    count = len(request.jobs)
    # Until the notes are laid out, assume each has a card and an envelope.
    estimate = count * 3
    print_set = build_print_set(
        request.jobs,
        envelope_size=request.envelope_size,
        plain_envelopes=request.plain_envelopes,
        progress=lambda done: step(done, estimate),
    )
    sheets = print_set.sheets
    problems = tuple(print_set.problems)
    if job.cancel_requested() or not sheets:
        return BatchResult(0, 0, 0, problems)
    total = count + len(sheets)
    pages = write_pdf(
        sheets,
        request.target,
        title=request.title,
        progress=lambda written: step(count + written, total),
    )
    job.report(total, total)
    return BatchResult(len(print_set.cards), len(print_set.envelopes), pages, problems)


def failure_text(request: BatchRequest, error: Exception) -> str:
    """The one line the user reads about a batch that failed (without its final stop)."""
    if isinstance(error, PdfWriteError):
        return str(error)
    if isinstance(error, OSError):
        return f"cannot write {request.target}: {error.strerror or error}"
    log.error("due-notes batch failed", exc_info=error)
    return f"an unexpected problem stopped the batch: {error}"


class DueNotesExport(QObject):
    """Runs one batch: the background job, the progress dialog and the outcome.

    ``done`` carries "saved", "empty", "cancelled" or "failed"; ``message`` says the rest.
    """

    done = Signal(str)

    def __init__(self, parent: QWidget, request: BatchRequest) -> None:
        super().__init__(parent)
        self.request = request
        self.outcome: str | None = None
        self.message = ""
        self.result: BatchResult | None = None
        #: What the job's thread wrote, kept for a Cancel that came after the file was complete.
        self._written: BatchResult | None = None
        self._ending: tuple[str, str] | None = None
        count = len(request.jobs)
        self.dialog = QProgressDialog(
            f"Writing {counted(count, 'note')} and their envelopes…", "Cancel", 0, count * 3, parent
        )
        self.dialog.setWindowTitle("Due notes to PDF")
        self.dialog.setMinimumWidth(380)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(300)
        self.dialog.setValue(0)
        self.job = BackgroundJob(
            "due-notes-pdf",
            self._write,
            self,
            failure_text=lambda error: failure_text(request, error),
        )
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.job.ended.connect(self._ended)
        self.dialog.canceled.connect(self.cancel)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_for_quit)

    def start(self) -> None:
        self.job.start()

    def _write(self, job: BackgroundJob) -> BatchResult:
        self._written = write_due_notes(self.request, job)
        return self._written

    @Slot()
    def cancel(self) -> None:
        if self.outcome is None:
            self.dialog.setLabelText("Cancelling…")
            self.job.cancel()

    @property
    def running(self) -> bool:
        return self.outcome is None

    def dispose(self) -> None:
        """Free the dialog and this object once the batch is over."""
        if self.outcome is not None:
            self.dialog.deleteLater()
            self.deleteLater()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, result: BatchResult) -> None:
        self.result = result
        if result.pages == 0:
            self._conclude("empty", "None of the due notes can be printed as they are.")
            return
        self._conclude(
            "saved",
            f"Saved {self.request.target.name}: {counted(result.cards, 'note')}, "
            f"{counted(result.envelopes, 'envelope')}, {counted(result.pages, 'page')}.",
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._conclude("failed", message[:1].upper() + message[1:] + ".")

    @Slot()
    def _cancelled(self) -> None:
        if self._written is not None and self._written.pages:
            self._succeeded(self._written)  # Cancel came too late: the PDF is complete
            return
        self._conclude("cancelled", "Cancelled: nothing was written.")

    def _conclude(self, outcome: str, message: str) -> None:
        # Told on ``ended``, once the job's thread is over: nothing of it runs after ``done``.
        self._ending = (outcome, message)

    @Slot()
    def _ended(self) -> None:
        self.job.wait()
        assert self._ending is not None  # the job tells one outcome before it ends
        outcome, message = self._ending
        self.outcome, self.message = outcome, message
        # hide(), not close(): closing a progress dialog counts as pressing Cancel.
        self.dialog.hide()
        self.done.emit(outcome)

    @Slot()
    def _stop_for_quit(self) -> None:
        # The PDF must not be left half written when the application quits.
        if self.job.running:
            self.job.cancel()
            self.job.wait()
