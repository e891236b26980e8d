"""Whether the store holds anything, whether it came from the demo, and wiping it to start over."""

from __future__ import annotations

from followup_desktop.db.models import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Letter,
    Profile,
    database,
)
from followup_desktop.db.reads import read_one
from followup_desktop.db.store_format import PROFILE_ID
from followup_desktop.services.settings import mark_demo_data


def store_is_empty() -> bool:
    """True when the store holds no applications, contacts, companies or log entries."""
    row = read_one(
        "SELECT EXISTS(SELECT 1 FROM application) OR EXISTS(SELECT 1 FROM contact) "
        "OR EXISTS(SELECT 1 FROM company) OR EXISTS(SELECT 1 FROM interaction)"
    )
    return not (row and row[0])


def clear_all_data() -> None:
    """Remove every application, contact, company, log entry and letter, and blank the profile.

    Stages and settings stay. One transaction: either everything goes or nothing does.
    """
    with database.atomic("IMMEDIATE"):
        for model in (
            Letter,
            FollowUp,
            Interaction,
            ApplicationContact,
            Application,
            Contact,
            Company,
        ):
            model.delete().execute()
        defaults = {
            name: field.default
            for name, field in Profile._meta.fields.items()
            if name not in ("id", "updated_at") and not callable(field.default)
        }
        Profile.update(**defaults).where(Profile.id == PROFILE_ID).execute()
        mark_demo_data(False)
