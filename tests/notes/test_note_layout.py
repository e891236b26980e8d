"""The note layout: repeatable, varied like a hand, fitted to the card, overflow reported."""

from __future__ import annotations

import statistics

import pytest
from note_samples import SAMPLE_TEXT, sample_job

from followup_desktop.notes.fonts import bundled_font_families
from followup_desktop.notes.layout import GlyphMark
from followup_desktop.notes.print_set import NotPrintableError, check_printable
from followup_desktop.notes.sheets import CARD_SIZES, layout_note


def _positions(marks: list[GlyphMark]) -> list[tuple[float, ...]]:
    return [(m.glyph, m.x, m.y, m.angle, m.scale, m.shade) for m in marks]


def test_three_handwriting_fonts_are_bundled_and_registered() -> None:
    families = bundled_font_families()
    assert {"Breip", "Kristi", "Dancing Script"} <= set(families)


@pytest.mark.parametrize("font", ["Breip", "Kristi", "Dancing Script"])
def test_same_seed_gives_the_same_glyph_positions(font: str) -> None:
    first = layout_note(sample_job(font=font))
    second = layout_note(sample_job(font=font))
    assert len(first.marks) > 300
    assert _positions(first.marks) == _positions(second.marks)


def test_another_seed_writes_the_note_differently() -> None:
    first = layout_note(sample_job(seed=3))
    second = layout_note(sample_job(seed=4))
    assert [m.glyph for m in first.marks] == [m.glyph for m in second.marks]
    assert _positions(first.marks) != _positions(second.marks)


def _word_shapes(marks: list[GlyphMark], word: str) -> list[list[tuple[float, float, float]]]:
    """For each occurrence of ``word``: each glyph's offset from the word's first glyph."""
    chars = "".join(m.char for m in marks)
    shapes = []
    start = chars.find(word)
    while start >= 0:
        run = marks[start : start + len(word)]
        head = run[0]
        shapes.append([(m.x - head.x, m.y - head.y, m.angle) for m in run])
        start = chars.find(word, start + 1)
    return shapes


def test_a_repeated_word_is_never_drawn_the_same() -> None:
    sheet = layout_note(sample_job(text="Dear Sam,\n\nthank you, thank you, thank you again."))
    shapes = _word_shapes(sheet.marks, "thank")
    assert len(shapes) == 3
    for index, shape in enumerate(shapes):
        for other in shapes[index + 1 :]:
            assert shape != other
            # ...yet still the same word: the glyphs stay within a small fraction of their places.
            assert all(abs(a[0] - b[0]) < sheet.x_height for a, b in zip(shape, other, strict=True))


def test_neatness_goes_from_tidy_to_loose() -> None:
    tidy = layout_note(sample_job(neatness=1.0))
    loose = layout_note(sample_job(neatness=0.0))
    assert statistics.pstdev(m.angle for m in tidy.marks) < statistics.pstdev(
        m.angle for m in loose.marks
    )
    assert statistics.pstdev(m.scale for m in tidy.marks) < statistics.pstdev(
        m.scale for m in loose.marks
    )


def test_lines_drift_and_wander_rather_than_sit_on_a_ruler() -> None:
    sheet = layout_note(sample_job())
    first_line_ys = [m.y for m in sheet.marks[6:40]]  # the body's first line
    assert max(first_line_ys) - min(first_line_ys) > 0.05 * sheet.x_height


def test_short_text_gets_the_largest_size_and_longer_text_a_smaller_one() -> None:
    short = layout_note(sample_job(text="Dear Sam,\n\nThank you!\n\nBest,\nJordan"))
    assert short.x_height == pytest.approx(CARD_SIZES.largest)
    longer = layout_note(sample_job())
    assert CARD_SIZES.smallest <= longer.x_height < CARD_SIZES.largest
    assert longer.overflow is None


def test_every_glyph_stays_inside_the_card() -> None:
    sheet = layout_note(sample_job())
    assert all(0 < m.x < sheet.width_pt and 0 < m.y < sheet.height_pt for m in sheet.marks)


def test_a_long_text_on_a6_reports_its_overflow_and_is_refused_for_print() -> None:
    job = sample_job(text=SAMPLE_TEXT + ("\n\nAnd one more paragraph of news. " * 12))
    sheet = layout_note(job)
    assert sheet.overflow is not None
    assert sheet.overflow.words > 10
    drawn = "".join(m.char for m in sheet.marks)
    assert len(drawn) < len(job.text.replace(" ", "").replace("\n", ""))
    with pytest.raises(NotPrintableError, match="does not fit on A6"):
        check_printable(job)
    # The same text fits a larger card.
    assert layout_note(job.__class__(**{**job.__dict__, "paper": "A5"})).overflow is None


def test_unfilled_slots_are_refused_for_print() -> None:
    job = sample_job(text="Dear {first_name},\n\nThank you.\n\nBest,\nJordan")
    with pytest.raises(NotPrintableError, match=r"\{first_name\}"):
        check_printable(job)


def test_folded_card_writes_on_the_inside_right_panel() -> None:
    sheet = layout_note(sample_job(folded=True))
    assert min(m.x for m in sheet.marks) > sheet.width_pt / 2


def test_letter_page_carries_the_sender_block_and_date() -> None:
    sheet = layout_note(sample_job(paper="letter", channel="letter", include_contact=True))
    drawn = "".join(m.char for m in sheet.marks)
    assert "jordan.rivera@example.com" in drawn
    assert "1180AlderStreet" in drawn.replace(",", "")
    assert "107MarketSt" in drawn


def test_card_contact_block_is_optional() -> None:
    without = "".join(m.char for m in layout_note(sample_job()).marks)
    with_block = "".join(m.char for m in layout_note(sample_job(include_contact=True)).marks)
    assert "jordan.rivera@example.com" not in without
    assert "jordan.rivera@example.com" in with_block


def _height_of(marks: list[GlyphMark], text: str) -> float:
    """How far apart the highest and lowest glyphs of ``text`` sit (one line: a few points)."""
    chars = "".join(m.char for m in marks)
    letters = text.replace(" ", "")
    start = chars.rfind(letters)
    assert start >= 0, text
    ys = [m.y for m in marks[start : start + len(letters)]]
    return max(ys) - min(ys)


@pytest.mark.parametrize("paper", ["A6", "4x6"])
def test_a_long_name_is_signed_on_one_line_under_an_aligned_closing(paper: str) -> None:
    name = "Jordan Rivera"
    text = f"Dear Sam,\n\nThank you for your time.\n\nWarm regards,\n{name}"
    sheet = layout_note(sample_job(text=text, paper=paper, sender_name=name))
    assert _height_of(sheet.marks, name) < 0.5 * sheet.x_height * 2.5  # one line, not two
    chars = "".join(m.char for m in sheet.marks)
    closing_x = sheet.marks[chars.rfind("Warm")].x
    name_x = sheet.marks[chars.rfind("Jordan")].x
    assert abs(closing_x - name_x) < 12  # the two move left together
    short = layout_note(sample_job(text="Dear Sam,\n\nThanks.\n\nBest,\nJo", paper=paper))
    short_chars = "".join(m.char for m in short.marks)
    # A short sign-off keeps its place right of centre.
    assert short.marks[short_chars.rfind("Best")].x > closing_x
