"""Read-only questions about follow-ups: what is due today, overdue, or on a given day."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from followup_desktop.db.reads import read_all, read_one
from followup_desktop.db.values import stored_date
from followup_desktop.services.user_text import isolated

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
        """ "Reason: who · position", the names isolated so that right-to-left text or a
        direction override in them cannot reorder the rest (``isolated``)."""
        reason = label_for_reason(self.reason)
        who = isolated(self.contact or self.company) or "—"
        what = f" · {isolated(self.position)}" if self.position else ""
        return f"{reason}: {who}{what}"


#: A follow-up with the names a list shows; "WHERE …" and "ORDER BY …" are added to it.
_ROWS_SQL = """
SELECT f.id, f.due_on, f.channel, f.reason, f.state, f.application_id,
       a.position, c.name, ct.first_name, ct.last_name
FROM follow_up f
LEFT JOIN application a ON a.id = f.application_id
LEFT JOIN company c ON c.id = a.company_id
LEFT JOIN contact ct ON ct.id = f.contact_id
"""


def _rows(where: str, params: list[Any], order: str = "") -> list[FollowUpRow]:
    """The follow-ups ``where`` selects, ordered and paged by ``order``."""
    rows = []
    for fid, due, channel, reason, state, app_id, position, company, first, last in read_all(
        f"{_ROWS_SQL} WHERE {where} {order}", params
    ):
        rows.append(
            FollowUpRow(
                id=fid,
                due_on=stored_date(due),
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


def _page(limit: int, offset: int) -> str:
    return f"LIMIT {int(limit)} OFFSET {int(offset)}"


def due_follow_ups(today: dt.date) -> tuple[list[FollowUpRow], list[FollowUpRow]]:
    """Planned follow-ups (overdue, due today), each oldest first."""
    rows = _rows(
        "f.state = 'planned' AND f.due_on <= ?", [today.isoformat()], "ORDER BY f.due_on, f.id"
    )
    overdue = [row for row in rows if row.due_on < today]
    due_today = [row for row in rows if row.due_on == today]
    return overdue, due_today


def due_counts(today: dt.date) -> tuple[int, int]:
    """(overdue, due today) planned follow-ups, counted from the due-date index alone."""
    day = today.isoformat()
    row = read_one(
        "SELECT COALESCE(SUM(due_on < ?), 0), COALESCE(SUM(due_on = ?), 0) FROM follow_up "
        "WHERE state = 'planned' AND due_on <= ?",
        (day, day, day),
    )
    assert row is not None  # an aggregate always gives one row
    return int(row[0]), int(row[1])


def due_page(today: dt.date, *, overdue: bool, limit: int, offset: int = 0) -> list[FollowUpRow]:
    """One page of the planned follow-ups that are overdue (or due today), oldest first."""
    day_test = "f.due_on < ?" if overdue else "f.due_on = ?"
    return _rows(
        f"f.state = 'planned' AND {day_test}",
        [today.isoformat()],
        f"ORDER BY f.due_on, f.id {_page(limit, offset)}",
    )


def follow_up_row(follow_up_id: int) -> FollowUpRow | None:
    rows = _rows("f.id = ?", [follow_up_id])
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
    on_day = [day.isoformat()]
    rows = _rows(
        "f.due_on = ? AND f.state = 'planned'", on_day, f"ORDER BY f.id {_page(limit, offset)}"
    )
    if 0 <= limit <= len(rows):
        return rows
    if rows:
        offset = 0
    elif offset:
        # The page starts among the finished ones: skip what the planned ones took.
        ((planned_count,),) = read_all(
            "SELECT COUNT(*) FROM follow_up WHERE due_on = ? AND state = 'planned'", on_day
        )
        offset = max(0, offset - planned_count)
    rest = -1 if limit < 0 else limit - len(rows)
    finished = _rows(
        "f.due_on = ? AND f.state != 'planned'",
        on_day,
        f"ORDER BY f.state, f.id {_page(rest, offset)}",
    )
    return rows + finished


def state_counts_on(day: dt.date) -> dict[str, int]:
    """How many follow-ups due on ``day`` are in each state, from the due-date index alone."""
    rows = read_all(
        "SELECT state, COUNT(*) FROM follow_up WHERE due_on = ? GROUP BY state", [day.isoformat()]
    )
    return {state: int(count) for state, count in rows}


def planned_counts_between(first: dt.date, last: dt.date) -> dict[dt.date, dict[str, int]]:
    """Planned follow-ups per day and channel in [first, last], from one indexed query."""
    rows = read_all(
        "SELECT due_on, channel, COUNT(*) FROM follow_up "
        "WHERE due_on >= ? AND due_on <= ? AND state = 'planned' GROUP BY due_on, channel",
        (first.isoformat(), last.isoformat()),
    )
    counts: dict[dt.date, dict[str, int]] = {}
    for due, channel, count in rows:
        counts.setdefault(stored_date(due), {})[channel] = count
    return counts
