"""Run work once a widget has painted for the first time, so it never delays that paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Event filter on ``widget``: after its first paint, run each step on the event loop.

    Steps run one per turn of the loop, in order, so input that arrives meanwhile is handled
    between them.
    """

    def __init__(self, widget: QWidget, steps: list[Callable[[], object]]) -> None:
        super().__init__(widget)
        self._steps = list(steps)
        self._widget: QWidget | None = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._widget is not None and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._widget = None
            QTimer.singleShot(0, self, self._next)
        return False

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next)
