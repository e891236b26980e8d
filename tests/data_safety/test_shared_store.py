"""Other processes on the store of an open window: its journal stays, its saves survive a kill.

SQLite's locks are per process: if the window's own process ever opened and closed the live
database file outside SQLite, its locks would be gone, and the next process to close the
database would checkpoint and delete the window's -wal while the window still wrote into it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data_safety.fault_tools import REPO, child_env, integrity, rows
from tests.data_safety.window_driver import WindowProcess

WINDOW_CHILD = Path(__file__).with_name("window_child.py")
SAVED_PREFIX = "Shared store "
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wanda Sharedstore\r\nN:Sharedstore;Wanda;;;\r\n"
    "EMAIL;TYPE=INTERNET:wanda@shared-store.example\r\nORG:Shared Store Company\r\n"
    "END:VCARD\r\n"
)
START_TIMEOUT = 60.0


class SavingWindow(WindowProcess):
    """The real window in a child process, saving on request."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(WINDOW_CHILD, data_dir, START_TIMEOUT)

    def save(self, number: int) -> None:
        self.ask(f"save {number}", f"ACK {number}")

    def deleted_journal_files(self) -> list[str]:
        """Files the window holds open that were deleted under it (its lost -wal or -shm)."""
        found = []
        fd_folder = Path(f"/proc/{self.process.pid}/fd")
        for fd in fd_folder.iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if "followup.sqlite" in target and target.endswith("(deleted)"):
                found.append(target)
        return found


def followup(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def _others_use_the_store(data_dir: Path, window: SavingWindow, tmp_path: Path) -> int:
    """Every other way into the store, one after another; the window saves after each."""
    database = data_dir / "followup.sqlite"
    vcard = tmp_path / "wanda.vcf"
    vcard.write_text(VCARD, encoding="utf-8")
    others: list[list[str]] = [
        ["check"],
        ["export", "csv", str(tmp_path / "contacts.csv")],
        ["import", "vcf", str(vcard)],
        ["backup"],
    ]
    saved = 1
    window.save(saved)
    assert Path(f"{database}-wal").exists()
    for other in others:
        followup(data_dir, *other)
        assert Path(f"{database}-wal").exists(), f"the window's -wal went away after {other}"
        assert window.deleted_journal_files() == [], f"after {other}"
        saved += 1
        window.save(saved)
    subprocess.run(["sqlite3", str(database), "select 1"], check=True, capture_output=True)
    assert Path(f"{database}-wal").exists(), "the window's -wal went away after sqlite3"
    assert window.deleted_journal_files() == []
    for _ in range(3):
        saved += 1
        window.save(saved)
    return saved


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    followup(folder, "demo", "--applications", "12", "--contacts", "10")
    return folder


@pytest.mark.skipif(sys.platform != "linux", reason="reads the window's open files in /proc")
@pytest.mark.slow
def test_saves_of_the_open_window_survive_a_kill_after_other_commands(
    data_dir: Path, tmp_path: Path
) -> None:
    window = SavingWindow(data_dir)
    saved = _others_use_the_store(data_dir, window, tmp_path)
    window.process.send_signal(signal.SIGKILL)
    window.process.wait(timeout=20)

    database = data_dir / "followup.sqlite"
    kept = {
        str(position)
        for (position,) in rows(
            database, f"SELECT position FROM application WHERE position LIKE '{SAVED_PREFIX}%'"
        )
    }
    assert kept == {f"{SAVED_PREFIX}{n}" for n in range(1, saved + 1)}
    assert integrity(database) == "ok"


@pytest.mark.skipif(sys.platform != "linux", reason="reads the window's open files in /proc")
@pytest.mark.slow
def test_the_store_is_whole_after_a_normal_quit_beside_other_commands(
    data_dir: Path, tmp_path: Path
) -> None:
    window = SavingWindow(data_dir)
    saved = _others_use_the_store(data_dir, window, tmp_path)
    window.send("quit")
    assert window.process.wait(timeout=60) == 0

    database = data_dir / "followup.sqlite"
    assert integrity(database) == "ok"
    assert rows(database, "SELECT count(*) FROM contact WHERE last_name = 'Sharedstore'") == [(1,)]
    assert rows(
        database, f"SELECT count(*) FROM application WHERE position LIKE '{SAVED_PREFIX}%'"
    ) == [(saved,)]
    followup(data_dir, "backup")  # a later backup is not refused
