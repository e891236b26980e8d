"""Write an import preview to the store in one transaction: all of it, or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from followup_desktop.db.contact_search_index import contacts_indexed_in_bulk
from followup_desktop.db.models import Company, Contact, database
from followup_desktop.db.reads import tuple_rows
from followup_desktop.services.importers.import_plan import (
    COMPANY,
    CONTACT,
    MERGED,
    NEW,
    SKIPPED,
    ImportPlan,
    PlannedContact,
)
from followup_desktop.services.planning import replan_scope
from followup_desktop.services.rule_facts import expand_scope
from followup_desktop.services.wording import counted

#: Rows per INSERT; small enough for SQLite's limit on bound variables, large enough to be quick.
BATCH_SIZE = 250


class ImportCancelledError(Exception):
    """The user cancelled; the transaction was rolled back and nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    #: Records skipped: contacts and organisations' cards alike.
    skipped: int
    companies_created: int
    #: Organisations' cards that created or filled in a company.
    company_cards: int = 0

    def summary(self) -> str:
        companies = (
            f" ({counted(self.companies_created, 'new company')})" if self.companies_created else ""
        )
        cards = (
            f", {counted(self.company_cards, 'company')} from their own cards"
            if self.company_cards
            else ""
        )
        return (
            f"{counted(self.created, 'contact')} added{companies}, {self.merged} merged, "
            f"{self.skipped} skipped{cards}"
        )


class _CompanyIds:
    """Company names to ids, case-insensitively, creating the missing ones."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        for company_id, name in tuple_rows(Company.select(Company.id, Company.name)):
            self.ids.setdefault(str(name).casefold(), company_id)
        self.created = 0

    def company_card(self, item: PlannedContact) -> None:
        """Create the company an organisation's card describes, or fill its empty fields."""
        key = str(item.values.get("name") or item.name).casefold()
        if item.outcome == NEW and key not in self.ids:
            self.ids[key] = Company.insert(**item.values).execute()
            self.created += 1
            return
        company_id = item.contact_id if item.contact_id is not None else self.ids.get(key)
        changes = {k: v for k, v in item.values.items() if k in ("website", "address")}
        if company_id is not None and changes:
            Company.update(**changes).where(Company.id == company_id).execute()

    def __call__(self, name: str) -> int | None:
        if not name:
            return None
        key = name.casefold()
        if key not in self.ids:
            self.ids[key] = Company.insert(name=name).execute()
            self.created += 1
        return self.ids[key]


def apply_import(
    plan: ImportPlan,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """Create and merge the planned contacts; any error or a cancel rolls everything back."""
    company_cards = [
        item for item in plan.items if item.kind == COMPANY and item.outcome != SKIPPED
    ]
    new_items = [item for item in plan.items if item.outcome == NEW and item.kind == CONTACT]
    store_merges = [
        item
        for item in plan.items
        if item.outcome == MERGED and item.contact_id is not None and item.kind == CONTACT
    ]
    total = len(new_items) + len(store_merges)
    done = 0
    now = dt.datetime.now().replace(microsecond=0)

    def step(count: int) -> None:
        nonlocal done
        done += count
        if should_cancel is not None and should_cancel():
            raise ImportCancelledError("import cancelled; nothing was written")
        if progress is not None:
            progress(done, total)

    # Contacts whose planned follow-ups may change: those given a cadence, and every merged one
    # (a channel or cadence filled in changes their plans).
    to_replan: set[int] = set()
    with database.atomic("IMMEDIATE"):
        company_ids = _CompanyIds()
        for card in company_cards:
            company_ids.company_card(card)
        step(0)
        with contacts_indexed_in_bulk():
            for start in range(0, len(new_items), BATCH_SIZE):
                batch = new_items[start : start + BATCH_SIZE]
                rows = [_row(item.values, company_ids, now, created=True) for item in batch]
                to_replan.update(insert_contacts(rows))
                step(len(batch))
        for item in store_merges:
            changes = _row(item.values, company_ids, now, created=False)
            Contact.update(**changes).where(Contact.id == item.contact_id).execute()
            assert item.contact_id is not None
            to_replan.add(item.contact_id)
            step(1)
        if to_replan:
            replan_scope(*expand_scope([], to_replan))
    return ImportResult(
        created=len(new_items),
        merged=sum(1 for item in plan.items if item.outcome == MERGED and item.kind == CONTACT),
        skipped=plan.count(SKIPPED) + plan.count(SKIPPED, COMPANY),
        companies_created=company_ids.created,
        company_cards=len(company_cards),
    )


def insert_contacts(rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows through one prepared statement (peewee's insert_many builds SQL per row);
    return the ids of those given a keep-in-touch cadence, whose follow-ups must be planned."""
    if not rows:
        return []
    fields = [Contact._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{Contact._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = database.connection().cursor()

    def values(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(field.db_value(row[field.name]) for field in fields)

    plain = [values(row) for row in rows if not row.get("keep_in_touch_days")]
    if plain:
        cursor.executemany(sql, plain)
    on_cadence = []
    for row in rows:
        if row.get("keep_in_touch_days"):
            cursor.execute(sql, values(row))
            on_cadence.append(int(cursor.lastrowid))
    return on_cadence


def _row(
    values: dict[str, Any], company_ids: _CompanyIds, now: dt.datetime, *, created: bool
) -> dict[str, Any]:
    row = dict(values)
    if "company" in row:
        row["company"] = company_ids(str(row["company"]))
    if "client_company" in row:
        row["client_company"] = company_ids(str(row["client_company"]))
    row["updated_at"] = now
    if created:
        row["created_at"] = now
    return row
