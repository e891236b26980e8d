"""The main window's areas, one shown at a time, switched by hiding one and showing the other."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget


# QStackedWidget's own switch turns updates off and on around it, and the new page then paints
# twice (its scroll areas before the window, then again with it): twice the work on every
# switch. Hiding and showing paints the new area once.
class AreaStack(QWidget):
    """Pages in a layout where only the current one is visible (hidden pages take no room)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def indexOf(self, widget: QWidget) -> int:  # Qt's own stacks use these names
        return self._pages.index(widget) if widget in self._pages else -1

    def currentWidget(self) -> QWidget | None:
        return self._current

    def insertWidget(self, index: int, widget: QWidget) -> None:
        widget.hide()
        self._pages.insert(index, widget)
        self._layout.insertWidget(index, widget, 1)
        if self._current is None:
            self.setCurrentWidget(widget)

    def addWidget(self, widget: QWidget) -> None:
        self.insertWidget(len(self._pages), widget)

    def removeWidget(self, widget: QWidget) -> None:
        if widget not in self._pages:
            return
        self._pages.remove(widget)
        self._layout.removeWidget(widget)
        widget.hide()
        if widget is self._current:
            self._current = None
            if self._pages:
                self.setCurrentWidget(self._pages[0])

    def setCurrentWidget(self, widget: QWidget) -> None:
        previous = self._current
        if widget is previous or widget not in self._pages:
            return
        focused = QApplication.focusWidget() if previous is not None else None
        had_focus = focused is not None and previous is not None and previous.isAncestorOf(focused)
        # The new page takes the place of the old one at once, so the layout has nothing to
        # move after it is shown (a move would repaint it again).
        widget.setGeometry(self.contentsRect())
        self._current = widget
        # Hidden first: a layout that saw both pages visible would share the room between them.
        if previous is not None:
            previous.hide()
        widget.show()
        if had_focus:
            widget.setFocus()
