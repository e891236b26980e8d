"""The card on screen: the laid-out sheet drawn by the same function as the printer and the PDF."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout

_MARGIN = 14.0


class NotePreview(QWidget):
    """Shows one sheet as paper on a desk: scaled to fit, with a shadow and the fold marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: SheetLayout | None = None
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setAccessibleName("Card preview")

    def sizeHint(self) -> QSize:
        return QSize(420, 560)

    def show_sheet(self, sheet: SheetLayout | None, message: str = "") -> None:
        self.sheet = sheet
        self.message = message
        self.update()

    def paper_rect(self) -> QRectF:
        """Where the sheet is drawn, in widget pixels (keeps the paper's proportions)."""
        if self.sheet is None:
            return QRectF()
        room_w = max(1.0, self.width() - 2 * _MARGIN)
        room_h = max(1.0, self.height() - 2 * _MARGIN)
        scale = min(room_w / self.sheet.width_pt, room_h / self.sheet.height_pt)
        width, height = self.sheet.width_pt * scale, self.sheet.height_pt * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window().color().darker(112))
        if self.sheet is None:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message or "Nothing to preview yet.",
            )
            return
        paper = self.paper_rect()
        painter.fillRect(paper.translated(2, 3), QColor(0, 0, 0, 60))
        painter.fillRect(paper, QColor("#fffdf8"))
        if self.sheet.paper.kind.value == "card" and self.sheet.width_pt > self.sheet.height_pt:
            folded = (
                abs(self.sheet.width_pt - 2 * self.sheet.paper.width_pt) < 1
                or abs(self.sheet.width_pt - 2 * self.sheet.paper.height_pt) < 1
            )
            if folded:
                painter.setPen(QPen(QColor(0, 0, 0, 40), 1, Qt.PenStyle.DashLine))
                middle = paper.center().x()
                painter.drawLine(int(middle), int(paper.top()), int(middle), int(paper.bottom()))
        render_sheet(painter, self.sheet, paper)
        if self.sheet.overflow is not None:
            painter.setPen(QColor("#b3261e"))
            painter.drawText(
                paper.adjusted(6, 0, -6, -4).toRect(),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                f"Does not fit: {self.sheet.overflow.describe()}",
            )
