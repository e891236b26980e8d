"""The margin round the writing: the paper's own by default, or one the user chooses."""

from __future__ import annotations

import pytest
from note_samples import sample_job

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Letter, Setting
from followup_desktop.notes.paper import mm_to_pt, note_paper
from followup_desktop.notes.sheets import layout_note
from followup_desktop.services.letter_jobs import job_for_letter
from followup_desktop.services.settings import NOTE_MARGIN, note_margin_mm, set_note_margin_mm


def _ink_box(paper: str, margin_mm: float | None) -> tuple[float, float, float]:
    sheet = layout_note(sample_job(paper=paper, margin_mm=margin_mm))
    return (
        min(m.x for m in sheet.marks),
        max(m.x for m in sheet.marks),
        min(m.y for m in sheet.marks),
    )


@pytest.mark.parametrize("paper", ["A6", "letter"])
def test_a_wider_margin_keeps_the_writing_further_from_the_edges(paper: str) -> None:
    left, right, top = _ink_box(paper, 20.0)
    wobble = 2.0  # points: a line may start a little left, as a hand does
    assert left >= mm_to_pt(20.0) - wobble
    assert top >= mm_to_pt(20.0)
    assert right <= note_paper(paper).width_pt - mm_to_pt(20.0)
    own_left, _own_right, _own_top = _ink_box(paper, None)
    narrow_left, _narrow_right, _narrow_top = _ink_box(paper, 5.0)
    assert narrow_left < own_left  # both papers have a wider margin of their own


def test_the_chosen_margin_is_kept_and_used_for_stored_letters(store: StoreInfo) -> None:
    assert note_margin_mm() is None
    letter = Letter.create(channel="note", body="Dear Sam,\n\nThanks.\n\nBest,\nJo")
    assert job_for_letter(letter).margin_mm is None
    set_note_margin_mm(12.0)
    assert note_margin_mm() == 12.0
    assert job_for_letter(letter).margin_mm == 12.0
    set_note_margin_mm(None)
    assert note_margin_mm() is None


def test_a_margin_that_is_not_offered_is_refused(store: StoreInfo) -> None:
    with pytest.raises(ValueError, match="a margin of 1 mm is not offered"):
        set_note_margin_mm(1.0)
    assert note_margin_mm() is None


def test_a_damaged_stored_margin_falls_back_to_the_paper(store: StoreInfo) -> None:
    Setting.create(key=NOTE_MARGIN, value="wide")
    assert note_margin_mm() is None
