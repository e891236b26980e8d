"""The history with a contact or a company: conversations, follow-ups and letters, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Letter,
)
from followup_desktop.db.reads import read_one, tuple_rows
from followup_desktop.db.values import stored_datetime
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, label_for_reason
from followup_desktop.services.interactions import KIND_LABELS
from followup_desktop.services.user_text import isolated

CONVERSATION = "conversation"
FOLLOW_UP = "follow_up"
LETTER = "letter"

_INTERACTION_CHANNELS = {
    "call": "call",
    "email": "e-mail",
    "note": "handwritten note",
    "meeting": "in person or video",
    "other": "other",
}
#: Kinds that happen together, where "from them" or "by you" means nothing.
_TOGETHER_KINDS = frozenset({"interview", "conversation"})
_STATE_LABELS = {"planned": "planned", "done": "done", "skipped": "skipped"}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a history; ``when`` orders the entries (planned steps at their due day)."""

    kind: str
    record_id: int
    when: dt.datetime
    title: str
    detail: str
    who: str
    application_id: int | None
    application_label: str
    state: str = ""


def _contact_conditions(contact_id: int) -> tuple[Any, Any, Any]:
    """Which conversations, follow-ups and letters belong to a contact's history."""
    apps = Application.select(Application.id).where(Application.contact == contact_id)
    return (
        Interaction.contact == contact_id,
        (FollowUp.contact == contact_id) | FollowUp.application.in_(apps),
        (Letter.contact == contact_id) | Letter.application.in_(apps),
    )


def contact_timeline(contact_id: int) -> list[TimelineEntry]:
    """Everything logged with this contact, and what is planned or written for them or for the
    applications they are the main contact of."""
    return _timeline(*_contact_conditions(contact_id))


def contact_timeline_count(contact_id: int) -> int:
    """How many entries ``contact_timeline`` gives, counted in one statement without reading
    them (the same conditions as ``_contact_conditions``)."""
    sql = (
        "SELECT (SELECT count(*) FROM interaction WHERE contact_id = ?1)"
        " + (SELECT count(*) FROM follow_up WHERE contact_id = ?1 OR application_id IN"
        " (SELECT id FROM application WHERE contact_id = ?1))"
        " + (SELECT count(*) FROM letter WHERE contact_id = ?1 OR application_id IN"
        " (SELECT id FROM application WHERE contact_id = ?1))"
    )
    row = read_one(sql, (contact_id,))
    assert row is not None  # a count always gives one row
    return int(row[0])


def company_timeline(company_id: int) -> list[TimelineEntry]:
    """Everything with this company: its applications, its people and the company itself."""
    apps = Application.select(Application.id).where(Application.company == company_id)
    people = Contact.select(Contact.id).where(
        (Contact.company == company_id) | (Contact.client_company == company_id)
    )
    return _timeline(
        (Interaction.company == company_id)
        | Interaction.application.in_(apps)
        | Interaction.contact.in_(people),
        FollowUp.application.in_(apps) | FollowUp.contact.in_(people),
        Letter.application.in_(apps) | Letter.contact.in_(people),
    )


def _timeline(interactions: Any, follow_ups: Any, letters: Any) -> list[TimelineEntry]:
    labels = _ApplicationLabels()
    entries = [
        *_conversations(interactions, labels),
        *_follow_ups(follow_ups, labels),
        *_letters(letters, labels),
    ]
    entries.sort(key=lambda e: (e.when, e.kind, e.record_id), reverse=True)
    return entries


class _ApplicationLabels:
    """ "Position at Company" for the applications an entry links to, looked up once each."""

    def __init__(self) -> None:
        self._labels: dict[int, str] = {}

    def __call__(self, application_id: int | None) -> str:
        if application_id is None:
            return ""
        if application_id not in self._labels:
            row = (
                Application.select(Application.position, Company.name)
                .join(Company)
                .where(Application.id == application_id)
                .tuples()
                .first()
            )
            self._labels[application_id] = (
                f"{isolated(row[0])} at {isolated(row[1])}" if row else ""
            )
        return self._labels[application_id]


