"""Real paper: note cards, letter pages and envelopes in millimetres, inches and points."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4


def mm_to_pt(mm: float) -> float:
    return mm / MM_PER_INCH * POINTS_PER_INCH


def inch_to_mm(inches: float) -> float:
    return inches * MM_PER_INCH


class PaperKind(Enum):
    CARD = "card"
    PAGE = "page"
    ENVELOPE = "envelope"


@dataclass(frozen=True)
class PaperSize:
    """A sheet as sold, in portrait (width ≤ height), with the margin a hand leaves on it."""

    key: str
    label: str
    width_mm: float
    height_mm: float
    kind: PaperKind
    margin_mm: float

    @property
    def width_pt(self) -> float:
        return mm_to_pt(self.width_mm)

    @property
    def height_pt(self) -> float:
        return mm_to_pt(self.height_mm)


def _card(key: str, label: str, width_mm: float, height_mm: float) -> PaperSize:
    return PaperSize(key, label, width_mm, height_mm, PaperKind.CARD, margin_mm=9.0)


def _inch_card(key: str, label: str, width_in: float, height_in: float) -> PaperSize:
    return _card(key, label, inch_to_mm(width_in), inch_to_mm(height_in))


#: Note cards by closed size; a folded card is printed on a sheet twice as wide.
CARD_SIZES: dict[str, PaperSize] = {
    size.key: size
    for size in (
        _card("A6", "A6 card (105 × 148 mm)", 105.0, 148.0),
        _card("A5", "A5 card (148 × 210 mm)", 148.0, 210.0),
        _inch_card("A2", "A2 card (4¼ × 5½ in)", 4.25, 5.5),
        _inch_card("5x7", "5 × 7 in card", 5.0, 7.0),
        _inch_card("4x6", "4 × 6 in card", 4.0, 6.0),
    )
}

#: Letter pages (a letter by post is a note on a larger page).
PAGE_SIZES: dict[str, PaperSize] = {
    "letter": PaperSize(
        "letter", "US Letter (8½ × 11 in)", inch_to_mm(8.5), inch_to_mm(11.0), PaperKind.PAGE, 22.0
    ),
    "A4": PaperSize("A4", "A4 (210 × 297 mm)", 210.0, 297.0, PaperKind.PAGE, 22.0),
}


def _envelope(key: str, label: str, width_mm: float, height_mm: float) -> PaperSize:
    return PaperSize(key, label, width_mm, height_mm, PaperKind.ENVELOPE, margin_mm=8.0)


#: Envelopes; they are addressed in landscape.
ENVELOPE_SIZES: dict[str, PaperSize] = {
    size.key: size
    for size in (
        _envelope("DL", "DL (110 × 220 mm)", 110.0, 220.0),
        _envelope("C6", "C6 (114 × 162 mm)", 114.0, 162.0),
        _envelope("C5", "C5 (162 × 229 mm)", 162.0, 229.0),
        _envelope("No10", "No. 10 (4⅛ × 9½ in)", inch_to_mm(4.125), inch_to_mm(9.5)),
        _envelope("A2", "A2 (4⅜ × 5¾ in)", inch_to_mm(4.375), inch_to_mm(5.75)),
        _envelope("A7", "A7 (5¼ × 7¼ in)", inch_to_mm(5.25), inch_to_mm(7.25)),
    )
}

#: The envelope choice that means none: the note is printed without an envelope.
NO_ENVELOPE = "none"

#: The envelope each card goes into by default.
ENVELOPE_FOR_CARD = {"A6": "C6", "A5": "C5", "A2": "A2", "5x7": "A7", "4x6": "A7"}
ENVELOPE_FOR_PAGE = {"letter": "No10", "A4": "DL"}


def note_paper(key: str) -> PaperSize:
    """A card or letter page by key; unknown keys raise KeyError naming the choices."""
    if key in CARD_SIZES:
        return CARD_SIZES[key]
    if key in PAGE_SIZES:
        return PAGE_SIZES[key]
    choices = ", ".join([*CARD_SIZES, *PAGE_SIZES])
    raise KeyError(f"unknown paper size {key!r}; choose one of {choices}")


def envelope_paper(key: str) -> PaperSize:
    if key in ENVELOPE_SIZES:
        return ENVELOPE_SIZES[key]
    raise KeyError(f"unknown envelope size {key!r}; choose one of {', '.join(ENVELOPE_SIZES)}")


def envelope_for(paper_key: str) -> PaperSize:
    """The envelope that fits a card or page size."""
    key = ENVELOPE_FOR_CARD.get(paper_key) or ENVELOPE_FOR_PAGE.get(paper_key) or "C6"
    return ENVELOPE_SIZES[key]


@dataclass(frozen=True)
class Rect:
    """A rectangle in points from the sheet's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class SheetSpec:
    """What is printed: the sheet's size in points and the area the hand may write in."""

    paper: PaperSize
    width_pt: float
    height_pt: float
    writable: Rect
    folded: bool = False
    landscape: bool = False

    @property
    def is_landscape_sheet(self) -> bool:
        return self.width_pt > self.height_pt


def note_sheet(
    paper: PaperSize,
    *,
    folded: bool = False,
    landscape: bool = False,
    margin_mm: float | None = None,
) -> SheetSpec:
    """The sheet for a note: a flat card or page, or a side-folded card written inside right."""
    card_w, card_h = paper.width_pt, paper.height_pt
    if landscape:
        card_w, card_h = card_h, card_w
    margin = mm_to_pt(paper.margin_mm if margin_mm is None else margin_mm)
    folded = folded and paper.kind is PaperKind.CARD
    sheet_w = card_w * 2 if folded else card_w
    panel_x = card_w if folded else 0.0
    writable = Rect(panel_x + margin, margin, card_w - 2 * margin, card_h - 2 * margin)
    return SheetSpec(paper, sheet_w, card_h, writable, folded=folded, landscape=landscape)


def envelope_sheet(paper: PaperSize) -> SheetSpec:
    """An envelope in landscape with its margin all round."""
    width, height = max(paper.width_pt, paper.height_pt), min(paper.width_pt, paper.height_pt)
    margin = mm_to_pt(paper.margin_mm)
    writable = Rect(margin, margin, width - 2 * margin, height - 2 * margin)
    return SheetSpec(paper, width, height, writable, landscape=True)
