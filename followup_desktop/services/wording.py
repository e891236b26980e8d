"""Counts in words: "1 note", "2 notes", "1 company", never "note(s)"."""

from __future__ import annotations

#: Plurals that are not the noun plus "s".
_IRREGULAR = {
    "company": "companies",
    "new company": "new companies",
    "match": "matches",
    "working day": "working days",
}


def plural(noun: str, count: int) -> str:
    """``noun`` as it reads after ``count``."""
    if count == 1:
        return noun
    return _IRREGULAR.get(noun, noun + "s")


def counted(count: int, noun: str) -> str:
    """ "1 note", "3 notes", "0 companies", "20,000 contacts"."""
    return f"{count:,} {plural(noun, count)}"
