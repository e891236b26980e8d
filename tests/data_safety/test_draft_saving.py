"""The composer's draft on a real full disk, and while typing without a pause.

A save that fails leaves the draft unsaved, is tried again until it really writes, and is never
reported as saved; closing the window or restoring a backup with such a draft asks first. Steady
typing is saved every few seconds, as a ``kill -9`` of the real window shows.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from peewee import fn
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import FollowUp, Interaction, Letter
from followup_desktop.paths import DataLocation
from followup_desktop.services import storage_failures as failures
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.letter_drafts import DraftContent, save_letter_draft
from followup_desktop.ui import errors as ui_errors
from followup_desktop.ui.app import create_application
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.dialogs.backups_dialog import BackupsDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.reminders import ReminderService
from tests.data_safety.fault_tools import REPO, child_env
from tests.data_safety.window_driver import WindowProcess

COMPOSER_CHILD = Path(__file__).with_name("composer_child.py")
#: Room for the demo store, its -wal and a backup; filled up by the test.
DISK_SIZE = "4m"


def _mount_small_disk(mount_point: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("a small disk is a tmpfs, which needs Linux")
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")


def fill_disk(disk: Path) -> Path:
    """Take every free byte of ``disk`` with one file; return it (delete it to free the space)."""
    filler = disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            chunk = b"\0" * size
            while True:
                try:
                    os.write(handle, chunk)
                except OSError as error:
                    assert error.errno == errno.ENOSPC
                    break
    finally:
        os.close(handle)
    assert os.statvfs(disk).f_bavail == 0
    return filler


@dataclass
class FullDiskWindow:
    """The window on a store on a small disk, with what it showed and asked."""

    window: MainWindow
    composer: ComposerArea
    disk: Path
    database: Path
    messages: list[str] = field(default_factory=list)
    #: Every text the composer's status line was given, in order.
    statuses: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    #: How the unsaved-draft question is answered, one entry per question (then "discard").
    answers: list[Callable[[], str]] = field(default_factory=list)

    def stored_body(self, letter_id: int | None) -> str | None:
        """The letter's text as another program reads it from the disk."""
        with closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)) as other:
            row = other.execute("SELECT body FROM letter WHERE id = ?", (letter_id,)).fetchone()
        return None if row is None else str(row[0])

    def answer(self, _parent: object, failure: str) -> str:
        self.questions.append(failure)
        return self.answers.pop(0)() if self.answers else "discard"


def _note_follow_up() -> FollowUp:
    interview = (
        Interaction.select()
        .where((Interaction.kind == "interview") & Interaction.contact.is_null(False))
        .order_by(Interaction.id)
        .first()
    )
    return FollowUp.create(
        application=interview.application_id,
        contact=interview.contact_id,
        due_on=dt.date.today(),
        channel="note",
        reason="thank_you",
    )


@pytest.fixture
def full_disk_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FullDiskWindow]:
    disk = tmp_path / "disk"
    _mount_small_disk(disk)
    hook = None
    try:
        location = DataLocation(disk / "data").ensure()
        open_store(location.database)
        fill_demo_data(seed=7, today=dt.date.today())
        create_application()
        window = MainWindow(location)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        composer = window.show_area("composer")
        assert isinstance(composer, ComposerArea)
        seen = FullDiskWindow(window, composer, disk, location.database)
        monkeypatch.setattr(
            ui_errors, "show_storage_message", lambda _p, text: seen.messages.append(text)
        )
        monkeypatch.setattr(prompts, "ask_unsaved_draft", seen.answer, raising=False)
        show_status = composer.status.setText

        def record_status(text: str) -> None:
            seen.statuses.append(text)
            show_status(text)

        monkeypatch.setattr(composer.status, "setText", record_status)
        hook = ui_errors.install_failure_hook()  # as the app runs: failures become messages
        yield seen
        for reminders in window.findChildren(ReminderService):
            reminders.stop()
        (disk / "filler").unlink(missing_ok=True)
        window.close()
    finally:
        if hook is not None:
            sys.excepthook = hook
        try:
            close_store()
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _type(qtbot: QtBot, composer: ComposerArea, text: str) -> None:
    composer.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(composer.body, text)


def _not_saved(text: str) -> bool:
    return "not saved" in text.lower() and not text.startswith("Draft saved")


