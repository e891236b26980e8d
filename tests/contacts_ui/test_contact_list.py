"""The contact list: search typed as a person would, filters, sorting, selection and detail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Company, Contact, FollowUp, Interaction
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.ui.contacts.contact_list_model import COMPANY, EMAIL, NAME
from followup_desktop.ui.contacts.contacts_area import ContactsArea
from followup_desktop.ui.events import AppEvents


@pytest.fixture
def area(qtbot: QtBot, demo_store: StoreInfo) -> Iterator[ContactsArea]:
    events = AppEvents()
    widget = ContactsArea(events)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def shown_names(area: ContactsArea, column: int = NAME) -> list[str]:
    model = area.list_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_search_typed_narrows_on_every_keystroke(area: ContactsArea, qtbot: QtBot) -> None:
    total = Contact.select().count()
    someone = Contact.select().order_by(Contact.id).first()
    company = someone.company.name
    qtbot.keyClicks(area.search, company[:4].lower())
    after_four = area.list_model.rowCount()
    assert 0 < after_four < total
    qtbot.keyClicks(area.search, company[4:].lower())
    expected = (
        Contact.select()
        .join(Company, on=(Contact.company == Company.id))
        .where(Company.name == company)
        .count()
    )
    rows = shown_names(area, COMPANY)
    assert len(rows) >= expected
    assert all(company.lower() in text.lower() or text for text in rows)
    assert f"of {total:,} contacts" in area.list_panel.count_label.text()
    area.search.clear()
    assert area.list_model.rowCount() == total


def test_several_words_must_all_match_in_any_field(area: ContactsArea, qtbot: QtBot) -> None:
    someone = Contact.select().order_by(Contact.id).first()
    qtbot.keyClicks(area.search, f"{someone.last_name} {someone.email.split('@')[0]}")
    assert area.list_model.rowCount() == 1
    assert area.list_model.index(0, EMAIL).data() == someone.email
    qtbot.keyClick(area.search, Qt.Key.Key_Backspace)
    assert area.list_model.rowCount() >= 1


def test_agency_and_company_filters(area: ContactsArea) -> None:
    panel = area.list_panel
    panel.agency_only.setChecked(True)
    agency_count = Contact.select().where(Contact.is_agency == True).count()  # noqa: E712
    assert area.list_model.rowCount() == agency_count > 0
    panel.agency_only.setChecked(False)
    company = Company.select().order_by(Company.id).first()
    panel.filter_by_company(company.id)
    expected = (
        Contact.select()
        .where((Contact.company == company.id) | (Contact.client_company == company.id))
        .count()
    )
    assert area.list_model.rowCount() == expected


def test_keep_in_touch_due_and_quiet_for_filters(area: ContactsArea) -> None:
    today = dt.date.today()
    due = save_contact(ContactInput(first_name="Due", last_name="Person"))
    FollowUp.create(contact=due, due_on=today - dt.timedelta(days=2), reason="keep_in_touch")
    later = save_contact(ContactInput(first_name="Later", last_name="Person"))
    FollowUp.create(contact=later, due_on=today + dt.timedelta(days=20), reason="keep_in_touch")
    area.refresh()
    panel = area.list_panel
    panel.keep_in_touch_due.setChecked(True)
    names = shown_names(area)
    assert "Due Person" in names and "Later Person" not in names
    panel.keep_in_touch_due.setChecked(False)

    Interaction.create(contact=later, occurred_at=dt.datetime.now(), kind="call", channel="call")
    area.refresh()
    panel.silent.setChecked(True)
    panel.silent_days.setValue(30)
    names = shown_names(area)
    assert "Due Person" in names  # never contacted
    assert "Later Person" not in names  # talked to today


def test_sorting_by_a_column_and_selection_survives_filtering(
    area: ContactsArea, qtbot: QtBot
) -> None:
    area.list_panel.table.sortByColumn(COMPANY, Qt.SortOrder.DescendingOrder)
    companies = [c.casefold() for c in shown_names(area, COMPANY)]
    assert companies == sorted(companies, reverse=True)
    someone = Contact.select().order_by(Contact.id.desc()).first()
    assert area.list_panel.select_contact(someone.id)
    assert area.detail.contact_id == someone.id
    qtbot.keyClicks(area.search, someone.first_name[:2])
    assert area.list_panel.selected_contact_id() == someone.id
    assert area.detail.title.text() == someone.full_name


def test_show_contact_clears_filters_that_hide_it(area: ContactsArea, qtbot: QtBot) -> None:
    qtbot.keyClicks(area.search, "zzzz-nobody")
    assert area.list_model.rowCount() == 0
    someone = Contact.select().first()
    area.show_contact(someone.id)
    assert area.search.text() == ""
    assert area.detail.contact_id == someone.id
