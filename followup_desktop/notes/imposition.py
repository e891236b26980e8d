"""Where printed sheets go on paper: one a page, true size with crop marks, or several a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from followup_desktop.notes.paper import mm_to_pt

#: Two sizes closer than this (in points) are the same paper: A6 is 297.6 pt wide, a printer
#: driver may say 297.
SAME_SIZE_PT = 1.5
#: A mark starts this far from the card's edge, so a cut a little off the line leaves no ink.
_MARK_GAP = mm_to_pt(2.0)
_MARK_LENGTH = mm_to_pt(6.0)
#: Less room than this beside the cards, and a mark is drawn along the cut line instead.
_MARK_ROOM = mm_to_pt(4.0)


class PrintLayout(Enum):
    """How the cards meet the paper; the user picks one in the print flow."""

    #: Each card on paper of its own size (a printer without it: as CROP_MARKS).
    CARD_PAPER = "card"
    #: Each card at true size on the printer's paper, with crop marks at its corners.
    CROP_MARKS = "crop"
    #: As many cards as fit on the printer's paper, with cut marks between them.
    SEVERAL = "n-up"


class DoesNotFitError(ValueError):
    """A sheet is larger than the paper it is to be printed on, either way round."""


@dataclass(frozen=True)
class Placement:
    """One sheet on a page: its index in the job, its top-left corner in points."""

    sheet: int
    x: float
    y: float
    #: Drawn a quarter turn clockwise (its width runs down the page).
    turned: bool = False


@dataclass(frozen=True)
class Mark:
    """A hairline from (x1, y1) to (x2, y2), in points from the page's top-left corner."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class ImposedPage:
    """A page as it comes out of the printer."""

    width_pt: float
    height_pt: float
    placements: tuple[Placement, ...]
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Grid:
    """Cards abutting in columns and rows (one cut between two cards), centred on the paper."""

    columns: int
    rows: int
    turned: bool
    cell_width: float
    cell_height: float
    left: float
    top: float

    @property
    def count(self) -> int:
        return self.columns * self.rows


