"""A one-line label for user text: shortened with "…" to its width, whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from followup_desktop.services.user_text import balanced
from followup_desktop.ui.plain_text import plain_tooltip, shown_line

#: Widest a label asks to be, in characters of its font: a long name takes the room there is
#: and no more.
_PREFERRED_CHARACTERS = 60


class ElidedLabel(QLabel):
    """Plain text on one line (line breaks shown as spaces), never wider than it is given.

    ``text()`` is the text as set; the label shows at most ``plain_text.LINE_LIMIT``
    characters of it, shortened to fit, and the tooltip has it whole when it does not fit.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self._line = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._line = shown_line(" ".join(text.splitlines()) if "\n" in text else text)
        self._fit()

    def text(self) -> str:
        """The text as set (what is shown may be shortened)."""
        return self._full

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        widest = metrics.averageCharWidth() * _PREFERRED_CHARACTERS
        shown = metrics.horizontalAdvance(self._line[: _PREFERRED_CHARACTERS * 2])
        margins = self.contentsMargins()
        return QSize(
            min(widest, shown) + margins.left() + margins.right(), super().sizeHint().height()
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(self._line, Qt.TextElideMode.ElideRight, max(0, width))
        cut = shown != self._line or self._line != self._full
        super().setText(balanced(shown))
        self.setToolTip(plain_tooltip(self._full) if cut and self._full else "")
