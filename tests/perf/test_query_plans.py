"""Every query the window runs to open and show each area is served by an index.

The statements are recorded as SQLite runs them (with their values), then each is explained:
no plan may walk a whole large table row by row. Walking a whole index in order is allowed only
where the view really shows every row (listed below with the reason).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import database
from followup_desktop.paths import DataLocation
from followup_desktop.ui.app import create_application
from followup_desktop.ui.area_specs import AREA_KEYS
from followup_desktop.ui.main_window import MainWindow

#: Tables that grow with the user's history (a year: tens of thousands of rows each).
LARGE_TABLES = {"application", "contact", "follow_up", "interaction", "letter", "company"}
#: Whole-index walks a view needs, with why.
ALLOWED_INDEX_WALKS = {
    # Column counts of the board: one covering index, no table rows read.
    ("application", "application_stage_id_archived_rank"),
    # The contact list's first page in name order: the walk stops after one page (LIMIT).
    ("contact", "contact_sort_name"),
    # The contact list's count of everyone: SQLite counts the smallest index's entries.
    ("contact", "contact_client_company_id"),
    # The company filter lists every company name (covering index, names only).
    ("company", "company_name"),
}


def _statements(connection: sqlite3.Connection) -> Iterator[list[str]]:
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def _plan(connection: sqlite3.Connection, sql: str) -> list[str]:
    return [str(row[3]) for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]


#: "FROM/JOIN table [AS] alias": plans name the alias (peewee writes "t1", "t2"…).
_ALIAS = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE)
_NOT_ALIASES = {"WHERE", "ON", "JOIN", "LEFT", "INNER", "CROSS", "ORDER", "GROUP", "LIMIT"}


def _tables_by_alias(sql: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for table, alias in _ALIAS.findall(sql):
        names[table] = table
        if alias and alias.upper() not in _NOT_ALIASES:
            names[alias] = table
    return names


def _scans(plan: list[str], sql: str = "") -> list[tuple[str, str | None]]:
    """(table, index or None) for every SCAN step over a large table."""
    tables = _tables_by_alias(sql)
    found = []
    for step in plan:
        words = step.split()
        if words[:1] != ["SCAN"] or len(words) < 2:
            continue
        table = tables.get(words[1], words[1])
        if table not in LARGE_TABLES:
            continue
        index = words[words.index("INDEX") + 1] if "INDEX" in words else None
        found.append((table, index))
    return found


@pytest.fixture
def recorded(
    demo_store: StoreInfo, data_location: DataLocation, qtbot: QtBot
) -> Iterator[tuple[sqlite3.Connection, list[str]]]:
    create_application()
    connection = database.connection()
    statements = _statements(connection)
    seen = next(statements)
    window = MainWindow(data_location)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for key in AREA_KEYS:
        window.show_area(key)
        QApplication.processEvents()  # the area's first paint and the reads it makes
    more = [
        window.today_panel.list.item(i)
        for i in range(window.today_panel.list.count())
        if window.today_panel.list.item(i).text().startswith("Show more")
    ]
    for item in more[:1]:
        window.today_panel.list.itemActivated.emit(item)
    next(statements, None)
    yield connection, [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def test_no_view_walks_a_large_table_on_open(
    recorded: tuple[sqlite3.Connection, list[str]],
) -> None:
    connection, statements = recorded
    assert len(statements) > 10, "the areas were opened and queried"
    problems = []
    for sql in statements:
        for table, index in _scans(_plan(connection, sql), sql):
            if index is None or (table, index) not in ALLOWED_INDEX_WALKS:
                problems.append(f"{table} via {index or 'full scan'}: {' '.join(sql.split())}")
    assert problems == [], "\n".join(problems)


def test_today_panel_counts_and_pages_through_the_due_date_index(
    recorded: tuple[sqlite3.Connection, list[str]],
) -> None:
    connection, statements = recorded
    counts = [s for s in statements if "SUM(due_on" in s]
    rows = [s for s in statements if s.lstrip().startswith("SELECT f.id, f.due_on")]
    pages = [s for s in rows if "OFFSET" in s and "LIMIT" in s]
    assert counts and len(pages) >= 2  # overdue and today (and any "show more")
    for sql in counts + pages:
        plan = " | ".join(_plan(connection, sql))
        assert "INDEX follow_up_due_on_state" in plan, plan


def test_the_check_sees_a_full_scan(demo_store: StoreInfo) -> None:
    """The checker itself: an unindexed filter on a large table is reported."""
    connection = database.connection()
    plan = _plan(connection, "SELECT id FROM follow_up WHERE outcome = 'x'")
    assert _scans(plan) == [("follow_up", None)]
    aliased = 'SELECT "t1"."id" FROM "application" AS "t1" ORDER BY "t1"."updated_at" DESC'
    assert _scans(_plan(connection, aliased), aliased) == [("application", None)]
    walk = _plan(connection, 'SELECT id FROM interaction INDEXED BY "interaction_contact_id"')
    assert _scans(walk) and _scans(walk)[0][0] == "interaction"


def _contact_list_statements() -> dict[str, list[str]]:
    """The count, page and position statements of the contact list under each filter."""
    import datetime as dt

    from followup_desktop.services.contact_queries import (
        ContactListQuery,
        contact_page,
        count_contacts,
        position_of_contact,
    )
    from followup_desktop.services.contact_search import ContactFilter

    filters = {
        "long words": ContactFilter(text="olga harbor"),
        "short word": ContactFilter(text="ol"),
        "company": ContactFilter(company_id=1),
        "agency": ContactFilter(agency_only=True),
        "keep-in-touch due": ContactFilter(keep_in_touch_due=True),
    }
    connection = database.connection()
    found: dict[str, list[str]] = {}
    for name, wanted in filters.items():
        statements = _statements(connection)
        seen = next(statements)
        query = ContactListQuery.of(wanted, dt.date.today())
        count_contacts(query)
        contact_page(query, 0, 128)
        position_of_contact(query, 1)
        next(statements, None)
        found[name] = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    return found


def test_contact_list_filters_are_served_by_indexes(demo_store: StoreInfo) -> None:
    """Search words go through the full-text indexes, the filters through their indexes: no
    count or page walks every contact (the quiet-for filter must, and is not listed)."""
    connection = database.connection()
    problems = []
    for name, statements in _contact_list_statements().items():
        assert statements, name
        for sql in statements:
            plan = _plan(connection, sql)
            for table, index in _scans(plan, sql):
                if table == "contact" and index == "contact_sort_name" and "LIMIT" in sql:
                    continue  # one page in name order, checked against the index
                if table == "contact" and index == "contact_agency_sort_name":
                    continue  # a partial index: it holds the agency recruiters only
                problems.append(f"{name}: {table} via {index or 'full scan'}: {plan}")
    assert problems == [], "\n".join(problems)


def test_keep_in_touch_lookups_use_their_index(demo_store: StoreInfo) -> None:
    connection = database.connection()
    statements = _contact_list_statements()["keep-in-touch due"]
    plans = " | ".join(" ".join(_plan(connection, sql)) for sql in statements)
    assert "follow_up_reason_state_contact_id_due_on" in plans, plans
