"""What an application's detail shows besides its fields: its log, follow-ups and letters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from followup_desktop.db.models import Contact, FollowUp, Interaction, Letter, id_column
from followup_desktop.db.reads import tuple_rows
from followup_desktop.db.values import stored_date, stored_datetime


@dataclass(frozen=True)
class LogEntry:
    id: int
    occurred_at: dt.datetime
    kind: str
    channel: str
    direction: str
    contact: str
    summary: str
    open_questions: str
    concerns: str


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    due_on: dt.date
    reason: str
    channel: str
    state: str
    contact: str
    outcome: str


@dataclass(frozen=True)
class LetterEntry:
    id: int
    follow_up_id: int | None
    updated_at: dt.datetime
    template: str
    channel: str
    subject: str
    state: str


def _name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


def conversation_log(application_id: int) -> list[LogEntry]:
    """The application's logged conversations, newest first."""
    query = (
        Interaction.select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.channel,
            Interaction.direction,
            Contact.first_name,
            Contact.last_name,
            Interaction.summary,
            Interaction.open_questions,
            Interaction.concerns,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(Interaction.contact == Contact.id))
        .where(Interaction.application == application_id)
        .order_by(Interaction.occurred_at.desc(), id_column(Interaction).desc())
    )
    return [
        LogEntry(
            row[0], stored_datetime(row[1]), row[2], row[3], row[4], _name(row[5], row[6]), *row[7:]
        )
        for row in tuple_rows(query)
    ]


def follow_up_list(application_id: int) -> list[FollowUpEntry]:
    """Planned follow-ups first (soonest first), then the done and skipped ones, latest first."""
    query = (
        FollowUp.select(
            FollowUp.id,
            FollowUp.due_on,
            FollowUp.reason,
            FollowUp.channel,
            FollowUp.state,
            Contact.first_name,
            Contact.last_name,
            FollowUp.outcome,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(FollowUp.contact == Contact.id))
        .where(FollowUp.application == application_id)
    )
    entries = [
        FollowUpEntry(
            row[0], stored_date(row[1]), row[2], row[3], row[4], _name(row[5], row[6]), row[7]
        )
        for row in tuple_rows(query)
    ]
    planned = sorted((e for e in entries if e.state == "planned"), key=lambda e: (e.due_on, e.id))
    others = sorted(
        (e for e in entries if e.state != "planned"), key=lambda e: (e.due_on, e.id), reverse=True
    )
    return planned + others


def letter_list(application_id: int) -> list[LetterEntry]:
    """The application's letters and drafts, latest first."""
    query = (
        Letter.select(
            Letter.id,
            Letter.follow_up,
            Letter.updated_at,
            Letter.template,
            Letter.channel,
            Letter.subject,
            Letter.state,
        )
        .where(Letter.application == application_id)
        .order_by(Letter.updated_at.desc(), id_column(Letter).desc())
    )
    return [
        LetterEntry(row[0], row[1], stored_datetime(row[2]), row[3], row[4], row[5], row[6])
        for row in tuple_rows(query)
    ]
