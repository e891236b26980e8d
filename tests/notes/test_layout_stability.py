"""A seed keeps its note from one version to the next; the fast paths match the full ones."""

from __future__ import annotations

import threading

import pytest
from note_samples import SAMPLE_TEXT, sample_job
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from followup_desktop.notes.fonts import handwriting_family, raw_font
from followup_desktop.notes.layout import FrameText, Hand
from followup_desktop.notes.paper import note_paper, note_sheet
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout, layout_note, note_blocks

SHORT_NOTE = "Dear Sam,\n\nThank you, thank you.\n\nBest,\nJo"


def test_a_seed_draws_the_same_note_as_in_earlier_versions() -> None:
    # Written down from an earlier version: a saved draft must print as it was previewed.
    sheet = layout_note(sample_job(seed=5, text=SHORT_NOTE))
    drawn = [
        tuple(round(v, 6) if isinstance(v, float) else v for v in mark)
        for mark in (*sheet.marks[:3], *sheet.marks[-2:])
    ]
    assert drawn == [
        (0, 39, 26.941868, 116.493021, 2.499246, 0.966975, 0.176704, "D"),
        (0, 72, 39.492356, 116.025338, 0.999636, 0.98262, 0.152402, "e"),
        (0, 68, 50.174708, 114.974849, 0.254129, 1.000791, 0.002637, "a"),
        (1, 45, 141.093447, 211.957622, 2.04166, 1.003208, 0.083452, "J"),
        (1, 82, 156.127143, 211.513177, 1.644199, 0.977192, 0.169365, "o"),
    ]
    assert sheet.x_height == 7.6


@pytest.mark.parametrize("paper", ["A6", "A2", "letter"])
def test_the_size_search_needs_the_same_height_as_the_full_wrap(paper: str) -> None:
    job = sample_job(paper=paper, text=SAMPLE_TEXT + "\n\n" + SAMPLE_TEXT)
    sheet = note_sheet(note_paper(paper))
    text = FrameText(note_blocks(job, page=paper == "letter"), Hand(handwriting_family(""), 0.5))
    frame = sheet.writable
    for step in range(40):
        x_height = 3.0 + step * 0.17
        full = text.baselines(x_height, text.wrap(x_height, frame))[1]
        assert text.height_at(x_height, frame) == full


def test_each_thread_draws_with_its_own_font_objects() -> None:
    here = raw_font("Breip", 21.0)
    assert raw_font("Breip", 21.0) is here
    elsewhere: list[object] = []
    worker = threading.Thread(target=lambda: elsewhere.append(raw_font("Breip", 21.0)))
    worker.start()
    worker.join()
    assert elsewhere and elsewhere[0] is not here


def _drawn(sheet: SheetLayout, turned: bool) -> QImage:
    """The sheet at 90 dpi, drawn straight or through a painter turned a quarter."""
    scale = 90 / 72
    width, height = round(sheet.width_pt * scale), round(sheet.height_pt * scale)
    size = QSize(height, width) if turned else QSize(width, height)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    if turned:
        painter.translate(height, 0)
        painter.rotate(90)
    render_sheet(painter, sheet, QRectF(0, 0, width, height))
    painter.end()
    return image


def test_a_turned_painter_draws_the_same_note_turned() -> None:
    # Printers may hand over a rotated painter: that path multiplies the matrices in Qt.
    sheet = layout_note(sample_job())
    straight = _drawn(sheet, turned=False).transformed(QTransform().rotate(90))
    turned = _drawn(sheet, turned=True)
    assert straight.size() == turned.size()
    differing = sum(
        1
        for y in range(0, turned.height(), 2)
        for x in range(0, turned.width(), 2)
        if abs(QColor(straight.pixel(x, y)).lightness() - QColor(turned.pixel(x, y)).lightness())
        > 96
    )
    assert differing < 0.01 * (turned.width() * turned.height() / 4)
