"""The Pipeline area's table: Board | Table switch, sorting by any column, the board's filter,
columns shown or hidden, and several rows moved, archived or tagged as one undo step."""

from __future__ import annotations

from pipeline_helpers import column, open_board, stage_id
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.services.application_table import COLUMN_KEYS
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


def _add(company: str, stage: str, **job: object) -> int:
    return int(
        save_application(
            ApplicationInput(company=company, position="Analyst", stage_id=stage_id(stage), **job)  # type: ignore[arg-type]
        ).id
    )


def _companies(board: PipelineBoard) -> list[str]:
    assert board.table is not None
    model = board.table.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _table(qtbot: QtBot, undo: QUndoStack | None = None) -> PipelineBoard:
    board = open_board(qtbot, undo)
    qtbot.mouseClick(board.view_switch.buttons["table"], Qt.MouseButton.LeftButton)
    assert board.table is not None and board.table.isVisible()
    return board


def test_the_switch_shows_every_application_sorted_by_any_column(
    qtbot: QtBot, store: StoreInfo
) -> None:
    _add("Beta", "Applied", priority=1, location="Leeds", salary="50000")
    _add("alpha", "Interview", priority=3, salary="40000-45000")
    _add("Gamma", "Wishlist", tags="fintech")
    board = _table(qtbot)
    assert _companies(board) == ["alpha", "Beta", "Gamma"]  # case does not decide the order
    table = board.table
    assert table is not None
    header = table.view.horizontalHeader()
    priority = COLUMN_KEYS.index("priority")
    # A click on the title sorts; the next one reverses; empty values stay last.
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(header, priority),
    )
    first = _companies(board)
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, priority)
    )
    second = _companies(board)
    assert {tuple(first), tuple(second)} == {("Beta", "alpha", "Gamma"), ("alpha", "Beta", "Gamma")}
    table.view.sortByColumn(COLUMN_KEYS.index("salary"), Qt.SortOrder.DescendingOrder)
    assert _companies(board) == ["Beta", "alpha", "Gamma"]
    salary = table.model.index(1, COLUMN_KEYS.index("salary")).data()
    assert salary == "40,000–45,000"
    table.view.sortByColumn(COLUMN_KEYS.index("stage"), Qt.SortOrder.AscendingOrder)
    assert _companies(board) == ["Gamma", "Beta", "alpha"]  # in board order
    # Back to the board.
    qtbot.mouseClick(board.view_switch.buttons["board"], Qt.MouseButton.LeftButton)
    assert board.views.currentWidget() is board.scroll_area


def _section_centre(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_the_boards_filter_applies_and_columns_can_be_hidden(
    qtbot: QtBot, store: StoreInfo
) -> None:
    _add("Acme", "Applied", tags="fintech")
    _add("Brightpath", "Applied")
    archived = _add("Corvid", "Applied", tags="fintech")
    Application.update(archived=True).where(Application.id == archived).execute()
    board = _table(qtbot)
    assert _companies(board) == ["Acme", "Brightpath"]
    board.set_filter("FINTECH")
    assert _companies(board) == ["Acme", "Corvid"]  # archived matches shown, as on the board
    table = board.table
    assert table is not None
    assert table.model.index(1, COLUMN_KEYS.index("stage")).data() == "Applied (archived)"
    tags = COLUMN_KEYS.index("tags")
    assert table.view.horizontalHeader().isSectionHidden(tags)
    table.set_column_shown(tags, True)
    assert not table.view.horizontalHeader().isSectionHidden(tags)
    board.set_filter("")
    assert _companies(board) == ["Acme", "Brightpath"]


def test_several_rows_are_moved_archived_and_tagged_each_as_one_undo_step(
    qtbot: QtBot, store: StoreInfo
) -> None:
    ids = [_add(name, "Applied") for name in ("Acme", "Brightpath", "Corvid")]
    undo = QUndoStack()
    board = _table(qtbot, undo)
    table = board.table
    assert table is not None
    assert not table.archive_button.isEnabled()
    view = table.view
    view.setFocus()
    first = view.visualRect(table.model.index(0, 0)).center()
    second = view.visualRect(table.model.index(1, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, second
    )
    assert table.selected_ids() == ids[:2]
    assert table.selected_label.text() == "2 applications selected:"

    table.move_selected(stage_id("Interview"), "Interview")
    stages = [Application.get_by_id(i).stage.name for i in ids]
    assert stages == ["Interview", "Interview", "Applied"]
    assert [c.model.total for c in board.columns if c.stage.name == "Interview"] == [2]
    assert undo.count() == 1 and undo.undoText() == "Move 2 applications to Interview"
    undo.undo()
    assert [Application.get_by_id(i).stage.name for i in ids] == ["Applied"] * 3
    assert column(board, "Applied").model.total == 3
    undo.redo()
    assert Application.get_by_id(ids[0]).stage.name == "Interview"

    table.select_ids(ids[:2])
    table.ask_tag = lambda _parent, count: "dream job"
    qtbot.mouseClick(table.tag_button, Qt.MouseButton.LeftButton)
    assert [Application.get_by_id(i).tags for i in ids] == ["dream job", "dream job", ""]
    table.select_ids(ids[1:])
    qtbot.mouseClick(table.archive_button, Qt.MouseButton.LeftButton)
    assert [bool(Application.get_by_id(i).archived) for i in ids] == [False, True, True]
    assert _companies(board) == ["Acme"]
    undo.undo()  # the archive, as one step
    assert not any(Application.get_by_id(i).archived for i in ids)
    undo.undo()  # the tag, as one step
    assert [Application.get_by_id(i).tags for i in ids] == ["", "", ""]
    selection = table.view.selectionModel()
    selection.clearSelection()
    assert selection.selectedRows() == [] and not table.move_button.isEnabled()


def test_the_window_opens_on_the_table_when_asked(window: MainWindow) -> None:
    area = window.show_area("table")
    assert isinstance(area, PipelineBoard) and area.current_view() == "table"
    assert area.table is not None and area.table.model.rowCount() > 0
    assert window.current_area_key() == "pipeline"