def test_a_full_disk_never_shows_saved_retries_until_written_and_asks_before_quitting(
    full_disk_window: FullDiskWindow, qtbot: QtBot
) -> None:
    seen, composer = full_disk_window, full_disk_window.composer
    composer.open_follow_up(_note_follow_up().id)
    composer.body.setFocus()
    _type(qtbot, composer, " Written while there was room.")
    qtbot.waitUntil(lambda: composer.status.text().startswith("Draft saved at"), timeout=5000)
    letter_id = composer.letter_id
    assert seen.stored_body(letter_id) == composer.body.toPlainText()

    # The disk fills up while the letter is being written.
    filler = fill_disk(seen.disk)
    seen.statuses.clear()
    _type(qtbot, composer, " Typed on a full disk.")
    qtbot.waitUntil(lambda: bool(seen.messages), timeout=5000)
    assert seen.messages == [failures.DISK_FULL]
    _type(qtbot, composer, " And more of it.")
    qtbot.wait(2500)  # a save after the pause, and one retry on the timer: both fail
    assert len(seen.statuses) >= 2
    assert all(_not_saved(text) for text in seen.statuses), seen.statuses
    assert _not_saved(composer.status.text()) and failures.DISK_FULL in composer.status.text()
    assert seen.messages == [failures.DISK_FULL]  # one box for the whole run of failures
    assert seen.stored_body(letter_id) == composer.body.toPlainText().split(" Typed on")[0]

    # Space comes back: a retry writes without another keystroke, and says so.
    filler.unlink()
    qtbot.waitUntil(lambda: composer.status.text().startswith("Draft saved at"), timeout=20_000)
    assert seen.stored_body(letter_id) == composer.body.toPlainText()
    assert composer.letter_id == letter_id

    # Full again, then a normal quit: it asks; cancel keeps the window, "save" writes.
    filler = fill_disk(seen.disk)
    _type(qtbot, composer, " The last words.")
    qtbot.waitUntil(lambda: _not_saved(composer.status.text()), timeout=5000)

    def free_space_and_save() -> str:
        filler.unlink()
        return "save"

    seen.answers[:] = [lambda: "cancel", free_space_and_save]
    assert not seen.window.close()
    assert seen.window.isVisible() and composer.body.toPlainText().endswith("The last words.")
    assert seen.questions == [failures.DISK_FULL]
    assert seen.window.close()
    assert len(seen.questions) == 2
    assert seen.stored_body(letter_id) == composer.body.toPlainText()
    assert seen.stored_body(letter_id).endswith(" The last words.")  # type: ignore[union-attr]


def test_a_restore_or_another_letter_waits_for_a_draft_that_could_not_be_saved(
    full_disk_window: FullDiskWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, composer = full_disk_window, full_disk_window.composer
    first, second = _note_follow_up(), _note_follow_up()
    composer.open_follow_up(first.id)
    composer.save_draft()
    letter_id = composer.letter_id
    assert letter_id is not None
    opened: list[BackupsDialog] = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    filler = fill_disk(seen.disk)
    composer.body.setFocus()
    _type(qtbot, composer, " Not on the disk yet.")
    qtbot.waitUntil(lambda: _not_saved(composer.status.text()), timeout=5000)

    seen.answers[:] = [lambda: "cancel"]
    seen.window.open_backups()
    assert opened == [] and len(seen.questions) == 1  # no restore over the unsaved letter

    seen.answers[:] = [lambda: "cancel"]
    seen.window.events.compose_follow_up_requested.emit(second.id)
    assert composer.follow_up_id == first.id and len(seen.questions) == 2
    assert composer.body.toPlainText().endswith(" Not on the disk yet.")
    assert composer.follow_up_picker.currentData() == first.id

    filler.unlink()
    seen.window.open_backups()  # the save now works: no question, the backup holds the text
    assert len(opened) == 1 and len(seen.questions) == 2
    assert seen.stored_body(letter_id).endswith(" Not on the disk yet.")  # type: ignore[union-attr]


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
@pytest.mark.slow
def test_steady_typing_is_kept_every_few_seconds_through_a_kill(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir), "demo"],
        env=child_env(),
        cwd=REPO,
        capture_output=True,
        check=True,
        timeout=120,
    )
    child = WindowProcess(COMPOSER_CHILD, data_dir)
    try:
        follow_up_id = int(child.ask("open", "OPENED").split()[1])
        typed_at: list[float] = []
        started = time.monotonic()
        while time.monotonic() - started < 9.0:  # a word every 0.2 s: never a 0.6 s pause
            child.ask(f"type  w{len(typed_at) + 1:03d}", "TYPED")
            typed_at.append(time.monotonic())
            time.sleep(0.2)
        killed_at = time.monotonic()
        child.process.send_signal(signal.SIGKILL)
        child.process.wait(timeout=20)
    finally:
        if child.process.poll() is None:
            child.process.kill()
            child.process.wait(timeout=20)

    database = data_dir / "followup.sqlite"
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as store:
        rows = store.execute("SELECT body FROM letter WHERE follow_up_id = ?", (follow_up_id,))
        bodies = [str(body) for (body,) in rows]
    assert len(bodies) == 1, "the letter typed for 9 s was never saved"
    words = [f"w{number:03d}" for number in range(1, len(typed_at) + 1)]
    kept = [word for word in words if f" {word}" in bodies[0]]
    assert bodies[0].endswith(" " + " ".join(kept))  # the words in order, none missing
    # Saved at least every 3 s while typing; 1.5 s more for a slow machine.
    due = [word for word, at in zip(words, typed_at, strict=True) if at < killed_at - 4.5]
    assert len(kept) >= len(due), f"{len(kept)} of {len(words)} words kept, {len(due)} due"


def test_a_letter_no_longer_there_is_stored_again_never_reported_saved_as_is(
    demo_store: object,
) -> None:
    follow_up = _note_follow_up()
    content = DraftContent(
        subject="",
        body="Dear Sam, thank you.",
        channel="note",
        template="thank_you",
        card_size="A6",
        folded=False,
        landscape=False,
        font="",
        ink="ballpoint-blue",
        neatness=0.5,
        seed=1,
    )
    missing = (Letter.select(fn.MAX(Letter.id)).scalar() or 0) + 100
    now = dt.datetime(2026, 3, 2, 9, 30)
    saved = save_letter_draft(
        content,
        letter_id=missing,
        follow_up_id=follow_up.id,
        application_id=follow_up.application_id,
        contact_id=999_999,  # gone as well: the text is kept without it
        now=now,
    )
    assert saved is not None and saved != missing
    letter = Letter.get_by_id(saved)
    assert letter.body == "Dear Sam, thank you."
    assert letter.follow_up_id == follow_up.id and letter.contact_id is None
