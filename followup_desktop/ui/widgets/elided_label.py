"""A label for user text: wrapped to a few lines at most, the last shortened with "…", and
whole in its tooltip when shortened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from followup_desktop.ui.plain_text import plain_tooltip, shown_line
from followup_desktop.ui.widgets.wrapped_rows import wrapped_lines

#: Widest a label asks to be, and narrowest it lets itself be made, in characters of its
#: font: a short name shows whole, a long one takes the room there is and no more.
_PREFERRED_CHARACTERS = 60
_MINIMUM_CHARACTERS = 20


class ElidedLabel(QLabel):
    """Plain text (line breaks shown as spaces) in at most ``max_lines`` lines.

    ``text()`` is the text as set; the label shows at most ``plain_text.LINE_LIMIT``
    characters of it, fitted to its width, and its tooltip has it whole when it does not fit.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, max_lines: int = 1):
        super().__init__(parent)
        self.max_lines = max_lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(max_lines > 1)
        self.setSizePolicy(policy)
        self._full = ""
        self._line = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._line = shown_line(" ".join(text.splitlines()) if "\n" in text else text)
        self._fit()
        self.updateGeometry()

    def text(self) -> str:
        """The text as set (what is shown may be shortened)."""
        return self._full

    def _lines(self, width: int) -> list[str]:
        if not self._line:
            return [""]
        return wrapped_lines(self._line, self.font(), max(1, width), self.max_lines)

    def _text_width(self, characters: int) -> int:
        metrics = QFontMetrics(self.font())
        shown = metrics.horizontalAdvance(self._line[: characters * 2])
        margins = self.contentsMargins()
        widest = metrics.averageCharWidth() * characters
        return min(widest, shown) + margins.left() + margins.right() + 1

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        lines = len(self._lines(inner))
        return lines * QFontMetrics(self.font()).lineSpacing() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        width = self._text_width(_PREFERRED_CHARACTERS)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # As tall as the lines take at the narrowest: layouts that do not ask for the height
        # at the width they give still leave room for every line.
        width = self._text_width(_MINIMUM_CHARACTERS)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
            self.updateGeometry()

    def _fit(self) -> None:
        lines = self._lines(self.contentsRect().width())
        shown = "\n".join(lines)
        super().setText(shown)
        cut = "".join("".join(lines).split()) != "".join(self._line.split())
        cut = cut or self._line != self._full
        self.setToolTip(plain_tooltip(self._full) if cut and self._full else "")
