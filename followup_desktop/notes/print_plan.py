"""A print as jobs: cards, then envelopes, each job on one paper size that the printer takes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QPageLayout, QPageSize

from followup_desktop.notes.imposition import (
    SAME_SIZE_PT,
    DoesNotFitError,
    ImposedPage,
    PrintLayout,
    crop_mark_pages,
    own_paper_pages,
    same_size,
    several_per_page,
)
from followup_desktop.notes.paper import PaperKind
from followup_desktop.notes.printers import PageChoice, PrinterPapers, PrintError
from followup_desktop.notes.sheets import SheetLayout

CARDS = "cards"
ENVELOPES = "envelopes"


@dataclass(frozen=True)
class PrintRequest:
    """What the user asked for: the cards, their envelopes (maybe none), how, how many."""

    cards: Sequence[SheetLayout]
    envelopes: Sequence[SheetLayout] = ()
    title: str = "Note"
    layout: PrintLayout = PrintLayout.CARD_PAPER
    copies: int = 1


@dataclass
class PrintJob:
    """Pages that go to the printer together, all on one paper size and way round.

    A printer takes one paper size per job (CUPS gives the whole job the size last asked for),
    so cards and envelopes, and cards of different sizes, are jobs of their own.
    """

    title: str
    kind: str
    sheets: list[SheetLayout]
    pages: list[ImposedPage]
    page: PageChoice
    copies: int
    #: The number of its first page in the whole print (the numbers a page range uses).
    first_page: int = 1

    @property
    def last_page(self) -> int:
        return self.first_page + len(self.pages) - 1

    def numbers(self) -> range:
        return range(self.first_page, self.last_page + 1)

    def describe(self) -> str:
        """Such as "2 cards on A6: pages 1-2" or "1 envelope on C6: page 3"."""
        count = len(self.sheets)
        what = "envelope" if self.kind == ENVELOPES else "card"
        plural = "s" if count != 1 else ""
        if len(self.pages) == 1:
            numbers = f"page {self.first_page}"
        else:
            numbers = f"pages {self.first_page}–{self.last_page}"
        return f"{count} {what}{plural} on {self.page.label}: {numbers}"


@dataclass
class PrintPlan:
    jobs: list[PrintJob]
    #: What the user should know (a paper the printer lacks, and what was done instead).
    notes: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return sum(len(job.pages) for job in self.jobs)


def plan_print(
    request: PrintRequest, papers: PrinterPapers, sheet_paper: QPageSize | None = None
) -> PrintPlan:
    """The jobs for ``request`` on a printer: cards first, then envelopes on their own paper.

    ``sheet_paper`` is the printer's paper for crop marks and for several cards a page (by
    default the printer's usual paper). Raises PrintError when a sheet fits no paper at all.
    """
    paper = sheet_paper if sheet_paper is not None and sheet_paper.isValid() else papers.default
    plan = PrintPlan([])
    copies = max(1, request.copies)
    cards = list(request.cards)
    if request.layout is PrintLayout.CARD_PAPER:
        for run in _same_size_runs(cards):
            _on_own_paper(plan, run, CARDS, request.title, papers, paper, copies)
    elif request.layout is PrintLayout.CROP_MARKS:
        _on_sheet_paper(plan, cards, CARDS, request.title, paper, copies)
    elif cards:
        # Copies of a card fill the page (four copies of an A6 card on one A4 sheet).
        repeated = [sheet for sheet in cards for _copy in range(copies)]
        _on_sheet_paper(plan, repeated, CARDS, request.title, paper, 1, several=True)
    for run in _same_size_runs(list(request.envelopes)):
        title = f"Envelopes - {request.title}"
        _on_own_paper(plan, run, ENVELOPES, title, papers, paper, copies)
    number = 1
    for job in plan.jobs:
        job.first_page = number
        number += len(job.pages)
    return plan


def _size(sheet: SheetLayout) -> tuple[float, float]:
    return (sheet.width_pt, sheet.height_pt)


def _millimetres(size: tuple[float, float]) -> str:
    width, height = (round(side / 72 * 25.4) for side in size)
    return f"{width} × {height} mm"


def paper_name(sheet: SheetLayout) -> str:
    """Such as "A6 (105 x 148 mm)", or "A2 flat sheet (216 x 140 mm)" for a folded card."""
    name = sheet.paper.label.split(" (")[0].removesuffix(" card")
    paper = sheet.paper
    folded = paper.kind is PaperKind.CARD and any(
        abs(sheet.width_pt - 2 * side) < SAME_SIZE_PT for side in (paper.width_pt, paper.height_pt)
    )
    return f"{name}{' flat sheet' if folded else ''} ({_millimetres(_size(sheet))})"


def _same_size_runs(sheets: list[SheetLayout]) -> list[list[SheetLayout]]:
    runs: list[list[SheetLayout]] = []
    for sheet in sheets:
        if runs and same_size(_size(runs[-1][0]), _size(sheet)):
            runs[-1].append(sheet)
        else:
            runs.append([sheet])
    return runs


def _on_own_paper(
    plan: PrintPlan,
    sheets: list[SheetLayout],
    kind: str,
    title: str,
    papers: PrinterPapers,
    paper: QPageSize,
    copies: int,
) -> None:
    first = sheets[0]
    choice = papers.page_for(_size(first), paper_name(first))
    if choice is None:
        plan.notes.append(
            f"{papers.name} has no paper for the {first.paper.label.split(' (')[0]}: printed "
            f"at true size with crop marks on {paper.name()}"
        )
        _on_sheet_paper(plan, sheets, kind, title, paper, copies)
        return
    pages = own_paper_pages([_size(sheet) for sheet in sheets])
    plan.jobs.append(PrintJob(title, kind, sheets, pages, choice, copies))


def _on_sheet_paper(
    plan: PrintPlan,
    sheets: list[SheetLayout],
    kind: str,
    title: str,
    paper: QPageSize,
    copies: int,
    *,
    several: bool = False,
) -> None:
    if not sheets:
        return
    points = paper.size(QPageSize.Unit.Point)
    portrait = (min(points.width(), points.height()), max(points.width(), points.height()))
    sizes = [_size(sheet) for sheet in sheets]
    try:
        pages = several_per_page(sizes, portrait) if several else crop_mark_pages(sizes, portrait)
    except DoesNotFitError as error:
        raise PrintError(f"{error}: choose larger paper") from None
    choice = PageChoice(paper, QPageLayout.Orientation.Portrait)
    plan.jobs.append(PrintJob(title, kind, sheets, pages, choice, copies))
