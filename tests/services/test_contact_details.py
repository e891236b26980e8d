"""A stored contact and a stored company read back as the forms show them."""

from __future__ import annotations

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Company, Contact
from followup_desktop.services.companies import CompanyInput, save_company, stored_company
from followup_desktop.services.contact_details import stored_contact
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.services.validation import phone_example


def test_a_saved_contact_reads_back_as_it_was_entered(store: StoreInfo) -> None:
    entered = ContactInput(
        first_name="Grace",
        last_name="Patel",
        role="Agency Recruiter",
        company="Keel & Co. Search",
        email="grace@keel.example",
        phone="+44 20 7946 0958",
        address="1 Quay Street\nBristol",
        time_zone="Europe/London",
        notes="Met at the fair.",
        is_agency=True,
        client_company="Bluebird Software",
        preferred_channel="call",
        social_handle="@gpatel",
        keep_in_touch_days=60,
    )
    contact_id = save_contact(entered).id
    found = stored_contact(contact_id)
    assert found is not None
    assert found.id == contact_id and found.full_name == "Grace Patel"
    assert found.values == entered


def test_defaults_and_a_missing_contact(store: StoreInfo) -> None:
    contact_id = save_contact(ContactInput(first_name="", last_name="Moss")).id
    found = stored_contact(contact_id)
    assert found is not None
    assert found.full_name == "Moss"
    assert found.values == ContactInput(first_name="", last_name="Moss")
    assert stored_contact(contact_id + 1) is None


def test_the_client_company_is_kept_when_the_person_left_the_agency(store: StoreInfo) -> None:
    client = Company.create(name="Harbor Media")
    contact_id = save_contact(ContactInput(first_name="Dev", last_name="Quinn")).id
    Contact.update(client_company=client.id, is_agency=False).where(
        Contact.id == contact_id
    ).execute()
    found = stored_contact(contact_id)
    assert found is not None
    assert not found.values.is_agency and found.values.client_company == "Harbor Media"


def test_a_saved_company_reads_back(store: StoreInfo) -> None:
    entered = CompanyInput(
        name="TalentBridge Staffing",
        website="https://talentbridge.example",
        address="107 Lake Blvd\nPortland",
        notes="Agency.",
    )
    company = save_company(entered)
    assert stored_company(company.id) == entered
    assert stored_company(company.id + 1) is None


def test_phone_example_follows_the_region() -> None:
    assert phone_example("").startswith("+1 ")
    assert phone_example("GB").startswith("+44 ")
