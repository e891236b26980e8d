"""An edit from the detail: the form's values, the people to ask about, re-planning once saved."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage
from followup_desktop.services.application_edits import finish_edit, snapshot_application
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    application_input,
    application_problems,
    save_application,
)
from followup_desktop.services.stage_changes import people_for
from followup_desktop.services.validation import ValidationError


def stage_id(name: str) -> int:
    return int(Stage.get(Stage.name == name).id)


def status_checks(application_id: int) -> int:
    return (
        FollowUp.select()
        .where(
            (FollowUp.application == application_id)
            & (FollowUp.reason == "status_check")
            & (FollowUp.state == "planned")
        )
        .count()
    )


def test_the_form_reads_back_what_was_saved(store: StoreInfo) -> None:
    person = Contact.create(first_name="Ada", last_name="Byron")
    values = ApplicationInput(
        company="Acme",
        position="Analyst",
        stage_id=stage_id("Applied"),
        contact_id=int(person.id),
        applied_on=dt.date(2024, 3, 1),
        expected_answer_on=dt.date(2024, 3, 15),
        source="Referral",
        link="https://acme.example/jobs/1",
        notes="Ask about the team.",
    )
    app = save_application(values)
    assert application_input(app.id) == values


def test_a_saved_edit_is_planned_with_the_save_and_finish_edit_reports_it(
    store: StoreInfo,
) -> None:
    app = save_application(
        ApplicationInput(company="Acme", position="Analyst", stage_id=stage_id("Wishlist"))
    )
    before = snapshot_application(app.id)
    assert finish_edit(before) is None, "nothing changed"
    applied_on = dt.date.today() - dt.timedelta(days=1)
    edited = dataclasses.replace(
        application_input(app.id),
        stage_id=stage_id("Applied"),
        applied_on=applied_on,
        expected_answer_on=applied_on + dt.timedelta(days=10),
    )
    save_application(edited, app.id)
    assert status_checks(app.id) == 1, "the save plans its status check in the same step"
    after = finish_edit(before)
    assert after is not None and after == snapshot_application(app.id)
    assert (after.stage_id, after.applied_on) == (stage_id("Applied"), applied_on)
    assert status_checks(app.id) == 1
    Application.delete().where(Application.id == app.id).execute()
    assert finish_edit(before) is None, "gone meanwhile"


def test_the_main_contact_comes_first_then_the_company_s_people(store: StoreInfo) -> None:
    acme = Company.create(name="Acme")
    other = Company.create(name="Other")
    main = Contact.create(first_name="Zoe", last_name="Zeta", company=other)
    Contact.create(first_name="Bob", last_name="Beta", company=acme)
    Contact.create(first_name="Ann", last_name="Alpha", is_agency=True, client_company=acme)
    Contact.create(first_name="Not", last_name="Here", company=other)
    app = save_application(
        ApplicationInput(
            company="Acme", position="Analyst", stage_id=stage_id("Wishlist"), contact_id=main.id
        )
    )
    names = [name for name, _contact_id in people_for(app.id)]
    assert names == ["Zoe Zeta", "Ann Alpha", "Bob Beta"]


def test_a_new_application_without_a_contact_has_its_status_check_at_once(
    store: StoreInfo,
) -> None:
    app = save_application(
        ApplicationInput(
            company="Acme",
            position="Analyst",
            stage_id=stage_id("Applied"),
            applied_on=dt.date.today(),
        )
    )
    assert app.contact_id is None
    assert status_checks(app.id) == 1


def test_a_person_typed_in_the_form_becomes_a_contact_of_the_company(store: StoreInfo) -> None:
    values = ApplicationInput(
        company="Acme",
        position="Analyst",
        stage_id=stage_id("Applied"),
        applied_on=dt.date.today(),
        new_contact=ContactInput(
            first_name="Olga", last_name="Castillo", email="olga@acme.example.com"
        ),
    )
    app = save_application(values)
    person = Contact.get_by_id(app.contact_id)
    assert (person.full_name, person.email, person.company.name) == (
        "Olga Castillo",
        "olga@acme.example.com",
        "Acme",
    )
    planned = FollowUp.get(FollowUp.application == app.id, FollowUp.reason == "status_check")
    assert planned.contact_id == person.id


def test_a_refused_new_contact_stores_nothing(store: StoreInfo) -> None:
    values = ApplicationInput(
        company="Acme",
        position="Analyst",
        stage_id=stage_id("Applied"),
        new_contact=ContactInput(first_name="Olga", email="not an address"),
    )
    errors = application_problems(values).errors
    assert set(errors) == {"new_contact_email"}
    with pytest.raises(ValidationError):
        save_application(values)
    assert (Application.select().count(), Contact.select().count()) == (0, 0)
