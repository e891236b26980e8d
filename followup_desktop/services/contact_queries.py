"""Rows for the contact list: who, where, how to reach them, last contact and keep-in-touch due."""

from __future__ import annotations

import datetime as dt
from sys import intern
from typing import Any, NamedTuple

import peewee as pw

from followup_desktop.db.models import Company, Contact, FollowUp, Interaction, database


class ContactRow(NamedTuple):
    """One list row; a named tuple because the list builds tens of thousands of them."""

    id: int
    name: str
    role: str
    company: str
    email: str
    phone: str
    last_contact: dt.date | None
    company_id: int | None = None
    client_company_id: int | None = None
    client_company: str = ""
    is_agency: bool = False
    #: None: the default rule (on a cadence after a rejection); 0: off; N: every N days.
    keep_in_touch_days: int | None = None
    #: The planned keep-in-touch follow-up's due day, if one is planned.
    keep_in_touch_due: dt.date | None = None
    first_name: str = ""
    last_name: str = ""


#: The client company of an agency recruiter: a second, separate join on the companies.
CLIENT_COMPANY = Company.alias()


def select_contacts_with_companies(*columns: Any) -> pw.ModelSelect[Contact]:
    """``columns`` of every contact, with its company (``Company``) and its client company
    (``CLIENT_COMPANY``) joined; a contact without either still comes back, with NULLs."""
    return (
        Contact.select(*columns)
        .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .switch(Contact)
        .join(CLIENT_COMPANY, pw.JOIN.LEFT_OUTER, on=(Contact.client_company == CLIENT_COMPANY.id))
    )


def load_contact_rows() -> list[ContactRow]:
    """Every contact, ordered by last then first name (one pass per table, no N+1)."""
    last_seen = (
        Interaction.select(Interaction.contact, pw.fn.MAX(Interaction.occurred_at))
        .where(Interaction.contact.is_null(False))
        .group_by(Interaction.contact)
    )
    last_by_contact = {contact_id: _day(last) for contact_id, last in _raw_rows(last_seen)}
    keep_in_touch = (
        FollowUp.select(FollowUp.contact, pw.fn.MIN(FollowUp.due_on))
        .where(
            FollowUp.contact.is_null(False)
            & (FollowUp.reason == "keep_in_touch")
            & (FollowUp.state == "planned")
        )
        .group_by(FollowUp.contact)
    )
    due_by_contact = {contact_id: _date(due) for contact_id, due in _raw_rows(keep_in_touch)}
    query = select_contacts_with_companies(
        Contact.id,
        Contact.first_name,
        Contact.last_name,
        Contact.role,
        Contact.company,
        Company.name,
        Contact.email,
        Contact.phone,
        Contact.is_agency,
        Contact.client_company,
        CLIENT_COMPANY.name,
        Contact.keep_in_touch_days,
    ).order_by(Contact.last_name, Contact.first_name, Contact.id)
    return [
        ContactRow(
            id=cid,
            name=" ".join(part for part in (first, last) if part),
            # Companies and roles repeat across contacts: one shared string each, not thousands.
            role=intern(role),
            company=intern(company or ""),
            email=email,
            phone=phone,
            last_contact=last_by_contact.get(cid),
            company_id=company_id,
            client_company_id=client_id,
            client_company=intern(client_name or ""),
            is_agency=bool(is_agency),
            keep_in_touch_days=cadence,
            keep_in_touch_due=due_by_contact.get(cid),
            first_name=first,
            last_name=last,
        )
        for (
            cid,
            first,
            last,
            role,
            company_id,
            company,
            email,
            phone,
            is_agency,
            client_id,
            client_name,
            cadence,
        ) in _raw_rows(query)
    ]


def _raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows as SQLite returns them: converting 600,000 values through peewee's field
    types costs more than the query itself, and these columns need no conversion."""
    sql, params = query.sql()
    return list(database.execute_sql(sql, params).fetchall())


def _day(value: dt.datetime | str | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.datetime.fromisoformat(str(value)).date()


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
