"""The figure under the mouse pointer, shown as a tooltip by a chart's hover signals."""

from __future__ import annotations

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget


class HoverTips:
    """Shows (and remembers, for tests and screen readers) the text of what is hovered."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        #: The text shown last; empty once the pointer left.
        self.text = ""

    def hovered(self, on: bool, text: str) -> None:
        self.text = text if on else ""
        if on:
            QToolTip.showText(QCursor.pos(), text, self._owner)
        else:
            QToolTip.hideText()
