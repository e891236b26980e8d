"""A combo box that reads its (possibly very long) list only when the user opens or scrolls it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

#: Reads every choice as (label, value), in the order to show them.
ChoiceLoader = Callable[[], Sequence[tuple[str, object]]]
#: The label of one value, or None when the value no longer exists.
ChoiceLabeller = Callable[[object], str | None]


class LazyChoiceBox(QComboBox):
    """Holds only the "none" entry and the chosen value until the list is really needed.

    Opening a view with tens of thousands of contacts then costs one row, not one combo item
    per contact; the full list is read (in one query) the first time the popup opens, the
    wheel turns or a key is pressed on it, and again after ``reset``.
    """

    def __init__(
        self,
        load: ChoiceLoader,
        label_of: ChoiceLabeller,
        none_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._label_of = label_of
        self._none_label = none_label
        self.loaded = False
        self.addItem(none_label, None)

    def reset(self) -> None:
        """Forget the list (the data changed); the chosen value stays chosen."""
        value = self.currentData()
        blocked = self.blockSignals(True)
        self.loaded = False
        self.clear()
        self.addItem(self._none_label, None)
        self.select_value(value)
        self.blockSignals(blocked)

    def ensure_loaded(self) -> None:
        if self.loaded:
            return
        value = self.currentData()
        blocked = self.blockSignals(True)
        self.clear()
        choices = self._load()
        self.addItems([self._none_label, *(label for label, _value in choices)])
        for row, (_label, choice) in enumerate(choices, start=1):
            self.setItemData(row, choice)
        self.loaded = True
        self.select_value(value)
        self.blockSignals(blocked)

    def select_value(self, value: object) -> None:
        """Choose ``value`` (None: the "none" entry), adding it if the list is not read yet."""
        if value is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(value)
        if index < 0:
            label = self._label_of(value)
            if label is None:
                self.setCurrentIndex(0)
                return
            self.addItem(label, value)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.ensure_loaded()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.ensure_loaded()
        super().wheelEvent(event)
