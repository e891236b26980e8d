"""What the log-conversation dialog offers: the people and open applications of a contact,
an application or a company, and what it picks first."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import ApplicationContact, Company
from followup_desktop.services.conversation_choices import (
    ConversationApplication,
    ConversationPerson,
    application_contact,
    conversation_applications,
    conversation_company,
    conversation_people,
    latest_application_of,
)
from tests.services.planning_rows import make_application, make_contact


def test_nothing_known_offers_nobody_and_nothing(store: StoreInfo) -> None:
    make_contact()
    assert conversation_people(contact_id=None, application_id=None, company_id=None) == []
    assert conversation_applications(application_id=None, contact_id=None, company_id=None) == []
    assert conversation_company(contact_id=None, application_id=None, company_id=None) is None


def test_a_company_offers_its_people_and_agency_recruiters_by_last_name(store: StoreInfo) -> None:
    lumen = Company.create(name="Lumen Labs")
    agency = Company.create(name="Keel Search")
    zed = make_contact("Zed", "Young", company=lumen)
    amy = make_contact("Amy", "Adams", company=agency)
    amy.client_company = lumen
    amy.is_agency = True
    amy.save()
    make_contact("Out", "Sider")
    people = conversation_people(contact_id=None, application_id=None, company_id=lumen.id)
    assert people == [
        ConversationPerson(amy.id, "Amy", "Adams", "Recruiter", "Keel Search"),
        ConversationPerson(zed.id, "Zed", "Young", "Recruiter", "Lumen Labs"),
    ]
    # An agency recruiter's conversations are with the company they recruit for.
    assert conversation_company(contact_id=amy.id, application_id=None, company_id=None) == (
        lumen.id
    )
    assert conversation_company(contact_id=zed.id, application_id=None, company_id=None) == (
        lumen.id
    )


def test_an_application_offers_its_main_and_linked_people(store: StoreInfo) -> None:
    main = make_contact("Mia", "Main")
    linked = make_contact("Lee", "Linked")
    make_contact("Not", "Involved")
    app = make_application(contact=main, company_name="Northwind Labs")
    ApplicationContact.create(application=app, contact=linked)
    company_id = conversation_company(contact_id=None, application_id=app.id, company_id=None)
    assert company_id == app.company_id
    people = conversation_people(contact_id=None, application_id=app.id, company_id=None)
    assert [p.id for p in people] == [linked.id, main.id]
    assert application_contact(app.id) == main.id


def test_a_contacts_open_applications_newest_first(store: StoreInfo) -> None:
    person = make_contact("Ana", "Lopez")
    old = make_application(contact=person, applied=dt.date(2026, 1, 5), position="Analyst")
    new = make_application(contact=person, applied=dt.date(2026, 2, 5), position="Lead")
    archived = make_application(contact=person, applied=dt.date(2026, 3, 5), position="Gone")
    archived.archived = True
    archived.save()
    other = make_application(company_name="Elsewhere", position="Other")
    linked = make_application(company_name="Elsewhere", position="Linked", applied=None)
    ApplicationContact.create(application=linked, contact=person)
    found = conversation_applications(application_id=None, contact_id=person.id, company_id=None)
    assert found == [
        ConversationApplication(new.id, "Lead", "Northwind Labs"),
        ConversationApplication(old.id, "Analyst", "Northwind Labs"),
        ConversationApplication(linked.id, "Linked", "Elsewhere"),
    ]  # an application without a date comes last; archived ones and others are left out
    assert other.id not in {a.id for a in found}
    assert latest_application_of(person.id) == new.id
    nobody = make_contact("No", "Apps")
    assert latest_application_of(nobody.id) is None
