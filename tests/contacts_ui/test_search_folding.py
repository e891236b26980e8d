"""Every search box finds names without their accents or case: "nunez", "nun", "nu" and "jose"
find José Núñez, typed into the real fields as a person would."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.store_format import SCHEMA_VERSION
from followup_desktop.services.contact_queries import ContactListQuery, contact_page
from followup_desktop.services.contact_search import ContactFilter
from followup_desktop.services.records import (
    ApplicationInput,
    ContactInput,
    save_application,
    save_contact,
)
from followup_desktop.services.search_text import fold_for_search
from followup_desktop.ui.contacts.company_panel import CompanyPanel
from followup_desktop.ui.contacts.contact_list_model import NAME
from followup_desktop.ui.contacts.contacts_area import ContactsArea
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.contact_dialog import ContactDialog
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.widgets.contact_picker import ContactPicker
from tests.ui.pipeline_helpers import open_board, shown_companies, stage_id

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"


def test_folding_sets_aside_case_accents_and_letters_unicode_does_not_split() -> None:
    assert fold_for_search("José Núñez") == "jose nunez"
    assert fold_for_search("STRAẞE Straße") == "strasse strasse"
    assert fold_for_search("Łódź Søren Ærø") == "lodz soren aero"
    assert fold_for_search("ﬁne G\u0131da") == "fine gida"


@pytest.fixture
def people(store: StoreInfo) -> dict[str, int]:
    names = [
        ("José", "Núñez", "Łódź Software"),
        ("Anna", "Berg", "Straße Logistik"),
        ("Søren", "Kierk", "Fjord"),
        ("Lisa", "Park", "Acme"),
    ]
    return {
        first: save_contact(ContactInput(first_name=first, last_name=last, company=company)).id
        for first, last, company in names
    }


@pytest.fixture
def area(qtbot: QtBot, people: dict[str, int]) -> Iterator[ContactsArea]:
    widget = ContactsArea(AppEvents())
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def shown_names(area: ContactsArea) -> list[str]:
    model = area.list_model
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("nunez", "José Núñez"),
        ("nun", "José Núñez"),
        ("nu", "José Núñez"),
        ("n", "José Núñez"),
        ("jose", "José Núñez"),
        ("JOSÉ NÚÑEZ", "José Núñez"),
        ("lodz", "José Núñez"),
        ("strasse", "Anna Berg"),
        ("soren", "Søren Kierk"),
    ],
)
def test_the_contact_search_finds_names_typed_without_accents(
    area: ContactsArea, qtbot: QtBot, typed: str, found: str
) -> None:
    qtbot.keyClicks(area.search, typed)
    assert found in shown_names(area)


def test_searching_shows_the_first_match_and_no_one_when_nothing_matches(
    area: ContactsArea, qtbot: QtBot, people: dict[str, int]
) -> None:
    panel = area.list_panel
    area.show_contact(people["Lisa"])
    assert area.detail.contact_id == people["Lisa"]
    qtbot.keyClicks(area.search, "nunez")
    assert shown_names(area) == ["José Núñez"]
    assert area.detail.contact_id == people["José"], "the details follow the search"
    assert panel.selected_contact_id() == people["José"]
    qtbot.keyClicks(area.search, "zzz")
    assert area.list_model.rowCount() == 0
    assert panel.no_matches.isVisible() and panel.no_matches.text() == "No matches"
    assert not panel.table.isVisible()
    assert area.detail.contact_id is None, "no one is shown for a search that found no one"
    area.search.clear()
    assert panel.table.isVisible() and not panel.no_matches.isVisible()
    assert len(shown_names(area)) == len(people)


def test_the_board_filter_finds_a_contact_typed_without_accents(
    qtbot: QtBot, people: dict[str, int]
) -> None:
    save_application(
        ApplicationInput(
            company="Café Olé",
            position="Analyst",
            stage_id=stage_id("Applied"),
            contact_id=people["José"],
        )
    )
    save_application(
        ApplicationInput(company="Acme", position="Clerk", stage_id=stage_id("Applied"))
    )
    board = open_board(qtbot)
    for typed in ("nunez", "NU", "cafe ole"):
        board.filter_edit.clear()
        qtbot.keyClicks(board.filter_edit, typed)
        qtbot.waitUntil(lambda: shown_companies(board, "Applied") == ["Café Olé"], timeout=2000)


def test_the_contact_picker_offers_a_name_typed_without_accents(
    qtbot: QtBot, people: dict[str, int]
) -> None:
    picker = ContactPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "nunez")
    popup = picker.completer_popup
    assert popup.completionCount() == 1
    assert popup.completionModel().index(0, 0).data().startswith("José Núñez")


def test_the_application_company_box_offers_a_name_typed_without_accents(
    qtbot: QtBot, people: dict[str, int]
) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.company.lineEdit(), "lodz")
    completer = dialog.company.completer()
    assert completer is not None
    # The popup holds only the matches (of any case and accents), as they are.
    assert completer.completionModel().rowCount() == 1
    assert completer.completionModel().index(0, 0).data() == "Łódź Software"
    shown = completer.popup()
    assert shown is not None and shown.isVisible()
    qtbot.keyClick(shown, Qt.Key.Key_Down)
    qtbot.keyClick(shown, Qt.Key.Key_Return)
    assert dialog.company.currentText() == "Łódź Software"


def test_the_contact_form_company_box_offers_a_name_typed_without_accents(
    qtbot: QtBot, people: dict[str, int]
) -> None:
    contact = ContactDialog()
    qtbot.addWidget(contact)
    contact.show()
    company_box = contact.contact_form.company
    # The names are read when a company box is first used.
    company_box.setFocus()
    qtbot.waitUntil(lambda: contact.contact_form.company_names.rowCount() == len(people))
    qtbot.keyClicks(company_box.lineEdit(), "STRASSE")
    completer = company_box.completer()
    assert completer is not None
    assert completer.completionModel().rowCount() == 1
    assert completer.completionModel().index(0, 0).data() == "Straße Logistik"


def test_the_company_list_finds_a_name_typed_without_accents(
    qtbot: QtBot, people: dict[str, int]
) -> None:
    panel = CompanyPanel(AppEvents())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.keyClicks(panel.search, "lodz")
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 0).data() == "Łódź Software"
    assert panel.table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows


def test_a_store_from_before_is_searched_without_accents_after_its_upgrade(
    tmp_path: Path,
) -> None:
    database = tmp_path / "followup.sqlite"
    shutil.copyfile(FIXTURE_V1, database)
    info = open_store(database)
    try:
        assert info.schema_version == SCHEMA_VERSION
        # Raj Desai recruits for "Ünlü G\u0131da A.Ş.", a company stored before the upgrade.
        query = ContactListQuery.of(ContactFilter(text="unlu gida"), dt.date.today())
        assert [row.last_name for row in contact_page(query, 0, 10)] == ["Desai"]
    finally:
        close_store()