def _name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first or "", last or "") if part)


def _conversations(where: Any, labels: _ApplicationLabels) -> list[TimelineEntry]:
    query = (
        Interaction.select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.channel,
            Interaction.direction,
            Interaction.summary,
            Interaction.open_questions,
            Interaction.concerns,
            Interaction.application,
            Contact.first_name,
            Contact.last_name,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(Interaction.contact == Contact.id))
        .where(where)
    )
    entries = []
    for (
        ident,
        when,
        kind,
        channel,
        direction,
        summary,
        questions,
        concerns,
        app_id,
        first,
        last,
    ) in tuple_rows(query):
        how = _INTERACTION_CHANNELS.get(channel, channel)
        if kind not in _TOGETHER_KINDS:
            how += ", from them" if direction == "inbound" else ", by you"
        # What was typed sits beside the app's words: each part isolated (``isolated``).
        details = [isolated(summary)]
        if questions:
            details.append(f"Open questions: {isolated(questions)}")
        if concerns:
            details.append(f"Concerns: {isolated(concerns)}")
        entries.append(
            TimelineEntry(
                kind=CONVERSATION,
                record_id=ident,
                when=stored_datetime(when),
                title=f"{KIND_LABELS.get(kind, kind.capitalize())} ({how})",
                detail="\n".join(d for d in details if d),
                who=_name(first, last),
                application_id=app_id,
                application_label=labels(app_id),
            )
        )
    return entries


def _follow_ups(where: Any, labels: _ApplicationLabels) -> list[TimelineEntry]:
    query = (
        FollowUp.select(
            FollowUp.id,
            FollowUp.due_on,
            FollowUp.completed_at,
            FollowUp.reason,
            FollowUp.channel,
            FollowUp.state,
            FollowUp.outcome,
            FollowUp.application,
            Contact.first_name,
            Contact.last_name,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(FollowUp.contact == Contact.id))
        .where(where)
    )
    entries = []
    for ident, due, completed, reason, channel, state, outcome, app_id, first, last in tuple_rows(
        query
    ):
        when = (
            stored_datetime(completed) if completed and state != "planned" else stored_datetime(due)
        )
        reason_label = label_for_reason(reason)
        channel_label = CHANNEL_LABELS.get(channel, channel).lower()
        status = _STATE_LABELS.get(state, state)
        if state == "planned":
            status = f"planned for {stored_datetime(due).date().isoformat()}"
        entries.append(
            TimelineEntry(
                kind=FOLLOW_UP,
                record_id=ident,
                when=when,
                title=f"{reason_label} by {channel_label}, {status}",
                detail=outcome,
                who=_name(first, last),
                application_id=app_id,
                application_label=labels(app_id),
                state=state,
            )
        )
    return entries


def _letters(where: Any, labels: _ApplicationLabels) -> list[TimelineEntry]:
    query = (
        Letter.select(
            Letter.id,
            Letter.sent_at,
            Letter.updated_at,
            Letter.channel,
            Letter.state,
            Letter.subject,
            Letter.body,
            Letter.application,
            Contact.first_name,
            Contact.last_name,
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(Letter.contact == Contact.id))
        .where(where)
    )
    entries = []
    for ident, sent, updated, channel, state, subject, body, app_id, first, last in tuple_rows(
        query
    ):
        kind = CHANNEL_LABELS.get(channel, channel)
        first_line = next((line for line in body.splitlines() if line.strip()), "")
        entries.append(
            TimelineEntry(
                kind=LETTER,
                record_id=ident,
                when=stored_datetime(sent or updated),
                title=f"{kind} {'sent' if state == 'sent' else 'draft'}",
                detail=subject or first_line,
                who=_name(first, last),
                application_id=app_id,
                application_label=labels(app_id),
                state=state,
            )
        )
    return entries
