"""Child for the file-size-limit test: writes under RLIMIT_FSIZE, then again once lifted.

Prints one JSON object with what happened at each step; the test asserts on it.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
from pathlib import Path
from typing import Any

from followup_desktop.db.backup import BackupError, create_backup, list_backups, store_digest
from followup_desktop.db.models import Application, Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.atomic_files import atomic_write_text
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.storage_failures import storage_failure_message
from followup_desktop.services.store import open_user_store


def digest(location: DataLocation) -> str:
    connection = sqlite3.connect(f"file:{location.database}?mode=ro", uri=True)
    try:
        return store_digest(connection)
    finally:
        connection.close()


def largest_file(location: DataLocation) -> int:
    sizes = [
        Path(f"{location.database}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{location.database}{suffix}").exists()
    ]
    return max(sizes)


def limit(size: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))


def lift() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))


def attempt(action: Any) -> str | None:
    """None on success, else the user's message (or the raw error if it has none)."""
    try:
        action()
    except Exception as error:
        return storage_failure_message(error) or f"UNHANDLED {type(error).__name__}: {error}"
    return None


def main() -> None:
    location = DataLocation(Path(sys.argv[1])).ensure()
    open_user_store(location)
    stage_id = Stage.select().first().id
    for number in range(30):
        save_application(ApplicationInput("Earlier Ltd", f"Earlier {number}", stage_id))
    before = digest(location)
    big = ApplicationInput("Big Ltd", "Big one", stage_id, notes="x" * 400_000)
    report: dict[str, Any] = {}

    limit(largest_file(location) + 16384)
    report["save_failures"] = [attempt(lambda: save_application(big)) for _ in range(3)]
    report["unchanged_after_failure"] = digest(location) == before
    lift()
    report["save_retry"] = attempt(lambda: save_application(big))
    report["saved_count"] = Application.select().where(Application.position == "Big one").count()

    backups_before = len(list_backups(location.backups))
    limit(location.database.stat().st_size // 2)
    try:
        create_backup(location.database, location.backups, "manual")
        report["backup_failure"] = None
    except BackupError as error:
        report["backup_failure"] = str(error)
    report["backup_files_after_failure"] = sorted(p.name for p in location.backups.iterdir())
    report["backups_after_failure"] = len(list_backups(location.backups)) - backups_before
    lift()
    report["backup_retry"] = attempt(
        lambda: create_backup(location.database, location.backups, "manual")
    )

    export = location.exports / "applications.csv"
    atomic_write_text(export, "old export\n")
    limit(4096)
    report["export_failure"] = attempt(lambda: atomic_write_text(export, "row\n" * 50_000))
    report["export_kept"] = export.read_text() == "old export\n"
    report["export_folder"] = sorted(p.name for p in location.exports.iterdir())
    lift()
    report["export_retry"] = attempt(lambda: atomic_write_text(export, "row\n" * 50_000))
    report["export_size"] = export.stat().st_size
    print(json.dumps(report))


if __name__ == "__main__":
    main()
