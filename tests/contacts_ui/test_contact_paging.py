"""The contact list reads a page at a time: the first visit, scrolling, search and filters over
contacts beyond the first page, and edits, deletes and imports showing at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Company, Contact, FollowUp, database
from followup_desktop.services.contact_queries import ContactListQuery, contact_page
from followup_desktop.services.contact_search import ContactFilter
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.records import ContactInput, save_contact
from followup_desktop.ui.contacts import contact_list_model as list_model
from followup_desktop.ui.contacts.contact_list_model import EMAIL, NAME, ContactListModel
from followup_desktop.ui.contacts.contacts_area import ContactsArea
from followup_desktop.ui.events import AppEvents

PAGE = ContactListModel.PAGE_SIZE
PEOPLE = PAGE * 4 + 17


def _fill(count: int) -> None:
    """``count`` people named Person 0000…, the last ones in a company of their own."""
    crowd = Company.create(name="Crowd Ltd").id
    far = Company.create(name="Faraway Partners").id
    rows = [
        (
            f"P{n:04d}",
            f"Person{n:04d}",
            f"p{n:04d}@crowd.example",
            far if n >= count - 3 else crowd,
            n == count - 1,
        )
        for n in range(count)
    ]
    database.execute_sql("BEGIN")
    for first, last, email, company, agency in rows:
        database.execute_sql(
            "INSERT INTO contact (first_name, last_name, email, company_id, is_agency,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')",
            (first, last, email, company, agency),
        )
    database.execute_sql("COMMIT")


@pytest.fixture
def area(qtbot: QtBot, store: StoreInfo) -> Iterator[ContactsArea]:
    _fill(PEOPLE)
    widget = ContactsArea(AppEvents())
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _last() -> Contact:
    return Contact.get(Contact.last_name == f"Person{PEOPLE - 1:04d}")


def test_first_visit_reads_only_the_first_page(area: ContactsArea) -> None:
    model = area.list_model
    assert model.rowCount() == PEOPLE == model.total_count()
    assert model.pages_read == 1
    assert model.loaded_row_count() == PAGE < PEOPLE
    assert area.list_panel.count_label.text() == f"{PEOPLE:,} contacts"
    assert area.detail.contact_id == model.row_at(0).id  # opens on the first person


def test_scrolling_reads_more_pages_and_keeps_few(area: ContactsArea, qtbot: QtBot) -> None:
    model = area.list_model
    table = area.list_panel.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_read >= 2)
    assert model.pages_read >= 2
    last_row = model.rowCount() - 1
    assert model.index(last_row, NAME).data() == _last().full_name
    for row in range(0, model.rowCount(), 7):  # scroll through everything
        table.scrollTo(model.index(row, 0))
        QApplication.processEvents()
    assert model.loaded_row_count() <= ContactListModel.KEPT_PAGES * PAGE
    names = [model.index(row, NAME).data() for row in range(model.rowCount())]
    assert names == [f"P{n:04d} Person{n:04d}" for n in range(PEOPLE)]


def test_search_and_filters_reach_past_the_first_page(area: ContactsArea, qtbot: QtBot) -> None:
    model = area.list_model
    panel = area.list_panel
    qtbot.keyClicks(area.search, f"p{PEOPLE - 2:04d}@")
    assert model.rowCount() == 1
    assert model.index(0, EMAIL).data() == f"p{PEOPLE - 2:04d}@crowd.example"
    area.search.clear()
    panel.agency_only.setChecked(True)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [_last().id]
    panel.agency_only.setChecked(False)
    panel.filter_by_company(Company.get(Company.name == "Faraway Partners").id)
    assert model.rowCount() == 3
    assert panel.count_label.text() == f"3 of {PEOPLE:,} contacts"


def test_selecting_a_contact_far_down_scrolls_to_it(area: ContactsArea) -> None:
    last = _last()
    area.show_contact(last.id)
    model = area.list_model
    assert area.list_panel.selected_contact_id() == last.id
    assert area.list_panel.table.currentIndex().row() == model.rowCount() - 1
    area.list_panel.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert area.list_panel.table.currentIndex().row() == 0  # the selection follows the order
    assert area.detail.contact_id == last.id


def test_edits_deletes_and_imports_refresh_the_list(area: ContactsArea, qtbot: QtBot) -> None:
    model = area.list_model
    events = area.events
    someone = _last()
    save_contact(
        ContactInput(first_name="Aaron", last_name="Aardvark", email="aaron@new.example"),
        someone.id,
    )
    events.contacts_changed.emit()
    assert model.index(0, NAME).data() == "Aaron Aardvark"  # moved to the top by name
    Contact.delete_by_id(model.row_at(1).id)
    events.contacts_changed.emit()
    assert model.rowCount() == PEOPLE - 1
    lines = ["BEGIN:VCARD", "VERSION:3.0", "N:Zyx;Zoe;;;", "FN:Zoe Zyx", "EMAIL:zoe@zyx.example"]
    card = "\r\n".join([*lines, "END:VCARD", ""])
    import_contacts(card.encode(), "vcf", name="one.vcf")
    events.contacts_changed.emit()
    assert model.rowCount() == PEOPLE
    assert model.index(model.rowCount() - 1, NAME).data() == "Zoe Zyx"
    qtbot.keyClicks(area.search, "zyx")
    assert model.rowCount() == 1


def test_keep_in_touch_filter_beyond_the_first_page(area: ContactsArea) -> None:
    last = _last()
    FollowUp.create(contact=last, due_on=dt.date.today(), reason="keep_in_touch")
    area.refresh()
    area.list_panel.keep_in_touch_due.setChecked(True)
    model = area.list_model
    assert [model.row_at(r).id for r in range(model.rowCount())] == [last.id]
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole).startswith("Keep-in-touch due")


def test_dense_search_pages_walk_the_name_index_with_the_same_rows(area: ContactsArea) -> None:
    """When many contacts match, the page is found by walking the name index; the rows are
    the same as sorting every match, in both directions."""
    for descending in (False, True):
        query = ContactListQuery.of(ContactFilter(text="crowd"), dt.date.today(), NAME, descending)
        for offset in (0, PAGE):
            walked = contact_page(query, offset, PAGE, share=1.0)
            sorted_rows = contact_page(query, offset, PAGE, share=0.0)
            assert [r.id for r in walked] == [r.id for r in sorted_rows]
            assert len(walked) == PAGE
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        contact_page(ContactListQuery.of(ContactFilter(text="crowd"), dt.date.today()), 0, 5)
    finally:
        database.connection().set_trace_callback(None)
    (page_sql,) = [s for s in statements if s.startswith("SELECT") and "page_id" in s]
    plan = " ".join(str(step[3]) for step in database.execute_sql(f"EXPLAIN QUERY PLAN {page_sql}"))
    choosing_ids = plan.split("SCAN page")[0]
    assert "INDEX contact_sort_name" in choosing_ids, plan
    assert "TEMP B-TREE" not in choosing_ids, plan


def test_typing_shows_the_top_matches_and_keeps_a_selection_found_there(
    area: ContactsArea, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While searching, the list is not scrolled down to the selected person nor searched for
    them beyond the first page; they stay in the details and are selected again when shown."""
    last = _last()
    area.show_contact(last.id)
    table = area.list_panel.table
    assert table.verticalScrollBar().value() > 0

    def no_position_query(*_args: object) -> int | None:
        raise AssertionError("no position query while typing")

    monkeypatch.setattr(list_model, "position_of_contact", no_position_query)
    qtbot.keyClicks(area.search, "person")
    assert area.list_model.rowCount() == PEOPLE
    assert table.verticalScrollBar().value() == 0, "the top matches are shown"
    assert not table.currentIndex().isValid()
    assert area.detail.contact_id == last.id
    qtbot.keyClicks(area.search, f"{PEOPLE - 1:04d}")
    assert area.list_model.rowCount() == 1
    assert table.currentIndex().row() == 0
    assert area.list_panel.selected_contact_id() == last.id
