"""Write an import preview to the store in one transaction: all of it, or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from followup_desktop.db.models import Company, Contact, database
from followup_desktop.db.rows import tuple_rows
from followup_desktop.services.importers.import_plan import MERGED, NEW, SKIPPED, ImportPlan

#: Rows per INSERT; small enough for SQLite's limit on bound variables, large enough to be quick.
BATCH_SIZE = 250


class ImportCancelledError(Exception):
    """The user cancelled; the transaction was rolled back and nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    skipped: int
    companies_created: int

    def summary(self) -> str:
        companies = f" ({self.companies_created} new companies)" if self.companies_created else ""
        return (
            f"{self.created} contacts added{companies}, {self.merged} merged, "
            f"{self.skipped} skipped"
        )


class _CompanyIds:
    """Company names to ids, case-insensitively, creating the missing ones."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        for company_id, name in tuple_rows(Company.select(Company.id, Company.name)):
            self.ids.setdefault(str(name).casefold(), company_id)
        self.created = 0

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
    new_items = [item for item in plan.items if item.outcome == NEW]
    store_merges = [
        item for item in plan.items if item.outcome == MERGED and item.contact_id is not None
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

    with database.atomic("IMMEDIATE"):
        company_ids = _CompanyIds()
        step(0)
        for start in range(0, len(new_items), BATCH_SIZE):
            batch = new_items[start : start + BATCH_SIZE]
            rows = [_row(item.values, company_ids, now, created=True) for item in batch]
            Contact.insert_many(rows).execute()
            step(len(batch))
        for item in store_merges:
            changes = _row(item.values, company_ids, now, created=False)
            Contact.update(**changes).where(Contact.id == item.contact_id).execute()
            step(1)
    return ImportResult(
        created=len(new_items),
        merged=plan.count(MERGED),
        skipped=plan.count(SKIPPED),
        companies_created=company_ids.created,
    )


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
