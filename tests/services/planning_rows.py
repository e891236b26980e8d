"""Builders for rows in a test store (companies, contacts, applications in a stage)."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage


def stage(kind: str) -> Stage:
    return Stage.get(Stage.kind == kind)


def make_contact(
    first: str = "Ana",
    last: str = "Lopez",
    *,
    company: Company | None = None,
    time_zone: str = "",
    channel: str = "",
    cadence: int | None = None,
    phone: str = "+1 312 555 0100",
) -> Contact:
    return Contact.create(
        first_name=first,
        last_name=last,
        company=company,
        email=f"{first.lower()}@example.com",
        phone=phone,
        time_zone=time_zone,
        preferred_channel=channel,
        keep_in_touch_days=cadence,
        role="Recruiter",
    )


def make_application(
    *,
    kind: str = "applied",
    applied: dt.date | None = dt.date(2026, 3, 2),
    expected: dt.date | None = None,
    contact: Contact | None = None,
    company_name: str = "Northwind Labs",
    position: str = "Data Analyst",
) -> Application:
    company = Company.get_or_none(Company.name == company_name) or Company.create(name=company_name)
    return Application.create(
        company=company,
        position=position,
        stage=stage(kind),
        contact=contact,
        applied_on=applied,
        expected_answer_on=expected,
        updated_at=dt.datetime(2026, 3, 2, 9, 0),
    )


def planned(reason: str | None = None) -> list[FollowUp]:
    query = FollowUp.select().where(FollowUp.state == "planned")
    if reason is not None:
        query = query.where(FollowUp.reason == reason)
    return list(query.order_by(FollowUp.due_on, FollowUp.id))
