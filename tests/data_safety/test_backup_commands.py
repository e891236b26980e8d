"""``followup backup`` and ``followup restore FILE`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_safety.fault_tools import rows, write_garbage
from followup_desktop.cli import main
from followup_desktop.db.backup import list_backups
from followup_desktop.paths import DataLocation


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_backup_list_and_restore(
    data_location: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(data_location.root)
    assert _run(capsys, "--data-dir", folder, "demo", "--applications", "5")[0] == 0
    status, out, _err = _run(capsys, "backup", "--data-dir", folder)
    assert status == 0 and "backup written to" in out
    (first,) = list_backups(data_location.backups)
    assert (first.path.stat().st_mode & 0o777) == 0o600

    status, out, _err = _run(capsys, "backup", "--data-dir", folder, "--list")
    assert status == 0 and first.path.name in out and "made by you" in out

    connection_rows = rows(data_location.database, "SELECT count(*) FROM application")
    assert connection_rows == [(5,)]
    write_garbage(data_location.database)
    status, _out, err = _run(capsys, "check", "--data-dir", folder)
    assert status == 1 and "followup restore" in err

    status, out, _err = _run(capsys, "restore", "--data-dir", folder, str(first.path))
    assert status == 0 and "restored" in out and "moved to" in out
    assert rows(data_location.database, "SELECT count(*) FROM application") == [(5,)]
    assert len(list(data_location.damaged.iterdir())) == 1
    # Restoring over healthy data backs it up first, and that backup is kept.
    assert _run(capsys, "restore", "--data-dir", folder, str(first.path))[0] == 0
    status, out, _err = _run(capsys, "backup", "--data-dir", folder, "--list")
    (kept,) = [line for line in out.splitlines() if "before a restore" in line]
    assert kept.endswith("(kept until you remove it)")


def test_restore_refuses_a_missing_or_bad_file(
    data_location: DataLocation, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(data_location.root)
    status, _out, err = _run(capsys, "restore", "--data-dir", folder, str(tmp_path / "nope"))
    assert status == 1 and "is not a file" in err
    bad = tmp_path / "bad.sqlite"
    write_garbage(bad)
    status, _out, err = _run(capsys, "restore", "--data-dir", folder, str(bad))
    assert status == 1 and "cannot be restored" in err
    assert err.count("\n") == 1


def test_backup_of_an_empty_folder_creates_the_store(
    data_location: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, _err = _run(capsys, "backup", "--data-dir", str(data_location.root))
    assert status == 0 and len(list_backups(data_location.backups)) == 1
