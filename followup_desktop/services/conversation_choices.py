"""Whom and what a conversation can be logged about: the people and applications the
log-conversation dialog offers, and what it picks when opened on a contact or application."""

from __future__ import annotations

from typing import Any, NamedTuple

import peewee as pw

from followup_desktop.db.models import Application, ApplicationContact, Company, Contact, id_column
from followup_desktop.db.reads import tuple_rows


class ConversationPerson(NamedTuple):
    id: int
    first_name: str
    last_name: str
    role: str
    #: The person's company (not the client an agency recruiter works for), or None.
    company: str | None


class ConversationApplication(NamedTuple):
    id: int
    position: str
    company: str


def conversation_company(
    *, contact_id: int | None, application_id: int | None, company_id: int | None
) -> int | None:
    """The company a conversation is with: the one given, else the application's, else the
    contact's (the client company for an agency recruiter)."""
    if application_id is not None and company_id is None:
        company_id = Application.get_by_id(application_id).company_id
    if contact_id is not None and company_id is None:
        person = Contact.get_by_id(contact_id)
        company_id = person.client_company_id or person.company_id
    return company_id


def application_contact(application_id: int) -> int | None:
    """The main contact of an application, if it has one."""
    found: int | None = Application.get_by_id(application_id).contact_id
    return found


def conversation_people(
    *, contact_id: int | None, application_id: int | None, company_id: int | None
) -> list[ConversationPerson]:
    """The contact, the people of the application and those of the company, by last name
    (never every contact); empty when none of the three is known."""
    wanted: Any = id_column(Contact) == contact_id if contact_id is not None else None
    if application_id is not None:
        linked = ApplicationContact.select(ApplicationContact.contact).where(
            ApplicationContact.application == application_id
        )
        main = Application.select(Application.contact).where(Application.id == application_id)
        clause = id_column(Contact).in_(linked) | id_column(Contact).in_(main)
        wanted = clause if wanted is None else (wanted | clause)
    if company_id is not None:
        clause = (Contact.company == company_id) | (Contact.client_company == company_id)
        wanted = clause if wanted is None else (wanted | clause)
    if wanted is None:
        return []
    query = (
        Contact.select(
            Contact.id, Contact.first_name, Contact.last_name, Contact.role, Company.name
        )
        .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .where(wanted)
        .order_by(Contact.last_name, Contact.first_name)
    )
    return [ConversationPerson(*row) for row in tuple_rows(query)]


def conversation_applications(
    *, application_id: int | None, contact_id: int | None, company_id: int | None
) -> list[ConversationApplication]:
    """The open applications a conversation may be about: the one given, the contact's (main
    or linked) and the company's, newest first; empty when none of the three is known."""
    clauses: list[Any] = []
    if application_id is not None:
        clauses.append(id_column(Application) == application_id)
    if contact_id is not None:
        linked = ApplicationContact.select(ApplicationContact.application).where(
            ApplicationContact.contact == contact_id
        )
        clauses.append((Application.contact == contact_id) | id_column(Application).in_(linked))
    if company_id is not None:
        clauses.append(Application.company == company_id)
    if not clauses:
        return []
    wanted = clauses[0]
    for clause in clauses[1:]:
        wanted = wanted | clause
    query = (
        Application.select(Application.id, Application.position, Company.name)
        .join(Company)
        .where(wanted & (Application.archived == False))  # noqa: E712
        .order_by(Application.applied_on.desc(), id_column(Application).desc())
    )
    return [ConversationApplication(*row) for row in tuple_rows(query)]


def latest_application_of(contact_id: int) -> int | None:
    """The contact's newest open application as its main contact (most talks with a
    recruiter are about it), or None."""
    found: int | None = (
        Application.select(Application.id)
        .where((Application.contact == contact_id) & (Application.archived == False))  # noqa: E712
        .order_by(Application.applied_on.desc(), id_column(Application).desc())
        .scalar()
    )
    return found
