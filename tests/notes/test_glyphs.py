"""Every letter in the hand: accented names drawn by the chosen hand in the preview, the PDF and
on the envelope, never by a plain font; letters a hand lacks put together from its own glyphs."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from note_samples import sample_job
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from followup_desktop.notes.coverage import hand_coverage, letters_not_in_hand
from followup_desktop.notes.fonts import bundled_font_families, new_raw_font
from followup_desktop.notes.hand_glyphs import HandGlyphs
from followup_desktop.notes.layout import Hand, SizeRange, TextBlock, layout_frame
from followup_desktop.notes.letters import Source, metrics_for
from followup_desktop.notes.paper import Rect
from followup_desktop.notes.pdf import write_pdf
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout, layout_envelope, layout_note

HANDS = ["Breip", "Dancing Script", "Kaushan Script", "Kristi"]

#: Names and words in German, French, Polish, Czech, and a little more of Europe.
ACCENTED = (
    "Dear Renée,\n\n"
    "Straße, Zürich, Ça va, Łódź, Příliš, Şişli, Brașov. Grüße aus Köln, où l’été est "
    "déjà là: façade, naïve, cœur, Noël. Zażółć gęślą jaźń; Źdźbło, Śląsk, Ćma. Příliš "
    "žluťoučký kůň úpěl ďábelské ódy, Ďáblice, Ťapka, Ňadra, Ůvaly. Őrség, Győr, Ülkü, "
    "Ağrı, Țară, Øre, Ångström, Ñandú. “Quotes” – dash — and… €5 • done.\n\n"
    "Mit herzlichen Grüßen,\nJosé Nuñez"
)
ADDRESS = ("Zofia Wąsowicz", "ul. Żółkiewskiego 12", "90-001 Łódź", "Polska")

#: Latin-1, Latin Extended-A and the punctuation people type.
REQUIRED = [
    chr(code)
    for code in range(0xA0, 0x180)
    if unicodedata.category(chr(code))[0] in "LPSN" and chr(code) != "\u00ad"
] + list("’‘“”„–—…€•șțȘȚ")
#: Letters of Sami and Greenlandic that only Kaushan Script writes: borrowed by the others.
ONLY_IN_KAUSHAN = {"Ŋ", "ŋ"}


def _job(font: str, **changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "text": ACCENTED,
        "font": font,
        "paper": "A5",
        "recipient_address": ADDRESS,
    }
    values.update(changes)
    return sample_job(**values)


def _hand_only(sheet: SheetLayout) -> SheetLayout:
    """``sheet`` without any glyph of a font that is not a bundled hand."""
    hands = set(bundled_font_families())
    marks = [mark for mark in sheet.marks if sheet.fonts[mark.font].family in hands]
    return replace(sheet, marks=marks)


def _image(sheet: SheetLayout, dpi: int) -> QImage:
    image = QImage(
        round(sheet.width_pt / 72 * dpi),
        round(sheet.height_pt / 72 * dpi),
        QImage.Format.Format_Grayscale8,
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    render_sheet(painter, sheet, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def _ink(image: QImage) -> int:
    """How many pixels carry ink."""
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    return sum(
        1
        for y in range(image.height())
        for value in data[y * stride : y * stride + image.width()]
        if value < 200
    )


def _ink_outside(printed: QImage, hand: QImage, reach: int = 2) -> int:
    """Dark pixels of ``printed`` with no ink of ``hand`` within ``reach`` pixels: ink that the
    hands did not put there (anti-aliasing differs between poppler and Qt by a pixel)."""
    width, height = min(printed.width(), hand.width()), min(printed.height(), hand.height())
    data_p, data_h = bytes(printed.constBits()), bytes(hand.constBits())
    stride_p, stride_h = printed.bytesPerLine(), hand.bytesPerLine()
    outside = 0
    for y in range(height):
        for x in range(width):
            if data_p[y * stride_p + x] >= 128:
                continue
            near = any(
                data_h[yy * stride_h + xx] < 224
                for yy in range(max(0, y - reach), min(height, y + reach + 1))
                for xx in range(max(0, x - reach), min(width, x + reach + 1))
            )
            outside += not near
    return outside


def _difference(a: QImage, b: QImage) -> int:
    """Pixels that differ by more than anti-aliasing would."""
    width, height = min(a.width(), b.width()), min(a.height(), b.height())
    data_a, data_b = bytes(a.constBits()), bytes(b.constBits())
    stride_a, stride_b = a.bytesPerLine(), b.bytesPerLine()
    return sum(
        1
        for y in range(height)
        for x in range(width)
        if abs(data_a[y * stride_a + x] - data_b[y * stride_b + x]) > 96
    )


def test_the_hands_own_accented_letters_are_found() -> None:
    # The fonts have é ü ß ç; asking for them by a one-letter string found none of them.
    for family in ("Breip", "Dancing Script", "Kristi"):
        glyphs = HandGlyphs(new_raw_font(family, 1000.0), 0)
        for char in "éüßçñøå":
            assert glyphs.glyph(char) is not None, (family, char)
            assert metrics_for(family).letter(char).source is Source.HAND


@pytest.mark.parametrize("family", HANDS)
def test_every_latin_letter_and_typed_punctuation_is_in_the_hand(family: str) -> None:
    assert family in bundled_font_families()
    metrics = metrics_for(family)
    outside = {char for char in REQUIRED if not metrics.letter(char).in_hand}
    if family == "Kaushan Script":
        # The hand that covers Latin Extended-A by itself.
        assert outside == set()
        native = [char for char in REQUIRED if metrics.letter(char).source is Source.HAND]
        assert set(REQUIRED) - set(native) <= {"ſ"}
    else:
        assert outside <= ONLY_IN_KAUSHAN
    for char in ONLY_IN_KAUSHAN & outside:
        # Borrowed from the closest hand, never the plain font.
        letter = metrics.letter(char)
        assert letter.source is Source.OTHER_HAND
        assert letter.family == "Kaushan Script"


def test_a_letter_the_hand_lacks_is_its_base_and_accent_both_varied() -> None:
    # Breip has r and a circumflex but no ř: the caron is its circumflex turned over.
    letter = metrics_for("Breip").letter("ř")
    assert letter.source is Source.COMPOSED
    assert len(letter.pieces) == 2
    assert {piece.font_slot for piece in letter.pieces} == {0}
    frame = Rect(0, 0, 400, 100)
    sizes = SizeRange(6, 6)
    marks = []
    for seed in (1, 2, 3):
        placed = layout_frame([TextBlock("ř ř")], Hand("Breip", 0.2, seed), frame, sizes).marks
        assert len(placed) == 4
        marks.append(placed)
    for placed in marks:
        base, accent, _base_2, accent_2 = placed
        assert base.char == "ř" and accent.char == ""
        assert base.font == accent.font == 0
        # Each accent has a turn and size of its own, not its letter's ...
        assert (base.angle, base.scale) != (accent.angle, accent.scale)
        assert (accent.angle, accent.scale) != (accent_2.angle, accent_2.scale)
        # ... and sits over its letter.
        assert abs(accent.x - base.x) < 6
        assert accent.y < base.y
    # Another seed moves the letter and its accent alike.
    assert marks[0][1].angle != marks[1][1].angle


def test_coverage_names_the_hands_with_every_letter() -> None:
    coverage = {hand.family: hand for hand in hand_coverage("Łódź, Příliš, Ŋuolo")}
    assert coverage["Kaushan Script"].complete
    assert coverage["Breip"].missing == ("Ŋ",)
    assert letters_not_in_hand("Kristi", "Ŋuolo ŋ ŋ") == ("Ŋ", "ŋ")
    assert letters_not_in_hand("Breip", "Zażółć gęślą jaźń") == ()


@pytest.mark.parametrize("family", HANDS)
def test_the_preview_draws_accented_names_in_the_hand_alone(family: str) -> None:
    job = _job(family)
    for sheet in (layout_note(job), layout_envelope(job)):
        assert sheet.overflow is None
        # Every glyph is drawn by a bundled hand ...
        assert {sheet.fonts[mark.font].family for mark in sheet.marks} == {family}
        # ... and what the preview paints is exactly what the hands paint.
        full, hand = _image(sheet, 50), _image(_hand_only(sheet), 50)
        assert _ink(full) > 1000
        assert _difference(full, hand) == 0


def _pdf_font_names(pdf: Path) -> set[str]:
    listing = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not found")
@pytest.mark.parametrize("family", HANDS)
def test_a_pdf_in_german_french_polish_and_czech_embeds_only_the_hand(
    tmp_path: Path, family: str
) -> None:
    plain = sample_job(font=family)
    write_pdf([layout_note(plain)], tmp_path / "plain.pdf")
    hand_names = _pdf_font_names(tmp_path / "plain.pdf")
    assert len(hand_names) == 1
    job = _job(family)
    write_pdf([layout_note(job), layout_envelope(job)], tmp_path / "note.pdf")
    assert _pdf_font_names(tmp_path / "note.pdf") == hand_names


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not found")
@pytest.mark.parametrize("family", ["Breip", "Kristi"])
def test_the_pdf_raster_holds_no_glyph_outside_the_hand(tmp_path: Path, family: str) -> None:
    job = _job(family)
    dpi = 50
    for kind, sheet in (("card", layout_note(job)), ("envelope", layout_envelope(job))):
        target = tmp_path / f"{kind}.pdf"
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
                str(tmp_path / kind),
            ],
            check=True,
            timeout=60,
        )
        printed = QImage(str(tmp_path / f"{kind}.png")).convertToFormat(
            QImage.Format.Format_Grayscale8
        )
        hand = _image(_hand_only(sheet), dpi)
        # Where the printed page has ink, the hands alone have ink too (a pixel or two of
        # anti-aliasing apart): a letter in another font would be ink the hands lack.
        assert _ink(printed) > 1000
        assert _ink_outside(printed, hand) == 0
