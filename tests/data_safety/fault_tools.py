"""Helpers that break things on purpose: damaged files, foreign journals, child processes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE_V1 = REPO / "tests" / "fixtures" / "schema_v1.sqlite"


def child_env() -> dict[str, str]:
    """Environment for a child Python that imports this checkout's package."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def python_command(script: Path, *args: str) -> list[str]:
    return [sys.executable, str(script), *args]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_state(database: Path) -> dict[str, str | None]:
    """Hashes of a database and its companion files (None for an absent one)."""
    state: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        state[suffix or "db"] = digest(path) if path.exists() else None
    return state


EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()


def rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of ``sql``, read-only (writable only to roll back a hot rollback journal)."""
    if Path(f"{database}-journal").exists():
        connection = sqlite3.connect(database)
    else:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def integrity(database: Path) -> str:
    return "; ".join(str(row[0]) for row in rows(database, "PRAGMA integrity_check"))


def table_root_page(database: Path, table: str) -> tuple[int, int]:
    """(root page number, page size) of ``table``, read from a closed database."""
    connection = sqlite3.connect(f"file:{database}?immutable=1", uri=True)
    try:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    return int(root), int(page_size)


def write_garbage(database: Path) -> None:
    database.write_bytes(os.urandom(64 * 1024))


def truncate_half(database: Path) -> None:
    """Cut the file at a page boundary near its middle."""
    size = database.stat().st_size
    page_size = 4096
    cut = max(page_size, (size // 2) // page_size * page_size)
    with database.open("r+b") as handle:
        handle.truncate(cut)


def flip_bytes_in_table(database: Path, table: str = "application", length: int = 64) -> None:
    """Invert bytes at the start of a table's root page (its b-tree header and cell pointers)."""
    root, page_size = table_root_page(database, table)
    offset = (root - 1) * page_size + (100 if root == 1 else 0)
    with database.open("r+b") as handle:
        handle.seek(offset)
        chunk = handle.read(length)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in chunk))


def make_an_index_stale(database: Path) -> None:
    """Make an index no longer match its table, as a damaged page can: quick_check does not
    read index content and misses it, integrity_check finds every row missing from it."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            'UPDATE sqlite_master SET sql = \'CREATE INDEX "contact_last_name_first_name" ON '
            '"contact" ("first_name", "last_name")\' '
            "WHERE name = 'contact_last_name_first_name'"
        )
        connection.commit()
    finally:
        connection.close()
