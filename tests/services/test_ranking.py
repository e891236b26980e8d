"""Gapped ranks: a move writes one row, a full column is renumbered, and the order always holds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Stage, database
from followup_desktop.services import ranking
from followup_desktop.services.archive import set_archived
from followup_desktop.services.ranking import (
    RankingError,
    move_application,
    place_of,
    rank_between,
    renumbered_ranks,
    stage_order,
)
from followup_desktop.services.records import ApplicationInput, save_application


def stage_id(name: str) -> int:
    return int(Stage.get(Stage.name == name).id)


def make(stage: str, count: int) -> list[int]:
    return [
        int(
            save_application(
                ApplicationInput(company=f"C{n}", position="P", stage_id=stage_id(stage))
            ).id
        )
        for n in range(count)
    ]


def rows_written(action: object) -> int:
    connection = database.connection()
    before = connection.total_changes
    assert callable(action)
    action()
    return int(connection.total_changes - before)


def test_rank_between() -> None:
    assert rank_between(None, None) == ranking.RANK_GAP
    assert rank_between(None, 100) == 100 - ranking.RANK_GAP
    assert rank_between(100, None) == 100 + ranking.RANK_GAP
    assert rank_between(100, 200) == 150
    assert rank_between(100, 102) == 101
    assert rank_between(100, 101) is None
    assert rank_between(100, 100) is None
    assert renumbered_ranks(3) == [1024, 2048, 3072]


def test_a_move_writes_one_row(store: StoreInfo) -> None:
    wish = make("Wishlist", 5)
    applied = make("Applied", 3)
    assert rows_written(lambda: move_application(wish[0], stage_id("Wishlist"), wish[3])) == 1
    assert stage_order(stage_id("Wishlist")) == [wish[1], wish[2], wish[3], wish[0], wish[4]]
    assert rows_written(lambda: move_application(wish[4], stage_id("Applied"), None)) == 1
    assert stage_order(stage_id("Applied")) == [wish[4], *applied]
    assert rows_written(lambda: move_application(wish[1], stage_id("Applied"), applied[-1])) == 1
    assert stage_order(stage_id("Applied"))[-1] == wish[1]


def test_the_column_is_renumbered_only_when_the_gap_runs_out(store: StoreInfo) -> None:
    wish = make("Wishlist", 4)
    movers = make("Applied", 14)
    renumbered_at = None
    for count, mover in enumerate(movers, start=1):
        # Always between the first card and whatever came right after it: the gap halves.
        result = move_application(mover, stage_id("Wishlist"), wish[0])
        if result.renumbered:
            renumbered_at = count
            assert result.rows_written > 1
            break
        assert result.rows_written == 1
    assert renumbered_at == 11  # 1024 halves ten times before two ranks touch
    order = stage_order(stage_id("Wishlist"))
    assert order[0] == wish[0]
    assert order[1 : renumbered_at + 1] == list(reversed(movers[:renumbered_at]))
    ranks = [Application.get_by_id(app_id).rank for app_id in order]
    assert ranks == renumbered_ranks(len(order))


def test_preferred_rank_restores_the_same_row(store: StoreInfo) -> None:
    wish = make("Wishlist", 3)
    before = place_of(wish[1])
    move_application(wish[1], stage_id("Applied"), None)
    result = move_application(wish[1], before.stage_id, before.after_id, preferred_rank=before.rank)
    assert result.rank == before.rank
    assert place_of(wish[1]) == before


def test_archived_cards_keep_their_place(store: StoreInfo) -> None:
    wish = make("Wishlist", 3)
    set_archived(wish[1], True)
    assert place_of(wish[2]).after_id == wish[1]
    move_application(wish[0], stage_id("Wishlist"), wish[2])
    assert stage_order(stage_id("Wishlist")) == [wish[1], wish[2], wish[0]]


def test_bad_moves_are_refused_and_change_nothing(store: StoreInfo) -> None:
    wish = make("Wishlist", 2)
    applied = make("Applied", 1)
    with pytest.raises(RankingError, match="not in that stage"):
        move_application(wish[0], stage_id("Wishlist"), applied[0])
    with pytest.raises(RankingError, match="after itself"):
        move_application(wish[0], stage_id("Wishlist"), wish[0])
    with pytest.raises(RankingError, match="stage no longer exists"):
        move_application(wish[0], 999, None)
    with pytest.raises(RankingError, match="application no longer exists"):
        move_application(999, stage_id("Wishlist"), None)
    assert stage_order(stage_id("Wishlist")) == wish


moves = st.lists(
    st.tuples(st.integers(0, 50), st.sampled_from(["Wishlist", "Applied"]), st.integers(0, 50)),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(moves=moves, gap=st.sampled_from([2, 4, 1024]))
def test_any_moves_keep_a_total_order_matching_the_expected_one(
    store: StoreInfo, moves: list[tuple[int, str, int]], gap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against a plain list model, with small gaps so that renumbering happens often."""
    monkeypatch.setattr(ranking, "RANK_GAP", gap)
    # Durability is not under test here; skipping the fsync per commit keeps the run short.
    database.execute_sql("PRAGMA synchronous = OFF")
    Application.delete().execute()
    columns = {"Wishlist": make("Wishlist", 5), "Applied": make("Applied", 3)}
    stage_ids = {name: stage_id(name) for name in columns}
    for pick, stage, position in moves:
        every = [app_id for ids in columns.values() for app_id in ids]
        mover = every[pick % len(every)]
        for ids in columns.values():
            if mover in ids:
                ids.remove(mover)
        target = columns[stage]
        index = position % (len(target) + 1)
        after = target[index - 1] if index > 0 else None
        target.insert(index, mover)
        result = move_application(mover, stage_ids[stage], after)
        assert result.renumbered or result.rows_written == 1
        for name, ids in columns.items():
            stored = list(
                Application.select(Application.id, Application.rank)
                .where(Application.stage == stage_ids[name])
                .order_by(Application.rank, Application.id)
                .tuples()
            )
            assert [app_id for app_id, _rank in stored] == ids
            ranks = [rank for _app_id, rank in stored]
            assert ranks == sorted(set(ranks)), "ranks are strictly increasing"
