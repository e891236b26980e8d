"""The due-notes batch: written in the background, with progress, Cancel and clear failures."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import FollowUp, Interaction
from followup_desktop.notes import print_set
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.composer import due_notes_export, prompts
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.composer.due_notes_export import DueNotesExport
from followup_desktop.ui.main_window import MainWindow


def _write_due_notes(composer: ComposerArea, count: int) -> None:
    """``count`` handwritten thank-yous due today, each with its letter saved."""
    interviews = (
        Interaction.select()
        .where((Interaction.kind == "interview") & Interaction.contact.is_null(False))
        .order_by(Interaction.id)
        .limit(count)
    )
    for interview in interviews:
        follow_up = FollowUp.create(
            application=interview.application_id,
            contact=interview.contact_id,
            due_on=dt.date.today(),
            channel="note",
            reason="thank_you",
        )
        composer.open_follow_up(follow_up.id)
        composer.save_draft()


@pytest.fixture
def composer(window: MainWindow) -> ComposerArea:
    area = window.show_area("composer")
    assert isinstance(area, ComposerArea)
    return area


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every message the batch shows, by kind, instead of modal boxes."""
    shown: dict[str, list[str]] = {"inform": [], "warn": []}
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: dt.date.today().isoformat())
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: shown["inform"].append(text))
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: shown["warn"].append(text))
    return shown


def _start(composer: ComposerArea, monkeypatch: pytest.MonkeyPatch, target: Path) -> DueNotesExport:
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: target)
    composer.output.export_due_notes()
    batch = composer.output.batch
    assert batch is not None
    return batch


def _wait(qtbot: QtBot, batch: DueNotesExport) -> str:
    if batch.outcome is None:
        with qtbot.waitSignal(batch.done, timeout=60_000):
            pass
    assert batch.outcome is not None
    return batch.outcome


def test_batch_writes_cards_then_envelopes_off_the_gui_thread(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 3)
    gui_thread = threading.current_thread()
    writing_threads: list[threading.Thread] = []
    real_write = due_notes_export.write_pdf

    def watched_write(*args: object, **kwargs: object) -> int:
        writing_threads.append(threading.current_thread())
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(due_notes_export, "write_pdf", watched_write)
    target = tmp_path / "due.pdf"
    batch = _start(composer, monkeypatch, target)
    values: list[int] = []
    batch.job.progressed.connect(lambda done, _total: values.append(done))
    assert _wait(qtbot, batch) == "saved"
    assert writing_threads and writing_threads[0] is not gui_thread
    assert batch.dialog.value() == batch.dialog.maximum()
    assert values and values == sorted(values)
    pages = PdfReader(target).pages
    widths = [round(float(page.mediabox.width)) for page in pages]
    cards = [w for w in widths if w < 300]
    assert len(cards) >= 3
    assert widths[: len(cards)] == cards  # all cards first, then the envelopes
    assert composer.status.text().startswith("Saved due.pdf: ")
    assert answers["warn"] == []
    assert not batch.job.running


def _hold_first_layout(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Make the batch wait inside its first note until the returned function is called."""
    go = threading.Event()
    real_layout = print_set.layout_note

    def held(job: object) -> object:
        go.wait(30)
        return real_layout(job)  # type: ignore[arg-type]

    monkeypatch.setattr(print_set, "layout_note", held)
    return go.set


def test_cancel_leaves_no_file_and_keeps_an_older_one(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 3)
    release = _hold_first_layout(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    fresh = out / "fresh.pdf"
    batch = _start(composer, monkeypatch, fresh)
    cancel_button = batch.dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    cancel_button.click()
    release()
    assert _wait(qtbot, batch) == "cancelled"
    assert not fresh.exists()
    assert list(out.iterdir()) == []  # no temporary file left behind either
    assert composer.status.text() == "Cancelled: nothing was written."
    assert answers == {"inform": [], "warn": []}

    older = out / "older.pdf"
    older.write_bytes(b"%PDF-1.4 the user's older file")
    release = _hold_first_layout(monkeypatch)
    batch = _start(composer, monkeypatch, older)
    batch.cancel()
    release()
    assert _wait(qtbot, batch) == "cancelled"
    assert older.read_bytes() == b"%PDF-1.4 the user's older file"


def test_a_missing_folder_is_reported_in_one_line(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 1)
    target = tmp_path / "gone" / "due.pdf"
    batch = _start(composer, monkeypatch, target)
    assert _wait(qtbot, batch) == "failed"
    assert len(answers["warn"]) == 1
    message = answers["warn"][0]
    assert message.startswith(f"Cannot write {target}")
    assert "\n" not in message and "Traceback" not in message
    assert not target.parent.exists()


def test_a_full_disk_is_reported_as_a_message(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 1)

    def full_disk(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(due_notes_export, "write_pdf", full_disk)
    target = tmp_path / "due.pdf"
    batch = _start(composer, monkeypatch, target)
    assert _wait(qtbot, batch) == "failed"
    assert answers["warn"] == [f"Cannot write {target}: No space left on device."]
    assert not target.exists()
    assert composer.status.text() == answers["warn"][0]


def test_due_notes_batch_rejects_a_bad_date(
    window: MainWindow, composer: ComposerArea, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "next week")
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: warned.append(text))
    composer.output.export_due_notes()
    assert warned == ["“next week” is not a date like 2026-03-31."]


def test_a_cancel_after_the_pdf_is_complete_reports_it_saved(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 1)

    def written_then_cancelled(
        request: due_notes_export.BatchRequest, job: BackgroundJob
    ) -> due_notes_export.BatchResult:
        job.cancel()  # the user pressed Cancel just as the file was committed
        return due_notes_export.BatchResult(1, 1, 2, ())

    monkeypatch.setattr(due_notes_export, "write_due_notes", written_then_cancelled)
    batch = _start(composer, monkeypatch, tmp_path / "due.pdf")
    assert _wait(qtbot, batch) == "saved"
    assert composer.status.text() == "Saved due.pdf: 1 note, 1 envelope, 2 pages."


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_the_batch_pdf_is_readable_by_the_user_alone(
    composer: ComposerArea,
    answers: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write_due_notes(composer, 2)
    target = tmp_path / "due.pdf"
    target.write_bytes(b"%PDF-1.4 an older file readable by everyone")
    target.chmod(0o644)
    common = os.umask(0o022)
    try:
        batch = _start(composer, monkeypatch, target)
        assert _wait(qtbot, batch) == "saved"
    finally:
        os.umask(common)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(PdfReader(target).pages) >= 2
