"""Faults made the way a user's machine makes them: a real small disk, a read-only mount, a lock
held by another process, and root without its power to ignore file permissions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.data_safety.fault_tools import REPO, child_env

#: Root without the capabilities that let it write where file permissions say no: a user's
#: read-only file or folder then refuses root too.
AS_A_USER = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
]


def followup(data_dir: Path, *args: str, wrap: list[str] | None = None, timeout: float = 120):
    """Run the command line as a user would, in a child process."""
    return subprocess.run(
        [
            *(wrap or []),
            sys.executable,
            "-m",
            "followup_desktop",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=timeout,
    )


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content (read from a child's point of view)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@contextmanager
def mounted_tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A real small file system at ``where`` (skips the test where mounting is not allowed)."""
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {result.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def fill(folder: Path, leave_bytes: int) -> None:
    """Take the file system's free space down to about ``leave_bytes`` (0: nothing at all)."""
    with (folder / "filler").open("ab") as handle:
        chunk = 1 << 20
        while chunk >= 512:
            free = shutil.disk_usage(folder).free
            if free - chunk < leave_bytes:
                chunk //= 2
                continue
            try:
                handle.write(b"\0" * chunk)
                handle.flush()
            except OSError:  # tmpfs counts whole pages: full before the count says so
                break


def can_drop_root_powers() -> bool:
    return (
        hasattr(os, "geteuid")
        and os.geteuid() == 0
        and shutil.which("setpriv") is not None
        and subprocess.run([*AS_A_USER, "true"], capture_output=True).returncode == 0
    )


@contextmanager
def write_lock_held(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program holding the store's write lock (an open write transaction)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "c.execute(\"INSERT INTO setting (key, value) VALUES ('held', '1')\")\n"
            "print('HELD', flush=True)\n"
            "sys.stdin.readline()\n"
            "c.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
    try:
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
