"""Which backups to keep: the latest few, one per day, week and month, and every kept one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from followup_desktop.db.backup import BackupFile, list_backups


@dataclass(frozen=True)
class RotationPolicy:
    """How many backups survive: the newest ``latest``, then the newest of each period."""

    latest: int = 3
    daily: int = 7
    weekly: int = 4
    monthly: int = 6


DEFAULT_POLICY = RotationPolicy()


def _day(moment: dt.datetime) -> Hashable:
    return moment.date()


def _week(moment: dt.datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: dt.datetime) -> Hashable:
    return (moment.year, moment.month)


def _newest_per_period(
    backups: Sequence[BackupFile], period: Callable[[dt.datetime], Hashable], count: int
) -> set[Path]:
    kept: set[Path] = set()
    seen: set[Hashable] = set()
    for backup in backups:  # newest first, so the first of each period is its newest
        key = period(backup.taken_at)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(backup.path)
    return kept


def backups_to_keep(
    backups: Sequence[BackupFile], policy: RotationPolicy = DEFAULT_POLICY
) -> set[Path]:
    """The paths the policy keeps; ``backups`` must be newest first.

    Backups kept until the user removes them (made before a restore) are always kept and stand
    outside the policy: they take no place among the latest or a period's newest, so routine
    backups rotate around them exactly as if they were not there.
    """
    kept = {backup.path for backup in backups if backup.kept_until_removed}
    routine = [backup for backup in backups if not backup.kept_until_removed]
    keep = {backup.path for backup in routine[: policy.latest]}
    keep |= _newest_per_period(routine, _day, policy.daily)
    keep |= _newest_per_period(routine, _week, policy.weekly)
    keep |= _newest_per_period(routine, _month, policy.monthly)
    return keep | kept


def rotate_backups(backups_dir: Path, policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups the policy does not keep; return them. Other files are left alone."""
    backups = list_backups(backups_dir)
    keep = backups_to_keep(backups, policy)
    removed: list[Path] = []
    for backup in backups:
        if backup.path in keep:
            continue
        try:
            backup.path.unlink()
        except OSError:
            continue  # an undeletable old backup is harmless; the next rotation tries again
        removed.append(backup.path)
    return removed
