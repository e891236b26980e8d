"""Rows every store needs: the default pipeline stages, the profile row and the store's id."""

from __future__ import annotations

import uuid

from followup_desktop.db.models import Profile, Setting, Stage, database
from followup_desktop.db.store_format import PROFILE_ID, STORE_ID_KEY

#: (name, kind, closed) in board order.
DEFAULT_STAGES: tuple[tuple[str, str, bool], ...] = (
    ("Wishlist", "wishlist", False),
    ("Applied", "applied", False),
    ("Interview", "interview", False),
    ("Offer", "offer", False),
    ("Accepted", "accepted", True),
    ("Rejected", "rejected", True),
    ("Withdrawn", "withdrawn", True),
)


def ensure_default_rows() -> None:
    """Create the default stages on first run and the profile row if missing."""
    with database.atomic():
        if not Stage.select().exists():
            for position, (name, kind, closed) in enumerate(DEFAULT_STAGES):
                Stage.create(name=name, kind=kind, is_closed=closed, position=position)
        if not Profile.select().where(Profile.id == PROFILE_ID).exists():
            Profile.create(id=PROFILE_ID)
        if not Setting.select().where(Setting.key == STORE_ID_KEY).exists():
            Setting.create(key=STORE_ID_KEY, value=uuid.uuid4().hex)
