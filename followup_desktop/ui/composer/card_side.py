"""Beside the text: the card's settings and its preview, or for an e-mail a word on sending it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.ui.composer.hand_coverage import HandCoverageLabel
from followup_desktop.ui.composer.note_options import NoteOptions
from followup_desktop.ui.composer.preview import NotePreview


class CardSide(QWidget):
    """The note options and the preview for a note or a letter; the e-mail hint otherwise.

    Where the options do not fit beside the text (a small screen), they fold under a button
    that names the current paper, hand and ink and opens them over the preview.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = NoteOptions()
        self.coverage = HandCoverageLabel(self.options.hand)
        self.coverage.hide()
        self.preview = NotePreview()
        self.preview.setObjectName("preview")
        self.email_hint = QLabel(
            "An e-mail opens in your mail program with this subject and text, or is saved as "
            "an .eml draft. The coach checks it the same way."
        )
        self.email_hint.setWordWrap(True)
        self.email_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.options_button = QToolButton()
        self.options_button.setObjectName("note_options_toggle")
        self.options_button.setCheckable(True)
        self.options_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.options_button.setArrowType(Qt.ArrowType.RightArrow)
        self.options_button.setAccessibleName("Card options")
        self.options_button.toggled.connect(self._show_folded_options)
        self.options_button.hide()
        self.options.changed.connect(self._name_options)
        #: Folded because the side is too narrow for the options' grid.
        self.folded = False
        #: The options' grid as built (four columns) and the width it wants.
        self._wide_cells = _grid_cells(self.options.layout())
        self._wide_width = self.options.sizeHint().width()
        self._is_card = True
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options_button)
        column.addWidget(self.options)
        column.addWidget(self.coverage)
        column.addWidget(self.preview, 1)
        column.addWidget(self.email_hint)

    def show_card(self, is_card: bool) -> None:
        """Options and preview for a card (note or letter), the hint for an e-mail."""
        self._is_card = is_card
        if not is_card:
            self.coverage.hide()
        self.preview.setVisible(is_card)
        self.email_hint.setVisible(not is_card)
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        folded = event.size().width() < self._wide_width
        if folded != self.folded:
            self.folded = folded
            self._arrange()

    def _arrange(self) -> None:
        self._name_options()
        _place_cells(self.options.layout(), self._wide_cells, two_columns=self.folded)
        self.options_button.setVisible(self._is_card and self.folded)
        open_options = not self.folded or self.options_button.isChecked()
        self.options.setVisible(self._is_card and open_options)

    def _show_folded_options(self, shown: bool) -> None:
        self.options_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._arrange()

    def _name_options(self) -> None:
        """The folded options' button says what they are set to."""
        options = self.options
        chosen = (
            options.paper.currentText(),
            options.hand.currentText(),
            options.ink.currentText(),
        )
        self.options_button.setText("Card: " + " · ".join(chosen))


_Cell = tuple[QWidget | QLayout, int, int, int, int]


def _grid_cells(layout: QLayout | None) -> list[_Cell]:
    """Each widget or inner layout of a grid with its row, column and spans."""
    if not isinstance(layout, QGridLayout):
        return []
    cells: list[_Cell] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        content = item.widget() or item.layout() if item is not None else None
        if content is not None:
            # PySide's stubs type the position as one object; it is four ints.
            position: tuple[int, int, int, int] = layout.getItemPosition(index)  # type: ignore[assignment]
            cells.append((content, *position))
    return cells


def _place_cells(layout: QLayout | None, cells: list[_Cell], *, two_columns: bool) -> None:
    """Lay the grid's items out as built, or two columns wide: each row of four (label,
    choice, label or box, choice or box) becomes two rows of two, so nothing is squeezed."""
    if not isinstance(layout, QGridLayout) or not cells:
        return
    for content, *_position in cells:
        if isinstance(content, QWidget):
            layout.removeWidget(content)
        else:
            layout.removeItem(content)
            content.setParent(None)  # free to be added again
    for content, row, column, rows, columns in cells:
        if two_columns:
            row, column = 2 * row + column // 2, column % 2
            columns = min(columns, 2 - column)
        if isinstance(content, QWidget):
            layout.addWidget(content, row, column, rows, columns)
        else:
            layout.addLayout(content, row, column, rows, columns)
