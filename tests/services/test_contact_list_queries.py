"""The contact list's SQL: search through the full-text indexes, filters, order and positions."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.contact_search_index import contacts_indexed_in_bulk
from followup_desktop.db.models import Company, Contact, FollowUp, Interaction, database
from followup_desktop.services.contact_queries import (
    ContactListQuery,
    contact_page,
    count_contacts,
    position_of_contact,
)
from followup_desktop.services.contact_search import (
    NOTHING,
    SORT_COLUMNS,
    ContactFilter,
    text_condition,
)
from followup_desktop.services.timeline import contact_timeline, contact_timeline_count

TODAY = dt.date(2025, 6, 2)


def _people() -> dict[str, int]:
    """A few people with the cases the order and the search must get right: no company, an
    agency with a client, accents, lower-case surnames, equal names, never contacted."""
    acme = Company.create(name="Acme Widgets")
    keel = Company.create(name="Keel & Co. Search")
    bluebird = Company.create(name="Bluebird Health")
    rows = [
        ("Åsa", "Öberg", acme, None, "asa.oberg@acme.example", "HR Partner", False),
        ("Noah", "Lopez", keel, bluebird, "noah.lopez@keel.example", "Agency Recruiter", True),
        ("Olga", "Harbor", None, None, "olga@mail.example", "", False),
        ("Anna", "van Dijk", bluebird, None, "anna@bluebird.example", "Talent Lead", False),
        ("Anna", "van Dijk", acme, None, "anna2@acme.example", "Talent Partner", False),
        ("Victor", "O'Brien", keel, acme, "", "Recruiter", True),
        ("", "Zed", None, None, "z@z.example", "", False),
    ]
    ids = {}
    for first, last, company, client, email, role, agency in rows:
        contact = Contact.create(
            first_name=first,
            last_name=last,
            company=company,
            client_company=client,
            email=email,
            role=role,
            is_agency=agency,
        )
        ids[f"{first} {last}".strip()] = contact.id
    Interaction.create(contact=ids["Noah Lopez"], occurred_at=dt.datetime(2025, 5, 30, 10))
    Interaction.create(contact=ids["Olga Harbor"], occurred_at=dt.datetime(2025, 1, 5, 9))
    Interaction.create(contact=ids["Olga Harbor"], occurred_at=dt.datetime(2025, 3, 3, 9))
    FollowUp.create(contact=ids["Olga Harbor"], due_on=TODAY, reason="keep_in_touch")
    FollowUp.create(contact=ids["Zed"], due_on=TODAY + dt.timedelta(days=1), reason="keep_in_touch")
    FollowUp.create(contact=ids["Åsa Öberg"], due_on=TODAY, reason="keep_in_touch", state="done")
    return ids


def _names(wanted: ContactFilter, column: int = 0, descending: bool = False) -> list[str]:
    query = ContactListQuery.of(wanted, TODAY, column, descending)
    rows = contact_page(query, 0, 100)
    assert count_contacts(query) == len(rows)
    return [row.name for row in rows]


def test_words_are_found_anywhere_in_any_field_and_must_all_match(store: StoreInfo) -> None:
    _people()
    assert _names(ContactFilter(text="lopez")) == ["Noah Lopez"]
    assert _names(ContactFilter(text="BRIEN")) == ["Victor O'Brien"]  # inside a word
    assert _names(ContactFilter(text="bluebird")) == ["Noah Lopez", "Anna van Dijk"]  # client
    assert _names(ContactFilter(text="talent acme")) == ["Anna van Dijk"]
    assert _names(ContactFilter(text="öberg")) == ["Åsa Öberg"]  # case folded beyond ASCII
    assert _names(ContactFilter(text="ÅSA")) == ["Åsa Öberg"]
    assert _names(ContactFilter(text='ke"el')) == []  # a quote is a character, not syntax
    assert _names(ContactFilter(text="nobody-at-all")) == []


def test_one_character_matches_the_start_of_a_word(store: StoreInfo) -> None:
    _people()
    # "o" starts Olga, O'Brien and oberg (in an e-mail), but no word of Noah Lopez's.
    assert _names(ContactFilter(text="o")) == ["Olga Harbor", "Victor O'Brien", "Åsa Öberg"]
    assert _names(ContactFilter(text="z")) == ["Zed"]
    # A character of punctuation does not narrow the list; with another word it is ignored.
    assert len(_names(ContactFilter(text="&"))) == Contact.select().count()
    assert _names(ContactFilter(text="zed -")) == ["Zed"]


def test_two_characters_are_found_anywhere_like_longer_words(store: StoreInfo) -> None:
    """What a person expects of a name search: "li" finds Li Wei and Lisa, and Amelia too,
    as "lia" will; typing one more letter never brings back someone the list had dropped."""
    for first, last in (
        ("Li", "Wei"),
        ("Lisa", "Park"),
        ("Amelia", "Stone"),
        ("Mark", "Ruiz"),
        ("Emma", "Lee"),
        ("Tom", "Baker"),
    ):
        Contact.create(first_name=first, last_name=last)
    assert sorted(_names(ContactFilter(text="li"))) == ["Amelia Stone", "Li Wei", "Lisa Park"]
    assert sorted(_names(ContactFilter(text="LI"))) == ["Amelia Stone", "Li Wei", "Lisa Park"]
    assert sorted(_names(ContactFilter(text="ma"))) == ["Emma Lee", "Mark Ruiz"]
    assert _names(ContactFilter(text="ma ru")) == ["Mark Ruiz"]
    assert _names(ContactFilter(text="qx")) == []
    # One character: the start of a word ("l" starts Li, Lisa and Lee, not Amelia's l).
    assert sorted(_names(ContactFilter(text="l"))) == ["Emma Lee", "Li Wei", "Lisa Park"]
    for text in ("li", "ma", "er", "ar"):
        shorter = set(_names(ContactFilter(text=text)))
        for longer in ("a", "e", "i", "k", "r", "s", "t"):
            assert set(_names(ContactFilter(text=text + longer))) <= shorter, text + longer


def test_filters_agency_company_keep_in_touch_and_quiet(store: StoreInfo) -> None:
    ids = _people()
    assert _names(ContactFilter(agency_only=True)) == ["Noah Lopez", "Victor O'Brien"]
    acme = Company.get(Company.name == "Acme Widgets").id
    # Employer or client company.
    assert sorted(_names(ContactFilter(company_id=acme))) == sorted(
        ["Åsa Öberg", "Anna van Dijk", "Victor O'Brien"]
    )
    assert _names(ContactFilter(keep_in_touch_due=True)) == ["Olga Harbor"]
    # Quiet for 60 days on 2 June: Olga was last heard of on 3 March, Noah on 30 May.
    quiet = _names(ContactFilter(silent_days=60))
    assert "Olga Harbor" in quiet and "Noah Lopez" not in quiet and "Zed" in quiet
    assert "Noah Lopez" in _names(ContactFilter(silent_days=3))  # 30 May is 3 days back
    assert "Noah Lopez" not in _names(ContactFilter(silent_days=4))
    assert ids


def test_rows_carry_last_contact_and_keep_in_touch_due(store: StoreInfo) -> None:
    _people()
    rows = {r.name: r for r in contact_page(ContactListQuery.of(ContactFilter(), TODAY), 0, 50)}
    assert rows["Olga Harbor"].last_contact == dt.date(2025, 3, 3)
    assert rows["Olga Harbor"].keep_in_touch_due == TODAY
    assert rows["Åsa Öberg"].keep_in_touch_due is None  # done, not planned
    assert rows["Noah Lopez"].client_company == "Bluebird Health" and rows["Noah Lopez"].is_agency
    assert rows["Zed"].company == "" and rows["Zed"].last_contact is None


def test_name_order_ignores_case(store: StoreInfo) -> None:
    _people()
    names = _names(ContactFilter())
    assert names.index("Olga Harbor") < names.index("Anna van Dijk") < names.index("Zed")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", range(len(SORT_COLUMNS)))
def test_position_of_each_contact_matches_its_row_in_every_order(
    store: StoreInfo, column: int, descending: bool
) -> None:
    _people()
    for wanted in (ContactFilter(), ContactFilter(text="a")):
        query = ContactListQuery.of(wanted, TODAY, column, descending)
        rows = contact_page(query, 0, 100)
        for position, row in enumerate(rows):
            assert position_of_contact(query, row.id) == position
        # Pages line up with the whole list.
        assert contact_page(query, 2, 3) == rows[2:5]
    hidden = ContactListQuery.of(ContactFilter(text="lopez"), TODAY, column, descending)
    zed = Contact.get(Contact.last_name == "Zed").id
    assert position_of_contact(hidden, zed) is None


def test_search_index_follows_edits_renames_and_deletes(store: StoreInfo) -> None:
    ids = _people()
    Contact.update(email="noah@newplace.example").where(Contact.id == ids["Noah Lopez"]).execute()
    assert _names(ContactFilter(text="newplace")) == ["Noah Lopez"]
    assert _names(ContactFilter(text="keel.example")) == []
    Company.update(name="Keelhaul Partners").where(Company.name == "Keel & Co. Search").execute()
    assert _names(ContactFilter(text="keelhaul")) == ["Noah Lopez", "Victor O'Brien"]
    Company.get(Company.name == "Bluebird Health").delete_instance()
    # Noah's client company is gone; Anna's e-mail still says bluebird.
    assert _names(ContactFilter(text="bluebird")) == ["Anna van Dijk"]
    Contact.delete_by_id(ids["Zed"])
    assert _names(ContactFilter(text="zed")) == []
    (searched,) = database.execute_sql("SELECT count(*) FROM contact_search").fetchone()
    (words,) = database.execute_sql("SELECT count(*) FROM contact_search_words").fetchone()
    assert searched == words == Contact.select().count()


def test_text_condition_splits_words_by_length() -> None:
    def pair_terms(pair: str) -> list[str]:
        return [pair + "a", pair + " "] if pair != "qx" else []

    mixed = text_condition('olga "X b', pair_terms)
    assert [c.params for c in mixed] == [('"olga" AND ("""xa" OR """x ")',), ('"b"*',)]
    assert text_condition("   ", pair_terms) == []
    assert text_condition("olga qx", pair_terms) == [NOTHING]


