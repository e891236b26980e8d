"""Job details on an application: pay read as people write it, tags, checks, search, the card."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Stage
from followup_desktop.services.board import load_card
from followup_desktop.services.board_search import load_search_entries, search_board
from followup_desktop.services.job_details import (
    SalaryRange,
    known_tags,
    parse_salary,
    parse_tags,
    salary_text,
    with_tag,
    work_mode_of,
)
from followup_desktop.services.records import (
    ApplicationInput,
    application_input,
    application_problems,
    save_application,
)
from followup_desktop.services.validation import ValidationError


def _stage() -> int:
    return int(Stage.get(Stage.name == "Applied").id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("55000", SalaryRange(55000, 55000, "", "")),
        ("50,000–70,000", SalaryRange(50000, 70000, "", "")),
        ("50k-70k EUR", SalaryRange(50000, 70000, "EUR", "")),
        ("$40 - 45/hr", SalaryRange(40, 45, "USD", "hour")),
        ("€3.500 per month", SalaryRange(3500, 3500, "EUR", "month")),
        ("£52.5k a year", SalaryRange(52500, 52500, "GBP", "year")),
        ("", SalaryRange(None, None, "", "")),
    ],
)
def test_pay_is_read_as_people_write_it(text: str, expected: SalaryRange) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize("text", ["a lot", "70000-50000", "1-2-3", "9" * 20])
def test_pay_that_is_not_a_range_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError, match=r"^\S.*\.$"):
        parse_salary(text)


def test_tags_words_and_pay_in_words() -> None:
    assert parse_tags(" python,  Remote ;python , ,data team") == ["python", "Remote", "data team"]
    assert with_tag("python, remote", "Python") == "python, remote"
    assert with_tag("", "fintech") == "fintech"
    assert work_mode_of("On site") == "onsite" and work_mode_of("WFH") == "remote"
    assert work_mode_of("sometimes") is None
    assert salary_text(50000, 70000, "EUR", "year") == "50,000–70,000 EUR a year"
    assert salary_text(None, None, "EUR", "year") == ""


def _job(**changes: object) -> ApplicationInput:
    values = ApplicationInput(
        company="Kestrel",
        position="Payroll Analyst",
        stage_id=_stage(),
        location="Leeds",
        work_mode="hybrid",
        salary="$52k–60k/yr",
        priority=3,
        tags="payroll, Fintech, payroll",
        apply_by=dt.date(2026, 1, 31),
        description="We need someone who knows Sage and ÉLÉGANT spreadsheets.",
    )
    for name, value in changes.items():
        setattr(values, name, value)
    return values


def test_job_details_are_stored_read_back_and_searched(store: StoreInfo) -> None:
    app = save_application(_job())
    stored = Application.get_by_id(app.id)
    assert (stored.salary_min, stored.salary_max) == (52000, 60000)
    assert (stored.salary_currency, stored.salary_period) == ("USD", "year")
    assert stored.tags == "payroll, Fintech"
    form = application_input(app.id)
    assert (form.salary, form.salary_currency, form.priority) == ("52,000–60,000", "USD", 3)
    assert form.apply_by == dt.date(2026, 1, 31) and form.location == "Leeds"
    # Saving what the form shows changes nothing.
    save_application(form, app.id)
    assert application_input(app.id) == form
    card = load_card(app.id)
    assert card is not None
    assert (card.priority, card.location, card.work_mode, card.tags) == (
        3,
        "Leeds",
        "hybrid",
        "payroll, Fintech",
    )
    entries = load_search_entries()
    for words in ("fintech", "elegant sage", "leeds", "hybrid"):
        assert search_board(entries, words) == {_stage(): [app.id]}, words
    assert search_board(entries, "python") == {}
    assert known_tags() == ["Fintech", "payroll"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"salary": "lots"}, "salary"),
        ({"salary_currency": "EURO"}, "salary_currency"),
        ({"salary_period": "fortnight"}, "salary_period"),
        ({"priority": 4}, "priority"),
        ({"work_mode": "moon"}, "work_mode"),
        ({"tags": "x" * 61}, "tags"),
        ({"description": "nul\x00"}, "description"),
    ],
)
def test_bad_job_details_are_refused_at_their_field_and_nothing_is_stored(
    store: StoreInfo, changes: dict[str, object], field: str
) -> None:
    data = _job(**changes)
    errors = application_problems(data).errors
    assert list(errors) == [field] and errors[field].endswith(".")
    with pytest.raises(ValidationError):
        save_application(data)
    assert Application.select().count() == 0
