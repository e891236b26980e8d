"""The command line as a user runs it: a separate process, real data folders, real exit codes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup_desktop import __version__
from followup_desktop.db.store_format import SCHEMA_VERSION

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    extra = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", *extra, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_check_creates_a_healthy_store(tmp_path: Path) -> None:
    folder = tmp_path / "new-folder"
    result = run("check", data_dir=folder)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"data folder:    {folder}" in out
    assert f"schema version: {SCHEMA_VERSION}" in out
    assert "journal mode:   wal" in out
    assert "foreign keys:   on" in out
    assert "quick_check:    ok" in out
    assert "Qt:             6." in out
    assert (folder / "followup.sqlite").is_file()


def test_check_accepts_data_dir_after_the_command(tmp_path: Path) -> None:
    result = run("check", "--data-dir", str(tmp_path / "after"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "after" / "followup.sqlite").is_file()


def test_check_on_a_garbage_file_fails_and_keeps_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    garbage = folder / "followup.sqlite"
    content = b"%PDF-1.4 definitely not a database\n" * 50
    garbage.write_bytes(content)
    result = run("check", data_dir=folder)
    assert result.returncode == 1
    assert "not a Follow-up Desk database" in result.stderr
    assert "Traceback" not in result.stderr
    assert garbage.read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == ["followup.sqlite"]


def test_demo_fills_an_empty_store_deterministically(tmp_path: Path) -> None:
    def dump(folder: Path) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(folder / "followup.sqlite")
        try:
            return connection.execute(
                "SELECT c.name, a.position, s.name, a.rank FROM application a "
                "JOIN company c ON c.id = a.company_id JOIN stage s ON s.id = a.stage_id "
                "ORDER BY a.id"
            ).fetchall()
        finally:
            connection.close()

    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        result = run(
            "demo", "--applications", "25", "--contacts", "12", "--seed", "3", data_dir=folder
        )
        assert result.returncode == 0, result.stderr
        assert "25 applications" in result.stdout
    rows = dump(first)
    assert len(rows) == 25
    assert rows == dump(second)
    assert len({row[2] for row in rows}) == 7  # every stage has something


def test_demo_refuses_a_store_with_data(tmp_path: Path) -> None:
    assert run("demo", "--applications", "5", data_dir=tmp_path).returncode == 0
    again = run("demo", "--applications", "5", data_dir=tmp_path)
    assert again.returncode == 1
    assert "already holds data" in again.stderr


def test_demo_rejects_negative_sizes(tmp_path: Path) -> None:
    result = run("demo", "--applications", "-3", data_dir=tmp_path)
    assert result.returncode == 2
    assert "must be 0 or more" in result.stderr


@pytest.mark.parametrize("view", ["pipeline", "calendar", "contacts", "composer"])
def test_screenshot_of_each_view(tmp_path: Path, view: str) -> None:
    target = tmp_path / f"{view}.png"
    result = run("--demo", "--screenshot", str(target), "--view", view, data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    header = target.read_bytes()[:24]
    assert header.startswith(b"\x89PNG")
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (1280, 800)


def test_window_start_on_a_newer_database_fails_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    connection = sqlite3.connect(folder / "followup.sqlite")
    connection.execute("PRAGMA user_version = 99")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    result = run("--screenshot", str(tmp_path / "x.png"), data_dir=folder)
    assert result.returncode == 1
    assert "newer version" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_demo_follow_ups_fall_on_working_days(tmp_path: Path) -> None:
    import sqlite3 as sqlite

    folder = tmp_path / "data"
    assert (
        run("demo", "--applications", "60", "--follow-ups", "300", data_dir=folder).returncode == 0
    )
    connection = sqlite.connect(folder / "followup.sqlite")
    try:
        days = [
            dt.date.fromisoformat(day)
            for (day,) in connection.execute("SELECT due_on FROM follow_up")
        ]
    finally:
        connection.close()
    assert days and all(day.isoweekday() <= 5 for day in days)  # the profile's Monday to Friday
