"""How cards meet the paper a printer has: their own, true size with crop marks, or several."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPageSize

from followup_desktop.notes.imposition import (
    PrintLayout,
    grid_for,
    parse_page_ranges,
    several_per_page,
)
from followup_desktop.notes.paper import CARD_SIZES, PAGE_SIZES
from followup_desktop.notes.print_plan import CARDS, ENVELOPES, PrintRequest, plan_print
from followup_desktop.notes.printers import PrinterPapers
from followup_desktop.notes.sheets import layout_envelope, layout_note
from tests.notes.note_samples import sample_job

A4 = QPageSize(QPageSize.PageSizeId.A4)
LETTER = QPageSize(QPageSize.PageSizeId.Letter)


def _size(key: str) -> tuple[float, float]:
    paper = {**CARD_SIZES, **PAGE_SIZES}[key]
    return (paper.width_pt, paper.height_pt)


def test_four_a6_on_a4_and_two_4x6_on_letter() -> None:
    assert grid_for(_size("A6"), _size("A4")).count == 4
    assert grid_for(_size("4x6"), _size("letter")).count == 2
    pages = several_per_page([_size("A6")] * 5, _size("A4"))
    assert [len(page.placements) for page in pages] == [4, 1]
    assert pages[0].marks  # cut marks between and around the cards


def test_a_printer_without_the_cards_paper_gets_it_at_true_size_with_crop_marks() -> None:
    job = sample_job(paper="A6")
    request = PrintRequest([layout_note(job)], [layout_envelope(job)], "note")
    office = PrinterPapers("Office", (A4, LETTER), custom=False, default=A4)
    plan = plan_print(request, office)
    cards, envelopes = plan.jobs
    assert cards.kind == CARDS and envelopes.kind == ENVELOPES
    assert cards.page.size.isEquivalentTo(A4)
    (page,) = cards.pages
    assert page.marks and page.placements[0].x > 0  # centred, marked where to cut
    assert any("no paper for the A6" in note for note in plan.notes)


def test_a_printer_with_the_paper_prints_it_named_and_envelopes_as_their_own_job() -> None:
    job = sample_job(paper="A5")
    card, envelope = layout_note(job), layout_envelope(job)
    a5 = QPageSize(QPageSize.PageSizeId.A5)
    printer = PrinterPapers("Home", (A4, a5), custom=True, custom_range=(100, 1300), default=A4)
    plan = plan_print(PrintRequest([card], [envelope], "note", copies=3), printer)
    cards, envelopes = plan.jobs
    assert cards.page.size.isEquivalentTo(a5) and cards.copies == 3
    assert not cards.pages[0].marks
    assert [job.first_page for job in plan.jobs] == [1, 2]
    assert envelopes.page.size.size(QPageSize.Unit.Point).width() > 400  # landscape, custom


def test_copies_fill_the_sheet_when_several_cards_a_sheet_are_asked_for() -> None:
    card = layout_note(sample_job(paper="A6"))
    request = PrintRequest([card], [], "note", layout=PrintLayout.SEVERAL, copies=4)
    plan = plan_print(request, PrinterPapers("Office", (A4,), default=A4))
    (job,) = plan.jobs
    assert job.copies == 1 and len(job.pages) == 1 and len(job.pages[0].placements) == 4


@pytest.mark.parametrize("text", ["0", "3-1", "a", ""])
def test_a_wrong_page_range_is_refused_with_the_part_that_is_wrong(text: str) -> None:
    with pytest.raises(ValueError):
        parse_page_ranges(text)
    assert parse_page_ranges("1, 3-4") == frozenset({1, 3, 4})
