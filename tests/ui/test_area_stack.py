"""The window's area stack: one page shown at a time, switched with a single repaint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from followup_desktop.ui.area_stack import AreaStack
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


class PaintCounter(QObject):
    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_switching_back_to_the_board_paints_each_column_once(
    window: MainWindow, qtbot: QtBot
) -> None:
    board = window.show_area("pipeline")
    composer = window.show_area("composer")
    qtbot.waitUntil(composer.isVisible)
    QApplication.processEvents()  # the composer's own paints
    assert isinstance(board, PipelineBoard)
    counters = [PaintCounter(column) for column in board.columns if not column.isHidden()]
    window.show_area("pipeline")
    qtbot.waitUntil(lambda: any(counter.count for counter in counters))
    QApplication.processEvents()  # any second paint would be queued by now
    # Qt's own QStackedWidget painted the board's columns twice on every switch (columns
    # scrolled out of sight are not painted at all).
    counts = [counter.count for counter in counters]
    assert 1 in counts and set(counts) <= {0, 1}, counts


def test_pages_take_the_whole_stack_and_focus_follows(qtbot: QtBot) -> None:
    stack = AreaStack()
    first, second = QPlainTextEdit(), QPlainTextEdit()
    stack.addWidget(first)
    stack.addWidget(second)
    stack.resize(400, 200)
    qtbot.addWidget(stack)
    stack.show()
    qtbot.waitExposed(stack)
    assert stack.currentWidget() is first and first.isVisible() and not second.isVisible()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    stack.setCurrentWidget(second)
    assert second.isVisible() and not first.isVisible()
    assert second.geometry() == stack.contentsRect()
    qtbot.waitUntil(second.hasFocus)
    assert stack.indexOf(second) == 1 and stack.count() == 2
    stack.removeWidget(second)
    assert stack.currentWidget() is first and first.isVisible() and stack.count() == 1