def test_bulk_indexing_indexes_new_rows_once_and_rolls_back_whole(store: StoreInfo) -> None:
    _people()
    with pytest.raises(RuntimeError, match="inside a transaction"), contacts_indexed_in_bulk():
        pass
    with database.atomic(), contacts_indexed_in_bulk():
        Contact.create(first_name="Bulk", last_name="Person", email="bulk@x.example")
        # Paused: the row waits for the end of the block.
        assert _names(ContactFilter(text="bulk")) == []
    assert _names(ContactFilter(text="bulk@x")) == ["Bulk Person"]
    with pytest.raises(ZeroDivisionError), database.atomic(), contacts_indexed_in_bulk():
        Contact.create(first_name="Never", last_name="Saved")
        raise ZeroDivisionError
    assert database.execute_sql("SELECT count(*) FROM contact_search_paused").fetchone() == (0,)
    Contact.create(first_name="After", last_name="Wards")  # the triggers work again
    assert _names(ContactFilter(text="wards")) == ["After Wards"]
    assert _names(ContactFilter(text="never")) == []


def test_history_count_matches_the_history(demo_store: StoreInfo) -> None:
    """The detail pane's tab shows a count before the history is read: the same number."""
    counted = 0
    for (contact_id,) in Contact.select(Contact.id).tuples():
        entries = contact_timeline(contact_id)
        assert contact_timeline_count(contact_id) == len(entries), contact_id
        counted += len(entries) > 0
    assert counted > 3, "the demo has contacts with a history"
