"""Under the hand's choice: which hands can write every letter of the text typed so far."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from followup_desktop.notes.coverage import HandCoverage

#: Letters shown per hand before the list is cut short.
_SHOWN = 5


def _letters(missing: tuple[str, ...]) -> str:
    shown = " ".join(missing[:_SHOWN])
    return shown + (" …" if len(missing) > _SHOWN else "")


class HandCoverageLabel(QLabel):
    """One line naming the hands that write every letter, and what the others lack.

    Each hand in ``hands`` (the hand's combo box) also says it in its tooltip.
    """

    def __init__(self, hands: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hand-coverage")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: palette(placeholder-text);")
        self._hands = hands
        self.coverage: list[HandCoverage] = []

    def show_coverage(self, coverage: list[HandCoverage]) -> None:
        """Say which hands cover the text; nothing when there is no text."""
        self.coverage = coverage
        by_family = {hand.family: hand for hand in coverage}
        for index in range(self._hands.count()):
            hand = by_family.get(str(self._hands.itemData(index)))
            tip = ""
            if hand is not None:
                tip = (
                    "Writes every letter of your text"
                    if hand.complete
                    else f"Lacks {_letters(hand.missing)}: drawn in another font"
                )
            self._hands.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        if not coverage:
            self.clear()
            self.hide()
            return
        complete = [hand.family for hand in coverage if hand.complete]
        lacking = [hand for hand in coverage if not hand.complete]
        if not lacking:
            line = "Every hand has all the letters of your text."
        else:
            line = "All your letters: " + (", ".join(complete) if complete else "no hand") + "."
            line += " " + "; ".join(f"{h.family} lacks {_letters(h.missing)}" for h in lacking)
            line += "."
        self.setText(line)
        self.setToolTip(line)
        self.show()
