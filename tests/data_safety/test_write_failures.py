"""Write failures: disk full, locked, read-only. Clear message, data intact, retry succeeds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from followup_desktop.db.backup import store_digest
from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Stage, database
from followup_desktop.paths import DataLocation
from followup_desktop.services import storage_failures as failures
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.storage_failures import storage_failure_message
from followup_desktop.ui import errors as ui_errors

BIG_NOTES = "A long note that needs many new pages. " * 4000


def _digest(location: DataLocation) -> str:
    connection = sqlite3.connect(f"file:{location.database}?mode=ro", uri=True)
    try:
        return store_digest(connection)
    finally:
        connection.close()


def _input(position: str, notes: str = BIG_NOTES) -> ApplicationInput:
    stage_id = Stage.select().order_by(Stage.position).first().id
    return ApplicationInput(
        company="Full Disk Inc", position=position, stage_id=stage_id, notes=notes
    )


def _limit_pages(extra: int) -> None:
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + extra}")


def _lift_page_limit() -> None:
    database.execute_sql("PRAGMA max_page_count = 1073741823")


@pytest.mark.parametrize("attempts_before_space", [1, 3])
def test_disk_full_keeps_data_and_retry_succeeds(
    demo_store: StoreInfo, data_location: DataLocation, attempts_before_space: int
) -> None:
    before = _digest(data_location)
    _limit_pages(2)
    for _ in range(attempts_before_space):
        with pytest.raises(pw.OperationalError) as caught:
            save_application(_input("Needs room"))
        assert storage_failure_message(caught.value) == failures.DISK_FULL
        assert _digest(data_location) == before  # rolled back completely
        assert not database.in_transaction()
    _lift_page_limit()
    saved = save_application(_input("Needs room"))
    assert Application.get_by_id(saved.id).notes == BIG_NOTES


def test_locked_database_message_and_retry(store: StoreInfo, data_location: DataLocation) -> None:
    database.execute_sql("PRAGMA busy_timeout = 100")  # the app waits 5 s; the test need not
    other = sqlite3.connect(data_location.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(pw.OperationalError) as caught:
            save_application(_input("While locked", notes=""))
        assert storage_failure_message(caught.value) == failures.LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    save_application(_input("After the lock", notes=""))
    assert Application.select().where(Application.position == "After the lock").exists()


def test_read_only_store_message_and_retry(store: StoreInfo) -> None:
    # query_only makes SQLite refuse writes exactly as on a read-only folder or drive.
    database.execute_sql("PRAGMA query_only = 1")
    with pytest.raises(pw.OperationalError) as caught:
        save_application(_input("Read-only", notes=""))
    assert storage_failure_message(caught.value) == failures.READ_ONLY
    database.execute_sql("PRAGMA query_only = 0")
    save_application(_input("Writable again", notes=""))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(28, "No space left on device"), failures.DISK_FULL),
        (OSError(27, "File too large"), failures.DISK_FULL),
        (OSError(30, "Read-only file system"), failures.READ_ONLY),
        (OSError(13, "Permission denied"), failures.READ_ONLY),
        (OSError(5, "Input/output error"), failures.IO_ERROR),
        (sqlite3.OperationalError("disk I/O error"), failures.IO_ERROR),
        (pw.DatabaseError("database disk image is malformed"), failures.DAMAGED),
        (sqlite3.OperationalError("unable to open database file"), failures.CANNOT_OPEN),
        (pw.IntegrityError("UNIQUE constraint failed"), None),
        (ValueError("a bug"), None),
        (OSError(2, "No such file"), None),
    ],
)
def test_failure_messages(error: BaseException, expected: str | None) -> None:
    assert storage_failure_message(error) == expected


def test_dialog_shows_the_message_stays_open_and_retries(
    demo_store: StoreInfo, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog

    shown: list[str] = []
    monkeypatch.setattr(ui_errors, "show_storage_message", lambda _parent, text: shown.append(text))
    previous = ui_errors.install_failure_hook()
    try:
        dialog = ApplicationDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.company.setCurrentText("Full Disk Inc")
        dialog.position.setText("Typed before the disk filled up")
        dialog.notes.setPlainText(BIG_NOTES)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        count = Application.select().count()
        _limit_pages(2)

        qtbot.mouseClick(ok, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)

        assert shown == [failures.DISK_FULL]
        assert dialog.isVisible() and dialog.result() == 0  # still open, nothing lost
        assert dialog.position.text() == "Typed before the disk filled up"
        assert Application.select().count() == count

        _lift_page_limit()
        qtbot.mouseClick(ok, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        assert Application.select().count() == count + 1
    finally:
        import sys

        sys.excepthook = previous


def test_file_size_limit_in_a_subprocess(data_location: DataLocation) -> None:
    """RLIMIT_FSIZE makes every write past a size fail, as a full disk does."""
    import json
    import subprocess

    from data_safety.fault_tools import REPO, child_env, integrity, python_command

    script = REPO / "tests" / "data_safety" / "fsize_child.py"
    done = subprocess.run(
        python_command(script, str(data_location.root)),
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(m in (failures.IO_ERROR, failures.DISK_FULL) for m in report["save_failures"])
    assert report["unchanged_after_failure"]
    assert report["save_retry"] is None and report["saved_count"] == 1
    assert report["backup_failure"] and "Nothing was changed" in report["backup_failure"]
    assert report["backups_after_failure"] == 0
    assert report["backup_files_after_failure"] == []  # no half backup, no temporary file
    assert report["backup_retry"] is None
    assert report["export_failure"] == failures.DISK_FULL
    assert report["export_kept"] and report["export_folder"] == ["applications.csv"]
    assert report["export_retry"] is None and report["export_size"] == 200_000
    assert integrity(data_location.database) == "ok"


def test_pdf_export_under_a_file_size_limit_keeps_the_old_file(tmp_path: Path) -> None:
    """QSaveFile + QPdfWriter: a write cut short by the limit never replaces the old PDF."""
    import datetime as dt
    import resource
    import subprocess
    import sys

    from data_safety.fault_tools import REPO, child_env
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.db.models import Company, Contact, FollowUp, Letter

    location = DataLocation(tmp_path / "data").ensure()
    open_store(location.database)
    try:
        company = Company.create(name="Northwind", address="107 Market St\nSpringfield")
        contact = Contact.create(first_name="Amelia", last_name="Berg", company=company)
        application = Application.create(company=company, position="Analyst", stage=2)
        for number in range(30):  # enough pages for a PDF well past the limit
            follow_up = FollowUp.create(
                application=application, contact=contact, due_on=dt.date.today(), channel="note"
            )
            Letter.create(
                follow_up=follow_up,
                application=application,
                contact=contact,
                channel="note",
                body=f"Dear Amelia,\n\nThank you for your time on Tuesday ({number}).\n\nJordan",
            )
    finally:
        close_store()
    target = tmp_path / "note.pdf"
    target.write_bytes(b"%PDF-1.4 the previous export\n")
    command = [sys.executable, "-m", "followup_desktop", "--data-dir", str(location.root)]
    command += ["export", "pdf", "--due-until", dt.date.today().isoformat(), str(target)]

    def small_files() -> None:
        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, hard))

    limited = subprocess.run(
        command,
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=small_files,
    )
    assert limited.returncode == 1, limited.stdout
    errors = [line for line in limited.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "cannot write" in errors[0] and "File too large" in errors[0]
    assert target.read_bytes() == b"%PDF-1.4 the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "note.pdf"]
    retried = subprocess.run(
        command, cwd=REPO, env=child_env(), capture_output=True, text=True, timeout=120, check=False
    )
    assert retried.returncode == 0, retried.stderr
    assert target.stat().st_size > 40_000


def test_a_value_too_big_for_the_store_is_a_message_not_a_crash() -> None:
    import sqlite3 as sqlite

    error = sqlite.DataError("string or blob too big")
    message = storage_failure_message(error)
    assert message is not None and message.startswith("This text is too long to be stored")
