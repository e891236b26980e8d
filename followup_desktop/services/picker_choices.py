"""Labels and lists for the composer's pickers: follow-ups due soon and every contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

from followup_desktop.db.models import Application, Company, Contact
from followup_desktop.db.reads import tuple_rows
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


#: The application picker lists this many, most recently changed first.
RECENT_APPLICATIONS = 400


def _application_query() -> Any:
    return Application.select(Application.id, Application.position, Company.name).join(
        Company, on=(Application.company == Company.id)
    )


def application_choices(contact_id: int | None) -> list[tuple[str, object]]:
    """Open applications (of the contact and their companies, when one is chosen), recent first."""
    query = _application_query().where(~Application.archived)
    if contact_id is not None:
        contact = Contact.get_or_none(Contact.id == contact_id)
        company_ids = (
            [c for c in (contact.company_id, contact.client_company_id) if c is not None]
            if contact is not None
            else []
        )
        condition = Application.contact == contact_id
        if company_ids:
            condition = condition | Application.company.in_(company_ids)
        query = query.where(condition)
    recent = query.order_by(Application.updated_at.desc()).limit(RECENT_APPLICATIONS)
    return [(f"{position} — {company}", app_id) for app_id, position, company in tuple_rows(recent)]


def application_choice_label(application_id: object) -> str | None:
    query = _application_query().where(Application.id == int(str(application_id)))
    rows = list(tuple_rows(query))
    return f"{rows[0][1]} — {rows[0][2]}" if rows else None
