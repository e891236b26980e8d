"""Contacts as CSV: UTF-8 with a BOM so spreadsheets detect it, cells that could run as formulas
escaped with an apostrophe (OWASP's advice for = + - @, tab and carriage return)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from followup_desktop.services.atomic_files import atomic_writer
from followup_desktop.services.exporters.exported_contacts import (
    ExportedContact,
    load_exported_contacts,
)
from followup_desktop.services.importers.csv_columns import (
    OWN_COLUMNS,
    OWN_LATER_COLUMNS,
    OWN_MARK_HEADER,
    OWN_MARK_VALUE,
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with an apostrophe in front if a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _cells(contact: ExportedContact) -> list[str]:
    values = {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "role": contact.role,
        "company": contact.company,
        "is_agency": "yes" if contact.is_agency else "",
        "client_company": contact.client_company,
        "email": contact.email,
        "phone": contact.phone,
        "address": contact.address,
        "time_zone": contact.time_zone,
        "preferred_channel": contact.preferred_channel,
        "social_handle": contact.social_handle,
        "keep_in_touch_days": str(contact.keep_in_touch_days or ""),
        "notes": contact.notes,
        "department": contact.department,
        "birthday": contact.birthday,
        "websites": contact.websites,
    }
    cells = [spreadsheet_safe(values[key]) for _header, key in (*OWN_COLUMNS, *OWN_LATER_COLUMNS)]
    return [*cells, OWN_MARK_VALUE]


def contacts_to_csv(contacts: list[ExportedContact]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    # The last column marks the file as this app's export, whose apostrophes the import removes.
    headers = [header for header, _key in (*OWN_COLUMNS, *OWN_LATER_COLUMNS)]
    writer.writerow([*headers, OWN_MARK_HEADER])
    writer.writerows(_cells(contact) for contact in contacts)
    return buffer.getvalue()


def export_contacts_csv(target: Path, contact_ids: list[int] | None = None) -> int:
    """Write the contacts to ``target`` atomically; return how many were written."""
    contacts = load_exported_contacts(contact_ids)
    text = contacts_to_csv(contacts)
    with atomic_writer(Path(target), "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(text)
    return len(contacts)
