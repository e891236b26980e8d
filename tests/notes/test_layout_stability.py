"""A seed keeps its note from one version to the next; the fast paths match the full ones."""

from __future__ import annotations

import threading

import pytest
from note_samples import SAMPLE_TEXT, sample_job

from followup_desktop.notes.fonts import handwriting_family, raw_font
from followup_desktop.notes.layout import FrameText, Hand
from followup_desktop.notes.paper import note_paper, note_sheet
from followup_desktop.notes.sheets import layout_note, note_blocks

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
