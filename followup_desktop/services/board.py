"""The pipeline's data: stages in order and the cards of each column, a page at a time."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from followup_desktop.db.reads import read_all, read_one
from followup_desktop.db.values import stored_date_or_none

#: Kinds of stage where an application is not yet (or no longer) in play, so nothing needs
#: planning there. Closed stages are inactive too, whatever their kind.
INACTIVE_KINDS = frozenset({"wishlist"})


class StageInfo(NamedTuple):
    id: int
    name: str
    position: int
    is_closed: bool
    is_hidden: bool
    kind: str

    @property
    def is_active(self) -> bool:
        """Applications here are in play and should always have a next step planned."""
        return not self.is_closed and self.kind not in INACTIVE_KINDS


class BoardCard(NamedTuple):
    """What one card on the board shows, plus the key that orders it in its column."""

    id: int
    stage_id: int
    rank: int
    archived: bool
    company_id: int
    company: str
    position: str
    contact_id: int | None
    contact: str
    #: The application's next planned follow-up (earliest due, then oldest): what the card
    #: shows and what its menu acts on.
    next_follow_up_id: int | None
    next_due: dt.date | None
    next_channel: str
    #: Latest logged contact with the application's company.
    last_contact: dt.date | None
    #: How much the user wants the job (0: not said, 1 to 3).
    priority: int = 0
    location: str = ""
    work_mode: str = ""
    #: Tags as stored, ", " between them.
    tags: str = ""

    def days_since_contact(self, today: dt.date) -> int | None:
        return None if self.last_contact is None else (today - self.last_contact).days

    def is_overdue(self, today: dt.date) -> bool:
        return self.next_due is not None and self.next_due < today


def list_stages(include_hidden: bool = True) -> list[StageInfo]:
    where = "" if include_hidden else " WHERE NOT is_hidden"
    rows = read_all(
        f"SELECT id, name, position, is_closed, is_hidden, kind FROM stage{where} "
        "ORDER BY position, id"
    )
    return [
        StageInfo(stage_id, name, position, bool(closed), bool(hidden), kind)
        for stage_id, name, position, closed, hidden, kind in rows
    ]


def _card_sql() -> str:
    """Select list and joins for cards; the two correlated lookups each use an index."""
    return """
SELECT a.id, a.stage_id, a.rank, a.archived, a.company_id, c.name, a.position, a.contact_id,
       ct.first_name, ct.last_name, nf.id, nf.due_on, nf.channel,
       (SELECT MAX(i.occurred_at) FROM interaction i WHERE i.company_id = a.company_id),
       a.priority, a.location, a.work_mode, a.tags
FROM application a
JOIN company c ON c.id = a.company_id
LEFT JOIN contact ct ON ct.id = a.contact_id
LEFT JOIN follow_up nf ON nf.id = (
    SELECT f.id FROM follow_up f WHERE f.application_id = a.id AND f.state = 'planned'
    ORDER BY f.due_on, f.id LIMIT 1)
"""


def card_page(
    stage_id: int, *, after: tuple[int, int] | None = None, limit: int = 60
) -> list[BoardCard]:
    """Up to ``limit`` active cards of a stage in order, after the card keyed (rank, id)."""
    where = "a.stage_id = ? AND a.archived = 0"
    args: list[Any] = [stage_id]
    if after is not None:
        # Spelled out rather than as a row value: SQLite then walks the index in order.
        where += " AND (a.rank > ? OR (a.rank = ? AND a.id > ?))"
        args += [after[0], after[0], after[1]]
    sql = f"{_card_sql()} WHERE {where} ORDER BY a.rank, a.id LIMIT {int(limit)}"
    return [_card(row) for row in read_all(sql, args)]


def cards_by_ids(application_ids: list[int]) -> list[BoardCard]:
    """The cards of these applications, in the order given (missing ones left out)."""
    found: dict[int, BoardCard] = {}
    for start in range(0, len(application_ids), 500):
        chunk = application_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = read_all(f"{_card_sql()} WHERE a.id IN ({marks})", chunk)
        found.update((card.id, card) for card in map(_card, rows))
    return [found[app_id] for app_id in application_ids if app_id in found]


def card_counts() -> dict[int, int]:
    """Active (not archived) cards per stage."""
    rows = read_all(
        "SELECT stage_id, COUNT(*) FROM application WHERE archived = 0 GROUP BY stage_id"
    )
    return {int(stage_id): int(count) for stage_id, count in rows}


def load_card(application_id: int) -> BoardCard | None:
    row = read_one(f"{_card_sql()} WHERE a.id = ?", [application_id])
    return None if row is None else _card(row)


def load_board_cards(include_archived: bool = False) -> list[BoardCard]:
    """Every card of the board in stage and rank order (for export and checks, not the view)."""
    where = "" if include_archived else " WHERE a.archived = 0"
    sql = f"{_card_sql()}{where} ORDER BY a.stage_id, a.archived, a.rank, a.id"
    return [_card(row) for row in read_all(sql)]


def ranks_of(application_ids: list[int]) -> dict[int, int]:
    """Current ranks of some applications (after a column was renumbered)."""
    ranks: dict[int, int] = {}
    for start in range(0, len(application_ids), 500):
        chunk = application_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = read_all(f"SELECT id, rank FROM application WHERE id IN ({marks})", chunk)
        ranks.update({int(app_id): int(rank) for app_id, rank in rows})
    return ranks


def _card(row: tuple[Any, ...]) -> BoardCard:
    (
        app_id,
        stage_id,
        rank,
        archived,
        company_id,
        company,
        position,
        contact_id,
        first,
        last,
        next_id,
        next_due,
        next_channel,
        last_contact,
        priority,
        location,
        work_mode,
        tags,
    ) = row
    return BoardCard(
        id=app_id,
        stage_id=stage_id,
        rank=rank,
        archived=bool(archived),
        company_id=company_id,
        company=company,
        position=position,
        contact_id=contact_id,
        contact=" ".join(part for part in (first, last) if part),
        next_follow_up_id=next_id,
        next_due=stored_date_or_none(next_due),
        next_channel=next_channel or "",
        last_contact=stored_date_or_none(last_contact),
        priority=priority,
        location=location,
        work_mode=work_mode,
        tags=tags,
    )
