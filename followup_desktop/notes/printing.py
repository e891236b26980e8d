"""Print a plan: each job set up on its paper before it starts, drawn by the note engine.

The composer's print dialog, its print preview and ``followup print`` all come here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from followup_desktop.notes.imposition import ImposedPage, same_size
from followup_desktop.notes.print_plan import (
    ENVELOPES,
    PrintJob,
    PrintPlan,
    PrintRequest,
    plan_print,
)
from followup_desktop.notes.printers import PrinterPapers, PrintError, take_page_selection
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout
from followup_desktop.services.wording import counted

#: Crop and cut marks: a hairline that still shows on a laser printer.
_MARK_PEN_PT = 0.3


@dataclass(frozen=True)
class PrintOutcome:
    """What went to the printer: each job with the number of its pages sent."""

    plan: PrintPlan
    printed: tuple[tuple[PrintJob, int], ...]
    printer: str

    @property
    def pages(self) -> int:
        """Pages sent (each once: a printer makes the copies)."""
        return sum(count for _job, count in self.printed)

    def summary(self) -> str:
        """One line: where it went and what, with anything the user should know."""
        parts = [job.describe() for job, _count in self.printed]
        text = f"Sent to {self.printer}: {'; then '.join(parts)}."
        if any(job.kind == ENVELOPES for job, _count in self.printed):
            text += " The envelopes are a print job of their own: feed envelopes for it."
        for note in self.plan.notes:
            text += f" {note[0].upper()}{note[1:]}."
        return text


def print_request(
    printer: QPrinter,
    request: PrintRequest,
    *,
    sheet_paper: QPageSize | None = None,
    selection: frozenset[int] | None = None,
) -> PrintOutcome:
    """Plan ``request`` for this printer and print it; the pages chosen in a dialog apply.

    ``selection`` (page numbers over the whole plan) adds to any range set on the printer.
    Raises PrintError with one line for the user.
    """
    chosen = take_page_selection(printer)
    if selection is not None:
        chosen = selection | (chosen or frozenset())
    papers = PrinterPapers.of(printer)
    plan = plan_print(request, papers, sheet_paper)
    printed = run_plan(printer, plan, chosen)
    return PrintOutcome(plan, printed, papers.name)


def run_plan(
    printer: QPrinter, plan: PrintPlan, selection: frozenset[int] | None = None
) -> tuple[tuple[PrintJob, int], ...]:
    """Print each job as a print job of its own; return each job sent with its page count."""
    chosen = [(job, _chosen_pages(job, selection)) for job in plan.jobs]
    chosen = [(job, pages) for job, pages in chosen if pages]
    if not chosen:
        last = plan.page_count
        raise PrintError(f"none of the pages chosen is in this print (pages 1–{last})")
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        _into_one_file(printer, chosen)
    else:
        for job, pages in chosen:
            prepare_printer(printer, job)
            _paint_job(printer, job, pages)
    return tuple((job, len(pages)) for job, pages in chosen)


def _chosen_pages(job: PrintJob, selection: frozenset[int] | None) -> list[ImposedPage]:
    return [
        page
        for number, page in zip(job.numbers(), job.pages, strict=True)
        if selection is None or number in selection
    ]


def prepare_printer(printer: QPrinter, job: PrintJob) -> None:
    """Set the job's paper, orientation, title and copies on an idle printer.

    Done before painting starts: a printer that is printing cannot change its paper (Qt says
    so and keeps the old one), and the whole job goes out on the paper set last.
    """
    printer.setDocName(job.title)
    printer.setFullPage(True)
    printer.setPageOrientation(job.page.orientation)
    printer.setPageSize(job.page.size)
    printer.setPageOrientation(job.page.orientation)
    printer.setFullPage(True)
    printer.setCopyCount(job.copies)
    _check_paper(printer, job)


def _check_paper(printer: QPrinter, job: PrintJob) -> None:
    wanted = job.page.size.size(QPageSize.Unit.Point)
    width, height = wanted.width(), wanted.height()
    if job.page.orientation == QPageLayout.Orientation.Landscape:
        width, height = height, width
    full = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    if not same_size((full.width(), full.height()), (width, height)):
        raise PrintError(f"{printer.printerName() or 'the printer'} refused {job.page.label} paper")


def _paint_job(printer: QPrinter, job: PrintJob, pages: Sequence[ImposedPage]) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"cannot start printing on {printer.printerName() or 'the printer'}")
    try:
        for index, page in enumerate(pages):
            if index and not printer.newPage():
                raise PrintError(f"{printer.printerName()} stopped after {counted(index, 'page')}")
            paint_page(painter, page, job.sheets, printer.resolution())
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()


def _into_one_file(printer: QPrinter, chosen: list[tuple[PrintJob, list[ImposedPage]]]) -> int:
    """Print to a PDF file: every job in one file, each page on its own paper.

    Qt's PDF output may change paper between pages (a printer may not), and a second job
    would overwrite the first file; copies are made here, as a printer would make them.
    """
    painter = QPainter()
    count = 0
    printer.setDocName(chosen[0][0].title)
    printer.setCopyCount(1)
    try:
        for job, pages in chosen:
            for _copy in range(job.copies):
                for page in pages:
                    layout = QPageLayout(
                        job.page.size,
                        job.page.orientation,
                        QMarginsF(0, 0, 0, 0),
                        QPageLayout.Unit.Point,
                    )
                    layout.setMode(QPageLayout.Mode.FullPageMode)
                    printer.setPageLayout(layout)
                    if count == 0:
                        if not painter.begin(printer):
                            raise PrintError(f"cannot write {printer.outputFileName()}")
                    elif not printer.newPage():
                        raise PrintError(f"cannot add a page to {printer.outputFileName()}")
                    paint_page(painter, page, job.sheets, printer.resolution())
                    count += 1
    finally:
        if painter.isActive():
            painter.end()
    return count


def paint_job_preview(printer: QPrinter, job: PrintJob) -> None:
    """Every page of one job, for a print preview: set up and drawn as it will be printed."""
    prepare_printer(printer, job)
    _paint_job(printer, job, job.pages)


def paint_page(
    painter: QPainter, page: ImposedPage, sheets: Sequence[SheetLayout], dpi: float
) -> None:
    """One printed page: each sheet placed on it, drawn by the note engine, then the marks."""
    scale = dpi / 72.0
    for placement in page.placements:
        sheet = sheets[placement.sheet]
        painter.save()
        if placement.turned:
            # A quarter turn clockwise about the top-right corner of the sheet's place.
            painter.translate((placement.x + sheet.height_pt) * scale, placement.y * scale)
            painter.rotate(90.0)
        else:
            painter.translate(placement.x * scale, placement.y * scale)
        target = QRectF(0.0, 0.0, sheet.width_pt * scale, sheet.height_pt * scale)
        render_sheet(painter, sheet, target)
        painter.restore()
    if page.marks:
        painter.save()
        painter.setPen(QPen(QColor("black"), _MARK_PEN_PT * scale))
        for mark in page.marks:
            painter.drawLine(
                QPointF(mark.x1 * scale, mark.y1 * scale),
                QPointF(mark.x2 * scale, mark.y2 * scale),
            )
        painter.restore()
