"""Templates: the built-in files, slot filling from each source, and missing slots kept visible."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, Interaction, Profile
from followup_desktop.db.seed import PROFILE_ID
from followup_desktop.services.templates import (
    SLOT_HELP,
    Template,
    all_templates,
    fill,
    fill_template,
    load_templates,
    parse_template,
    slots_in,
    template_text,
    topic_from_summary,
    unfilled_slots,
    values_for,
)


@pytest.fixture
def people(store: StoreInfo) -> dict[str, int]:
    Profile.update(
        full_name="Jordan Rivera",
        email="jordan@example.com",
        phone="+1 415 555 0142",
        qualifications="six years of data analysis",
    ).where(Profile.id == PROFILE_ID).execute()
    company = Company.create(name="Northwind Analytics")
    contact = Contact.create(first_name="Amelia", last_name="Berg", company=company, role="HR")
    application = Application.create(
        company=company,
        position="Data Analyst",
        stage=2,
        contact=contact,
        applied_on=dt.date(2026, 3, 2),
    )
    Interaction.create(
        application=application,
        contact=contact,
        company=company,
        occurred_at=dt.datetime(2026, 3, 10, 10, 0),
        channel="meeting",
        kind="interview",
        summary="First interview; we talked about the new reporting stack.",
        open_questions="When is the second round?\nWho else is on the team?",
        concerns="Whether I know enough SQL",
    )
    # A later e-mail does not hide the interview: a real conversation says more.
    Interaction.create(
        application=application,
        contact=contact,
        occurred_at=dt.datetime(2026, 3, 11, 9, 0),
        channel="email",
        kind="email",
        summary="Sent my portfolio.",
    )
    return {"application": application.id, "contact": contact.id, "company": company.id}


def test_four_builtin_templates_with_only_known_slots() -> None:
    templates = {t.key: t for t in all_templates()}
    assert {"thank_you", "status_check", "rejection_reply", "keep_in_touch"} <= set(templates)
    for template in templates.values():
        assert template.title and template.subject and template.body
        used = slots_in(template.subject + template.body)
        assert used, template.key
        assert set(used) <= set(SLOT_HELP), template.key


def test_slots_are_filled_from_profile_application_contact_and_conversation(
    people: dict[str, int],
) -> None:
    values = values_for(people["application"], people["contact"])
    # profile
    assert values["my_name"] == "Jordan Rivera"
    assert values["my_email"] == "jordan@example.com"
    assert values["my_qualifications"] == "six years of data analysis"
    # application
    assert values["position"] == "Data Analyst"
    assert values["company"] == "Northwind Analytics"
    assert values["applied_date"] == "Monday, 2 March"
    # contact
    assert values["first_name"] == "Amelia"
    assert values["greeting_name"] == "Amelia"
    assert values["full_name"] == "Amelia Berg"
    # last conversation
    assert values["meeting_kind"] == "interview"
    assert values["meeting_date"] == "Tuesday, 10 March"
    assert values["topic"] == "the new reporting stack"
    assert values["open_question"] == "When is the second round"
    assert values["concern"] == "whether I know enough SQL"


def test_contact_comes_from_the_application_when_not_given(people: dict[str, int]) -> None:
    values = values_for(people["application"], None)
    assert values["first_name"] == "Amelia"


def test_thank_you_template_fills_completely(people: dict[str, int]) -> None:
    template = {t.key: t for t in all_templates()}["thank_you"]
    filled = fill_template(template, values_for(people["application"], people["contact"]))
    assert filled.missing == []
    assert unfilled_slots(filled.body) == []
    assert filled.body.startswith("Dear Amelia,")
    assert "on Tuesday, 10 March" in filled.body
    assert "the new reporting stack" in filled.body
    assert "whether I know enough SQL" in filled.body
    assert filled.subject == "Thank you for the interview about the Data Analyst role"


def test_email_channel_ends_with_the_contact_lines(people: dict[str, int]) -> None:
    template = {t.key: t for t in all_templates()}["status_check"]
    values = values_for(people["application"], people["contact"])
    email = fill_template(template, values, channel="email")
    note = fill_template(template, values, channel="note")
    assert email.body.endswith("Jordan Rivera\njordan@example.com\n+1 415 555 0142")
    assert "jordan@example.com" not in note.body


def test_missing_slot_is_reported_and_left_visible(store: StoreInfo) -> None:
    template = parse_template(
        "x", "Subject: Hello {first_name}\n\nDear {first_name},\nAbout {position}.\n"
    )
    filled = fill_template(template, {"position": "Analyst"})
    assert filled.missing == ["first_name"]
    assert filled.body == "Dear {first_name},\nAbout Analyst."
    assert unfilled_slots(filled.body) == ["first_name"]


def test_optional_part_is_dropped_when_its_slot_has_no_data() -> None:
    text = "Thank you for your time[ on {meeting_date}].[ You raised {concern}.] Best."
    assert fill(text, {"meeting_date": "Monday"}) == (
        "Thank you for your time on Monday. Best.",
        [],
    )
    assert fill(text, {}) == ("Thank you for your time. Best.", [])
    # Brackets without a slot are the writer's own and stay.
    assert fill("I [really] mean it", {}) == ("I [really] mean it", [])


def test_greeting_falls_back_to_the_hiring_team(store: StoreInfo) -> None:
    company = Company.create(name="Bluebird")
    application = Application.create(company=company, position="QA", stage=2)
    assert values_for(application.id, None)["greeting_name"] == "Bluebird hiring team"


def test_topic_is_taken_from_the_summary() -> None:
    assert topic_from_summary("First interview; we talked about the launch.") == "the launch"
    assert topic_from_summary("Topics: onboarding, tooling\nOther notes") == "onboarding, tooling"
    assert topic_from_summary("Long chat on budgets.") == "Long chat on budgets"


def test_user_template_replaces_builtin_and_round_trips(tmp_path: Path) -> None:
    builtin, mine = tmp_path / "builtin", tmp_path / "mine"
    builtin.mkdir()
    mine.mkdir()
    (builtin / "thank_you.txt").write_text("Title: Built in\nSubject: S\n\nBody\n", "utf-8")
    own = Template("thank_you", "My thanks", "Thanks {first_name}", "Hi {first_name}!", False)
    (mine / "thank_you.txt").write_text(template_text(own), "utf-8")
    (mine / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    loaded = load_templates(builtin, mine)
    assert loaded == [own]
