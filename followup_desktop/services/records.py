"""Create and edit applications and contacts, each change one validated transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import peewee as pw

from followup_desktop.db.models import RANK_GAP, Application, Company, Contact, Stage, database
from followup_desktop.services import validation as check
from followup_desktop.services.job_details import (
    MAX_PRIORITY,
    SALARY_PERIODS,
    WORK_MODES,
    parse_salary,
    parse_tags,
    salary_range_text,
    tags_text,
)
from followup_desktop.services.planning import replan_after_change
from followup_desktop.services.profile import get_profile
from followup_desktop.services.validation import FieldErrors, ValidationError

MAX_KEEP_IN_TOUCH_DAYS = 3650


@dataclass
class ApplicationInput:
    """What the application form holds; company is a name, created when new."""

    company: str
    position: str
    stage_id: int
    contact_id: int | None = None
    applied_on: dt.date | None = None
    expected_answer_on: dt.date | None = None
    source: str = ""
    link: str = ""
    notes: str = ""
    #: A person not in the contacts yet, created with the application (when no contact_id).
    new_contact: ContactInput | None = None
    location: str = ""
    #: A key of ``job_details.WORK_MODES``.
    work_mode: str = ""
    #: The pay as typed ("50,000-70,000"); read by ``job_details.parse_salary``.
    salary: str = ""
    salary_currency: str = ""
    #: A key of ``job_details.SALARY_PERIODS``.
    salary_period: str = ""
    priority: int = 0
    #: Tags as typed, commas between them.
    tags: str = ""
    apply_by: dt.date | None = None
    description: str = ""


#: Where a refused value of the new contact is shown in the application form.
NEW_CONTACT_FIELDS = {
    "first_name": "contact",
    "email": "new_contact_email",
    "phone": "new_contact_phone",
}


@dataclass
class ContactInput:
    first_name: str
    last_name: str = ""
    role: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    time_zone: str = ""
    notes: str = ""
    is_agency: bool = False
    #: For agency recruiters: the employer they recruit for (a company name, created when new).
    client_company: str = ""
    #: "call", "email", "note" or "" (no preference).
    preferred_channel: str = ""
    social_handle: str = ""
    #: None: the default rule (a cadence starts after a rejection); 0: never; N: every N days.
    keep_in_touch_days: int | None = None


def _text_fields_problems(errors: FieldErrors, values: dict[str, str]) -> None:
    for name, value in values.items():
        errors.add(name, check.no_control_characters(value))


def application_problems(data: ApplicationInput) -> FieldErrors:
    errors = FieldErrors()
    errors.add("company", check.required(data.company, "Company"))
    errors.add("position", check.required(data.position, "Position"))
    errors.add("link", check.url_problem(data.link))
    if not Stage.select().where(Stage.id == data.stage_id).exists():
        errors.add("stage", "Choose a stage.")
    if data.applied_on and data.expected_answer_on and data.expected_answer_on < data.applied_on:
        errors.add("expected_answer_on", "The answer cannot be expected before the application.")
    if data.new_contact is not None and data.contact_id is None:
        for name, reason in contact_problems(data.new_contact).errors.items():
            errors.add(NEW_CONTACT_FIELDS.get(name, "contact"), reason)
    _job_problems(errors, data)
    _text_fields_problems(
        errors,
        {
            "company": data.company,
            "position": data.position,
            "source": data.source,
            "link": data.link,
            "notes": data.notes,
            "location": data.location,
            "tags": data.tags,
            "description": data.description,
        },
    )
    return errors


def _job_problems(errors: FieldErrors, data: ApplicationInput) -> None:
    if data.work_mode not in WORK_MODES:
        errors.add("work_mode", "Choose on-site, hybrid or remote.")
    try:
        parse_salary(data.salary)
    except ValueError as error:
        errors.add("salary", str(error))
    currency = data.salary_currency.strip()
    if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        errors.add("salary_currency", "Write the currency as its three-letter code, like EUR.")
    if data.salary_period not in SALARY_PERIODS:
        errors.add("salary_period", "Choose a year, a month or an hour.")
    if not 0 <= data.priority <= MAX_PRIORITY:
        errors.add("priority", f"Choose a priority from 1 to {MAX_PRIORITY}, or none.")
    if any(len(tag) > 60 for tag in parse_tags(data.tags)):
        errors.add("tags", "Keep each tag under 60 characters; commas separate tags.")


def contact_problems(data: ContactInput, phone_region: str | None = None) -> FieldErrors:
    errors = FieldErrors()
    if not (data.first_name.strip() or data.last_name.strip()):
        errors.add("first_name", "A name is required.")
    errors.add("email", check.email_problem(data.email))
    region = phone_region if phone_region is not None else get_profile().phone_region
    errors.add("phone", check.phone_problem(data.phone, region))
    if data.time_zone.strip():
        errors.add("time_zone", time_zone_problem(data.time_zone.strip()))
    errors.add("preferred_channel", check.channel_problem(data))
    cadence = data.keep_in_touch_days
    if cadence is not None and not 0 <= cadence <= MAX_KEEP_IN_TOUCH_DAYS:
        errors.add("keep_in_touch_days", "Choose a cadence between 1 and 3650 days.")
    _text_fields_problems(errors, {k: v for k, v in vars(data).items() if isinstance(v, str)})
    return errors


def time_zone_problem(name: str) -> str | None:
    return check.time_zone_problem(name)


def company_named(name: str) -> Company:
    """The company with this exact name, created if there is none."""
    clean = name.strip()
    found = Company.select().where(Company.name == clean).first()
    return found if found is not None else Company.create(name=clean)


def _next_rank(stage_id: int) -> int:
    top = (
        Application.select(pw.fn.MAX(Application.rank))
        .where(Application.stage == stage_id)
        .scalar()
    )
    return (top or 0) + RANK_GAP


def application_input(application_id: int) -> ApplicationInput:
    """The stored application as the form shows it (the company by name)."""
    app = Application.get_by_id(application_id)
    return ApplicationInput(
        company=app.company.name,
        position=app.position,
        stage_id=app.stage_id,
        contact_id=app.contact_id,
        applied_on=app.applied_on,
        expected_answer_on=app.expected_answer_on,
        source=app.source,
        link=app.link,
        notes=app.notes,
        location=app.location,
        work_mode=app.work_mode,
        salary=salary_range_text(app.salary_min, app.salary_max),
        salary_currency=app.salary_currency,
        salary_period=app.salary_period,
        priority=app.priority,
        tags=app.tags,
        apply_by=app.apply_by,
        description=app.description,
    )


def save_application(data: ApplicationInput, application_id: int | None = None) -> Application:
    """Create or update an application (and the new contact it names); raise
    ValidationError and store nothing if invalid. Its follow-ups are planned in the same step,
    so a card never says "Nothing planned" for a moment it should not."""
    errors = application_problems(data)
    if errors:
        raise ValidationError(errors)
    now = dt.datetime.now().replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        company = company_named(data.company)
        contact_id = data.contact_id
        if contact_id is None and data.new_contact is not None:
            new_contact = replace(
                data.new_contact, company=data.new_contact.company or data.company
            )
            contact_id = save_contact(new_contact).id
        if application_id is None:
            app = Application(rank=_next_rank(data.stage_id), created_at=now)
        else:
            app = Application.get_by_id(application_id)
            if app.stage_id != data.stage_id:
                app.rank = _next_rank(data.stage_id)
        app.company = company
        app.position = data.position.strip()
        app.stage_id = data.stage_id
        app.contact_id = contact_id
        app.applied_on = data.applied_on
        app.expected_answer_on = data.expected_answer_on
        app.source = data.source.strip()
        app.link = data.link.strip()
        app.notes = data.notes
        _store_job_details(app, data)
        app.updated_at = now
        app.save()
        replan_after_change(application_id=app.id)
    return app


def _store_job_details(app: Application, data: ApplicationInput) -> None:
    salary = parse_salary(data.salary)
    app.location = data.location.strip()
    app.work_mode = data.work_mode
    app.salary_min = salary.minimum
    app.salary_max = salary.maximum
    # A currency or period written in the amount ("$50k/yr") counts when none was chosen.
    app.salary_currency = (data.salary_currency.strip() or salary.currency).upper()
    app.salary_period = data.salary_period or salary.period
    app.priority = data.priority
    app.tags = tags_text(parse_tags(data.tags))
    app.apply_by = data.apply_by
    app.description = data.description


def save_contact(data: ContactInput, contact_id: int | None = None) -> Contact:
    """Create or update a contact; raise ValidationError and store nothing if invalid."""
    region = get_profile().phone_region
    errors = contact_problems(data, region)
    if errors:
        raise ValidationError(errors)
    now = dt.datetime.now().replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        contact = Contact(created_at=now) if contact_id is None else Contact.get_by_id(contact_id)
        contact.first_name = data.first_name.strip()
        contact.last_name = data.last_name.strip()
        contact.role = data.role.strip()
        contact.company = company_named(data.company) if data.company.strip() else None
        contact.email = check.normalized_email(data.email)
        contact.phone = check.formatted_phone(data.phone, region)
        contact.address = data.address.strip()
        contact.time_zone = data.time_zone.strip()
        contact.notes = data.notes
        contact.is_agency = data.is_agency
        contact.client_company = (
            company_named(data.client_company)
            if data.is_agency and data.client_company.strip()
            else None
        )
        contact.preferred_channel = data.preferred_channel
        contact.social_handle = data.social_handle.strip()
        contact.keep_in_touch_days = data.keep_in_touch_days
        contact.updated_at = now
        contact.save()
        # The cadence and the preferred channel decide this contact's planned follow-ups.
        replan_after_change(contact_id=contact.id)
    return contact
