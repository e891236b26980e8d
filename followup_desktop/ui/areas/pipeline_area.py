"""Pipeline area: one column per stage, listing its applications in rank order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.board import BoardCard, StageInfo, list_stages, load_board_cards
from followup_desktop.ui.events import AppEvents

CardRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class StageColumnModel(QAbstractListModel):
    """The cards of one stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: list[BoardCard] = []

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [card.company, card.position]
            if card.contact:
                lines.append(card.contact)
            if card.next_due:
                lines.append(f"Next: {card.next_due:%d %b} · {card.next_channel}")
            return "\n".join(lines)
        if role == CardRole:
            return card
        return None


class StageColumn(QFrame):
    """A titled list of the cards of one stage."""

    def __init__(self, stage: StageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = StageColumnModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        self.view.setObjectName(f"stage_{stage.id}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.model.set_cards(cards)
        self.title.setText(f"{self.stage.name}  ({len(cards)})")


class PipelineArea(QWidget):
    """All stages side by side, scrolling sideways when they do not fit."""

    application_activated = Signal(int)

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.columns: list[StageColumn] = []
        self._strip = QWidget()
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(scroll)
        events.applications_changed.connect(self.refresh)
        events.stages_changed.connect(self.refresh)
        events.follow_ups_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        stages = list_stages(include_hidden=False)
        if [c.stage for c in self.columns] != stages:
            for column in self.columns:
                column.setParent(None)
                column.deleteLater()
            self.columns = [StageColumn(stage) for stage in stages]
            for column in self.columns:
                self._strip_layout.addWidget(column)
                column.view.doubleClicked.connect(self._on_card_double_clicked)
        by_stage: dict[int, list[BoardCard]] = {}
        for card in load_board_cards():
            by_stage.setdefault(card.stage_id, []).append(card)
        for column in self.columns:
            column.set_cards(by_stage.get(column.stage.id, []))

    def _on_card_double_clicked(self, index: QModelIndex) -> None:
        card = index.data(CardRole)
        if card is not None:
            self.events.application_requested.emit(card.id)