def same_size(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < SAME_SIZE_PT and abs(a[1] - b[1]) < SAME_SIZE_PT


def grid_for(card: tuple[float, float], paper: tuple[float, float]) -> Grid:
    """The most cards of one size that fit the paper, upright unless turning fits more."""
    paper_w, paper_h = paper
    best: Grid | None = None
    for turned in (False, True):
        cell_w, cell_h = (card[1], card[0]) if turned else card
        # A hair of tolerance: two A6 cards (2 x 148 mm) fill an A4 page (297 mm) exactly.
        columns = int((paper_w + SAME_SIZE_PT) // cell_w)
        rows = int((paper_h + SAME_SIZE_PT) // cell_h)
        if columns < 1 or rows < 1:
            continue
        left = max(0.0, (paper_w - columns * cell_w) / 2)
        top = max(0.0, (paper_h - rows * cell_h) / 2)
        grid = Grid(columns, rows, turned, cell_w, cell_h, left, top)
        if best is None or grid.count > best.count:
            best = grid
    if best is None:
        raise DoesNotFitError(f"a {_describe(card)} sheet does not fit on {_describe(paper)} paper")
    return best


def _describe(size: tuple[float, float]) -> str:
    width, height = (round(side / 72 * 25.4) for side in size)
    return f"{width} × {height} mm"


def own_paper_pages(sizes: Sequence[tuple[float, float]]) -> list[ImposedPage]:
    """Each sheet on a page of its own size."""
    return [ImposedPage(w, h, (Placement(index, 0.0, 0.0),)) for index, (w, h) in enumerate(sizes)]


def crop_mark_pages(
    sizes: Sequence[tuple[float, float]], paper: tuple[float, float]
) -> list[ImposedPage]:
    """Each sheet at true size, centred on the paper, with crop marks at its corners."""
    pages = []
    for index, size in enumerate(sizes):
        grid = _single(size, paper)
        placement = Placement(index, grid.left, grid.top, grid.turned)
        pages.append(ImposedPage(paper[0], paper[1], (placement,), cut_marks(grid, paper)))
    return pages


def _single(size: tuple[float, float], paper: tuple[float, float]) -> Grid:
    """One sheet centred on the paper: upright where it fits, else turned."""
    for turned in (False, True):
        width, height = (size[1], size[0]) if turned else size
        if width <= paper[0] + SAME_SIZE_PT and height <= paper[1] + SAME_SIZE_PT:
            left = max(0.0, (paper[0] - width) / 2)
            top = max(0.0, (paper[1] - height) / 2)
            return Grid(1, 1, turned, width, height, left, top)
    raise DoesNotFitError(f"a {_describe(size)} sheet does not fit on {_describe(paper)} paper")


def several_per_page(
    sizes: Sequence[tuple[float, float]], paper: tuple[float, float]
) -> list[ImposedPage]:
    """As many sheets as fit on each page, in reading order; a new size starts a new page."""
    pages: list[ImposedPage] = []
    index = 0
    while index < len(sizes):
        size = sizes[index]
        grid = grid_for(size, paper)
        placements = []
        for slot in range(grid.count):
            if index >= len(sizes) or not same_size(sizes[index], size):
                break
            row, column = divmod(slot, grid.columns)
            placements.append(
                Placement(
                    index,
                    grid.left + column * grid.cell_width,
                    grid.top + row * grid.cell_height,
                    grid.turned,
                )
            )
            index += 1
        used = Grid(
            grid.columns,
            -(-len(placements) // grid.columns),
            grid.turned,
            grid.cell_width,
            grid.cell_height,
            grid.left,
            grid.top,
        )
        pages.append(ImposedPage(paper[0], paper[1], tuple(placements), cut_marks(used, paper)))
    return pages


def cut_marks(grid: Grid, paper: tuple[float, float]) -> tuple[Mark, ...]:
    """Marks at both ends of every line to cut along: outside the cards where there is room.

    Where the cards come within a few millimetres of the paper's edge the mark is drawn along
    the cut line itself, so the cut takes it away. A line on the paper's edge needs no cut.
    """
    paper_w, paper_h = paper
    left, top = grid.left, grid.top
    right = left + grid.columns * grid.cell_width
    bottom = top + grid.rows * grid.cell_height
    marks: list[Mark] = []
    for column in range(grid.columns + 1):
        x = left + column * grid.cell_width
        if x < SAME_SIZE_PT or x > paper_w - SAME_SIZE_PT:
            continue
        marks.append(_vertical(x, top, -1.0))
        marks.append(_vertical(x, bottom, 1.0, paper_h))
    for row in range(grid.rows + 1):
        y = top + row * grid.cell_height
        if y < SAME_SIZE_PT or y > paper_h - SAME_SIZE_PT:
            continue
        marks.append(_horizontal(y, left, -1.0))
        marks.append(_horizontal(y, right, 1.0, paper_w))
    return tuple(marks)


def _vertical(x: float, edge: float, outward: float, paper_h: float = 0.0) -> Mark:
    room = edge if outward < 0 else paper_h - edge
    start, length = _span(room)
    if start is None:
        # Along the cut, into the cards.
        return Mark(x, edge, x, edge - outward * length)
    return Mark(x, edge + outward * start, x, edge + outward * (start + length))


def _horizontal(y: float, edge: float, outward: float, paper_w: float = 0.0) -> Mark:
    room = edge if outward < 0 else paper_w - edge
    start, length = _span(room)
    if start is None:
        return Mark(edge, y, edge - outward * length, y)
    return Mark(edge + outward * start, y, edge + outward * (start + length), y)


def _span(room: float) -> tuple[float | None, float]:
    """Where a mark starts beside the cards and how long it is; None: along the cut line."""
    if room < _MARK_ROOM:
        return None, _MARK_LENGTH + _MARK_ROOM
    return _MARK_GAP, min(_MARK_LENGTH, room - _MARK_GAP)


def parse_page_ranges(text: str) -> frozenset[int]:
    """``"1-3,5"`` as page numbers; raises ValueError with the part that is wrong."""
    pages: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        first, _dash, last = part.partition("-")
        try:
            low = int(first)
            high = int(last) if last else low
        except ValueError:
            raise ValueError(f"{part!r} is not a page or a range like 2-4") from None
        if low < 1 or high < low:
            raise ValueError(f"{part!r} is not a page or a range like 2-4")
        pages.update(range(low, high + 1))
    if not pages:
        raise ValueError(f"{text!r} names no page")
    return frozenset(pages)
