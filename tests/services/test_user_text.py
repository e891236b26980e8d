"""User text inside the app's sentences: isolated, balanced and cut without reordering them."""

from __future__ import annotations

import sys
import unicodedata

from data_safety.bidi_tools import LINE_SEPARATOR, leaks_into, open_at
from hypothesis import given
from hypothesis import strategies as st

from followup_desktop.services.user_text import (
    SHOWN_LIMIT,
    balanced,
    isolated,
    needs_isolation,
    shortened,
)

RLO = "\u202e"
REORDERING_CLASSES = {
    "R",
    "AL",
    "AN",
    "LRE",
    "RLE",
    "LRO",
    "RLO",
    "PDF",
    "LRI",
    "RLI",
    "FSI",
    "PDI",
}
#: Letters, digits, punctuation, marks of both directions and every explicit control.
HOSTILE_ALPHABET = "aZ1 .·-(שא٣\n\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_every_character_that_can_reorder_its_neighbours_is_isolated() -> None:
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.bidirectional(chr(code)) in REORDERING_CLASSES
        and not needs_isolation(chr(code))
    ]
    assert missed == []


def test_left_to_right_text_is_left_as_it_is() -> None:
    for text in ("Ann Lee", "Zoë 👩🏽‍💻 <b>x</b>", "Acme & Co. (Paris) 42", "", "Ä" * 5000):
        assert isolated(text) == text
        assert balanced(text) == text


def test_an_override_stays_inside_the_name() -> None:
    title = f"Thank-you: {isolated(RLO + 'Evil Override')} · Analyst\n✎ Handwritten note · today"
    assert RLO in title, "the user's own text keeps its override"
    assert leaks_into(title, " · Analyst") == []
    assert leaks_into(title, "✎ Handwritten note · today") == []
    unprotected = f"Thank-you: {RLO}Evil Override · Analyst\n✎ Handwritten note · today"
    assert leaks_into(unprotected, "✎ Handwritten note · today") == [RLO]


def test_a_stray_closing_mark_cannot_close_the_isolate_early() -> None:
    name = "Ann\u2069" + RLO + "Lee"
    composed = f"Call {isolated(name)} · today"
    assert leaks_into(composed, " · today") == []


@given(st.text(alphabet=HOSTILE_ALPHABET, max_size=40))
def test_isolated_text_leaves_nothing_open(text: str) -> None:
    composed = f"Follow-up: {isolated(text)} · Clerk\n✉ E-mail · today"
    assert leaks_into(composed, " · Clerk") == []
    assert leaks_into(composed, "✉ E-mail · today") == []
    assert open_at(balanced(text), len(balanced(text))) == []


@given(st.text(alphabet=HOSTILE_ALPHABET, max_size=60), st.integers(1, 60))
def test_shortened_text_is_cut_and_balanced(text: str, limit: int) -> None:
    short = shortened(text, limit)
    if len(text) <= limit:
        assert short == text
    else:
        assert short.endswith("…")
        assert open_at(short, len(short)) == []
        visible = [
            c for c in short if c not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        ]
        assert len(visible) <= limit


def test_paragraphs_are_isolated_each() -> None:
    text = RLO + "one\n" + RLO + "two"
    composed = isolated(text)
    assert composed.count("\u2068") == 2
    laid_out = f"{composed} · end".replace("\n", LINE_SEPARATOR)
    assert open_at(laid_out, laid_out.index(" · end")) == []


def test_a_megabyte_is_cut_to_what_a_sentence_shows_and_isolated_at_once() -> None:
    import time

    text = RLO + "ä" * 1_048_576
    started = time.perf_counter()
    for _ in range(100):  # a list repaints its rows often
        composed = isolated(text)
    assert time.perf_counter() - started < 0.2
    assert composed.startswith("\u2068" + RLO + "ää") and composed.endswith("\u202c…\u2069")
    assert len(composed) == SHOWN_LIMIT + 3


def test_breakable_lets_a_label_wrap_a_run_without_spaces() -> None:
    from followup_desktop.services.user_text import ZERO_WIDTH_SPACE, breakable

    assert breakable("Ann Lee of Acme & Co.") == "Ann Lee of Acme & Co."
    run = "A" * 95
    assert (
        breakable(f"at {run} now")
        == "at " + ZERO_WIDTH_SPACE.join(["A" * 30, "A" * 30, "A" * 30, "A" * 5]) + " now"
    )
    assert breakable(run).replace(ZERO_WIDTH_SPACE, "") == run
