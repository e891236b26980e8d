"""The card's settings beside the preview: paper, fold, hand, ink, neatness, envelope."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from followup_desktop.notes.fonts import bundled_font_families, handwriting_family
from followup_desktop.notes.inks import DEFAULT_INK, INKS
from followup_desktop.notes.paper import CARD_SIZES, ENVELOPE_SIZES, NO_ENVELOPE, PAGE_SIZES
from followup_desktop.services.settings import MARGIN_CHOICES_MM


@dataclass(frozen=True)
class NoteSettings:
    paper: str
    folded: bool
    landscape: bool
    font: str
    ink: str
    neatness: float
    contact_block: bool
    envelope: str
    plain_envelope: bool
    margin_mm: float | None = None


class NoteOptions(QWidget):
    """Emits ``changed`` whenever a setting changes, and ``rewrite`` for a fresh hand."""

    changed = Signal()
    rewrite = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.folded = QCheckBox("&Folded")
        self.folded.setToolTip("Print on a sheet twice as wide; the text goes inside, on the right")
        self.landscape = QCheckBox("&Landscape")
        self.hand = QComboBox()
        self.hand.setObjectName("hand")
        for family in bundled_font_families():
            self.hand.addItem(family, family)
        self.ink = QComboBox()
        for ink in INKS.values():
            self.ink.addItem(ink.label, ink.key)
        self.neatness = QSlider(Qt.Orientation.Horizontal)
        self.neatness.setRange(0, 100)
        self.neatness.setValue(50)
        self.neatness.setToolTip("From loose (left) to tidy (right)")
        self.neatness.setAccessibleName("Neatness")
        self.rewrite_button = QPushButton("&Write again")
        self.rewrite_button.setToolTip("Same text, a new natural variation of the handwriting")
        self.contact_block = QCheckBox("My &contact line")
        self.contact_block.setToolTip("Add your e-mail and phone under the signature")
        self.envelope = QComboBox()
        self.envelope.addItem("Envelope to fit", "")
        self.envelope.addItem("No envelope", NO_ENVELOPE)
        for key, size in ENVELOPE_SIZES.items():
            self.envelope.addItem(size.label, key)
        self.margin = QComboBox()
        self.margin.setObjectName("margin")
        self.margin.addItem("Paper's own", None)
        for millimetres in MARGIN_CHOICES_MM:
            self.margin.addItem(f"{millimetres:g} mm", millimetres)
        self.margin.setToolTip("The blank border all round the writing, on every note and letter")
        self.plain_envelope = QCheckBox("Print addresses")
        self.plain_envelope.setToolTip("Address the envelope in a plain print font")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        paper_label = QLabel("&Paper:")
        paper_label.setBuddy(self.paper)
        hand_label = QLabel("&Hand:")
        hand_label.setBuddy(self.hand)
        ink_label = QLabel("In&k:")
        ink_label.setBuddy(self.ink)
        neat_label = QLabel("&Neatness:")
        neat_label.setBuddy(self.neatness)
        envelope_label = QLabel("En&velope:")
        envelope_label.setBuddy(self.envelope)
        grid.addWidget(paper_label, 0, 0)
        grid.addWidget(self.paper, 0, 1)
        grid.addWidget(self.folded, 0, 2)
        grid.addWidget(self.landscape, 0, 3)
        grid.addWidget(hand_label, 1, 0)
        grid.addWidget(self.hand, 1, 1)
        grid.addWidget(ink_label, 1, 2)
        grid.addWidget(self.ink, 1, 3)
        grid.addWidget(neat_label, 2, 0)
        grid.addWidget(self.neatness, 2, 1)
        grid.addWidget(self.rewrite_button, 2, 2)
        grid.addWidget(self.contact_block, 2, 3)
        grid.addWidget(envelope_label, 3, 0)
        grid.addWidget(self.envelope, 3, 1)
        margin_label = QLabel("&Margin:")
        margin_label.setBuddy(self.margin)
        grid.addWidget(self.plain_envelope, 3, 2)
        margin_row = QHBoxLayout()
        margin_row.setSpacing(6)
        margin_row.addWidget(margin_label)
        margin_row.addWidget(self.margin, 1)
        grid.addLayout(margin_row, 3, 3)
        grid.setColumnStretch(1, 1)

        self.set_channel("note")
        for box in (self.paper, self.hand, self.ink, self.envelope, self.margin):
            box.currentIndexChanged.connect(self._emit_changed)
        for check in (self.folded, self.landscape, self.contact_block, self.plain_envelope):
            check.toggled.connect(self._emit_changed)
        self.neatness.valueChanged.connect(self._emit_changed)
        self.rewrite_button.clicked.connect(self.rewrite.emit)

    def _emit_changed(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit()

    def set_channel(self, channel: str) -> None:
        """Cards for a note, pages for a letter; keeps the choice when it still applies."""
        sizes = PAGE_SIZES if channel == "letter" else CARD_SIZES
        current = self.paper.currentData()
        self._quiet = True
        self.paper.clear()
        for key, size in sizes.items():
            self.paper.addItem(size.label, key)
        index = self.paper.findData(current)
        self.paper.setCurrentIndex(max(0, index))
        is_card = channel != "letter"
        self.folded.setEnabled(is_card)
        self.landscape.setEnabled(is_card)
        self.contact_block.setEnabled(is_card)
        self._quiet = False

    def settings(self) -> NoteSettings:
        return NoteSettings(
            paper=str(self.paper.currentData() or "A6"),
            folded=self.folded.isChecked() and self.folded.isEnabled(),
            landscape=self.landscape.isChecked() and self.landscape.isEnabled(),
            font=str(self.hand.currentData() or ""),
            ink=str(self.ink.currentData() or DEFAULT_INK),
            neatness=self.neatness.value() / 100.0,
            contact_block=self.contact_block.isChecked(),
            envelope=str(self.envelope.currentData() or ""),
            plain_envelope=self.plain_envelope.isChecked(),
            margin_mm=self.margin.currentData(),
        )

    def show_settings(
        self,
        *,
        paper: str,
        folded: bool,
        landscape: bool,
        font: str,
        ink: str,
        neatness: float,
        contact_block: bool,
        margin_mm: float | None = None,
    ) -> None:
        """Show a letter's stored settings without announcing a change."""
        self._quiet = True
        index = self.paper.findData(paper)
        self.paper.setCurrentIndex(max(0, index))
        self.folded.setChecked(folded)
        self.landscape.setChecked(landscape)
        font_index = self.hand.findData(handwriting_family(font))
        self.hand.setCurrentIndex(max(0, font_index))
        ink_index = self.ink.findData(ink)
        self.ink.setCurrentIndex(max(0, ink_index))
        self.neatness.setValue(round(neatness * 100))
        self.contact_block.setChecked(contact_block)
        self.margin.setCurrentIndex(max(0, self.margin.findData(margin_mm)))
        self._quiet = False
