"""The contact table paints its rows itself: the texts, the selection, the warning colour for
a due keep-in-touch, shortened texts, and no per-cell questions to the model while painting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from followup_desktop.ui.contacts.contact_table_view import RowPaintedTableView, TextCache
from followup_desktop.ui.contacts.titled_table_model import TitledTableModel

ROWS = 200


class CountingModel(TitledTableModel):
    """Rows of three texts; the third column of every fifth row is flagged."""

    COLUMNS = ("Name", "Company", "Last contact")

    def __init__(self) -> None:
        super().__init__()
        self.data_calls = 0
        self.rows_asked: list[int] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.data_calls += 1
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[index.column()]
        return None

    def texts(self, row: int) -> tuple[str, ...]:
        return (f"Person {row:03d}", "Acme Corporation of Very Long Names Limited", "2025-01-0")

    def row_texts(self, row: int) -> tuple[tuple[str, ...], int] | None:
        self.rows_asked.append(row)
        return self.texts(row), 2 if row % 5 == 0 else -1


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[tuple[RowPaintedTableView, CountingModel]]:
    model = CountingModel()
    table = RowPaintedTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setSelectionBehavior(RowPaintedTableView.SelectionBehavior.SelectRows)
    table.setColumnWidth(0, 120)
    table.setColumnWidth(1, 120)
    table.setAlternatingRowColors(True)
    qtbot.addWidget(table)
    table.resize(420, 300)
    table.show()
    qtbot.waitExposed(table)
    yield table, model


def _grab(table: RowPaintedTableView) -> QImage:
    return table.viewport().grab().toImage()


def _has_colour(image: QImage, rows: range, columns: range, colour: QColor) -> bool:
    return any(image.pixelColor(x, y) == colour for y in rows for x in columns)


def test_paints_only_the_visible_rows_with_one_call_each(
    view: tuple[RowPaintedTableView, CountingModel],
) -> None:
    table, model = view
    model.data_calls = 0
    model.rows_asked.clear()
    table.viewport().repaint()
    visible = table.viewport().height() // 24 + 1
    assert sorted(set(model.rows_asked)) == list(range(visible))
    assert len(model.rows_asked) == visible
    assert model.data_calls == 0, "no per-cell roles asked while painting"


def test_texts_selection_and_warning_colour_are_painted(
    view: tuple[RowPaintedTableView, CountingModel], qtbot: QtBot
) -> None:
    table, _model = view
    text_colour = table.palette().color(QPalette.ColorRole.Text)
    image = _grab(table)
    # Row 0's name is drawn in the text colour, its flagged day in the warning colour.
    assert _has_colour(image, range(2, 22), range(0, 110), text_colour)
    last_x = table.columnViewportPosition(2)
    assert _has_colour(image, range(2, 22), range(last_x, last_x + 80), table.warning_colour)
    assert not _has_colour(image, range(26, 46), range(last_x, last_x + 80), table.warning_colour)

    table.selectRow(1)
    group = QPalette.ColorGroup.Active if table.hasFocus() else QPalette.ColorGroup.Inactive
    highlight = table.palette().color(group, QPalette.ColorRole.Highlight)
    qtbot.waitUntil(lambda: _grab(table).pixelColor(5, 24 + 2) == highlight)
    image = _grab(table)
    assert image.pixelColor(5, 24 + 2) == highlight
    assert image.pixelColor(5, 2) != highlight


def test_long_texts_are_shortened_with_an_ellipsis(qtbot: QtBot) -> None:
    table = RowPaintedTableView()
    qtbot.addWidget(table)
    cache = TextCache(table.font())
    text = "Acme Corporation of Very Long Names Limited"
    short = cache.laid_out(text, 80)
    assert short.text().endswith("…") and len(short.text()) < len(text)
    assert short.size().width() <= 80
    assert cache.laid_out("Ann", 80).text() == "Ann"
    assert cache.laid_out("<b>Ann</b>", 200).textFormat() == Qt.TextFormat.PlainText


def test_other_models_are_painted_the_stock_way(qtbot: QtBot) -> None:
    model = QStandardItemModel(3, 1)
    model.setItem(0, 0, QStandardItem("Plain"))
    table = RowPaintedTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.viewport().repaint()  # no row_texts: the stock painting, no error
