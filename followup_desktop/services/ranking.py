"""Order within a pipeline column: gapped integer ranks, so a move usually rewrites one row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.models import RANK_GAP, Application, Stage, database
from followup_desktop.db.reads import read_one, tuple_rows


class RankingError(Exception):
    """A move refers to an application or stage that no longer exists."""


@dataclass(frozen=True)
class MoveResult:
    """Where a move put the application, and how many rows it rewrote to get there."""

    application_id: int
    stage_id: int
    rank: int
    #: True when the column had no gap left and every rank in it was rewritten.
    renumbered: bool
    rows_written: int


def rank_between(lower: int | None, upper: int | None, gap: int | None = None) -> int | None:
    """A rank strictly between two neighbours (None means no neighbour); None when no gap."""
    gap = gap or RANK_GAP
    if lower is None and upper is None:
        return gap
    if lower is None:
        assert upper is not None
        return upper - gap
    if upper is None:
        return lower + gap
    if upper - lower < 2:
        return None
    return (lower + upper) // 2


def renumbered_ranks(count: int, gap: int | None = None) -> list[int]:
    """Evenly gapped ranks for ``count`` cards in order."""
    gap = gap or RANK_GAP
    return [(index + 1) * gap for index in range(count)]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


_TABLE = f'"{Application._meta.table_name}"'
# The hot path of every move, written out: each is one seek in the (stage, archived, rank)
# index, and plain SQL skips building the query in Python on every drop.
_AFTER_SQL = (
    f"SELECT id, rank FROM {_TABLE} WHERE stage_id = ? AND archived = ? AND rank >= ? "
    "AND id NOT IN (?, ?) ORDER BY rank, id LIMIT 1"
)
_FIRST_SQL = (
    f"SELECT id, rank FROM {_TABLE} WHERE stage_id = ? AND archived = ? AND id != ? "
    "ORDER BY rank, id LIMIT 1"
)
_BEFORE_SQL = (
    f"SELECT id, rank FROM {_TABLE} WHERE stage_id = ? AND archived = ? "
    "AND (rank < ? OR (rank = ? AND id < ?)) ORDER BY rank DESC, id DESC LIMIT 1"
)
_PLACE_SQL = f"SELECT stage_id, rank FROM {_TABLE} WHERE id = ?"


def _one(sql: str, args: tuple[int, ...]) -> tuple[int, int] | None:
    row = read_one(sql, args)
    return None if row is None else (int(row[0]), int(row[1]))


def _lowest(rows: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The (id, rank) pair first in column order: by rank, then id."""
    found = [row for row in rows if row is not None]
    return min(found, key=lambda row: (row[1], row[0])) if found else None


def _neighbour_after(stage_id: int, rank: int, exclude: tuple[int, int]) -> tuple[int, int] | None:
    """The first card at or after ``rank`` in a stage (archived cards included), as (id, rank).

    Archived and active cards share one rank space per stage; each part is read through the
    (stage, archived, rank) index, so this is two index seeks whatever the column's size.
    """
    return _lowest([_one(_AFTER_SQL, (stage_id, archived, rank, *exclude)) for archived in (0, 1)])


def _first_in_stage(stage_id: int, exclude: int) -> tuple[int, int] | None:
    return _lowest([_one(_FIRST_SQL, (stage_id, archived, exclude)) for archived in (0, 1)])


@dataclass(frozen=True)
class CardPlace:
    """Where an application is: its stage, its rank, and the card right before it (or None)."""

    stage_id: int
    rank: int
    after_id: int | None


def place_of(application_id: int) -> CardPlace:
    """The application's place in its column, enough to put it back there later."""
    row = _one(_PLACE_SQL, (application_id,))
    if row is None:
        raise RankingError("That application no longer exists.")
    stage_id, rank = row
    before = [
        _one(_BEFORE_SQL, (stage_id, archived, rank, rank, application_id)) for archived in (0, 1)
    ]
    found = [item for item in before if item is not None]
    last = max(found, key=lambda item: (item[1], item[0])) if found else None
    return CardPlace(stage_id, rank, last[0] if last is not None else None)


def stage_order(stage_id: int) -> list[int]:
    """Every application id of a stage (archived too) in rank order."""
    query = (
        Application.select(Application.id)
        .where(Application.stage == stage_id)
        .order_by(Application.rank, Application.id)
    )
    return [row[0] for row in tuple_rows(query)]


def move_application(
    application_id: int,
    stage_id: int,
    after_id: int | None,
    *,
    preferred_rank: int | None = None,
) -> MoveResult:
    """Put an application in ``stage_id`` right after ``after_id`` (None: at the top).

    One transaction. In the common case one row is written: the moved application gets a rank
    between its new neighbours. Only when they leave no gap is the whole column renumbered.
    ``preferred_rank`` (used by undo) is taken when it still lies between the neighbours, so
    undoing a move restores the very same row.
    """
    if after_id == application_id:
        raise RankingError("A card cannot be placed after itself.")
    with database.atomic("IMMEDIATE"):
        if not Stage.select().where(Stage.id == stage_id).exists():
            raise RankingError("That stage no longer exists.")
        if _one(_PLACE_SQL, (application_id,)) is None:
            raise RankingError("That application no longer exists.")
        lower: int | None = None
        if after_id is not None:
            after_row = _one(_PLACE_SQL, (after_id,))
            if after_row is None or after_row[0] != stage_id:
                raise RankingError("The card to place it after is not in that stage.")
            lower = after_row[1]
            upper_row = _neighbour_after(stage_id, lower, (application_id, after_id))
        else:
            upper_row = _first_in_stage(stage_id, application_id)
        upper = upper_row[1] if upper_row is not None else None
        if preferred_rank is not None and _strictly_between(preferred_rank, lower, upper):
            rank: int | None = preferred_rank
        else:
            rank = rank_between(lower, upper)
        if rank is not None:
            written = (
                Application.update(stage=stage_id, rank=rank, updated_at=_now())
                .where(Application.id == application_id)
                .execute()
            )
            return MoveResult(application_id, stage_id, rank, False, written)
        return _renumber_with(application_id, stage_id, after_id)


def _strictly_between(value: int, lower: int | None, upper: int | None) -> bool:
    return (lower is None or value > lower) and (upper is None or value < upper)


def _renumber_with(application_id: int, stage_id: int, after_id: int | None) -> MoveResult:
    """Rewrite the stage's ranks evenly with the application placed after ``after_id``."""
    order = [app_id for app_id in stage_order(stage_id) if app_id != application_id]
    position = 0 if after_id is None else order.index(after_id) + 1
    order.insert(position, application_id)
    ranks = renumbered_ranks(len(order))
    current = dict(
        tuple_rows(
            Application.select(Application.id, Application.rank).where(
                Application.stage == stage_id
            )
        )
    )
    now = _now()
    written = 0
    for app_id, rank in zip(order, ranks, strict=True):
        if app_id == application_id:
            written += (
                Application.update(stage=stage_id, rank=rank, updated_at=now)
                .where(Application.id == app_id)
                .execute()
            )
        elif current.get(app_id) != rank:
            written += Application.update(rank=rank).where(Application.id == app_id).execute()
    return MoveResult(application_id, stage_id, ranks[position], True, written)
