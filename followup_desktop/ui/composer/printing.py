"""Printing a note: the system's print dialog with the card's own options, and the print preview.

Both print through ``notes.printing`` (as ``followup print`` does): each job on its own paper,
set before it starts. Tests replace ``run_dialog``; nothing here opens a dialog another way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize, QPaintEngine
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QRadioButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.notes.imposition import PrintLayout
from followup_desktop.notes.print_plan import PrintPlan, PrintRequest, plan_print
from followup_desktop.notes.printers import PrinterPapers, PrintError
from followup_desktop.notes.printing import PrintOutcome, paint_job_preview, print_request
from followup_desktop.notes.sheets import SheetLayout
from followup_desktop.ui.theme import make_quiet

#: How each layout is offered; ``{card}`` is the card's paper.
LAYOUT_CHOICES = (
    (PrintLayout.CARD_PAPER, "On {card} paper, one card a sheet"),
    (PrintLayout.CROP_MARKS, "At true size on the printer's paper, with crop marks"),
    (PrintLayout.SEVERAL, "As many as fit on the printer's paper, with cut marks"),
)
#: The preview's own buttons that would turn or resize the paper the card decides.
_PAPER_ACTIONS = ("Portrait", "Landscape", "Page setup")


def run_dialog(dialog: QDialog) -> bool:
    """Show a print or preview dialog until the user closes it; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass
class NotePrint:
    """What the composer prints: its card(s) and envelope(s), already laid out."""

    cards: list[SheetLayout]
    envelopes: list[SheetLayout] = field(default_factory=list)
    title: str = "Note"

    @property
    def card_name(self) -> str:
        return self.cards[0].paper.label.split(" (")[0] if self.cards else "card"

    def request(
        self, layout: PrintLayout, *, envelopes: bool = True, copies: int = 1
    ) -> PrintRequest:
        return PrintRequest(
            self.cards,
            self.envelopes if envelopes else [],
            self.title,
            layout=layout,
            copies=copies,
        )


