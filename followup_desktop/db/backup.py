"""Backups with SQLite's backup API: temp file, full checks, rename into place, 0600."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from followup_desktop.db.errors import StoreError
from followup_desktop.db.read_only import check_connection, connect_read_only

BACKUP_PREFIX = "followup-"
BACKUP_SUFFIX = ".sqlite"
PARTIAL_SUFFIX = ".partial"
_STAMP_FORMAT = "%Y-%m-%d_%H-%M-%S"
_NAME_PATTERN = re.compile(
    r"^followup-(?P<stamp>\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})-(?P<reason>[a-z-]+?)"
    r"(?:-(?P<seq>\d+))?\.sqlite$"
)
#: Leftover temporary files older than this are from an interrupted backup and are removed.
_PARTIAL_MAX_AGE_SECONDS = 600.0

REASON_LABELS = {
    "manual": "made by you",
    "start": "on start",
    "quit": "on quit",
    "before-migration": "before an upgrade",
    "before-restore": "before a restore",
}

#: Backups the rotation never removes: the data as it was before a restore is the only way to
#: undo that restore, however many backups follow and however old it gets. Restores are rare,
#: so these do not pile up, and File → Backups… lets the user remove them.
KEPT_REASONS = frozenset({"before-restore"})
KEPT_LABEL = "kept until you remove it"


class BackupError(StoreError):
    """A backup could not be made, checked or restored; nothing was changed."""


@dataclass(frozen=True)
class BackupFile:
    """One finished backup in the backups folder."""

    path: Path
    taken_at: dt.datetime
    reason: str
    sequence: int
    size: int

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def kept_until_removed(self) -> bool:
        """True for a backup the rotation never removes (see ``KEPT_REASONS``)."""
        return self.reason in KEPT_REASONS

    @property
    def size_text(self) -> str:
        return human_size(self.size)


def human_size(size: int) -> str:
    """A file size as people read it: 812 bytes, 190.5 KB, 3.2 MB."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def parse_backup_name(path: Path) -> tuple[dt.datetime, str, int] | None:
    """(time, reason, sequence) from a backup file name, or None if it is not one of ours."""
    match = _NAME_PATTERN.match(path.name)
    if match is None:
        return None
    try:
        taken_at = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT)
    except ValueError:
        return None
    return taken_at, match["reason"], int(match["seq"] or 1)


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """Finished backups, newest first (temporary and foreign files are ignored)."""
    if not backups_dir.is_dir():
        return []
    found: list[BackupFile] = []
    for path in backups_dir.iterdir():
        parsed = parse_backup_name(path)
        if parsed is None or not path.is_file():
            continue
        taken_at, reason, sequence = parsed
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, taken_at, reason, sequence, size))
    found.sort(key=lambda b: (b.taken_at, b.sequence), reverse=True)
    return found


def verify_backup(path: Path) -> str | None:
    """None if the backup file passes every check, else a one-line reason."""
    try:
        with path.open("rb") as handle:
            if not handle.read(16).startswith(b"SQLite format 3"):
                return "it is not an SQLite database"
        connection = connect_read_only(path, immutable=True)
    except (OSError, sqlite3.Error) as error:
        return f"it cannot be opened ({error})"
    try:
        return check_connection(connection)
    except sqlite3.Error as error:  # a backup that cannot be read is no use, whatever the cause
        return f"it cannot be read ({error})"
    finally:
        connection.close()


_FTS_SHADOW_TABLES = ("data", "idx", "content", "docsize", "config")


def store_digest(connection: sqlite3.Connection) -> str:
    """A fingerprint of the schema and every row, to tell whether data changed since a backup."""
    digest = hashlib.sha256()
    digest.update(str(connection.execute("PRAGMA user_version").fetchone()[0]).encode())
    tables = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    # Full-text indexes hold only what the other tables say (kept by triggers): their rows are
    # not data, and some of their shadow tables have no rowid to order by.
    virtual = [name for name, sql in tables if str(sql).upper().startswith("CREATE VIRTUAL")]
    derived = set(virtual) | {f"{name}_{part}" for name in virtual for part in _FTS_SHADOW_TABLES}
    for name, sql in tables:
        digest.update(f"\x00{name}\x00{sql}\x00".encode())
        if name in derived:
            continue
        quoted = '"' + str(name).replace('"', '""') + '"'
        for row in connection.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_digest(path: Path, *, immutable: bool = False) -> str | None:
    """``store_digest`` of a database file opened read-only (None if it cannot be read)."""
    try:
        connection = connect_read_only(path, immutable=immutable)
    except sqlite3.Error:
        return None
    try:
        return store_digest(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _unique_target(backups_dir: Path, taken_at: dt.datetime, reason: str) -> Path:
    """A new name; backups made within the same second get increasing sequence numbers."""
    stamp = taken_at.strftime(_STAMP_FORMAT)
    same_second = [
        parsed[2]
        for path in backups_dir.glob(f"{BACKUP_PREFIX}{stamp}-*{BACKUP_SUFFIX}")
        if (parsed := parse_backup_name(path)) is not None
    ]
    sequence = max(same_second, default=0) + 1
    suffix = "" if sequence == 1 else f"-{sequence}"
    return backups_dir / f"{BACKUP_PREFIX}{stamp}-{reason}{suffix}{BACKUP_SUFFIX}"


def ensure_private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)


