"""Fill a widget's choices the first time it takes the keyboard focus (a click or Tab)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class FillOnFocus(QObject):
    """Calls ``fill`` once, as soon as one of the watched widgets gets the focus: a box that
    offers thousands of companies costs nothing until someone is about to pick one."""

    def __init__(self, fill: Callable[[], None], *widgets: QWidget) -> None:
        super().__init__(widgets[0])
        self._fill = fill
        self._widgets = widgets
        self.done = False
        for widget in widgets:
            widget.installEventFilter(self)

    def ensure(self) -> None:
        """Fill now if not done yet (for code that needs the choices)."""
        if not self.done:
            self.done = True
            for widget in self._widgets:
                widget.removeEventFilter(self)
            self._fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.ensure()
        return False
