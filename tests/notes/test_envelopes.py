"""Envelopes: the recipient's and the return address on their lines, a missing one asked for."""

from __future__ import annotations

import pytest
from note_samples import sample_job

from followup_desktop.notes.layout import GlyphMark
from followup_desktop.notes.paper import ENVELOPE_SIZES
from followup_desktop.notes.sheets import MissingAddressError, layout_envelope


def _lines(marks: list[GlyphMark], tolerance: float) -> list[str]:
    """Group glyphs into written lines by their baseline, top to bottom."""
    rows: list[list[GlyphMark]] = []
    for mark in sorted(marks, key=lambda m: (m.y, m.x)):
        if rows and abs(rows[-1][-1].y - mark.y) < tolerance:
            rows[-1].append(mark)
        else:
            rows.append([mark])
    return ["".join(m.char for m in sorted(row, key=lambda m: m.x)) for row in rows]


@pytest.mark.parametrize("size", list(ENVELOPE_SIZES))
def test_envelope_has_return_address_top_left_and_recipient_right_of_centre(size: str) -> None:
    sheet = layout_envelope(sample_job(), envelope=size)
    assert sheet.overflow is None
    assert sheet.width_pt > sheet.height_pt
    left = [m for m in sheet.marks if m.y < sheet.height_pt * 0.4]
    right = [m for m in sheet.marks if m not in left]
    assert _lines(left, 3.0) == ["JordanRivera", "1180AlderStreet,Apt4", "Springfield,IL62704"]
    assert _lines(right, sheet.x_height) == [
        "AmeliaBerg",
        "NorthwindAnalytics",
        "107MarketSt",
        "Springfield,IL62701",
    ]
    assert min(m.x for m in right) > sheet.width_pt * 0.3
    assert min(m.y for m in right) > sheet.height_pt * 0.35


def test_plain_envelope_is_written_straight() -> None:
    sheet = layout_envelope(sample_job(), plain=True)
    assert {m.angle for m in sheet.marks} == {0.0}
    assert {m.scale for m in sheet.marks} == {1.0}


def test_missing_recipient_address_is_asked_for() -> None:
    with pytest.raises(MissingAddressError, match="no recipient address for Amelia Berg"):
        layout_envelope(sample_job(recipient_address=()))


def test_missing_return_address_is_asked_for() -> None:
    with pytest.raises(MissingAddressError, match="no return address"):
        layout_envelope(sample_job(sender_address=()))