def _writer_is_gone(partial: Path) -> bool:
    """True when the process that was writing ``partial`` (its id is in the name) has ended."""
    if os.name != "posix":
        return False
    try:
        pid = int(partial.name.rsplit(".", 2)[-2])
    except (ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_stale_partials(backups_dir: Path, max_age: float = _PARTIAL_MAX_AGE_SECONDS) -> int:
    """Delete temporary files left by an interrupted backup; return how many went."""
    if not backups_dir.is_dir():
        return 0
    removed = 0
    now = time.time()
    for path in backups_dir.iterdir():
        if not (path.name.startswith(".") and PARTIAL_SUFFIX in path.name):
            continue
        try:
            if _writer_is_gone(path) or now - path.stat().st_mtime >= max_age:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _fsync_path(path: Path, *, folder: bool = False) -> None:
    if folder and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: sqlite3.Connection, target_path: Path) -> None:
    """Write a self-contained copy (rollback journal, 0600) of ``source`` to a new file."""
    fd = os.open(target_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    target = sqlite3.connect(target_path, isolation_level=None)
    try:
        source.backup(target)
        # The copy inherits WAL mode from the live file; a backup is one file on its own.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def create_backup(
    database_path: Path,
    backups_dir: Path,
    reason: str = "manual",
    *,
    now: dt.datetime | None = None,
) -> BackupFile:
    """Back up the database at ``database_path``; the live file is only ever read.

    The copy is written under a temporary name, checked with integrity_check and
    foreign_key_check, made private and renamed into place; on any failure it is removed.
    """
    if not database_path.is_file():
        raise BackupError(f"There is no database to back up at {database_path}.")
    taken_at = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        ensure_private_folder(backups_dir)
        remove_stale_partials(backups_dir)
        target = _unique_target(backups_dir, taken_at, reason)
    except OSError as error:
        raise BackupError(f"Cannot use the backups folder: {error.strerror or error}.") from error
    partial = backups_dir / f".{target.name}.{os.getpid()}{PARTIAL_SUFFIX}"
    try:
        source = connect_read_only(database_path)
        try:
            copy_database(source, partial)
        finally:
            source.close()
        problem = verify_backup(partial)
        if problem is not None:
            raise BackupError(f"The backup was not kept: {problem}.")
        _fsync_path(partial)
        os.replace(partial, target)
        _fsync_path(backups_dir, folder=True)
    except sqlite3.Error as error:
        raise BackupError(f"The backup failed: {error}. Nothing was changed.") from error
    except OSError as error:
        raise BackupError(
            f"The backup could not be written: {error.strerror or error}. Nothing was changed."
        ) from error
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    parsed = parse_backup_name(target)
    sequence = parsed[2] if parsed is not None else 1
    return BackupFile(target, taken_at, reason, sequence, target.stat().st_size)


#: Header bytes that differ between a live file and its backup without any data change:
#: journal mode (18-19), change counter (24-27), schema cookie (40-43, bumped by the switch
#: out of WAL; a real schema change also changes sqlite_master's pages), version-valid-for and
#: SQLite version (92-99).
_VOLATILE_HEADER = ((18, 20), (24, 28), (40, 44), (92, 100))


def _normalised_fingerprint(image: bytes) -> str:
    data = bytearray(image)
    for start, end in _VOLATILE_HEADER:
        data[start:end] = bytes(end - start)
    return hashlib.sha256(data).hexdigest()


def live_fingerprint(database_path: Path) -> str | None:
    """Fingerprint of the store's pages as SQLite sees them (WAL included), or None."""
    try:
        connection = connect_read_only(database_path)
    except sqlite3.Error:
        return None
    try:
        return _normalised_fingerprint(connection.serialize())
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def backup_fingerprint(backup_path: Path) -> str | None:
    try:
        return _normalised_fingerprint(backup_path.read_bytes())
    except OSError:
        return None


def changed_since_last_backup(database_path: Path, backups_dir: Path) -> bool:
    """True when no backup exists or the newest one holds different pages than the store.

    The backup API copies pages as they are, so an unchanged store and its newest backup have
    the same pages: comparing page images is exact and far cheaper than reading every row.
    """
    backups = list_backups(backups_dir)
    if not backups:
        return True
    current = live_fingerprint(database_path)
    return current is None or current != backup_fingerprint(backups[0].path)


def remove_backup(backups_dir: Path, backup: Path) -> None:
    """Delete one finished backup of ``backups_dir`` at the user's request; nothing else."""
    if backup.parent != backups_dir or parse_backup_name(backup) is None:
        raise BackupError(f"{backup.name} is not a backup in {backups_dir}; nothing was removed.")
    try:
        backup.unlink(missing_ok=True)  # already gone is what the user asked for
    except OSError as error:
        raise BackupError(
            f"{backup.name} could not be removed: {error.strerror or error}."
        ) from error
    with contextlib.suppress(OSError):  # the file is gone; a failed folder sync changes nothing
        _fsync_path(backups_dir, folder=True)


def backup_if_changed(database_path: Path, backups_dir: Path, reason: str) -> BackupFile | None:
    """Make a backup only when the data differs from the newest backup."""
    if not changed_since_last_backup(database_path, backups_dir):
        return None
    return create_backup(database_path, backups_dir, reason)
