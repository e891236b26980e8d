"""Applications from a spreadsheet: headers recognised, stages mapped, dates read, companies and
contacts matched, all or nothing, follow-ups planned; and the export read back unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.exporters.application_csv import (
    applications_to_csv,
    export_applications_csv,
)
from followup_desktop.services.importers.application_import import import_applications
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.records import ApplicationInput, save_application

#: As a person keeps it in a spreadsheet, with another tracker's words for the columns.
OTHER_TRACKER = """Job Title,Company Name,Status,Date Applied,Job URL,Location,Salary,Recruiter,\
Comments,Labels,Excitement
Data Analyst,Núñez & Co,Phone Screen,"March 4, 2025",https://nunez.example/jobs/1,Madrid,\
€40k-45k,Ana García,Met at a fair,python;madrid,4
Payroll Clerk,kestrel payroll,Applied,04/03/2025,,Leeds,£28000,,,,2
Analyst,Acme,Ghosted,25/02/2025,,,,,,,5
"""


def _stage(name: str) -> int:
    return int(Stage.get(Stage.name == name).id)


def test_another_trackers_columns_stages_dates_and_people_are_read(store: StoreInfo) -> None:
    kestrel = Company.create(name="Kestrel Payroll")
    Contact.create(first_name="Ana", last_name="Garcia", email="ana@nunez.example")
    plan, stored = import_applications(
        OTHER_TRACKER.encode(), stages={"ghosted": "Rejected"}, name="tracker.csv"
    )
    assert stored == 3 and plan.problems() == []
    analyst = Application.get(Application.position == "Data Analyst")
    assert analyst.stage.name == "Interview"  # "Phone Screen" means an interview
    assert analyst.applied_on == dt.date(2025, 3, 4)
    assert (analyst.salary_min, analyst.salary_max, analyst.salary_currency) == (
        40000,
        45000,
        "EUR",
    )
    assert analyst.tags == "python, madrid" and analyst.notes == "Met at a fair"
    assert analyst.priority == 2  # 4 of 5
    # The contact is the stored one, found by name without its accent.
    assert analyst.contact.email == "ana@nunez.example" and Contact.select().count() == 1
    clerk = Application.get(Application.position == "Payroll Clerk")
    # "04/03/2025" beside "25/02/2025" in the same column: the day comes first.
    assert clerk.applied_on == dt.date(2025, 3, 4)
    assert clerk.company_id == kestrel.id  # matched without case
    assert Application.get(Application.position == "Analyst").stage.name == "Rejected"
    # The follow-up rules ran over what came in: the applied row awaits its status check.
    assert FollowUp.select().where(FollowUp.application == clerk.id).exists()


def test_an_unknown_stage_or_a_bad_date_refuses_the_whole_file_naming_the_row(
    store: StoreInfo,
) -> None:
    plan, stored = import_applications(OTHER_TRACKER.encode(), dry_run=True)
    assert stored is None and plan.unknown_stages == {"Ghosted": 1}
    with pytest.raises(ImportFormatError, match=r'^line 4: the stage "Ghosted" is not one of'):
        import_applications(OTHER_TRACKER.encode())
    broken = OTHER_TRACKER.replace("25/02/2025", "the 31st of Smarch")
    with pytest.raises(ImportFormatError, match=r'^line 4: Date applied: "the 31st of Smarch"'):
        import_applications(broken.encode(), stages={"Ghosted": "Rejected"})
    assert Application.select().count() == 0 and Company.select().count() == 0
    with pytest.raises(ImportFormatError, match="no stage 'Limbo'"):
        import_applications(OTHER_TRACKER.encode(), stages={"Ghosted": "Limbo"})


def test_a_file_without_company_or_position_columns_says_so(store: StoreInfo) -> None:
    with pytest.raises(ImportFormatError, match="needs a column for the company"):
        import_applications(b"Name,Phone\nAda,123\n")
    plan, _stored = import_applications(
        b"Name,Job\nAcme,Analyst\n", columns={"Name": "company"}, dry_run=True
    )
    assert [item.data.company for item in plan.items] == ["Acme"]


def test_a_semicolon_spreadsheet_in_windows_1252(store: StoreInfo) -> None:
    text = "Company;Position;Stage;Applied\r\nCafé Noir;Barista;Applied;3 Feb 2025\r\n"
    _plan, stored = import_applications(text.encode("cp1252"))
    assert stored == 1
    app = Application.get()
    assert (app.company.name, app.applied_on) == ("Café Noir", dt.date(2025, 2, 3))


def test_export_then_import_into_an_empty_store_gives_the_same_applications(
    demo_store: StoreInfo, tmp_path: Path
) -> None:
    risky = save_application(
        ApplicationInput(
            company='=HYPERLINK("http://evil.example")',
            position="+Analyst",
            stage_id=_stage("Offer"),
            notes="line one\nline two, with a comma",
            salary="40-45 /hour",
            salary_currency="USD",
            tags="a, b",
            apply_by=dt.date(2026, 2, 1),
            description='He said "yes".',
        )
    )
    Application.update(archived=True).where(Application.id == risky.id).execute()
    out = tmp_path / "applications.csv"
    count = export_applications_csv(out)
    assert count == Application.select().count()
    written = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in written and "'+Analyst" in written
    before, _count = applications_to_csv()
    close_store()

    open_store(DataLocation(tmp_path / "empty").ensure().database)
    try:
        _plan, stored = import_applications(out.read_bytes())
        assert stored == count
        after, _count = applications_to_csv()
        assert after == before
        back = Application.get(Application.position == "+Analyst")
        assert back.company.name == '=HYPERLINK("http://evil.example")'
        assert back.archived and (back.salary_min, back.salary_period) == (40, "hour")
    finally:
        close_store()
