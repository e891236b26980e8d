"""The contacts to export, with company names resolved, in a stable order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from followup_desktop.db.models import Company, Contact
from followup_desktop.db.reads import query_rows
from followup_desktop.services.contact_queries import CLIENT_COMPANY, select_contacts_with_companies


@dataclass(frozen=True)
class ExportedContact:
    id: int
    first_name: str
    last_name: str
    role: str
    company: str
    is_agency: bool
    client_company: str
    email: str
    phone: str
    address: str
    time_zone: str
    preferred_channel: str
    social_handle: str
    keep_in_touch_days: int | None
    notes: str
    department: str = ""
    #: "YYYY-MM-DD", "--MM-DD" without a year, or "".
    birthday: str = ""
    #: One web address a line.
    websites: str = ""
    phone_label: str = ""
    email_label: str = ""
    address_label: str = ""
    #: The address book's id kept from an import; "" when the contact began here.
    uid: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def load_exported_contacts(contact_ids: Iterable[int] | None = None) -> list[ExportedContact]:
    """Every contact (or only ``contact_ids``), sorted by last then first name."""
    query = select_contacts_with_companies(
        Contact.id,
        Contact.first_name,
        Contact.last_name,
        Contact.role,
        Company.name,
        Contact.is_agency,
        CLIENT_COMPANY.name,
        Contact.email,
        Contact.phone,
        Contact.address,
        Contact.time_zone,
        Contact.preferred_channel,
        Contact.social_handle,
        Contact.keep_in_touch_days,
        Contact.notes,
        Contact.department,
        Contact.birthday,
        Contact.websites,
        Contact.phone_label,
        Contact.email_label,
        Contact.address_label,
        Contact.uid,
        Contact.created_at,
        Contact.updated_at,
    ).order_by(Contact.last_name, Contact.first_name, Contact.id)
    if contact_ids is not None:
        query = query.where(Contact.id.in_(list(contact_ids)))  # type: ignore[attr-defined]
    return [
        ExportedContact(
            id=row[0],
            first_name=row[1],
            last_name=row[2],
            role=row[3],
            company=row[4] or "",
            is_agency=bool(row[5]),
            client_company=row[6] or "",
            email=row[7],
            phone=row[8],
            address=row[9],
            time_zone=row[10],
            preferred_channel=row[11],
            social_handle=row[12],
            keep_in_touch_days=row[13],
            notes=row[14],
            department=row[15],
            birthday=row[16],
            websites=row[17],
            phone_label=row[18],
            email_label=row[19],
            address_label=row[20],
            uid=row[21],
            created_at=_stamp(row[22]),
            updated_at=_stamp(row[23]),
        )
        # SQLite's own values: converting each through the ORM took most of a large export.
        for row in query_rows(query)
    ]


def _stamp(value: object) -> dt.datetime | None:
    """A stored time (its text as SQLite gives it, or a datetime) as a datetime."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None
