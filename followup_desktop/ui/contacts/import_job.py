"""Read, preview and apply an import on a worker thread, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from followup_desktop.db.models import database
from followup_desktop.services.importers.contact_import import ImportSource, preview_import
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.import_apply import ImportCancelledError, apply_import
from followup_desktop.services.importers.import_plan import ImportPlan

PREVIEW, APPLY = "preview", "apply"


class ImportJob(QThread):
    """One step of an import off the UI thread; exactly one of the result signals fires.

    The thread opens its own SQLite connection (WAL lets the window keep reading) and closes it
    when done.
    """

    progress = Signal(int, int)
    previewed = Signal(object)
    applied = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, step: str, *, source: ImportSource | None = None, plan: ImportPlan | None = None
    ) -> None:
        super().__init__()
        self.step = step
        self.source = source
        self.plan = plan
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            if self.step == PREVIEW:
                assert self.source is not None
                self.previewed.emit(preview_import(self.source, progress=self.progress.emit))
            else:
                assert self.plan is not None
                result = apply_import(
                    self.plan, progress=self.progress.emit, should_cancel=self._cancel.is_set
                )
                self.applied.emit(result)
        except ImportCancelledError:
            self.cancelled.emit()
        except ImportFormatError as error:
            self.failed.emit(f"{error}. Nothing was imported.")
        except Exception as error:
            self.failed.emit(f"The import failed and nothing was written: {error}")
        finally:
            database.close()
