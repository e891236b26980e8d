"""Counts read as words: no "1 new companies", no "2 page(s)"."""

from __future__ import annotations

import pytest

from followup_desktop.services.wording import counted


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "company", "1 company"),
        (2, "company", "2 companies"),
        (0, "note", "0 notes"),
        (1, "page", "1 page"),
        (1, "new company", "1 new company"),
        (3, "new company", "3 new companies"),
        (2, "match", "2 matches"),
        (1, "working day", "1 working day"),
        (5, "working day", "5 working days"),
        (20_000, "contact", "20,000 contacts"),
    ],
)
def test_counted(count: int, noun: str, expected: str) -> None:
    assert counted(count, noun) == expected
