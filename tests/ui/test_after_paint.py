"""Work queued behind a widget's first paint runs after it, in order, one step per loop turn."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from followup_desktop.ui.after_paint import AfterFirstPaint


def test_steps_wait_for_the_first_paint_then_run_in_order(qtbot: QtBot) -> None:
    widget = QLabel("hello")
    qtbot.addWidget(widget)
    ran: list[str] = []
    AfterFirstPaint(widget, [lambda: ran.append("one"), lambda: ran.append("two")])
    QApplication.processEvents()
    assert ran == []  # never shown, never painted
    widget.show()
    qtbot.waitUntil(lambda: ran == ["one", "two"], timeout=3000)
    widget.repaint()
    QApplication.processEvents()
    assert ran == ["one", "two"]  # a later paint runs nothing again
