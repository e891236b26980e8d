"""A follow-up with everything needed to act on it: who, where, which position, what to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from followup_desktop.db.models import Application, Company, Contact, FollowUp, id_column
from followup_desktop.db.reads import tuple_rows
from followup_desktop.db.values import stored_date, stored_datetime
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, label_for_reason

_VERBS = {"call": "Call", "email": "E-mail", "note": "Write a note to"}


@dataclass(frozen=True)
class FollowUpDetails:
    id: int
    due_on: dt.date
    window_start: str
    window_end: str
    channel: str
    reason: str
    state: str
    outcome: str
    user_changed: bool
    created_at: dt.datetime
    application_id: int | None
    position: str
    company: str
    contact_id: int | None
    contact_name: str
    contact_first_name: str
    role: str
    phone: str
    email: str
    address: str
    time_zone: str
    is_agency: bool
    #: The contact's own company: the agency for an agency recruiter.
    contact_company: str
    #: For an agency recruiter, the employer they recruit for.
    client_company: str

    @property
    def reason_label(self) -> str:
        return label_for_reason(self.reason)

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def employer(self) -> str:
        """The company the job is at (the client company when the contact is an agency)."""
        return self.company or self.client_company or self.contact_company

    @property
    def who(self) -> str:
        return self.contact_name or self.employer or "someone"

    def action_text(self) -> str:
        """What to do, with whom: "Call Ana Lopez (Northwind Labs)"."""
        verb = _VERBS.get(self.channel, "Contact")
        place = self.contact_company if self.is_agency else self.employer
        where = f" ({place})" if place and self.contact_name else ""
        return f"{verb} {self.who}{where}"

    def summary(self) -> str:
        """One line for a calendar: "Status check: Call Ana Lopez (Northwind) · Data Analyst"."""
        position = f" · {self.position}" if self.position else ""
        return f"{self.reason_label}: {self.action_text()}{position}"

    def contact_lines(self) -> list[str]:
        """The contact block: name and role, company, phone, e-mail, in that order."""
        lines = []
        if self.contact_name:
            lines.append(f"{self.contact_name}, {self.role}" if self.role else self.contact_name)
        if self.is_agency and self.contact_company:
            client = f" (for {self.client_company})" if self.client_company else ""
            lines.append(f"Agency: {self.contact_company}{client}")
        elif self.contact_company:
            lines.append(self.contact_company)
        if self.phone:
            lines.append(f"Phone: {self.phone}")
        if self.email:
            lines.append(f"E-mail: {self.email}")
        return lines


_EMPLOYER = Company.alias("employer")
_OWN = Company.alias("own")
_CLIENT = Company.alias("client")


def _query() -> Any:
    return (
        FollowUp.select(
            FollowUp.id,
            FollowUp.due_on,
            FollowUp.window_start,
            FollowUp.window_end,
            FollowUp.channel,
            FollowUp.reason,
            FollowUp.state,
            FollowUp.outcome,
            FollowUp.user_changed,
            FollowUp.created_at,
            FollowUp.application,
            Application.position,
            _EMPLOYER.name,
            FollowUp.contact,
            Contact.first_name,
            Contact.last_name,
            Contact.role,
            Contact.phone,
            Contact.email,
            Contact.address,
            Contact.time_zone,
            Contact.is_agency,
            _OWN.name,
            _CLIENT.name,
        )
        .join(
            Application,
            pw.JOIN.LEFT_OUTER,
            on=(FollowUp.application == id_column(Application)),
        )
        .join(_EMPLOYER, pw.JOIN.LEFT_OUTER, on=(Application.company == _EMPLOYER.id))
        .switch(FollowUp)
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(FollowUp.contact == id_column(Contact)))
        .join(_OWN, pw.JOIN.LEFT_OUTER, on=(Contact.company == _OWN.id))
        .switch(Contact)
        .join(_CLIENT, pw.JOIN.LEFT_OUTER, on=(Contact.client_company == _CLIENT.id))
    )


def _details(query: Any) -> list[FollowUpDetails]:
    found = []
    for row in tuple_rows(query):
        first, last = row[14] or "", row[15] or ""
        found.append(
            FollowUpDetails(
                id=row[0],
                due_on=stored_date(row[1]),
                window_start=row[2] or "",
                window_end=row[3] or "",
                channel=row[4],
                reason=row[5],
                state=row[6],
                outcome=row[7] or "",
                user_changed=bool(row[8]),
                created_at=stored_datetime(row[9]),  # NOT NULL
                application_id=row[10],
                position=row[11] or "",
                company=row[12] or "",
                contact_id=row[13],
                contact_name=" ".join(part for part in (first, last) if part),
                contact_first_name=first,
                role=row[16] or "",
                phone=row[17] or "",
                email=row[18] or "",
                address=row[19] or "",
                time_zone=row[20] or "",
                is_agency=bool(row[21]),
                contact_company=row[22] or "",
                client_company=row[23] or "",
            )
        )
    return found


def follow_up_details(follow_up_id: int) -> FollowUpDetails | None:
    """One follow-up with its people and places, or None if it no longer exists."""
    found = _details(_query().where(id_column(FollowUp) == follow_up_id))
    return found[0] if found else None


def planned_details(
    first: dt.date | None = None, last: dt.date | None = None
) -> list[FollowUpDetails]:
    """Planned follow-ups (optionally between two days), by due day."""
    query = _query().where(FollowUp.state == "planned")
    if first is not None:
        query = query.where(FollowUp.due_on >= first)
    if last is not None:
        query = query.where(FollowUp.due_on <= last)
    return _details(query.order_by(FollowUp.due_on, id_column(FollowUp)))
