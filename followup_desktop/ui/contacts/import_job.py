"""Read and preview an import, or apply it, as background work with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from followup_desktop.services.importers.contact_import import ImportSource, preview_import
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.import_apply import (
    ImportCancelledError,
    ImportResult,
    apply_import,
)
from followup_desktop.services.importers.import_plan import ImportPlan
from followup_desktop.ui.background import BackgroundJob

PREVIEW, APPLY = "preview", "apply"


def import_failure_text(error: Exception) -> str:
    """The one line shown when reading or applying an import failed."""
    if isinstance(error, ImportFormatError):
        return f"{error}. Nothing was imported."
    return f"The import failed and nothing was written: {error}"


class ImportJob:
    """One step of an import (``PREVIEW`` a source or ``APPLY`` a plan) in the background.

    ``background`` tells how it ended, exactly once: ``succeeded`` with the ImportPlan (preview)
    or the ImportResult (apply), ``failed`` with one line, or ``cancelled``; ``progressed`` as
    it goes. ``cancel()`` stops an apply at its next batch, which rolls everything back.
    """

    def __init__(
        self,
        step: str,
        *,
        source: ImportSource | None = None,
        plan: ImportPlan | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.step = step
        self._source = source
        self._plan = plan
        # The apply's own stop request rather than the job's: a cancel that arrives once the
        # import has committed is too late, and the job must still end as succeeded.
        self._stop = threading.Event()
        work = self._preview if step == PREVIEW else self._apply
        self.background = BackgroundJob(
            f"import {step}",
            work,
            parent,
            failure_text=import_failure_text,
            expected=(ImportFormatError,),
        )

    def start(self) -> None:
        self.background.start()

    def cancel(self) -> None:
        """Ask an apply to stop (a preview runs to its end)."""
        self._stop.set()

    def wait(self) -> None:
        """Block until the step has ended."""
        self.background.wait()

    def _preview(self, job: BackgroundJob) -> ImportPlan:
        assert self._source is not None
        return preview_import(self._source, progress=job.report)

    def _apply(self, job: BackgroundJob) -> ImportResult:
        assert self._plan is not None
        try:
            return apply_import(self._plan, progress=job.report, should_cancel=self._stop.is_set)
        except ImportCancelledError:
            job.cancel()  # rolled back: the job ends as cancelled
            raise
