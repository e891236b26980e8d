"""Rows for the contact list: name, role, company, e-mail, phone and last contact date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from followup_desktop.db.models import Company, Contact, Interaction
from followup_desktop.db.rows import tuple_rows


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    role: str
    company: str
    email: str
    phone: str
    last_contact: dt.date | None


def load_contact_rows() -> list[ContactRow]:
    last_seen = (
        Interaction.select(Interaction.contact, pw.fn.MAX(Interaction.occurred_at).alias("last"))
        .where(Interaction.contact.is_null(False))
        .group_by(Interaction.contact)
    )
    last_by_contact = {contact_id: _day(last) for contact_id, last in tuple_rows(last_seen)}
    query = (
        Contact.select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.role,
            Company.name,
            Contact.email,
            Contact.phone,
        )
        .join(Company, join_type=pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .order_by(Contact.last_name, Contact.first_name, Contact.id)
    )
    return [
        ContactRow(
            id=cid,
            name=" ".join(part for part in (first, last) if part),
            role=role,
            company=company or "",
            email=email,
            phone=phone,
            last_contact=last_by_contact.get(cid),
        )
        for cid, first, last, role, company, email, phone in tuple_rows(query)
    ]


def _day(value: dt.datetime | str | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.datetime.fromisoformat(str(value)).date()
