"""Snapshots of an application's fields, so an edit can be undone and redone exactly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from followup_desktop.db.models import Application, database
from followup_desktop.services.planning import replan_after_change


class ApplicationGoneError(Exception):
    """The application was deleted meanwhile; there is nothing to restore."""


@dataclass(frozen=True)
class ApplicationSnapshot:
    """Every field an edit can change, the stage and rank included."""

    id: int
    company_id: int
    position: str
    stage_id: int
    rank: int
    contact_id: int | None
    applied_on: dt.date | None
    expected_answer_on: dt.date | None
    source: str
    link: str
    notes: str
    archived: bool
    location: str = ""
    work_mode: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""
    salary_period: str = ""
    priority: int = 0
    tags: str = ""
    apply_by: dt.date | None = None
    description: str = ""

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "id"}


def snapshot_application(application_id: int) -> ApplicationSnapshot:
    app = Application.get_or_none(Application.id == application_id)
    if app is None:
        raise ApplicationGoneError("That application no longer exists.")
    return ApplicationSnapshot(
        id=application_id,
        company_id=app.company_id,
        position=app.position,
        stage_id=app.stage_id,
        rank=app.rank,
        contact_id=app.contact_id,
        applied_on=app.applied_on,
        expected_answer_on=app.expected_answer_on,
        source=app.source,
        link=app.link,
        notes=app.notes,
        archived=bool(app.archived),
        location=app.location,
        work_mode=app.work_mode,
        salary_min=app.salary_min,
        salary_max=app.salary_max,
        salary_currency=app.salary_currency,
        salary_period=app.salary_period,
        priority=app.priority,
        tags=app.tags,
        apply_by=app.apply_by,
        description=app.description,
    )


def restore_application(snapshot: ApplicationSnapshot) -> None:
    """Write a snapshot back (one row) and re-plan the application's follow-ups."""
    values = snapshot.values()
    # Keyed by column name ("company_id"), which is how the snapshot names them.
    columns = {Application._meta.columns[name]: value for name, value in values.items()}
    columns[Application.updated_at] = dt.datetime.now().replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        changed = Application.update(columns).where(Application.id == snapshot.id).execute()
        if not changed:
            raise ApplicationGoneError("That application no longer exists.")
        replan_after_change(application_id=snapshot.id)


def finish_edit(before: ApplicationSnapshot) -> ApplicationSnapshot | None:
    """After the detail saved (which planned its follow-ups): the new snapshot (None:
    unchanged or gone)."""
    try:
        after = snapshot_application(before.id)
    except ApplicationGoneError:
        return None
    if after == before:
        return None
    return after
