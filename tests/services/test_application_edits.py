"""An edit from the detail: the form's values, the people to ask about, re-planning once saved."""

from __future__ import annotations

import dataclasses
import datetime as dt

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage
from followup_desktop.services.application_edits import finish_edit, snapshot_application
from followup_desktop.services.records import (
    ApplicationInput,
    application_input,
    save_application,
)
from followup_desktop.services.stage_changes import people_for


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


def test_a_saved_edit_is_re_planned_once_and_an_unchanged_one_not_at_all(
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
    assert status_checks(app.id) == 0, "saving the form alone plans nothing"
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
