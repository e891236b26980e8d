"""A line of comma-separated tags that completes each tag from the tags used before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from followup_desktop.ui.widgets.long_text import UserLineEdit


class TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma) and keeps the ones before it."""

    def __init__(self, tags: list[str], editor: UserLineEdit) -> None:
        super().__init__(tags, editor)
        #: The tags typed before the one being completed, kept from when completion began:
        #: highlighting a match puts it in the line already.
        self._before = ""
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def splitPath(self, path: str) -> list[str]:
        before, _comma, typed = path.rpartition(",")
        self._before = before.rstrip()
        return [typed.strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return f"{self._before}, {chosen}, " if self._before else f"{chosen}, "


class TagEdit(UserLineEdit):
    """Tags typed with commas between them; the known ones are offered as the user types."""

    def __init__(self, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("remote-friendly, python, dream job…")
        self.setCompleter(TagCompleter(known, self))
