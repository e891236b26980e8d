"""Import preview and apply: dedupe and merge rules, one transaction, cancel."""

from __future__ import annotations

from typing import Any

import pytest

from followup_desktop.db.models import Company, Contact, FollowUp
from followup_desktop.services.importers import import_apply
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.importers.contact_record import ContactRecord
from followup_desktop.services.importers.import_apply import ImportCancelledError, apply_import
from followup_desktop.services.importers.import_plan import MERGED, NEW, SKIPPED, plan_import
from followup_desktop.services.records import ContactInput, save_contact


def record(**fields: Any) -> ContactRecord:
    return ContactRecord(source=fields.pop("source", "line 2"), **fields)


def snapshot() -> list[tuple[Any, ...]]:
    return list(Contact.select().order_by(Contact.id).tuples()) + list(
        Company.select().order_by(Company.id).tuples()
    )


def test_same_email_merges_and_fills_only_empty_fields(store: object) -> None:
    known = save_contact(
        ContactInput(first_name="Dana", last_name="Kim", email="dana@acme.com", role="Recruiter")
    )
    plan = plan_import(
        [
            record(
                first_name="D.",
                last_name="Kim",
                emails=["DANA@acme.com"],
                role="Head of Talent",
                phones=["+1 312 555 0100"],
                company="Acme",
            )
        ]
    )
    (item,) = plan.items
    assert item.outcome == MERGED and item.contact_id == known.id
    assert "same e-mail" in item.reason
    apply_import(plan)
    dana = Contact.get_by_id(known.id)
    assert dana.role == "Recruiter"  # never overwritten
    assert dana.first_name == "Dana"
    assert dana.phone == "+1 312-555-0100"
    assert dana.company.name == "Acme"


def test_same_name_and_company_merges_when_the_emails_do_not_differ(store: object) -> None:
    known = save_contact(ContactInput(first_name="Ravi", last_name="Shah", company="Orbit"))
    plan = plan_import(
        [
            record(
                first_name="ravi",
                last_name="SHAH",
                company="orbit",
                emails=["ravi@orbit.io"],
                phones=["+1 415 555 0100"],
            )
        ]
    )
    (item,) = plan.items
    assert item.outcome == MERGED and item.contact_id == known.id
    assert item.reason.startswith("same name and company: adds e-mail, phone")
    apply_import(plan)
    ravi = Contact.get_by_id(known.id)
    assert ravi.email == "ravi@orbit.io"


def test_same_name_and_company_with_different_emails_are_two_people(store: object) -> None:
    save_contact(
        ContactInput(first_name="Ravi", last_name="Shah", company="Orbit", email="ravi@orbit.io")
    )
    plan = plan_import(
        [record(first_name="Ravi", last_name="Shah", company="Orbit", emails=["r.shah@orbit.io"])]
    )
    assert plan.items[0].outcome == NEW
    apply_import(plan)
    assert Contact.select().where(Contact.last_name == "Shah").count() == 2


def test_nothing_new_is_skipped_with_reason(store: object) -> None:
    save_contact(ContactInput(first_name="Li", last_name="Wei", email="li@x.org"))
    plan = plan_import([record(first_name="Li", last_name="Wei", emails=["li@x.org"])])
    assert plan.items[0].outcome == SKIPPED
    assert plan.items[0].reason == "already known as Li Wei (same e-mail), nothing new"


def test_duplicates_within_the_file_merge_into_the_first(store: object) -> None:
    plan = plan_import(
        [
            record(source="card 1 (line 1)", first_name="Eva", last_name="Berg", company="Maple"),
            record(
                source="card 2 (line 9)",
                first_name="Eva",
                last_name="Berg",
                company="Maple",
                emails=["eva@maple.ca"],
            ),
            record(
                source="card 3 (line 17)",
                first_name="E",
                last_name="B",
                emails=["eva@maple.ca"],
                phones=["+1 416 555 0199"],
            ),
        ]
    )
    assert [item.outcome for item in plan.items] == [NEW, MERGED, MERGED]
    assert plan.items[1].merged_into == 0
    assert "card 1 (line 1) in this file" in plan.items[1].reason
    result = apply_import(plan)
    assert (result.created, result.merged) == (1, 2)
    (eva,) = Contact.select()
    assert eva.email == "eva@maple.ca" and eva.phone == "+1 416-555-0199"


def test_records_without_names_and_bad_values(store: object) -> None:
    plan = plan_import(
        [
            record(emails=["who@x.com"]),
            record(
                first_name="Bo",
                emails=["not an address"],
                time_zone="Mars/Olympus",
                keep_in_touch_days="often",
            ),
        ]
    )
    # only an e-mail: the name comes from it, marked for the user to check
    who = plan.items[0]
    assert who.outcome == NEW and who.name == "Who"
    assert "name taken from the e-mail address who@x.com; check it" in who.reason
    assert plan_import([record()]).items[0].reason == "no name and no e-mail address"
    bo = plan.items[1]
    assert bo.outcome == NEW
    assert "not valid; kept in notes" in bo.reason
    assert "E-mail (not valid): not an address" in bo.values["notes"]
    assert "Time zone: Mars/Olympus" in bo.values["notes"]
    assert bo.values["keep_in_touch_days"] is None


def test_company_names_match_case_insensitively(store: object) -> None:
    Company.create(name="Northwind Analytics")
    plan = plan_import([record(first_name="A", company="NORTHWIND analytics")])
    result = apply_import(plan)
    assert result.companies_created == 0
    assert Company.select().count() == 1


def big_plan(count: int):  # type: ignore[no-untyped-def]
    return plan_import(
        [record(first_name=f"P{i}", last_name="Q", company=f"C{i % 7}") for i in range(count)]
    )


def test_a_failure_halfway_through_writing_rolls_everything_back(
    store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_contact(ContactInput(first_name="Kept", last_name="Before"))
    before = snapshot()
    plan = big_plan(1000)
    real_insert = import_apply.insert_contacts
    calls = {"n": 0}

    def failing_insert(rows: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real_insert(rows)

    monkeypatch.setattr(import_apply, "insert_contacts", failing_insert)
    with pytest.raises(OSError, match="disk full"):
        apply_import(plan)
    assert calls["n"] == 3
    assert snapshot() == before


def test_cancel_rolls_back_and_progress_is_reported(store: object) -> None:
    before = snapshot()
    plan = big_plan(1200)
    seen: list[tuple[int, int]] = []

    def cancel_after_two_batches() -> bool:
        return len(seen) >= 3

    with pytest.raises(ImportCancelledError):
        apply_import(
            plan, progress=lambda d, t: seen.append((d, t)), should_cancel=cancel_after_two_batches
        )
    assert seen[:3] == [
        (0, 1200),
        (import_apply.BATCH_SIZE, 1200),
        (2 * import_apply.BATCH_SIZE, 1200),
    ]
    assert snapshot() == before


def test_dry_run_writes_nothing(store: object) -> None:
    before = snapshot()
    data = b"BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane\nEND:VCARD\n"
    plan, result = import_contacts(data, "vcf", dry_run=True)
    assert result is None and plan.count(NEW) == 1
    assert snapshot() == before


def test_imported_cadence_plans_a_keep_in_touch(store: object) -> None:
    plan = plan_import([record(first_name="Cy", last_name="Odu", keep_in_touch_days="60")])
    apply_import(plan)
    cy = Contact.get(Contact.first_name == "Cy")
    assert cy.keep_in_touch_days == 60
    assert (
        FollowUp.select()
        .where((FollowUp.contact == cy.id) & (FollowUp.reason == "keep_in_touch"))
        .exists()
    )
