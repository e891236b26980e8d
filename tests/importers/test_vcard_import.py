"""vCard import: every version and the quirks of Apple, Google, Outlook and Android exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_desktop.db.models import Company, Contact
from followup_desktop.services.importers.contact_import import (
    import_contacts,
    open_import_source,
    read_records,
)
from followup_desktop.services.importers.contact_record import ContactRecord, ImportFormatError
from followup_desktop.services.importers.postal_format import format_address
from followup_desktop.services.importers.vcard_reader import read_vcards

SAMPLES = Path(__file__).parent / "samples"


def records_of(name: str):  # type: ignore[no-untyped-def]
    data = (SAMPLES / name).read_bytes()
    return read_records(open_import_source(data, "vcf", name))


def main_address(record: ContactRecord, home: str = "US") -> str:
    """The record's main address as the store gets it."""
    return format_address(record.addresses[0], home) if record.addresses else ""


def test_apple_3_0_grouped_properties_preferred_email_and_photo() -> None:
    person, organisation = records_of("apple_contacts_3_0.vcf")
    assert (person.first_name, person.last_name) == ("Chidi", "Okafor")
    assert person.company == "Northwind Talent"
    assert person.role == "Senior Technical Recruiter"
    # type=pref wins over file order
    assert person.emails == ["chidi.okafor@northwind-talent.com", "chidi.home@mailbox.org"]
    assert person.phones[0] == "(312) 555-0142"
    assert main_address(person) == "200 W Madison St\nSuite 1200\nChicago, IL 60606\nUnited States"
    assert person.social_handle == "https://www.linkedin.com/in/chidiokafor"
    assert person.notes == ["Met at the Chicago tech fair. Prefers calls before noon."]
    assert organisation.company_card


def test_google_3_0_escaped_url_and_categories() -> None:
    mei, tomas = records_of("google_contacts_3_0.vcf")
    assert mei.emails == ["mei.lin@bluebird-health.com", "meilin88@gmail.com"]
    assert mei.websites == ["https://bluebird-health.com/careers"]
    assert main_address(mei).startswith("14 Harbour Row\nLondon")
    assert (tomas.first_name, tomas.company) == ("Tomás", "Juniper Labs")


def test_outlook_2_1_in_windows_1252_with_quoted_printable_soft_breaks() -> None:
    source = open_import_source((SAMPLES / "outlook_2_1_cp1252.vcf").read_bytes(), "vcf")
    assert source.encoding == "cp1252"
    (record,) = read_records(source)
    assert (record.first_name, record.last_name) == ("Jürgen", "Müller")
    assert record.company == "Keel & Co. Search"
    assert record.emails == ["j.mueller@keel-search.de"]
    # the LABEL (unindented quoted-printable continuation) is preferred over the ADR parts
    assert main_address(record) == "Friedrichstraße 12\n10117 Berlin\nDeutschland"
    assert record.notes == ["Agentur für Kunden in der Logistik.\nRückruf erwünscht."]
    # voice numbers: the mobile first, then work (point 7)
    assert record.phones == ["+49 151 23456789", "+49 30 901820"]
    assert record.phone_labels == ["mobile", "work"]


def test_android_2_1_utf8_quoted_printable() -> None:
    (record,) = records_of("android_2_1_qp.vcf")
    assert (record.first_name, record.last_name) == ("Björn", "Åström")
    assert record.company == "Granit Rekrytering AB"
    assert record.phones[0] == "+46 8 123 456 78"  # the PREF one
    assert record.notes == ["Träffade på mässan i Göteborg. Vill höras av i höst."]


def test_vcard_4_0_tel_uri_pref_parameter_and_text_time_zone() -> None:
    (record,) = records_of("vcard_4_0.vcf")
    assert record.emails[0] == "priya.natarajan@summit-energy.com"
    assert record.phones == ["+1-415-555-0123 ext. 42", "+1-415-555-0188"]
    assert record.time_zone == "America/Los_Angeles"
    assert record.social_handle == "https://www.linkedin.com/in/priyanatarajan"
    assert main_address(record) == "500 Market St\nSan Francisco, CA 94105\nUSA"


def test_every_sample_imports_into_the_store(store: object) -> None:
    total = 0
    for path in sorted(SAMPLES.glob("*.vcf")):
        _plan, result = import_contacts(path.read_bytes(), "vcf", name=path.name)
        assert result is not None
        total += result.created
    # the organisations' cards make companies, not people; every other card a contact
    assert total == Contact.select().count()
    assert Company.get(Company.name == "Harbor Logistics")
    assert Company.get(Company.name == "Northwind Talent")
    chidi = Contact.get(Contact.last_name == "Okafor")
    assert chidi.email == "chidi.okafor@northwind-talent.com"
    assert chidi.phone == "+1 312-555-0142"  # formatted with the profile's region (US)
    assert "Home e-mail: chidi.home@mailbox.org" in chidi.notes
    assert "Work phone: +1 312-555-0199" in chidi.notes
    assert Company.get(Company.name == "Keel & Co. Search")
    priya = Contact.get(Contact.last_name == "Natarajan")
    assert priya.time_zone == "America/Los_Angeles"


def test_company_card_creates_the_company_with_its_website(store: object) -> None:
    """Point 10: Apple's X-ABShowAs:COMPANY card is the organisation itself."""
    plan, _ = import_contacts(
        (SAMPLES / "apple_contacts_3_0.vcf").read_bytes(), "vcf", dry_run=True
    )
    (card,) = [item for item in plan.items if item.kind == "company"]
    assert card.outcome == "new" and card.name == "Harbor Logistics"
    assert card.values["website"] == "https://harbor-logistics.example.com"
    assert "new company" in card.reason
    assert Contact.select().count() == 0 and Company.select().count() == 0


GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello world\n", "line 1: expected BEGIN:VCARD"),
        ("", "no vCard found"),
        (GOOD + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut\n", "card 2 (line 6): the file ends before"),
        (GOOD + "stray text\n", "line 6: text after the end of card 1"),
    ],
)
def test_malformed_files_name_the_card_or_line(text: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_vcards(text)


def test_folded_lines_and_escapes() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nN:O'Neil\\;Smith;Ann;;;\nFN:Ann\nORG:Acme\\, Inc.;Sales\n"
        "NOTE:first line\\nsecond\n  line with a fold\nEND:VCARD\n"
    )
    (record,) = read_vcards(text)
    assert record.last_name == "O'Neil;Smith"
    assert record.company == "Acme, Inc."
    assert record.notes == ["first line\nsecond line with a fold"]


def test_embedded_agent_card_is_not_a_contact() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:2.1\nN:Boss;Big\nAGENT:\nBEGIN:VCARD\nVERSION:2.1\nN:Helper;Al\n"
        "END:VCARD\nEND:VCARD\n"
    )
    (record,) = read_vcards(text)
    assert record.last_name == "Boss"
