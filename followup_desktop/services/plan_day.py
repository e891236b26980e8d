"""The day the follow-up rules last ran: checked before the window opens without loading them."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import Setting

PLANNED_ON_SETTING = "rules.planned_on"


def planned_on(today: dt.date) -> bool:
    """True when every follow-up was already planned on ``today``."""
    row = Setting.get_or_none(Setting.key == PLANNED_ON_SETTING)
    return row is not None and row.value == today.isoformat()
