"""Lists filtered the way every search of the app compares text: without case or accents."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from followup_desktop.services.search_text import fold_for_search, folded_words, matches_all


class FoldedFilterProxy(QSortFilterProxyModel):
    """Rows whose text (in the key column) contains every typed word, folded alike:
    "nunez" keeps "José Núñez"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        #: Each source row's folded text, made when first needed and dropped when rows change.
        self._folded: dict[int, str] = {}

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal in _CHANGES:
                getattr(old, signal).disconnect(self._forget)
        super().setSourceModel(model)
        for signal in _CHANGES:
            getattr(model, signal).connect(self._forget)
        self._folded.clear()

    def set_search(self, text: str) -> None:
        words = folded_words(text)
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt 6.8, where this is not deprecated yet
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        folded = self._folded.get(source_row)
        if folded is None:
            source = self.sourceModel()
            index = source.index(source_row, self.filterKeyColumn(), source_parent)
            folded = fold_for_search(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            self._folded[source_row] = folded
        return matches_all(self._words, folded)

    def _forget(self, *_args: object) -> None:
        self._folded.clear()


#: The source model's signals after which its rows' folded texts must be made again.
_CHANGES = (
    "modelReset",
    "layoutChanged",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "dataChanged",
)


def folded_completer(choices: QAbstractItemModel, field: QLineEdit | QComboBox) -> QCompleter:
    """A completer for ``field`` offering the ``choices`` that contain every word typed,
    accents and case aside; the caller sets it on the field (``setCompleter``)."""
    matches = FoldedFilterProxy(field)
    matches.setSourceModel(choices)
    completer = QCompleter(matches, field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # The proxy already holds only the matches: the popup shows them as they are.
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    line = field if isinstance(field, QLineEdit) else field.lineEdit()
    assert line is not None, "an editable combo box has its line edit"
    # textEdited comes before the field asks the completer for its popup, so the popup
    # shows the matches of the text just typed.
    line.textEdited.connect(matches.set_search)
    return completer
