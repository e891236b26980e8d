"""Data-safety benchmarks: the start-up check, the changed-since-backup test, backup, restore."""

from __future__ import annotations

from pathlib import Path

from harness import BenchContext, Figure, time_call

APPLICATIONS = 10_000
CONTACTS = 2_000


def _sizes(context: BenchContext) -> str:
    return f"{APPLICATIONS * context.scale} applications, {CONTACTS * context.scale} contacts"


def startup_check(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.diagnose import diagnose_database

    database = context.demo_database(APPLICATIONS, CONTACTS) / "followup.sqlite"
    elapsed = time_call(lambda: diagnose_database(database), repeat=7)
    return [
        Figure(
            "startup_check",
            elapsed,
            "ms",
            target=150.0,
            note=f"read-only header, schema and quick_check, {_sizes(context)}",
        )
    ]


def backup_cycle(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.backup import changed_since_last_backup, create_backup, list_backups
    from followup_desktop.db.restore import restore_backup
    from followup_desktop.paths import DataLocation

    folder = context.fresh_copy(context.demo_database(APPLICATIONS, CONTACTS), "data-safety")
    location = DataLocation(Path(folder))
    made = create_backup(location.database, location.backups, "manual")
    backup_ms = time_call(
        lambda: create_backup(location.database, location.backups, "manual"), repeat=5
    )
    changed_ms = time_call(
        lambda: changed_since_last_backup(location.database, location.backups), repeat=5
    )
    restore_ms = time_call(
        lambda: restore_backup(made.path, location.database, location.backups), repeat=3
    )
    size_kb = made.size / 1024
    count = len(list_backups(location.backups))
    return [
        Figure(
            "backup",
            backup_ms,
            "ms",
            target=1500.0,
            note=f"backup API + integrity_check + foreign_key_check, {size_kb:.0f} KB",
        ),
        Figure(
            "backup_changed_check",
            changed_ms,
            "ms",
            target=500.0,
            note="fingerprint of the store and of the newest backup",
        ),
        Figure(
            "restore",
            restore_ms,
            "ms",
            target=3000.0,
            note=f"checks, safety backup first, then copy in ({count} backups made)",
        ),
    ]


BENCHMARKS = {"startup_check": startup_check, "backup_cycle": backup_cycle}
