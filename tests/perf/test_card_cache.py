"""A board shown again copies its painted cards; any change to a card paints it anew."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from followup_desktop.services.board import BoardCard
from followup_desktop.ui.pipeline.card_delegate import CardDelegate
from followup_desktop.ui.pipeline.card_model import CardRole


class _Index:
    def __init__(self, card: BoardCard) -> None:
        self.card = card

    def data(self, role: int) -> object:
        return self.card if role == CardRole else None


def _card(**changes: object) -> BoardCard:
    card = BoardCard(
        id=1,
        stage_id=1,
        rank=1,
        archived=False,
        company_id=1,
        company="Acme",
        position="Analyst",
        contact_id=None,
        contact="Ada Byron",
        next_follow_up_id=None,
        next_due=dt.date.today(),
        next_channel="email",
        last_contact=None,
    )
    return card._replace(**changes)


def test_cards_are_painted_once_per_look(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    delegate = CardDelegate()
    painted: list[BoardCard] = []
    original = delegate.paint_card

    def counting(painter: QPainter, rect: QRect, card: BoardCard, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        painted.append(card)
        original(painter, rect, card, *args, **kwargs)

    monkeypatch.setattr(delegate, "paint_card", counting)
    image = QImage(300, 200, QImage.Format.Format_ARGB32_Premultiplied)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 280, 110)

    def paint(card: BoardCard, selected: bool = False) -> None:
        option.state = QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
        painter = QPainter(image)
        delegate.paint(painter, option, _Index(card))  # type: ignore[arg-type]
        painter.end()

    paint(_card())
    paint(_card())
    assert len(painted) == 1
    paint(_card(position="Senior analyst"))  # the data changed
    paint(_card(), selected=True)  # the look changed
    option.rect = QRect(0, 0, 250, 110)  # the column got narrower
    paint(_card())
    assert len(painted) == 4
    assert len(delegate.pictures.cards) == 4
