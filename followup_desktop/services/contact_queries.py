"""Rows for the contact list, read a page at a time: who, where, how to reach them, last
contact and keep-in-touch due; with the count and the row of a contact for the same query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

import peewee as pw

from followup_desktop.db.models import Company, Contact, database
from followup_desktop.db.reads import read_all, read_one
from followup_desktop.db.values import stored_date_or_none
from followup_desktop.services.contact_search import (
    KEEP_IN_TOUCH_DUE_SQL,
    LAST_CONTACT_SQL,
    SORT_COLUMNS,
    ContactFilter,
    SqlCondition,
    filter_conditions,
    joined,
    order_terms,
    sorted_before,
    text_count_sql,
)


class ContactRow(NamedTuple):
    """One list row; a named tuple because the list builds tens of thousands of them."""

    id: int
    name: str
    role: str
    company: str
    email: str
    phone: str
    last_contact: dt.date | None
    company_id: int | None = None
    client_company_id: int | None = None
    client_company: str = ""
    is_agency: bool = False
    #: None: the default rule (on a cadence after a rejection); 0: off; N: every N days.
    keep_in_touch_days: int | None = None
    #: The planned keep-in-touch follow-up's due day, if one is planned.
    keep_in_touch_due: dt.date | None = None
    first_name: str = ""
    last_name: str = ""


#: The client company of an agency recruiter: a second, separate join on the companies.
CLIENT_COMPANY = Company.alias()


def select_contacts_with_companies(*columns: Any) -> pw.ModelSelect[Contact]:
    """``columns`` of every contact, with its company (``Company``) and its client company
    (``CLIENT_COMPANY``) joined; a contact without either still comes back, with NULLs."""
    return (
        Contact.select(*columns)
        .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
        .switch(Contact)
        .join(CLIENT_COMPANY, pw.JOIN.LEFT_OUTER, on=(Contact.client_company == CLIENT_COMPANY.id))
    )


#: The list's columns of the contact ``c``, its company ``co`` and client company ``cc``.
_ROW_COLUMNS = (
    "c.id, c.first_name, c.last_name, c.role, c.company_id, co.name, c.email, c.phone,"
    f" c.is_agency, c.client_company_id, cc.name, c.keep_in_touch_days, {LAST_CONTACT_SQL},"
    f" {KEEP_IN_TOUCH_DUE_SQL}"
)
_COMPANIES = (
    " LEFT JOIN company co ON co.id = c.company_id"
    " LEFT JOIN company cc ON cc.id = c.client_company_id"
)
_JOINED = f"contact c{_COMPANIES}"


EVERYONE = SqlCondition("1")


@dataclass(frozen=True)
class ContactListQuery:
    """Which contacts the list shows (``condition``) and in which order (column, direction)."""

    condition: SqlCondition = EVERYONE
    column: int = 0
    descending: bool = False
    #: For a search without filters: the count read from the full-text indexes alone.
    text_count: SqlCondition | None = None

    @classmethod
    def of(
        cls, wanted: ContactFilter, today: dt.date, column: int = 0, descending: bool = False
    ) -> ContactListQuery:
        text_only = wanted.without_text() == ContactFilter()
        text_count = text_count_sql(wanted.text, trigrams_starting) if text_only else None
        conditions = filter_conditions(wanted, today, trigrams_starting)
        return cls(joined(conditions), column, descending, text_count)


#: The trigram index's vocabulary, one row per term; a temporary table of this connection.
_TERMS_TABLE = "temp.contact_search_terms"


def trigrams_starting(pair: str) -> list[str]:
    """The terms of the trigram index that begin with the two characters ``pair``."""
    after = pair[:-1] + chr(ord(pair[-1]) + 1)
    sql = f"SELECT term FROM {_TERMS_TABLE} WHERE term >= ? AND term < ?"
    try:
        rows = read_all(sql, (pair, after))
    except pw.OperationalError:
        # Not a read: the vocabulary table is made once per connection, on first use.
        database.execute_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {_TERMS_TABLE}"
            " USING fts5vocab(main, contact_search, row)"
        )
        rows = read_all(sql, (pair, after))
    return [str(term) for (term,) in rows]


def company_choices() -> list[tuple[int, str]]:
    """(id, name) of every company in name order, for pickers and the company filter; read in
    one statement (thousands of companies after an address-book import)."""
    rows = read_all("SELECT id, name FROM company ORDER BY name")
    return [(int(company_id), str(name)) for company_id, name in rows]


def _count(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> int:
    row = read_one(sql, params)
    assert row is not None  # a count always gives one row
    return int(row[0])


def count_all_contacts() -> int:
    """How many contacts there are."""
    return _count("SELECT count(*) FROM contact")


def count_contacts(query: ContactListQuery) -> int:
    """How many contacts ``query`` shows: one count over the indexes, no rows read."""
    if query.condition == EVERYONE:
        return count_all_contacts()
    if query.text_count is not None:
        return _count(query.text_count.sql, query.text_count.params)
    sql = f"SELECT count(*) FROM contact c WHERE {query.condition.sql}"
    return _count(sql, query.condition.params)


#: When at least this share of the contacts match, the first pages in name order are found
#: sooner by walking the name index (stopping after a page) than by sorting every match.
DENSE_SHARE = 0.05


def contact_page(
    query: ContactListQuery, offset: int, limit: int, share: float = 1.0
) -> list[ContactRow]:
    """The rows ``offset`` to ``offset + limit`` of ``query`` in its order; ``share`` is the
    part of all contacts that ``query`` shows (its count over the total), when known.

    The page's ids are chosen first and only those rows are joined and have their last contact
    and keep-in-touch day looked up: with thousands of matches, looking them up for every match
    before sorting was most of the cost.
    """
    order = ", ".join(order_terms(query.column, query.descending))
    walk = (
        "INDEXED BY contact_sort_name"
        if query.column == 0 and query.text_count is not None and share >= DENSE_SHARE
        else ""
    )
    # The companies are joined for choosing the ids only when the order is by company.
    companies = _COMPANIES if any(" co." in f" {term}" for term in order.split(", ")) else ""
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM (SELECT c.id AS page_id FROM contact c {walk}{companies}"
        f" WHERE {query.condition.sql} ORDER BY {order} LIMIT ? OFFSET ?) page"
        f" JOIN contact c ON c.id = page.page_id{_COMPANIES} ORDER BY {order}"
    )
    rows = read_all(sql, (*query.condition.params, limit, offset))
    return [_contact_row(values) for values in rows]


def query_holds_contact(query: ContactListQuery, contact_id: int) -> bool:
    """Whether the contact is among the rows of ``query`` (wherever in its order)."""
    sql = f"SELECT 1 FROM contact c WHERE c.id = ? AND {query.condition.sql}"
    return read_one(sql, (contact_id, *query.condition.params)) is not None


def position_of_contact(query: ContactListQuery, contact_id: int) -> int | None:
    """The row of the contact in ``query``'s order, or None when the query does not show it."""
    terms = ", ".join(SORT_COLUMNS[query.column][1])
    found = read_one(
        f"SELECT {terms}, c.id FROM {_JOINED} WHERE c.id = ? AND {query.condition.sql}",
        (contact_id, *query.condition.params),
    )
    if found is None:
        return None
    before = sorted_before(query.column, query.descending, tuple(found))
    sql = f"SELECT count(*) FROM {_JOINED} WHERE {query.condition.sql} AND {before.sql}"
    return _count(sql, (*query.condition.params, *before.params))


def _contact_row(values: tuple[Any, ...]) -> ContactRow:
    (
        cid,
        first,
        last,
        role,
        company_id,
        company,
        email,
        phone,
        is_agency,
        client_id,
        client_name,
        cadence,
        last_contact,
        due,
    ) = values
    return ContactRow(
        id=cid,
        name=" ".join(part for part in (first, last) if part),
        role=role,
        company=company or "",
        email=email,
        phone=phone,
        last_contact=stored_date_or_none(last_contact),
        company_id=company_id,
        client_company_id=client_id,
        client_company=client_name or "",
        is_agency=bool(is_agency),
        keep_in_touch_days=cadence,
        keep_in_touch_due=stored_date_or_none(due),
        first_name=first,
        last_name=last,
    )
