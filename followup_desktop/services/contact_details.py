"""One stored contact as the contact form and the detail pane's heading show it."""

from __future__ import annotations

from typing import NamedTuple

from followup_desktop.db.reads import read_one
from followup_desktop.services.records import ContactInput


class StoredContact(NamedTuple):
    """A contact's id, full name and every field the form edits (companies by name)."""

    id: int
    full_name: str
    values: ContactInput


_CONTACT_SQL = (
    "SELECT c.id, c.first_name, c.last_name, c.role, co.name, c.email, c.phone, c.address,"
    " c.time_zone, c.notes, c.is_agency, cc.name, c.preferred_channel, c.social_handle,"
    " c.keep_in_touch_days"
    " FROM contact c"
    " LEFT JOIN company co ON co.id = c.company_id"
    " LEFT JOIN company cc ON cc.id = c.client_company_id"
    " WHERE c.id = ?"
)


def stored_contact(contact_id: int) -> StoredContact | None:
    """The contact as stored, or None when there is no such contact (any more)."""
    row = read_one(_CONTACT_SQL, (contact_id,))
    if row is None:
        return None
    (
        found_id,
        first,
        last,
        role,
        company,
        email,
        phone,
        address,
        time_zone,
        notes,
        is_agency,
        client_company,
        channel,
        social_handle,
        cadence,
    ) = row
    values = ContactInput(
        first_name=first,
        last_name=last,
        role=role,
        company=company or "",
        email=email,
        phone=phone,
        address=address,
        time_zone=time_zone,
        notes=notes,
        is_agency=bool(is_agency),
        # Kept even when the person no longer recruits for an agency: the form shows it greyed.
        client_company=client_company or "",
        preferred_channel=channel,
        social_handle=social_handle,
        keep_in_touch_days=None if cadence is None else int(cadence),
    )
    full_name = " ".join(part for part in (first, last) if part)
    return StoredContact(int(found_id), full_name, values)
