"""On a small screen the side bar shows only its icons and the Today panel narrows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QMainWindow

#: Narrower than this, the window is compact (a 1024 x 768 or 1280 x 720 laptop screen).
COMPACT_WIDTH = 1180
SIDE_BAR_WIDTH = 150
COMPACT_SIDE_BAR_WIDTH = 52
TODAY_WIDTH = 260
COMPACT_TODAY_WIDTH = 200


class CompactLayout(QObject):
    """Watches the window's width and gives the areas the room a small screen leaves.

    The labels of the side bar stay its items' tooltips and accessible names, so the areas
    are still named to the user and to screen readers when only icons show.
    """

    def __init__(self, window: QMainWindow, side_bar: QListWidget, today: QDockWidget) -> None:
        super().__init__(window)
        self._window = window
        self._side_bar = side_bar
        self._today = today
        self._labels = [side_bar.item(row).text() for row in range(side_bar.count())]
        side_bar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, label in enumerate(self._labels):
            side_bar.item(row).setData(Qt.ItemDataRole.AccessibleTextRole, label)
        self.compact: bool | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.apply(self._window.width() < COMPACT_WIDTH)
        return False

    def apply(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        side_bar = self._side_bar
        side_bar.setFixedWidth(COMPACT_SIDE_BAR_WIDTH if compact else SIDE_BAR_WIDTH)
        for row, label in enumerate(self._labels):
            side_bar.item(row).setText("" if compact else label)
        width = COMPACT_TODAY_WIDTH if compact else TODAY_WIDTH
        self._today.setMinimumWidth(width)
        self._window.resizeDocks([self._today], [width], Qt.Orientation.Horizontal)
