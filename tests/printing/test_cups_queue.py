"""Notes printed through a real CUPS queue come out on the card's paper, as the preview shows."""

from __future__ import annotations

import re

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from followup_desktop.notes.print_plan import PrintRequest
from followup_desktop.notes.printing import print_request
from followup_desktop.notes.sheets import SheetLayout, layout_envelope, layout_note
from tests.notes.note_samples import sample_job
from tests.printing.cups_queue import PdfPage, pages_of, text_of, wait_for_files

#: pdfinfo rounds to whole points, and a driver may take a point off.
_TOLERANCE_PT = 1.6


def _printer(queue: str) -> QPrinter:
    return QPrinter(QPrinterInfo.printerInfo(queue), QPrinter.PrinterMode.HighResolution)


def _letters(text: str) -> str:
    """Only the letters and digits: line breaks and spacing differ between drawers."""
    return re.sub(r"[^0-9A-Za-z]", "", text)


def _assert_size(page: PdfPage, sheet: SheetLayout) -> None:
    assert abs(page.width - sheet.width_pt) < _TOLERANCE_PT, (page, sheet.width_pt)
    assert abs(page.height - sheet.height_pt) < _TOLERANCE_PT, (page, sheet.height_pt)


CARDS = [
    pytest.param({"paper": "A6"}, id="A6"),
    pytest.param({"paper": "A5"}, id="A5"),
    pytest.param({"paper": "5x7"}, id="5x7"),
    pytest.param({"paper": "A2", "folded": True}, id="A2-folded"),
    pytest.param({"paper": "letter"}, id="Letter"),
    pytest.param({"paper": "A6", "landscape": True}, id="A6-landscape"),
]


@pytest.mark.slow
@pytest.mark.parametrize("changes", CARDS)
def test_card_and_envelope_each_come_out_on_their_own_paper(
    cups_queue: str, token: str, changes: dict[str, object]
) -> None:
    job = sample_job(**changes)
    card, envelope = layout_note(job), layout_envelope(job)
    request = PrintRequest([card], [envelope], f"{token} note")
    outcome = print_request(_printer(cups_queue), request)
    assert outcome.pages == 2
    card_pdf, envelope_pdf = wait_for_files(token, 2)
    (card_page,) = pages_of(card_pdf)
    _assert_size(card_page, card)
    assert card_page.landscape == (card.width_pt > card.height_pt)
    (envelope_page,) = pages_of(envelope_pdf)
    _assert_size(envelope_page, envelope)
    assert envelope_page.landscape
    # The text the queue printed is the text the preview draws, letter for letter.
    preview_text = "".join(mark.char for mark in card.marks)
    assert _letters(text_of(card_pdf)) == _letters(preview_text)
    assert _letters(text_of(envelope_pdf)) == _letters("".join(m.char for m in envelope.marks))
