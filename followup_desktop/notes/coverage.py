"""Which hands can write a text: the letters each bundled hand would have to borrow."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from followup_desktop.notes.compose import letter_clusters
from followup_desktop.notes.fonts import bundled_font_families, handwriting_family
from followup_desktop.notes.letters import metrics_for
from followup_desktop.services.coach import HandLetters
from followup_desktop.services.letter_jobs import NoteJob


@dataclass(frozen=True)
class HandCoverage:
    """One hand against a text: the letters it cannot write (drawn by another font)."""

    family: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def distinct_letters(text: str) -> list[str]:
    """Each letter of ``text`` once, in order of first use (NFC, accents kept with their
    base); spaces are not letters."""
    seen: dict[str, None] = {}
    for word in unicodedata.normalize("NFC", text).split():
        for letter in letter_clusters(word):
            seen.setdefault(letter, None)
    return list(seen)


def letters_not_in_hand(family: str, text: str) -> tuple[str, ...]:
    """The letters of ``text`` that ``family`` can neither draw nor put together from its own
    glyphs, in order of first use."""
    metrics = metrics_for(family)
    return tuple(letter for letter in distinct_letters(text) if not metrics.letter(letter).in_hand)


def hand_coverage(text: str) -> list[HandCoverage]:
    """Every bundled hand against ``text``, in the order they are offered."""
    letters = distinct_letters(text)
    coverage = []
    for family in bundled_font_families():
        metrics = metrics_for(family)
        missing = tuple(letter for letter in letters if not metrics.letter(letter).in_hand)
        coverage.append(HandCoverage(family, missing))
    return coverage


def handwritten_text(job: NoteJob, *, envelope: bool) -> str:
    """Everything the hand writes for ``job``: the letter, the lines written with it and, when
    the envelope is addressed by hand, both addresses."""
    parts = [job.text]
    if job.channel == "letter":
        parts += [job.sender_name, *job.sender_address, *job.recipient_address]
    if job.include_contact:
        parts += job.contact_lines
    if envelope:
        parts += [*job.recipient_address, *job.return_address]
    return "\n".join(part for part in parts if part)


def hand_letters(font: str, coverage: list[HandCoverage]) -> HandLetters:
    """The hand chosen as ``font`` against the text ``coverage`` was made of, for the coach."""
    family = handwriting_family(font)
    own = [hand.missing for hand in coverage if hand.family == family]
    return HandLetters(
        family, own[0] if own else (), tuple(hand.family for hand in coverage if hand.complete)
    )