class CardPrintOptions(QWidget):
    """The print dialog's "Card" tab: how the card meets the paper, and the envelope job."""

    def __init__(self, note: NotePrint, layout: PrintLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Card")  # the tab's title
        self.setObjectName("card_print_options")
        column = QVBoxLayout(self)
        self.choices = QButtonGroup(self)
        for number, (choice, text) in enumerate(LAYOUT_CHOICES):
            button = QRadioButton(text.format(card=note.card_name))
            button.setObjectName(f"layout_{choice.value}")
            button.setChecked(choice is layout)
            self.choices.addButton(button, number)
            column.addWidget(button)
        hint = QLabel(
            "A printer without the card's paper prints it at true size with crop marks. "
            "Cut marks show where to cut several cards apart."
        )
        hint.setWordWrap(True)
        make_quiet(hint)
        column.addWidget(hint)
        self.envelope = QCheckBox(self._envelope_text(note))
        self.envelope.setObjectName("print_envelope")
        self.envelope.setChecked(bool(note.envelopes))
        self.envelope.setEnabled(bool(note.envelopes))
        column.addWidget(self.envelope)
        column.addStretch(1)

    @staticmethod
    def _envelope_text(note: NotePrint) -> str:
        if not note.envelopes:
            return "No envelope (choose one in the Envelope list)"
        name = note.envelopes[0].paper.label.split(" (")[0]
        return f"Then the envelope ({name}), as a print job of its own"

    def chosen_layout(self) -> PrintLayout:
        return LAYOUT_CHOICES[max(0, self.choices.checkedId())][0]

    def with_envelope(self) -> bool:
        return self.envelope.isChecked()


def print_note(
    parent: QWidget, note: NotePrint, layout: PrintLayout
) -> tuple[PrintOutcome, PrintLayout] | None:
    """The print dialog with the "Card" tab; prints when accepted. None when cancelled.

    Raises PrintError (one line) when the printer cannot print the note.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(note.title)
    options = CardPrintOptions(note, layout)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {note.title}")
    dialog.setOptionTabs([options])
    # Page numbers run over the cards, then the envelopes; this code picks the pages.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    dialog.setMinMax(1, max(1, len(note.cards) + len(note.envelopes)))
    if not run_dialog(dialog):
        return None
    chosen = options.chosen_layout()
    request = note.request(
        chosen, envelopes=options.with_envelope(), copies=max(1, printer.copyCount())
    )
    outcome = print_request(printer, request, sheet_paper=printer.pageLayout().pageSize())
    return outcome, chosen


class NotePreviewDialog(QPrintPreviewDialog):
    """File → Print Preview: exactly the pages each job will print, one job shown at a time.

    Its Print button prints every job, through the same code as the print dialog.
    """

    def __init__(
        self, printer: QPrinter, note: NotePrint, layout: PrintLayout, parent: QWidget | None = None
    ) -> None:
        super().__init__(printer, parent)
        self.note = note
        self.setWindowTitle(f"Print Preview — {note.title}")
        #: The printer's own paper, for crop marks and several cards a sheet.
        self.sheet_paper = QPageSize(printer.pageLayout().pageSize())
        self.outcome: PrintOutcome | None = None
        self.error = ""
        self.preview = self.findChild(QPrintPreviewWidget)
        toolbar = self.findChild(QToolBar)
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("preview_layout")
        for choice, text in LAYOUT_CHOICES:
            self.layout_box.addItem(text.format(card=note.card_name), choice.value)
        self.layout_box.setCurrentIndex(self.layout_box.findData(layout.value))
        self.job_box = QComboBox()
        self.job_box.setObjectName("preview_job")
        self.job_box.setToolTip("Each print job comes out on its own paper")
        if toolbar is not None:
            for action in toolbar.actions():
                if action.text() in _PAPER_ACTIONS:
                    action.setVisible(False)
            toolbar.addSeparator()
            toolbar.addWidget(self.layout_box)
            toolbar.addWidget(self.job_box)
        self._fill_jobs()
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.job_box.currentIndexChanged.connect(self._refresh)
        self.paintRequested.connect(self._paint)

    def layout_choice(self) -> PrintLayout:
        return PrintLayout(str(self.layout_box.currentData()))

    def request(self, copies: int = 1) -> PrintRequest:
        return self.note.request(self.layout_choice(), copies=copies)

    def plan(self) -> PrintPlan:
        return plan_print(self.request(), PrinterPapers.of(self.printer()), self.sheet_paper)

    def _fill_jobs(self) -> None:
        keep = max(0, self.job_box.currentIndex())
        self.job_box.blockSignals(True)
        self.job_box.clear()
        try:
            for job in self.plan().jobs:
                self.job_box.addItem(job.describe())
        except PrintError as error:
            self.job_box.addItem(str(error))
        self.job_box.setCurrentIndex(min(keep, self.job_box.count() - 1))
        self.job_box.blockSignals(False)

    def _layout_changed(self) -> None:
        self._fill_jobs()
        self._refresh()

    def _refresh(self) -> None:
        if self.preview is not None:
            self.preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        engine = printer.paintEngine()
        try:
            if engine is not None and engine.type() == QPaintEngine.Type.Picture:
                jobs = self.plan().jobs
                if jobs:
                    index = min(max(0, self.job_box.currentIndex()), len(jobs) - 1)
                    paint_job_preview(printer, jobs[index])
                return
            # Print, from the preview's own print dialog: every job.
            request = self.request(copies=max(1, printer.copyCount()))
            self.outcome = print_request(printer, request, sheet_paper=self.sheet_paper)
        except PrintError as error:
            self.error = str(error)


def preview_note(
    parent: QWidget, note: NotePrint, layout: PrintLayout
) -> tuple[NotePreviewDialog, bool]:
    """Open the print preview; returns the dialog (what was printed, the layout) and whether
    it printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(note.title)
    dialog = NotePreviewDialog(printer, note, layout, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    accepted = run_dialog(dialog)
    return dialog, accepted
