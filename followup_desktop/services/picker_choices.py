"""Labels and lists for the composer's pickers: follow-ups due soon and every contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

from followup_desktop.db.models import Company, Contact
from followup_desktop.db.rows import tuple_rows
from followup_desktop.services.follow_up_queries import (
    CHANNEL_LABELS,
    FollowUpRow,
    due_follow_ups,
    follow_up_row,
)


def follow_up_label(row: FollowUpRow) -> str:
    return f"{row.due_on:%d %b} · {CHANNEL_LABELS.get(row.channel, row.channel)} · {row.title()}"


def follow_up_choices(until: dt.date) -> list[tuple[str, object]]:
    """Planned follow-ups due up to ``until`` (overdue first), as (label, id)."""
    overdue, due = due_follow_ups(until)
    return [(follow_up_label(row), row.id) for row in overdue + due]


def follow_up_choice_label(follow_up_id: object) -> str | None:
    row = follow_up_row(int(str(follow_up_id)))
    return None if row is None else follow_up_label(row)


def _contact_label(contact_id: int, first: str, last: str, company: str | None) -> str:
    name = " ".join(part for part in (first, last) if part)
    label = name + (f" ({company})" if company else "")
    return label or f"Contact {contact_id}"


def _contact_query() -> Any:
    return Contact.select(Contact.id, Contact.first_name, Contact.last_name, Company.name).join(
        Company, join_type=pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id)
    )


def contact_choices() -> list[tuple[str, object]]:
    """Every contact by last and first name, as ("Name (Company)", id), from one query."""
    query = _contact_query().order_by(Contact.last_name, Contact.first_name)
    return [(_contact_label(*row), row[0]) for row in tuple_rows(query)]


def contact_choice_label(contact_id: object) -> str | None:
    query = _contact_query().where(Contact.id == int(str(contact_id)))
    rows = list(tuple_rows(query))
    return _contact_label(*rows[0]) if rows else None
