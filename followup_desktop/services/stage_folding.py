"""Which board columns are folded: read for the first screen, written when the user folds."""

from __future__ import annotations

import json

from followup_desktop.db.reads import read_all, read_one

COLLAPSED_SETTING = "board.collapsed_stages"


def collapsed_stages() -> set[int]:
    """The folded stages; the closed ones until the user folds or opens any column."""
    row = read_one("SELECT value FROM setting WHERE key = ?", (COLLAPSED_SETTING,))
    if row is None:
        return {int(stage_id) for (stage_id,) in read_all("SELECT id FROM stage WHERE is_closed")}
    try:
        value = json.loads(row[0])
    except ValueError:
        return set()
    return {int(v) for v in value if isinstance(v, int)} if isinstance(value, list) else set()


def set_collapsed(stage_id: int, collapsed: bool) -> None:
    current = collapsed_stages()
    if collapsed:
        current.add(stage_id)
    else:
        current.discard(stage_id)
    _store_collapsed(current)


def remove_collapsed(stage_id: int) -> None:
    current = collapsed_stages()
    if stage_id in current:
        current.discard(stage_id)
        _store_collapsed(current)


def _store_collapsed(values: set[int]) -> None:
    from followup_desktop.db.models import Setting, database

    with database.atomic():
        Setting.insert(key=COLLAPSED_SETTING, value=json.dumps(sorted(values))).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: json.dumps(sorted(values))}
        ).execute()
