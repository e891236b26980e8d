"""Painted cards, card frames and glyphs a board keeps, so showing it again copies pixels."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtGui import QPixmap

#: Whole cards, a few screens' worth; frames and glyphs are few (one per look and size).
CARD_BYTES = 8 * 1024 * 1024
FRAME_LIMIT = 64
GLYPH_LIMIT = 256


class CardPictures:
    """Owned by one board and shared by its columns (they are all the same width): the most
    recently used cards last, bounded by memory; frames and glyphs by count."""

    def __init__(self) -> None:
        self.cards: OrderedDict[Hashable, QPixmap] = OrderedDict()
        self.frames: dict[Hashable, QPixmap] = {}
        self.glyphs: dict[Hashable, QPixmap] = {}

    def card(self, key: Hashable, paint: Callable[[], QPixmap]) -> QPixmap:
        """The card painted for ``key``, painting it with ``paint`` the first time."""
        found = self.cards.get(key)
        if found is not None:
            self.cards.move_to_end(key)
            return found
        picture = self.cards[key] = paint()
        bytes_per_card = picture.width() * picture.height() * 4
        while len(self.cards) > 1 and len(self.cards) * bytes_per_card > CARD_BYTES:
            self.cards.popitem(last=False)
        return picture

    def frame(self, key: Hashable, paint: Callable[[], QPixmap]) -> QPixmap:
        """A card's frame for ``key`` (look and size), painted the first time."""
        return _kept(self.frames, key, paint, FRAME_LIMIT)

    def glyph(self, key: Hashable, paint: Callable[[], QPixmap]) -> QPixmap:
        """A small drawing (a channel, a person) for ``key``, painted the first time."""
        return _kept(self.glyphs, key, paint, GLYPH_LIMIT)


def _kept(
    pictures: dict[Hashable, QPixmap], key: Hashable, paint: Callable[[], QPixmap], limit: int
) -> QPixmap:
    found = pictures.get(key)
    if found is None:
        if len(pictures) >= limit:
            pictures.clear()  # a change of scheme or size: the old looks are not coming back
        found = pictures[key] = paint()
    return found
