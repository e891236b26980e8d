"""Editors for stored user text of any length: what is too long to lay out at once is shown
shortened and read-only, kept whole for saving, and put in whole only when the user asks.

Qt lays out a line whole (about half a microsecond per character, and quadratically longer for
a line it must break inside a word), so a note of one 1 MB line froze the window for minutes; a
line edit also cut stored text at 32,767 characters, which a save then wrote back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from followup_desktop.ui.plain_text import shown_lines

#: Text put in an editor whole: up to this many characters in all, and in any one line.
#: Longer text is shown shortened until the user asks for all of it.
EDITOR_TEXT_LIMIT = 100_000
EDITOR_LINE_LIMIT = 10_000
#: Characters of a shortened text shown (each line cut to ``plain_text.LINE_LIMIT``).
PREVIEW_LIMIT = 10_000
#: As long as the store takes (SQLite's default limit on a value, in bytes).
MAX_LENGTH = 1_000_000_000


def shortened_notice(text: str) -> str:
    """What a field showing ``text`` shortened says about it."""
    return f"Shown shortened: {len(text):,} characters, all kept."


def _too_long(text: str) -> bool:
    return len(text) > EDITOR_TEXT_LIMIT or any(
        len(line) > EDITOR_LINE_LIMIT for line in text.splitlines()
    )


def _preview(text: str) -> str:
    return shown_lines(text[:PREVIEW_LIMIT]) + ("…" if len(text) > PREVIEW_LIMIT else "")


class UserLineEdit(QLineEdit):
    """A line edit for a stored value of any length; ``text()`` is always the whole value.

    ``shortened_changed`` carries the notice to show beside the field while it shows a
    shortened value (an empty string once it shows the whole value again).
    """

    shortened_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # QLineEdit cuts text at 32,767 characters unless told otherwise.
        self.setMaxLength(MAX_LENGTH)
        self._whole: str | None = None
        self._preview = ""
        self.textChanged.connect(self._replaced)

    def setText(self, text: str | None) -> None:
        text = text or ""
        if len(text) <= EDITOR_LINE_LIMIT:
            self._show_whole(text)
            return
        self._whole = text
        self._preview = _preview(text.replace("\n", " "))
        self.setReadOnly(True)
        super().setText(self._preview)
        self.setCursorPosition(0)
        self.shortened_changed.emit(shortened_notice(text))

    def text(self) -> str:
        whole = self._whole
        return whole if whole is not None and self.is_shortened() else super().text()

    def is_shortened(self) -> bool:
        return self._whole is not None and super().text() == self._preview

    def edit_whole(self) -> None:
        """Put the whole value in for editing (about half a second per megabyte)."""
        if self.is_shortened():
            self._show_whole(self.text(), quiet=True)

    def _show_whole(self, text: str, *, quiet: bool = False) -> None:
        """Show ``text`` whole; ``quiet``: the value itself is unchanged, so no signals."""
        was_shortened = self._whole is not None
        self._whole = None
        self.setReadOnly(False)
        blocked = self.blockSignals(quiet)
        try:
            super().setText(text)
        finally:
            self.blockSignals(blocked)
        if was_shortened:
            self.shortened_changed.emit("")

    def _replaced(self, _text: str) -> None:
        # Something else (a combo box's list, a completer) put text in: it is the value now.
        if self._whole is not None and not self.is_shortened():
            self._whole = None
            self.setReadOnly(False)
            self.shortened_changed.emit("")


class UserTextEdit(QPlainTextEdit):
    """A plain-text editor for a stored value of any length; ``toPlainText()`` is always the
    whole value (see ``UserLineEdit`` for ``shortened_changed``)."""

    shortened_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole: str | None = None
        self._preview = ""

    def setPlainText(self, text: str | None) -> None:
        text = text or ""
        if not _too_long(text):
            self._show_whole(text)
            return
        self._whole = text
        self._preview = _preview(text)
        self.setReadOnly(True)
        super().setPlainText(self._preview)
        self.shortened_changed.emit(shortened_notice(text))

    def toPlainText(self) -> str:
        whole = self._whole
        return whole if whole is not None and self.is_shortened() else super().toPlainText()

    def is_shortened(self) -> bool:
        return self._whole is not None and super().toPlainText() == self._preview

    def edit_whole(self) -> None:
        """Put the whole value in for editing; lines too long to wrap at word boundaries in
        time are wrapped anywhere (about half a second per megabyte)."""
        if self.is_shortened():
            text = self.toPlainText()
            self._show_whole(text, anywhere=_too_long(text), quiet=True)

    def _show_whole(self, text: str, *, anywhere: bool = False, quiet: bool = False) -> None:
        """Show ``text`` whole; ``quiet``: the value itself is unchanged, so no signals."""
        was_shortened = self._whole is not None
        self._whole = None
        self.setReadOnly(False)
        self.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere
            if anywhere
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        blocked = self.blockSignals(quiet)
        try:
            super().setPlainText(text)
        finally:
            self.blockSignals(blocked)
        if was_shortened:
            self.shortened_changed.emit("")


class UserComboBox(QComboBox):
    """An editable combo box whose typed value may be of any length (see ``UserLineEdit``)."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        # With a placeholder of its own the box does not pick its first item when items are
        # added, which would put that name in the field however long it is. (A space: the
        # box would widen to its text; the field shows ``placeholder``.)
        self.setPlaceholderText(" ")
        # As wide as the form makes it, not as its longest item (which Qt would lay out).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setEditable(True)
        self.user_line = UserLineEdit(self)
        self.user_line.setPlaceholderText(placeholder)
        self.setLineEdit(self.user_line)

    def setCurrentText(self, text: str) -> None:
        self.user_line.setText(text)

    def currentText(self) -> str:
        return self.user_line.text()
