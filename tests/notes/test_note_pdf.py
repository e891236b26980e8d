"""PDF output: exact page sizes, embedded fonts, atomic writes, and the preview equals the print."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from note_samples import sample_job
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from followup_desktop.notes.paper import (
    CARD_SIZES,
    ENVELOPE_SIZES,
    PAGE_SIZES,
    mm_to_pt,
)
from followup_desktop.notes.pdf import PdfWriteError, write_pdf
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout, layout_envelope, layout_note

PAPER_CASES = [
    *[(key, False, False) for key in CARD_SIZES],
    *[(key, True, False) for key in CARD_SIZES],
    *[(key, False, True) for key in CARD_SIZES],
    *[(key, False, False) for key in PAGE_SIZES],
]


def _page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def test_every_paper_size_gives_its_exact_page_size(tmp_path: Path) -> None:
    sheets: list[SheetLayout] = []
    expected: list[tuple[float, float]] = []
    for key, folded, landscape in PAPER_CASES:
        paper = {**CARD_SIZES, **PAGE_SIZES}[key]
        sheets.append(layout_note(sample_job(paper=key, folded=folded, landscape=landscape)))
        width, height = mm_to_pt(paper.width_mm), mm_to_pt(paper.height_mm)
        if landscape:
            width, height = height, width
        expected.append((width * (2 if folded else 1), height))
    for key, paper in ENVELOPE_SIZES.items():
        sheets.append(layout_envelope(sample_job(), envelope=key))
        long_side = mm_to_pt(max(paper.width_mm, paper.height_mm))
        short_side = mm_to_pt(min(paper.width_mm, paper.height_mm))
        expected.append((long_side, short_side))
    target = tmp_path / "sizes.pdf"
    assert write_pdf(sheets, target) == len(sheets)
    measured = _page_sizes(target)
    assert len(measured) == len(expected)
    for (width, height), (want_w, want_h) in zip(measured, expected, strict=True):
        assert width == pytest.approx(want_w, abs=1.0)
        assert height == pytest.approx(want_h, abs=1.0)
    # Spot checks against the sizes printers know: A6 is 298 x 420 pt, US Letter 612 x 792 pt.
    assert measured[0] == (pytest.approx(297.6, abs=1), pytest.approx(419.5, abs=1))
    assert (612.0, 792.0) in measured


@pytest.mark.parametrize("font", ["Breip", "Kristi", "Dancing Script"])
def test_the_handwriting_font_is_embedded(tmp_path: Path, font: str) -> None:
    target = tmp_path / "note.pdf"
    write_pdf([layout_note(sample_job(font=font))], target)
    reader = PdfReader(target)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font_dict = ref.get_object()
        descendant = font_dict["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            embedded.append(str(font_dict["/BaseFont"]))
    assert embedded, "no embedded font"
    text = reader.pages[0].extract_text()
    assert "Amelia" in text
    assert "Northwind" in text


def test_a_failed_export_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "notes.pdf"
    target.write_bytes(b"old contents")
    sheets = [layout_note(sample_job()), layout_note(sample_job(seed=5))]
    with pytest.raises(PdfWriteError, match="cancelled"):
        write_pdf(sheets, target, progress=lambda done: done < 1)
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.pdf"]


def test_writing_into_a_missing_folder_fails_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(PdfWriteError, match="cannot write"):
        write_pdf([layout_note(sample_job())], tmp_path / "no" / "such" / "folder" / "x.pdf")


def _render_image(sheet: SheetLayout, dpi: int) -> QImage:
    image = QImage(
        round(sheet.width_pt / 72 * dpi),
        round(sheet.height_pt / 72 * dpi),
        QImage.Format.Format_Grayscale8,
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    render_sheet(
        painter, sheet, QRectF(0, 0, sheet.width_pt / 72 * dpi, sheet.height_pt / 72 * dpi)
    )
    painter.end()
    return image


def _ink_cells(image: QImage, width: int, height: int, cell: int) -> list[float]:
    """Mean ink (0 white .. 1 black) of each cell x cell square."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = gray.bytesPerLine()
    data = bytes(gray.constBits())
    cells = []
    for top in range(0, height - cell + 1, cell):
        for left in range(0, width - cell + 1, cell):
            total = 0
            for y in range(top, top + cell):
                row = y * stride
                total += sum(data[row + left : row + left + cell])
            cells.append(1.0 - total / (255.0 * cell * cell))
    return cells


def _compare(printed: QImage, preview: QImage) -> tuple[float, float]:
    """Mean cell difference relative to the mean ink, and the 99th percentile difference."""
    width = min(printed.width(), preview.width())
    height = min(printed.height(), preview.height())
    a = _ink_cells(printed, width, height, 4)
    b = _ink_cells(preview, width, height, 4)
    differences = sorted(abs(x - y) for x, y in zip(a, b, strict=True))
    ink = sum(b) / len(b)
    return sum(differences) / len(differences) / ink, differences[int(len(differences) * 0.99)]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not found")
@pytest.mark.parametrize("kind", ["card", "envelope"])
def test_preview_and_pdf_rasters_agree(tmp_path: Path, kind: str) -> None:
    job = sample_job()
    sheet = layout_note(job) if kind == "card" else layout_envelope(job)
    dpi = 60
    target = tmp_path / "note.pdf"
    write_pdf([sheet], target)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-gray",
            "-r",
            str(dpi),
            "-singlefile",
            str(target),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    printed = QImage(str(tmp_path / "page.png"))
    preview = _render_image(sheet, dpi)
    assert abs(printed.width() - preview.width()) <= 1
    assert abs(printed.height() - preview.height()) <= 1
    # Anti-aliasing differs between Qt and poppler; where the ink lies must not.
    relative, worst = _compare(printed, preview)
    assert relative < 0.4
    assert worst < 0.13
    # The measure does tell notes apart: the same note in another seed is far off.
    other = job.__class__(**{**job.__dict__, "seed": job.seed + 96})
    other_sheet = layout_note(other) if kind == "card" else layout_envelope(other)
    relative_other, _worst = _compare(printed, _render_image(other_sheet, dpi))
    assert relative_other > 0.5


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_pdfs_are_readable_by_the_user_alone(tmp_path: Path) -> None:
    """The composer's note and envelope, and the batch, all write through ``write_pdf``."""
    new, old = tmp_path / "note.pdf", tmp_path / "envelope.pdf"
    old.write_bytes(b"an older file readable by everyone")
    old.chmod(0o644)
    common = os.umask(0o022)
    try:
        write_pdf([layout_note(sample_job())], new)
        write_pdf([layout_envelope(sample_job())], old)
    finally:
        os.umask(common)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert PdfReader(old).pages and sorted(p.name for p in tmp_path.iterdir()) == [
        "envelope.pdf",
        "note.pdf",
    ]
