"""The Board | Table switch of the Pipeline area: two buttons, one of them down."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

#: (key, label) of each view, in the switch's order.
PIPELINE_VIEWS = (("board", "&Board"), ("table", "T&able"))


class ViewSwitch(QWidget):
    """Emits ``chosen`` with the key of the view the user picked."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline_view_switch")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for key, label in PIPELINE_VIEWS:
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setObjectName(f"view_{key}")
            button.setAccessibleName(f"Show the {key}")
            button.clicked.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
        self.buttons["board"].setChecked(True)

    def current(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def set_current(self, key: str) -> None:
        self.buttons[key].setChecked(True)
