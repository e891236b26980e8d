"""Companies: the list with counts, one company's applications and people, and editing it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    Interaction,
    Stage,
    database,
    id_column,
)
from followup_desktop.db.reads import tuple_rows
from followup_desktop.db.values import stored_date_or_none
from followup_desktop.services import validation as check
from followup_desktop.services.validation import FieldErrors, ValidationError


@dataclass(frozen=True)
class CompanyRow:
    id: int
    name: str
    website: str
    contacts: int
    applications: int
    last_contact: dt.date | None


@dataclass
class CompanyInput:
    name: str
    website: str = ""
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CompanyApplication:
    id: int
    position: str
    stage: str
    archived: bool
    applied_on: dt.date | None


@dataclass(frozen=True)
class CompanyPerson:
    id: int
    name: str
    role: str
    #: True when the person is an agency recruiter who recruits for this company.
    via_agency: bool


def _counts(query: pw.Select) -> dict[int, int]:
    return {key: count for key, count in tuple_rows(query)}


def load_company_rows() -> list[CompanyRow]:
    """Every company by name, with how many people and applications it has."""
    people = _counts(
        Contact.select(Contact.company, pw.fn.COUNT(Contact.id))
        .where(Contact.company.is_null(False))
        .group_by(Contact.company)
    )
    applications = _counts(
        Application.select(Application.company, pw.fn.COUNT(Application.id)).group_by(
            Application.company
        )
    )
    last_seen = {
        key: stored_date_or_none(last)
        for key, last in tuple_rows(
            Interaction.select(Interaction.company, pw.fn.MAX(Interaction.occurred_at))
            .where(Interaction.company.is_null(False))
            .group_by(Interaction.company)
        )
    }
    query = Company.select(Company.id, Company.name, Company.website).order_by(
        pw.fn.LOWER(Company.name), Company.id
    )
    return [
        CompanyRow(
            id=cid,
            name=name,
            website=website,
            contacts=people.get(cid, 0),
            applications=applications.get(cid, 0),
            last_contact=last_seen.get(cid),
        )
        for cid, name, website in tuple_rows(query)
    ]


def company_applications(company_id: int) -> list[CompanyApplication]:
    query = (
        Application.select(
            Application.id,
            Application.position,
            Stage.name,
            Application.archived,
            Application.applied_on,
        )
        .join(Stage)
        .where(Application.company == company_id)
        .order_by(
            Application.archived, Application.applied_on.desc(), id_column(Application).desc()
        )
    )
    return [CompanyApplication(*row) for row in tuple_rows(query)]


def company_people(company_id: int) -> list[CompanyPerson]:
    query = (
        Contact.select(
            Contact.id, Contact.first_name, Contact.last_name, Contact.role, Contact.company
        )
        .where((Contact.company == company_id) | (Contact.client_company == company_id))
        .order_by(Contact.last_name, Contact.first_name)
    )
    return [
        CompanyPerson(
            id=cid,
            name=" ".join(p for p in (first, last) if p),
            role=role,
            via_agency=employer != company_id,
        )
        for cid, first, last, role, employer in tuple_rows(query)
    ]


def stored_company(company_id: int) -> CompanyInput | None:
    """The company's editable fields as stored, or None when there is no such company."""
    company = Company.get_or_none(Company.id == company_id)
    if company is None:
        return None
    return CompanyInput(
        name=company.name, website=company.website, address=company.address, notes=company.notes
    )


def company_problems(data: CompanyInput, company_id: int | None = None) -> FieldErrors:
    errors = FieldErrors()
    name = data.name.strip()
    errors.add("name", check.required(name, "Name"))
    if name:
        same = Company.select(Company.id).where(pw.fn.LOWER(Company.name) == name.lower())
        if company_id is not None:
            same = same.where(Company.id != company_id)
        if same.exists():
            errors.add("name", "Another company already has this name.")
    errors.add("website", check.url_problem(data.website))
    for field_name, value in vars(data).items():
        errors.add(field_name, check.no_control_characters(value))
    return errors


def save_company(data: CompanyInput, company_id: int | None = None) -> Company:
    """Create or update a company; raise ValidationError and store nothing if invalid."""
    errors = company_problems(data, company_id)
    if errors:
        raise ValidationError(errors)
    with database.atomic("IMMEDIATE"):
        company = Company() if company_id is None else Company.get_by_id(company_id)
        company.name = data.name.strip()
        company.website = data.website.strip()
        company.address = data.address.strip()
        company.notes = data.notes
        company.save()
    return company
