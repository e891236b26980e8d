"""The coach: each of the eight checks passes on a good draft and warns on a weak one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from followup_desktop.services.coach import DraftFacts, run_checks, word_count

GOOD = (
    "Dear Amelia,\n\nThank you for the interview about the Data Analyst role at Northwind. "
    "I enjoyed hearing about the new reporting stack and I am excited to help.\n\n"
    "Warm regards,\nJordan\njordan@example.com"
)
TODAY = dt.date(2026, 3, 11)  # a Wednesday


def good_facts(**changes: object) -> DraftFacts:
    facts = DraftFacts(
        text=GOOD,
        channel="email",
        today=TODAY,
        reason="thank_you",
        due_on=dt.date(2026, 3, 11),
        conversation_on=dt.date(2026, 3, 10),
        recipient_names=("Amelia", "Amelia Berg"),
        company="Northwind",
        position="Data Analyst",
        references=("the new reporting stack",),
        my_email="jordan@example.com",
        my_phone="+1 415 555 0142",
        fits_card=None,
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def verdicts(facts: DraftFacts) -> dict[str, tuple[bool, str]]:
    return {check.key: (check.passed, check.reason) for check in run_checks(facts)}


def test_a_good_draft_passes_all_eight_checks() -> None:
    results = run_checks(good_facts())
    assert len(results) == 8
    assert [c.key for c in results if not c.passed] == []
    assert all(c.reason and "\n" not in c.reason for c in results)


@pytest.mark.parametrize(
    ("key", "changes", "reason_part"),
    [
        ("timing", {"today": dt.date(2026, 3, 16)}, "6 days ago"),
        ("timing", {"reason": "status_check", "today": dt.date(2026, 3, 14)}, "3 days overdue"),
        ("channel", {"channel": "sms"}, "Choose e-mail"),
        ("next_step", {"has_next_step": False}, "plan a follow-up"),
        ("personal", {"text": GOOD.replace("Amelia", "there")}, "their name"),
        ("personal", {"text": GOOD.replace("Northwind", "your firm")}, "the company"),
        ("personal", {"text": GOOD.replace("Data Analyst", "open")}, "the position"),
        ("personal", {"text": GOOD.replace("new reporting stack", "plans")}, "conversation"),
        ("personal", {"text": GOOD + " {concern}"}, "Fill in {concern}"),
        ("brief", {"text": GOOD + " word" * 200}, "keep it under 200"),
        ("brief", {"channel": "note", "fits_card": False, "overflow_words": 12}, "12 word"),
        (
            "enthusiasm",
            {"text": GOOD.replace("enjoyed", "heard").replace("excited", "ready")},
            "keen",
        ),
        ("contact", {"text": GOOD.replace("\njordan@example.com", "")}, "e-mail address or phone"),
        ("thanks", {"text": GOOD.replace("Thank you for", "About")}, "Thank them"),
    ],
)
def test_each_check_warns_on_a_weak_draft(
    key: str, changes: dict[str, object], reason_part: str
) -> None:
    passed, reason = verdicts(good_facts(**changes))[key]
    assert not passed
    assert reason_part in reason
    # A warning never hides the other checks: all eight are still reported.
    assert len(run_checks(good_facts(**changes))) == 8


def test_thank_you_is_on_time_the_next_working_day_after_a_friday() -> None:
    facts = good_facts(conversation_on=dt.date(2026, 3, 6), today=dt.date(2026, 3, 9))
    assert verdicts(facts)["timing"][0]


def test_contact_info_is_optional_on_a_note() -> None:
    text = GOOD.replace("\njordan@example.com", "")
    passed, reason = verdicts(good_facts(channel="note", text=text))["contact"]
    assert passed
    assert "Optional" in reason
    assert verdicts(good_facts(text=text, contact_block=True))["contact"][0]


def test_note_that_fits_says_so() -> None:
    passed, reason = verdicts(good_facts(channel="note", fits_card=True))["brief"]
    assert passed
    assert "fits the card" in reason


def test_word_count() -> None:
    assert word_count("Don't stop — it's well-known, 2026!") == 5
    assert word_count("") == 0


def test_a_letter_the_hand_lacks_is_pointed_out() -> None:
    # An e-mail has no hand: the eight checks alone.
    assert "hand" not in verdicts(good_facts())
    written = good_facts(channel="note", hand="Breip", complete_hands=("Breip",))
    assert verdicts(written)["hand"] == (True, "Breip writes every letter of it.")
    lacking = good_facts(
        channel="note",
        hand="Kristi",
        letters_not_in_hand=("ł",),
        complete_hands=("Kaushan Script",),
    )
    passed, reason = verdicts(lacking)["hand"]
    assert not passed
    assert reason.startswith("ł is not in this hand")
    assert "Kaushan Script has every letter" in reason
    assert len(run_checks(lacking)) == 9
