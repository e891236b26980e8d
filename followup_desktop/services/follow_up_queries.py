"""Read-only questions about follow-ups: what is due today, overdue, or on a given day."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import peewee as pw

from followup_desktop.db.models import Application, Company, Contact, FollowUp, database
from followup_desktop.db.rows import tuple_rows

REASON_LABELS = {
    "status_check": "Status check",
    "thank_you": "Thank-you",
    "rejection_reply": "Reply to rejection",
    "keep_in_touch": "Keep in touch",
    "manual": "Follow-up",
}
CHANNEL_LABELS = {"call": "Call", "email": "E-mail", "note": "Handwritten note"}


def label_for_reason(reason: str) -> str:
    """The follow-up reason in words; an unknown reason is shown as its own words."""
    return REASON_LABELS.get(reason, reason.replace("_", " ").capitalize())


class FollowUpRow(NamedTuple):
    """One follow-up with the names a list needs to show it."""

    id: int
    due_on: dt.date
    channel: str
    reason: str
    state: str
    application_id: int | None
    position: str
    company: str
    contact: str

    def title(self) -> str:
        reason = label_for_reason(self.reason)
        who = self.contact or self.company or "—"
        what = f" · {self.position}" if self.position else ""
        return f"{reason}: {who}{what}"


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _rows_query() -> Any:
    return (
        FollowUp.select(
            FollowUp.id,
            FollowUp.due_on,
            FollowUp.channel,
            FollowUp.reason,
            FollowUp.state,
            FollowUp.application,
            Application.position,
            Company.name,
            Contact.first_name,
            Contact.last_name,
        )
        .join(
            Application, join_type=pw.JOIN.LEFT_OUTER, on=(FollowUp.application == Application.id)
        )
        .join(Company, join_type=pw.JOIN.LEFT_OUTER, on=(Application.company == Company.id))
        .switch(FollowUp)
        .join(Contact, join_type=pw.JOIN.LEFT_OUTER, on=(FollowUp.contact == Contact.id))
    )


def _to_rows(query: Any) -> list[FollowUpRow]:
    rows = []
    # Raw rows: peewee's per-value conversion would cost more than the query on long lists.
    for (
        fid,
        due,
        channel,
        reason,
        state,
        app_id,
        position,
        company,
        first,
        last,
    ) in database.execute_sql(*query.sql()).fetchall():
        rows.append(
            FollowUpRow(
                id=fid,
                due_on=_date(due),
                channel=channel,
                reason=reason,
                state=state,
                application_id=app_id,
                position=position or "",
                company=company or "",
                contact=" ".join(part for part in (first, last) if part),
            )
        )
    return rows


def due_follow_ups(today: dt.date) -> tuple[list[FollowUpRow], list[FollowUpRow]]:
    """Planned follow-ups (overdue, due today), each oldest first."""
    query = (
        _rows_query()
        .where((FollowUp.state == "planned") & (FollowUp.due_on <= today))
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    rows = _to_rows(query)
    overdue = [row for row in rows if row.due_on < today]
    due_today = [row for row in rows if row.due_on == today]
    return overdue, due_today


#: The last counts, with the connection and store state they were read at (``due_counts``).
#: The connection itself is kept (not its id), so a later connection is never mistaken for it.
_last_counts: tuple[object, tuple[object, ...], tuple[int, int]] | None = None


def due_counts(today: dt.date) -> tuple[int, int]:
    """(overdue, due today) planned follow-ups, counted from the due-date index alone.

    Counting walks every due entry, so the answer is kept until anything is written (by this
    connection: total_changes; by any other: data_version): the Today panel and the reminders
    ask for it together when the window opens.
    """
    global _last_counts
    connection = database.connection()
    state = (today, connection.total_changes, connection.execute("PRAGMA data_version").fetchone())
    if _last_counts is not None and _last_counts[0] is connection and _last_counts[1] == state:
        return _last_counts[2]
    query = FollowUp.select(
        pw.fn.COALESCE(pw.fn.SUM(FollowUp.due_on < today), 0),
        pw.fn.COALESCE(pw.fn.SUM(FollowUp.due_on == today), 0),
    ).where((FollowUp.state == "planned") & (FollowUp.due_on <= today))
    overdue, due_today = next(tuple_rows(query))
    counts = (int(overdue), int(due_today))
    _last_counts = (connection, state, counts)
    return counts


def due_page(today: dt.date, *, overdue: bool, limit: int, offset: int = 0) -> list[FollowUpRow]:
    """One page of the planned follow-ups that are overdue (or due today), oldest first."""
    day_test = FollowUp.due_on < today if overdue else FollowUp.due_on == today
    query = (
        _rows_query()
        .where((FollowUp.state == "planned") & day_test)
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(limit)
        .offset(offset)
    )
    return _to_rows(query)


def follow_up_row(follow_up_id: int) -> FollowUpRow | None:
    rows = _to_rows(_rows_query().where(FollowUp.id == follow_up_id))
    return rows[0] if rows else None


def follow_ups_on(day: dt.date) -> list[FollowUpRow]:
    """Every follow-up due on ``day``: planned ones first, then the finished ones by state."""
    return follow_ups_on_page(day, limit=-1)


def follow_ups_on_page(day: dt.date, *, limit: int, offset: int = 0) -> list[FollowUpRow]:
    """One page of the follow-ups due on ``day``, in the order of ``follow_ups_on``.

    Planned and finished ones are read apart, each in the due-date index's own order (state,
    id), so a page of a busy day is read without sorting the whole day. A negative ``limit``
    reads to the end.
    """
    on_day = FollowUp.due_on == day
    planned = FollowUp.state == "planned"
    rows = _to_rows(
        _rows_query().where(on_day & planned).order_by(FollowUp.id).limit(limit).offset(offset)
    )
    if 0 <= limit <= len(rows):
        return rows
    if rows:
        offset = 0
    elif offset:
        # The page starts among the finished ones: skip what the planned ones took.
        planned_count = FollowUp.select().where(on_day & planned).count()
        offset = max(0, offset - planned_count)
    rest = -1 if limit < 0 else limit - len(rows)
    finished = (
        _rows_query()
        .where(on_day & (FollowUp.state != "planned"))
        .order_by(FollowUp.state, FollowUp.id)
        .limit(rest)
        .offset(offset)
    )
    return rows + _to_rows(finished)


def state_counts_on(day: dt.date) -> dict[str, int]:
    """How many follow-ups due on ``day`` are in each state, from the due-date index alone."""
    query = (
        FollowUp.select(FollowUp.state, pw.fn.COUNT(FollowUp.id))
        .where(FollowUp.due_on == day)
        .group_by(FollowUp.state)
    )
    return {state: int(count) for state, count in tuple_rows(query)}


#: The last month's counts, with the connection and store state they were read at.
_last_month: tuple[object, tuple[object, ...], dict[dt.date, dict[str, int]]] | None = None


def planned_counts_between(first: dt.date, last: dt.date) -> dict[dt.date, dict[str, int]]:
    """Planned follow-ups per day and channel in [first, last], from one indexed query.

    The last answer is kept until anything is written (the same test as ``due_counts``), so
    the month read while the app is idle serves the calendar's first showing.
    """
    global _last_month
    connection = database.connection()
    state = (
        first,
        last,
        connection.total_changes,
        connection.execute("PRAGMA data_version").fetchone(),
    )
    if _last_month is not None and _last_month[0] is connection and _last_month[1] == state:
        return {day: dict(channels) for day, channels in _last_month[2].items()}
    query = (
        FollowUp.select(FollowUp.due_on, FollowUp.channel, pw.fn.COUNT(FollowUp.id))
        .where(
            (FollowUp.due_on >= first) & (FollowUp.due_on <= last) & (FollowUp.state == "planned")
        )
        .group_by(FollowUp.due_on, FollowUp.channel)
    )
    counts: dict[dt.date, dict[str, int]] = {}
    for due, channel, count in tuple_rows(query):
        day = due if isinstance(due, dt.date) else dt.date.fromisoformat(str(due))
        counts.setdefault(day, {})[channel] = count
    _last_month = (connection, state, counts)
    return {day: dict(channels) for day, channels in counts.items()}
