"""Export: vCard 3.0 and spreadsheet-safe CSV, and round trips back through the importers."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from followup_desktop.db.models import Company, Contact
from followup_desktop.services.exporters.csv_writer import export_contacts_csv, spreadsheet_safe
from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.records import ContactInput, save_contact


def fill_contacts() -> None:
    acme = Company.create(name="Acme, Inc.")
    client = Company.create(name="Globex; Intl")
    Contact.create(
        first_name="Ana María",
        last_name="López",
        role="Senior Recruiter, EMEA",
        company=acme,
        is_agency=True,
        client_company=client,
        email="ana@acme.com",
        phone="+1 312-555-0100",
        address="1 Main St\nChicago, IL 60601\nUSA",
        time_zone="America/Chicago",
        preferred_channel="call",
        social_handle="https://www.linkedin.com/in/ana",
        keep_in_touch_days=90,
        notes="Met at the fair;\nlikes tea, not coffee\\ and =SUM(A1) jokes",
    )
    save_contact(ContactInput(first_name='=HYPERLINK("x")', last_name="-Minus", role="@role"))
    save_contact(ContactInput(first_name="Bob", phone="+44 20 7946 0958"))


FIELDS = (
    "first_name",
    "last_name",
    "role",
    "email",
    "phone",
    "address",
    "time_zone",
    "preferred_channel",
    "social_handle",
    "is_agency",
    "keep_in_touch_days",
    "notes",
)


def contacts_as_values() -> list[tuple[Any, ...]]:
    rows = []
    for contact in Contact.select().order_by(Contact.last_name, Contact.first_name):
        rows.append(
            (
                *(getattr(contact, name) for name in FIELDS),
                contact.company.name if contact.company else "",
                contact.client_company.name if contact.client_company else "",
            )
        )
    return rows


@pytest.mark.parametrize("kind", ["vcf", "csv"])
def test_round_trip_gives_back_the_same_contacts(store: object, tmp_path: Path, kind: str) -> None:
    fill_contacts()
    before = contacts_as_values()
    target = tmp_path / f"contacts.{kind}"
    writer = export_contacts_vcard if kind == "vcf" else export_contacts_csv
    assert writer(target) == 3
    Contact.delete().execute()
    Company.delete().execute()
    plan, result = import_contacts(target.read_bytes(), kind)
    assert result is not None and result.created == 3, plan.items
    assert contacts_as_values() == before
    # importing the same file again finds every contact already known
    plan, _ = import_contacts(target.read_bytes(), kind, dry_run=True)
    assert [item.outcome for item in plan.items] == ["skipped"] * 3


def test_vcard_export_is_version_3_with_crlf(store: object, tmp_path: Path) -> None:
    fill_contacts()
    target = tmp_path / "out.vcf"
    export_contacts_vcard(target)
    data = target.read_bytes()
    assert data.count(b"BEGIN:VCARD\r\n") == 3
    assert data.count(b"VERSION:3.0\r\n") == 3
    assert b"ORG:Acme\\, Inc.\r\n" in data
    assert b"EMAIL;TYPE=INTERNET:ana@acme.com" in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1 312 555 0100", "'+1 312 555 0100"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\rReturn"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_escaping(cell: str, expected: str) -> None:
    assert spreadsheet_safe(cell) == expected


def test_csv_export_has_bom_and_escaped_cells(store: object, tmp_path: Path) -> None:
    fill_contacts()
    target = tmp_path / "out.csv"
    export_contacts_csv(target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfFirst name,Last name,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("x")' in cells
    assert "'-Minus" in cells
    assert "'@role" in cells
    assert "'+44 20 7946 0958" in cells
    assert not any(cell[:1] in ("=", "+", "-", "@") for cell in cells)


def test_export_writes_through_a_temporary_file(store: object, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.csv"
    target.write_text("old")
    fill_contacts()
    export_contacts_csv(target)
    assert target.read_text(encoding="utf-8-sig").startswith("First name")
    assert [p.name for p in folder.iterdir()] == ["out.csv"]
