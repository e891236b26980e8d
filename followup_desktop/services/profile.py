"""The user's profile (name, contact block, pitch, rule and note settings): read and saved here."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import Profile, database
from followup_desktop.db.store_format import PROFILE_ID


def get_profile() -> Profile:
    """The user's profile row (every store has it)."""
    return Profile.get_by_id(PROFILE_ID)


def save_profile(**values: object) -> None:
    """Change the named fields of the profile, in one transaction."""
    with database.atomic("IMMEDIATE"):
        Profile.update(**values, updated_at=dt.datetime.now().replace(microsecond=0)).where(
            Profile.id == PROFILE_ID
        ).execute()
