"""Every application as CSV with its job details: spreadsheet-safe like the contact export, and
read back by the application import column for column."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from followup_desktop.db.reads import read_all
from followup_desktop.db.values import stored_date_or_none
from followup_desktop.services.atomic_files import atomic_writer
from followup_desktop.services.exporters.csv_writer import spreadsheet_safe
from followup_desktop.services.importers.application_columns import OWN_APPLICATION_COLUMNS
from followup_desktop.services.importers.csv_columns import OWN_MARK_HEADER, OWN_MARK_VALUE
from followup_desktop.services.job_details import WORK_MODES

#: In board order: stage by stage, each column's cards in order, archived ones after.
_SQL = """
SELECT c.name, a.position, s.name, a.applied_on, a.expected_answer_on, a.link, a.location,
       a.work_mode, a.salary_min, a.salary_max, a.salary_currency, a.salary_period, a.priority,
       a.tags, a.apply_by, TRIM(COALESCE(ct.first_name, '') || ' ' || COALESCE(ct.last_name, '')),
       COALESCE(ct.email, ''), a.source, a.notes, a.description, a.archived
FROM application a
JOIN company c ON c.id = a.company_id
JOIN stage s ON s.id = a.stage_id
LEFT JOIN contact ct ON ct.id = a.contact_id
ORDER BY s.position, s.id, a.archived, a.rank, a.id
"""
_KEYS = tuple(key for _header, key in OWN_APPLICATION_COLUMNS)


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in ("applied_on", "expected_answer_on", "apply_by"):
        day = stored_date_or_none(value)
        return "" if day is None else day.isoformat()
    if key == "work_mode":
        return WORK_MODES.get(str(value), str(value))
    if key == "archived":
        return "yes" if value else ""
    if key == "priority":
        return str(value) if value else ""
    return str(value)


def applications_to_csv() -> tuple[str, int]:
    """The CSV text of every application, and how many rows it holds."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    # The last column marks the file as this app's export, whose apostrophes the import removes.
    writer.writerow([*(header for header, _key in OWN_APPLICATION_COLUMNS), OWN_MARK_HEADER])
    rows = read_all(_SQL)
    for row in rows:
        cells = [spreadsheet_safe(_cell(key, value)) for key, value in zip(_KEYS, row, strict=True)]
        writer.writerow([*cells, OWN_MARK_VALUE])
    return buffer.getvalue(), len(rows)


def export_applications_csv(target: Path) -> int:
    """Write every application to ``target`` atomically (UTF-8 with a BOM, for spreadsheets);
    return how many were written."""
    text, count = applications_to_csv()
    with atomic_writer(Path(target), "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(text)
    return count
