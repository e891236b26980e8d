"""Marks unfilled ``{slots}`` in the editor so none is sent or printed by mistake."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from followup_desktop.services.templates import SLOT, SLOT_HELP


class SlotHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.slot_format = QTextCharFormat()
        self.slot_format.setBackground(QColor("#ffe08a"))
        self.slot_format.setForeground(QColor("#5c3b00"))
        self.slot_format.setFontWeight(700)

    def highlightBlock(self, text: str) -> None:
        for match in SLOT.finditer(text):
            if match.group(1) in SLOT_HELP:
                self.setFormat(match.start(), match.end() - match.start(), self.slot_format)
