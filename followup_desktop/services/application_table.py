"""The table of applications: its columns, every application's id in the order of any column
(sorted by SQLite), and the rows of one page of ids."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from followup_desktop.db.reads import read_all
from followup_desktop.db.values import stored_date_or_none

#: The next planned follow-up of the application ``a`` (its due day, NULL if none).
NEXT_FOLLOW_UP_SQL = (
    "(SELECT min(f.due_on) FROM follow_up f WHERE f.application_id = a.id AND f.state = 'planned')"
)
#: The day of the last logged contact with the application's company.
LAST_CONTACT_SQL = (
    "(SELECT max(i.occurred_at) FROM interaction i WHERE i.company_id = a.company_id)"
)


class TableColumn(NamedTuple):
    key: str
    title: str
    #: The value the rows are sorted by (empty values last in either direction).
    sort_sql: str
    #: Shown unless the user hides it.
    shown: bool = True


TABLE_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("company", "Company", "NULL"),
    TableColumn("position", "Position", "a.position"),
    TableColumn("stage", "Stage", "s.position"),
    TableColumn("priority", "Priority", "NULLIF(a.priority, 0)"),
    TableColumn("location", "Location", "NULLIF(a.location, '')"),
    TableColumn("salary", "Salary", "COALESCE(a.salary_max, a.salary_min)"),
    TableColumn("applied_on", "Applied on", "a.applied_on"),
    TableColumn("next_follow_up", "Next follow-up", NEXT_FOLLOW_UP_SQL),
    TableColumn("last_contact", "Last contact", LAST_CONTACT_SQL),
    TableColumn("tags", "Tags", "NULLIF(a.tags, '')", shown=False),
)
COLUMN_KEYS = tuple(column.key for column in TABLE_COLUMNS)


class TableRow(NamedTuple):
    """One application as the table shows it."""

    id: int
    company: str
    position: str
    stage: str
    priority: int
    location: str
    work_mode: str
    salary_min: int | None
    salary_max: int | None
    salary_currency: str
    salary_period: str
    applied_on: dt.date | None
    next_follow_up: dt.date | None
    last_contact: dt.date | None
    tags: str
    archived: bool


def sorted_application_ids(
    column: str, descending: bool = False, *, include_archived: bool = False
) -> list[int]:
    """Every application's id in the order of ``column`` (ties by company, then id); empty
    values come last whichever the direction.

    SQLite reads each row's value in company order (the dates through covering indexes, one
    seek per row); Python sorts them by the value, equals keeping that order: sorting by the
    value inside SQLite ran the date look-ups again for every comparison.
    """
    sort_sql = next(c.sort_sql for c in TABLE_COLUMNS if c.key == column)
    where = "" if include_archived else "WHERE a.archived = 0"
    sql = f"""
SELECT a.id, {sort_sql} FROM application a
JOIN company c ON c.id = a.company_id
JOIN stage s ON s.id = a.stage_id
{where}
ORDER BY c.name COLLATE NOCASE, a.id
"""
    rows = read_all(sql)
    if column == "company":
        return [int(row[0]) for row in (reversed(rows) if descending else rows)]
    filled = [row for row in rows if row[1] is not None]
    empty = [row for row in rows if row[1] is None]
    # Stable: rows of equal value stay in company order.
    filled.sort(key=lambda row: _sort_value(row[1]), reverse=descending)
    return [int(row[0]) for row in (*filled, *empty)]


def _sort_value(value: object) -> Any:
    return value.casefold() if isinstance(value, str) else value


def table_rows(application_ids: list[int]) -> list[TableRow]:
    """The rows of these applications in the order given (ones gone meanwhile left out)."""
    found: dict[int, TableRow] = {}
    for start in range(0, len(application_ids), 500):
        chunk = application_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"""
SELECT a.id, c.name, a.position, s.name, a.priority, a.location, a.work_mode, a.salary_min,
       a.salary_max, a.salary_currency, a.salary_period, a.applied_on, {NEXT_FOLLOW_UP_SQL},
       {LAST_CONTACT_SQL}, a.tags, a.archived
FROM application a
JOIN company c ON c.id = a.company_id
JOIN stage s ON s.id = a.stage_id
WHERE a.id IN ({marks})
"""
        for row in read_all(sql, chunk):
            found[int(row[0])] = _row(row)
    return [found[app_id] for app_id in application_ids if app_id in found]


def _row(row: tuple[Any, ...]) -> TableRow:
    return TableRow(
        id=int(row[0]),
        company=row[1],
        position=row[2],
        stage=row[3],
        priority=int(row[4]),
        location=row[5],
        work_mode=row[6],
        salary_min=row[7],
        salary_max=row[8],
        salary_currency=row[9],
        salary_period=row[10],
        applied_on=stored_date_or_none(row[11]),
        next_follow_up=stored_date_or_none(row[12]),
        last_contact=stored_date_or_none(row[13]),
        tags=row[14],
        archived=bool(row[15]),
    )
