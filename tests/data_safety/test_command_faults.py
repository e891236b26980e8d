"""Every command against a full disk, a read-only drive, file or folder, and a held lock: one
line saying what happened and what to do, a non-zero exit, no traceback, no file changed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.data_safety.fault_tools import make_an_index_stale
from tests.data_safety.outside_faults import (
    AS_A_USER,
    can_drop_root_powers,
    fill,
    folder_state,
    followup,
    mounted_tmpfs,
    remount_read_only,
    write_lock_held,
)

VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Fault\r\nN:Fault;Ada;;;\r\nEND:VCARD\r\n"
CSV = "First Name,Last Name,E-mail Address\r\nAda,Fault,ada@fault.example\r\n"


def _commands(outside: Path) -> dict[str, list[str]]:
    """Each command that uses the store, with arguments whose own files lie outside it."""
    (outside / "in.vcf").write_text(VCARD, encoding="utf-8")
    (outside / "in.csv").write_text(CSV, encoding="utf-8")
    return {
        "check": ["check"],
        "check --full": ["check", "--full"],
        "demo": ["demo"],
        "backup": ["backup"],
        "restore": ["restore", str(outside / "backup.sqlite")],
        "import vcf": ["import", "vcf", str(outside / "in.vcf")],
        "import csv": ["import", "csv", str(outside / "in.csv")],
        "export vcf": ["export", "vcf", str(outside / "out.vcf")],
        "export csv": ["export", "csv", str(outside / "out.csv")],
        "export ics": ["export", "ics", str(outside / "out.ics")],
        "export pdf": ["export", "pdf", "--due-until", "2099-12-31", str(outside / "out.pdf")],
    }


def _assert_one_clear_line(name: str, result: object, needle: str) -> None:
    stderr = getattr(result, "stderr", "")
    assert getattr(result, "returncode", 0) != 0, f"{name} succeeded: {stderr}"
    assert "Traceback" not in stderr, f"{name}:\n{stderr}"
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("followup: error: "), f"{name}: {stderr}"
    assert needle in lines[0], f"{name}: {lines[0]}"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "6m") as disk:
        yield disk


def _store_with_a_backup(data: Path, outside: Path) -> None:
    assert followup(data, "demo", "--applications", "8", "--contacts", "6").returncode == 0
    assert followup(data, "backup").returncode == 0
    (backup,) = (data / "backups").glob("followup-*.sqlite")
    (outside / "backup.sqlite").write_bytes(backup.read_bytes())


@pytest.mark.slow
@pytest.mark.parametrize("leave", [8 * 1024, 0], ids=["8 kB free", "0 bytes free"])
def test_every_command_on_a_full_disk(small_disk: Path, outside: Path, leave: int) -> None:
    data = small_disk / "data"
    _store_with_a_backup(data, outside)
    fill(small_disk, leave)
    before = folder_state(data)
    for name, args in _commands(outside).items():
        result = followup(data, *args)
        _assert_one_clear_line(name, result, "is full: free some space")
        assert folder_state(data) == before, f"{name} changed the data folder"
    assert not (data / "damaged").exists()


@pytest.mark.slow
def test_every_command_on_a_read_only_drive(small_disk: Path, outside: Path) -> None:
    data = small_disk / "data"
    _store_with_a_backup(data, outside)
    remount_read_only(small_disk)
    before = folder_state(data)
    for name, args in _commands(outside).items():
        result = followup(data, *args)
        _assert_one_clear_line(name, result, "read-only")
        assert folder_state(data) == before, f"{name} changed the data folder"


@pytest.mark.slow
@pytest.mark.skipif(not can_drop_root_powers(), reason="needs root and setpriv to act as a user")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_every_command_on_a_store_the_user_made_read_only(
    tmp_path: Path, outside: Path, what: str
) -> None:
    data = tmp_path / "data"
    _store_with_a_backup(data, outside)
    target = data / "followup.sqlite" if what == "file" else data
    target.chmod(0o400 if what == "file" else 0o500)
    mode = stat.S_IMODE(target.stat().st_mode)
    before = folder_state(data)
    try:
        for name, args in _commands(outside).items():
            result = followup(data, *args, wrap=AS_A_USER)
            _assert_one_clear_line(name, result, "read-only")
            assert folder_state(data) == before, f"{name} changed the data folder"
            assert stat.S_IMODE(target.stat().st_mode) == mode, f"{name} changed its mode"
    finally:
        data.chmod(0o700)


@pytest.mark.slow
def test_writers_wait_for_a_held_lock_then_say_so_and_readers_go_on(
    tmp_path: Path, outside: Path
) -> None:
    data = tmp_path / "data"
    _store_with_a_backup(data, outside)
    commands = _commands(outside)
    with write_lock_held(data / "followup.sqlite"):
        # A writer waits out SQLite's busy timeout (5 s) first: one is enough to show it.
        result = followup(data, *commands["import vcf"])
        _assert_one_clear_line("import vcf", result, "Another program is using")
        for name in ("check", "export csv", "export vcf"):
            result = followup(data, *commands[name])
            assert result.returncode == 0, f"{name}: {result.stderr}"
    assert "Ada" not in followup(data, *commands["export csv"]).stderr
    assert "Fault" not in (outside / "out.csv").read_text(encoding="utf-8-sig")


def test_check_full_finds_an_index_that_quick_check_misses(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert followup(data, "demo", "--applications", "8", "--contacts", "6").returncode == 0
    make_an_index_stale(data / "followup.sqlite")
    assert followup(data, "check").returncode == 0  # quick_check does not read index content
    result = followup(data, "check", "--full")
    assert result.returncode == 1
    assert "full check:     FAILED" in result.stdout
    assert "missing from index contact_last_name_first_name" in result.stderr


def test_a_folder_the_user_made_read_only_stays_so(tmp_path: Path) -> None:
    from followup_desktop.paths import DataLocation

    folder = tmp_path / "data"
    folder.mkdir(mode=0o500)
    DataLocation(folder).ensure()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500
    (tmp_path / "open").mkdir(mode=0o755)
    DataLocation(tmp_path / "open").ensure()  # others lose their access, the owner keeps its
    assert stat.S_IMODE((tmp_path / "open").stat().st_mode) == 0o700
    os.chmod(folder, 0o700)
