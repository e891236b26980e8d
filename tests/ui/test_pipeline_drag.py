"""Dragging cards with the mouse, within and across columns: view, store and after reopening."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pipeline_helpers import (
    add_applications,
    card_center,
    column,
    gap_before,
    mouse_drag,
    open_board,
    shown_companies,
    stored_companies,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.models import Application, database
from followup_desktop.paths import DataLocation
from followup_desktop.services import ranking
from followup_desktop.ui.pipeline.card_drag import edge_step


@pytest.fixture
def pipeline(store: StoreInfo) -> None:
    add_applications("Wishlist", "Acme", "Birch", "Cobalt", "Dune")
    add_applications("Applied", "Elm", "Fjord")


def reopen(qtbot: QtBot, data_location: DataLocation) -> None:
    close_store()
    open_store(data_location.database)


def test_drag_within_a_column_reorders_in_view_and_store_and_after_reopening(
    qtbot: QtBot, pipeline: None, data_location: DataLocation
) -> None:
    board = open_board(qtbot)
    wishlist = column(board, "Wishlist")
    mouse_drag(
        qtbot, board, card_center(board, "Wishlist", "Acme"), wishlist, gap_before(wishlist, 3)
    )
    expected = ["Birch", "Cobalt", "Acme", "Dune"]
    assert shown_companies(board, "Wishlist") == expected
    assert stored_companies("Wishlist") == expected
    board.close()
    reopen(qtbot, data_location)
    again = open_board(qtbot)
    assert shown_companies(again, "Wishlist") == expected


def test_drag_across_columns_changes_stage_at_the_drop_position(
    qtbot: QtBot, pipeline: None, data_location: DataLocation
) -> None:
    board = open_board(qtbot)
    applied = column(board, "Applied")
    mouse_drag(
        qtbot, board, card_center(board, "Wishlist", "Cobalt"), applied, gap_before(applied, 1)
    )
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch", "Dune"]
    assert shown_companies(board, "Applied") == ["Elm", "Cobalt", "Fjord"]
    assert stored_companies("Applied") == ["Elm", "Cobalt", "Fjord"]
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Dune"]
    assert column(board, "Applied").count_text() == "3"
    assert column(board, "Wishlist").count_text() == "3"
    board.close()
    reopen(qtbot, data_location)
    again = open_board(qtbot)
    assert shown_companies(again, "Applied") == ["Elm", "Cobalt", "Fjord"]
    assert shown_companies(again, "Wishlist") == ["Acme", "Birch", "Dune"]


def test_drag_to_the_end_of_a_column_and_undo_redo(qtbot: QtBot, pipeline: None) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    applied = column(board, "Applied")
    mouse_drag(
        qtbot, board, card_center(board, "Wishlist", "Acme"), applied, gap_before(applied, 2)
    )
    assert stored_companies("Applied") == ["Elm", "Fjord", "Acme"]
    stack.undo()
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Cobalt", "Dune"]
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch", "Cobalt", "Dune"]
    assert shown_companies(board, "Applied") == ["Elm", "Fjord"]
    stack.redo()
    assert stored_companies("Applied") == ["Elm", "Fjord", "Acme"]
    assert shown_companies(board, "Applied") == ["Elm", "Fjord", "Acme"]


def test_a_drag_shows_the_drop_line_and_a_floating_card(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    source_column, start = card_center(board, "Wishlist", "Acme")
    applied = column(board, "Applied")
    viewport = source_column.view.viewport()
    target = viewport.mapFromGlobal(applied.view.viewport().mapToGlobal(gap_before(applied, 1)))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (target - start) * (step / 5))
    assert board.drag.active
    assert applied.view.drop_row == 1
    assert source_column.delegate.dragged_id is not None
    grab = board.grab()
    assert not grab.isNull()
    qtbot.keyClick(source_column.view, Qt.Key.Key_Escape)
    assert not board.drag.active
    assert applied.view.drop_row is None
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert stored_companies("Applied") == ["Elm", "Fjord"]


def test_a_short_wiggle_is_a_click_not_a_drag(qtbot: QtBot, pipeline: None) -> None:
    board = open_board(qtbot)
    source_column, start = card_center(board, "Wishlist", "Birch")
    viewport = source_column.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(1, 1))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(1, 1))
    assert not board.drag.active
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Cobalt", "Dune"]
    assert board.current_card_id(source_column) is not None


def test_dragging_near_the_bottom_edge_scrolls_the_column(qtbot: QtBot, store: StoreInfo) -> None:
    add_applications("Applied", *[f"Company {n:02d}" for n in range(40)])
    add_applications("Wishlist", "Mover")
    board = open_board(qtbot)
    board.resize(1700, 500)
    applied = column(board, "Applied")
    bar = applied.view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    source_column, start = card_center(board, "Wishlist", "Mover")
    viewport = source_column.view.viewport()
    edge = QPoint(applied.view.viewport().width() // 2, applied.view.viewport().height() - 3)
    target = viewport.mapFromGlobal(applied.view.viewport().mapToGlobal(edge))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (target - start) * (step / 5))
    qtbot.waitUntil(lambda: bar.value() > 200, timeout=3000)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    names = shown_companies(board, "Applied")
    assert "Mover" in names and names.index("Mover") > 5
    assert stored_companies("Applied").index("Mover") == names.index("Mover")


def test_edge_step_grows_towards_the_edge() -> None:
    assert edge_step(200, 400) == 0
    assert edge_step(0, 400) < edge_step(20, 400) < 0
    assert edge_step(399, 400) > edge_step(380, 400) > 0


drops = st.lists(
    st.tuples(st.integers(0, 99), st.integers(0, 2), st.integers(0, 99)), min_size=1, max_size=25
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drops=drops)
def test_any_drops_keep_view_and_store_in_the_same_order(
    qtbot: QtBot,
    store: StoreInfo,
    monkeypatch: pytest.MonkeyPatch,
    drops: list[tuple[int, int, int]],
) -> None:
    """With a gap of 2 the columns are renumbered all the time; the view never disagrees."""
    monkeypatch.setattr(ranking, "RANK_GAP", 2)
    database.execute_sql("PRAGMA synchronous = OFF")  # durability is not under test here
    Application.delete().execute()
    add_applications("Wishlist", "A1", "A2", "A3", "A4")
    add_applications("Offer", "B1", "B2")
    board = open_board(qtbot)
    names = ["Wishlist", "Offer", "Accepted"]
    for pick, target_index, position in drops:
        sources = [column(board, name) for name in names if column(board, name).model.rowCount()]
        source = sources[pick % len(sources)]
        source.model.ensure_loaded(source.model.total)
        card = source.model.card_at(pick % source.model.rowCount())
        target = column(board, names[target_index])
        board.drop_card(card.id, source, target, position % (target.model.rowCount() + 1))
        for name in names:
            col = column(board, name)
            if not col.collapsed:
                assert shown_companies(board, name) == stored_companies(name)
            assert col.model.total == len(stored_companies(name))
    board.close()


def test_dragging_near_the_right_edge_scrolls_the_board_sideways(
    qtbot: QtBot, pipeline: None
) -> None:
    board = open_board(qtbot)
    board.resize(560, 600)
    qtbot.waitUntil(lambda: board.scroll_area.horizontalScrollBar().maximum() > 0)
    bar = board.scroll_area.horizontalScrollBar()
    assert bar.value() == 0
    source_column, start = card_center(board, "Wishlist", "Acme")
    viewport = source_column.view.viewport()
    area = board.scroll_area.viewport()
    edge = QPoint(area.width() - 3, area.height() // 2)
    target = viewport.mapFromGlobal(area.mapToGlobal(edge))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (target - start) * (step / 5))
    qtbot.waitUntil(lambda: bar.value() > 150, timeout=3000)
    qtbot.keyClick(source_column.view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert stored_companies("Wishlist") == ["Acme", "Birch", "Cobalt", "Dune"]
