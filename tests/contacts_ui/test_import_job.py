"""An import step in the background: its endings, and a cancel that comes too late."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.import_apply import ImportCancelledError, ImportResult
from followup_desktop.services.importers.import_plan import ImportPlan
from followup_desktop.ui.contacts import import_job
from followup_desktop.ui.contacts.import_job import APPLY, ImportJob, import_failure_text


def _endings(job: ImportJob) -> list[str]:
    heard: list[str] = []
    job.background.succeeded.connect(lambda _result: heard.append("succeeded"))
    job.background.failed.connect(lambda message: heard.append(f"failed: {message}"))
    job.background.cancelled.connect(lambda: heard.append("cancelled"))
    return heard


def test_a_cancel_after_the_import_committed_still_succeeds(
    qtbot: QtBot, store: StoreInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = ImportResult(created=1, merged=0, skipped=0, companies_created=0)
    jobs: list[ImportJob] = []

    def committed_then_cancelled(_plan: ImportPlan, **_options: object) -> ImportResult:
        jobs[0].cancel()  # the user pressed Cancel while the import was committing
        return result

    monkeypatch.setattr(import_job, "apply_import", committed_then_cancelled)
    job = ImportJob(APPLY, plan=ImportPlan(source_name="people.csv", items=[]))
    jobs.append(job)
    heard = _endings(job)
    with qtbot.waitSignal(job.background.ended, timeout=10000):
        job.start()
    assert heard == ["succeeded"]


def test_a_cancel_before_the_commit_ends_as_cancelled(
    qtbot: QtBot, store: StoreInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stopped(_plan: ImportPlan, **options: object) -> ImportResult:
        jobs[0].cancel()
        should_cancel = options["should_cancel"]
        assert callable(should_cancel) and should_cancel()
        raise ImportCancelledError("import cancelled; nothing was written")

    jobs: list[ImportJob] = []
    monkeypatch.setattr(import_job, "apply_import", stopped)
    job = ImportJob(APPLY, plan=ImportPlan(source_name="people.csv", items=[]))
    jobs.append(job)
    heard = _endings(job)
    with qtbot.waitSignal(job.background.ended, timeout=10000):
        job.start()
    assert heard == ["cancelled"]


def test_failure_texts() -> None:
    format_error = ImportFormatError("card 2 (line 5): no END:VCARD")
    assert import_failure_text(format_error) == (
        "card 2 (line 5): no END:VCARD. Nothing was imported."
    )
    assert import_failure_text(OSError("disk gone")) == (
        "The import failed and nothing was written: disk gone"
    )
