"""The composer's Print… as a person uses it: the real print dialog, a real CUPS queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QRadioButton, QSpinBox
from pytestqt.logging import Record
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import Contact, FollowUp, Interaction
from followup_desktop.notes.paper import CARD_SIZES, ENVELOPE_SIZES, NO_ENVELOPE, mm_to_pt
from followup_desktop.ui.composer import printing
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.main_window import MainWindow
from tests.printing.cups_queue import pages_of, text_of, wait_for_files
from tests.ui.conftest import window  # noqa: F401  (the main window fixture)

pytestmark = pytest.mark.slow

_TOLERANCE_PT = 1.6


def _note_follow_up() -> FollowUp:
    interview = (
        Interaction.select()
        .where((Interaction.kind == "interview") & Interaction.contact.is_null(False))
        .order_by(Interaction.id)
        .first()
    )
    assert interview is not None
    return FollowUp.create(
        application=interview.application_id,
        contact=interview.contact_id,
        due_on=dt.date.today(),
        channel="note",
        reason="thank_you",
    )


@pytest.fixture
def composer(window: MainWindow, token: str) -> ComposerArea:  # noqa: F811
    """A thank-you note open; its recipient is named with the token, which titles the jobs."""
    area = window.show_area("composer")
    assert isinstance(area, ComposerArea)
    follow_up = _note_follow_up()
    Contact.update(last_name=token).where(Contact.id == follow_up.contact_id).execute()
    area.open_follow_up(follow_up.id)
    return area


def _choose(composer: ComposerArea, paper: str, envelope: str = "") -> None:
    options = composer.options
    options.paper.setCurrentIndex(options.paper.findData(paper))
    options.envelope.setCurrentIndex(options.envelope.findData(envelope))


def _in_dialog(
    queue: str, token: str, fill: Callable[[QDialog], None] = lambda _dialog: None
) -> Callable[[QDialog], bool]:
    """Stands in for the user: picks the queue in the real dialog, fills it in, presses Print."""

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, QPrintDialog)
        dialog.show()
        printers = dialog.findChild(QComboBox, "printers")
        assert printers is not None
        printers.setCurrentIndex(printers.findText(queue))
        fill(dialog)
        dialog.accept()  # as the Print button does: the dialog sets the printer up from itself
        return True

    return run


def _size_is(pdf: Path, width_mm: float, height_mm: float) -> None:
    (page,) = pages_of(pdf)
    assert abs(page.width - mm_to_pt(width_mm)) < _TOLERANCE_PT, page
    assert abs(page.height - mm_to_pt(height_mm)) < _TOLERANCE_PT, page


def _print_warnings(records: list[Record]) -> list[str]:
    """Qt's warnings, less the offscreen platform's note that it cannot size windows."""
    return [
        record.message
        for record in records
        if record.type != QtMsgType.QtDebugMsg and "propagateSizeHints" not in record.message
    ]


def test_print_puts_the_card_on_its_paper_and_the_envelope_on_envelope_paper(
    composer: ComposerArea,
    cups_queue: str,
    token: str,
    monkeypatch: pytest.MonkeyPatch,
    qtlog: pytest.FixtureRequest,
) -> None:
    _choose(composer, "A5")
    monkeypatch.setattr(printing, "run_dialog", _in_dialog(cups_queue, token))
    composer.output.print_note()
    card_pdf, envelope_pdf = wait_for_files(token, 2)
    a5, c5 = CARD_SIZES["A5"], ENVELOPE_SIZES["C5"]
    _size_is(card_pdf, a5.width_mm, a5.height_mm)  # portrait, as the card
    _size_is(envelope_pdf, c5.height_mm, c5.width_mm)  # landscape, as addressed
    assert "Dear" in text_of(card_pdf)
    assert "envelope" in composer.status.text()
    assert _print_warnings(qtlog.records) == []  # type: ignore[attr-defined]


def test_pages_from_1_to_1_prints_the_card_alone(
    composer: ComposerArea, cups_queue: str, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(composer, "A6")

    def first_page_only(dialog: QDialog) -> None:
        dialog.findChild(QRadioButton, "printRange").setChecked(True)
        dialog.findChild(QSpinBox, "from").setValue(1)
        dialog.findChild(QSpinBox, "to").setValue(1)

    monkeypatch.setattr(printing, "run_dialog", _in_dialog(cups_queue, token, first_page_only))
    composer.output.print_note()
    files = wait_for_files(token, 1)
    assert len(files) == 1
    _size_is(files[0], 105.0, 148.0)


def test_a_typed_page_range_counts_over_card_and_envelope(
    composer: ComposerArea, cups_queue: str, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(composer, "A6")

    def second_page(dialog: QDialog) -> None:
        dialog.findChild(QRadioButton, "pagesRadioButton").setChecked(True)
        dialog.findChild(QLineEdit, "pagesLineEdit").setText("2")

    monkeypatch.setattr(printing, "run_dialog", _in_dialog(cups_queue, token, second_page))
    composer.output.print_note()
    files = wait_for_files(token, 1)
    assert len(files) == 1
    assert "Envelopes" in files[0].name
    c6 = ENVELOPE_SIZES["C6"]
    _size_is(files[0], c6.height_mm, c6.width_mm)


def test_no_envelope_prints_the_card_alone_and_copies_are_honoured(
    composer: ComposerArea, cups_queue: str, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(composer, "A6", NO_ENVELOPE)

    def two_copies(dialog: QDialog) -> None:
        dialog.findChild(QSpinBox, "copies").setValue(2)

    monkeypatch.setattr(printing, "run_dialog", _in_dialog(cups_queue, token, two_copies))
    composer.output.print_note()
    files = wait_for_files(token, 1)
    assert len(files) == 1
    pages = pages_of(files[0])
    assert len(pages) == 2
    assert all(abs(page.width - mm_to_pt(105.0)) < _TOLERANCE_PT for page in pages)
    assert "envelope" not in composer.status.text().lower()


def test_four_a6_cards_on_one_a4_sheet_with_cut_marks(
    composer: ComposerArea, cups_queue: str, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(composer, "A6", NO_ENVELOPE)

    def four_up(dialog: QDialog) -> None:
        dialog.findChild(QSpinBox, "copies").setValue(4)
        options = dialog.findChild(printing.CardPrintOptions)
        assert options is not None
        options.findChild(QRadioButton, "layout_n-up").setChecked(True)
        dialog.printer().setPageSize(printing.QPageSize(printing.QPageSize.PageSizeId.A4))

    monkeypatch.setattr(printing, "run_dialog", _in_dialog(cups_queue, token, four_up))
    composer.output.print_note()
    (sheet,) = wait_for_files(token, 1)
    (page,) = pages_of(sheet)
    assert (round(page.width), round(page.height)) == (595, 842)
    assert text_of(sheet).count("Dear") == 4


def test_file_print_preview_shows_each_job_on_its_own_paper(
    window: MainWindow,  # noqa: F811
    composer: ComposerArea,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    _choose(composer, "A2")
    composer.options.folded.setChecked(True)
    seen: list[tuple[str, int, float, float]] = []

    def look(dialog: QDialog) -> bool:
        assert isinstance(dialog, printing.NotePreviewDialog)
        dialog.resize(1024, 640)
        dialog.show()
        qtbot.waitExposed(dialog)
        for index in range(dialog.job_box.count()):
            dialog.job_box.setCurrentIndex(index)
            qtbot.wait(50)
            assert dialog.preview is not None
            full = dialog.printer().pageLayout().fullRect(QPageLayout.Unit.Point)
            seen.append(
                (
                    dialog.job_box.itemText(index),
                    dialog.preview.pageCount(),
                    full.width(),
                    full.height(),
                )
            )
        return False

    monkeypatch.setattr(printing, "run_dialog", look)
    window.print_preview_action.trigger()
    (card_job, card_pages, card_w, card_h), (envelope_job, envelope_pages, env_w, env_h) = seen
    assert "A2 flat sheet" in card_job and card_pages == 1
    assert abs(card_w - mm_to_pt(2 * 4.25 * 25.4)) < _TOLERANCE_PT  # the folded card, flat
    assert abs(card_h - mm_to_pt(5.5 * 25.4)) < _TOLERANCE_PT
    assert "envelope" in envelope_job and envelope_pages == 1
    assert env_w > env_h
