"""The due-notes batch written on a worker thread, with a progress dialog and a real Cancel."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from followup_desktop.notes.pdf import PdfWriteError, write_pdf
from followup_desktop.notes.print_set import build_print_set
from followup_desktop.services.letter_jobs import NoteJob

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchRequest:
    """Everything the worker needs, read from the store beforehand on the GUI thread."""

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


class DueNotesWorker(QObject):
    """Lays the notes out and writes the PDF; lives on its own thread and touches no database.

    The PDF goes through QSaveFile (``write_pdf``): a cancelled or failed batch leaves no
    partial file, and an older file at the target stays as it was.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: BatchRequest) -> None:
        super().__init__()
        self.request = request
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the worker to stop at the next note or page (safe from any thread)."""
        self._stop.set()

    def _step(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    @Slot()
    def run(self) -> None:
        request = self.request
        count = len(request.jobs)
        # Until the notes are laid out, assume each has a card and an envelope.
        estimate = count * 3
        try:
            print_set = build_print_set(
                request.jobs,
                envelope_size=request.envelope_size,
                plain_envelopes=request.plain_envelopes,
                progress=lambda done: self._step(done, estimate),
            )
            if self._stop.is_set():
                self.cancelled.emit()
                return
            sheets = print_set.sheets
            problems = tuple(print_set.problems)
            if not sheets:
                self.finished.emit(BatchResult(0, 0, 0, problems))
                return
            total = count + len(sheets)
            pages = write_pdf(
                sheets,
                request.target,
                title=request.title,
                progress=lambda written: self._step(count + written, total),
            )
        except PdfWriteError as error:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(str(error))
            return
        except OSError as error:
            self.failed.emit(f"cannot write {request.target}: {error.strerror or error}")
            return
        except Exception as error:
            log.exception("due-notes batch failed")
            self.failed.emit(f"an unexpected problem stopped the batch: {error}")
            return
        self.progressed.emit(total, total)
        self.finished.emit(
            BatchResult(len(print_set.cards), len(print_set.envelopes), pages, problems)
        )


class DueNotesExport(QObject):
    """Runs one batch: the worker thread, the progress dialog and the outcome.

    ``done`` carries "saved", "empty", "cancelled" or "failed"; ``message`` says the rest.
    """

    done = Signal(str)

    def __init__(self, parent: QWidget, request: BatchRequest) -> None:
        super().__init__(parent)
        self.request = request
        self.outcome: str | None = None
        self.message = ""
        self.result: BatchResult | None = None
        count = len(request.jobs)
        self.dialog = QProgressDialog(
            f"Writing {count} note(s) and their envelopes…", "Cancel", 0, count * 3, parent
        )
        self.dialog.setWindowTitle("Due notes to PDF")
        self.dialog.setMinimumWidth(380)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(300)
        self.dialog.setValue(0)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("due-notes-pdf")
        self.worker = DueNotesWorker(request)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.cancel)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_for_quit)

    def start(self) -> None:
        self.worker_thread.start()

    @Slot()
    def cancel(self) -> None:
        if self.outcome is None:
            self.dialog.setLabelText("Cancelling…")
            self.worker.cancel()

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

    def _end(self, outcome: str, message: str) -> None:
        self.outcome, self.message = outcome, message
        # hide(), not close(): closing a progress dialog counts as pressing Cancel.
        self.dialog.hide()
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.worker.deleteLater()
        self.done.emit(outcome)

    @Slot(object)
    def _finished(self, result: BatchResult) -> None:
        self.result = result
        if result.pages == 0:
            self._end("empty", "None of the due notes can be printed as they are.")
            return
        self._end(
            "saved",
            f"Saved {self.request.target.name}: {result.cards} note(s), "
            f"{result.envelopes} envelope(s), {result.pages} page(s).",
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end("failed", message[:1].upper() + message[1:] + ".")

    @Slot()
    def _cancelled(self) -> None:
        self._end("cancelled", "Cancelled: nothing was written.")

    @Slot()
    def _stop_for_quit(self) -> None:
        # The thread must not outlive the application object.
        if self.worker_thread.isRunning():
            self.worker.cancel()
            self.worker_thread.quit()
            self.worker_thread.wait()
