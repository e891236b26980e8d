"""Archive an application: it leaves the board but keeps its place, log and search entry."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import Application, database


class ArchiveError(Exception):
    """The application to archive or restore no longer exists."""


def set_archived(application_id: int, archived: bool) -> None:
    """Archive or restore one application (one row written); its rank is kept for its return."""
    with database.atomic("IMMEDIATE"):
        changed = (
            Application.update(
                archived=archived, updated_at=dt.datetime.now().replace(microsecond=0)
            )
            .where(Application.id == application_id)
            .execute()
        )
    if not changed:
        raise ArchiveError("That application no longer exists.")
