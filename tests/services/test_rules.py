"""Table-driven tests of the pure follow-up rules (ADVICE §1): dates, channels and keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from planning_facts import TODAY, app, person, settings, talk

from followup_desktop.services.rules import (
    ApplicationFacts,
    ContactFacts,
    Facts,
    InteractionFacts,
    RuleSettings,
    plan_follow_ups,
)

D = dt.date


@dataclass
class Case:
    name: str
    applications: list[ApplicationFacts]
    expected: set[tuple[str, dt.date, str]]
    interactions: list[InteractionFacts] = field(default_factory=list)
    contacts: list[ContactFacts] = field(default_factory=lambda: [person()])
    rule_settings: RuleSettings = field(default_factory=settings)


CASES = [
    Case(
        "status check the working day after ten working days",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 17), "email")},
    ),
    Case(
        "weekend: applied on a Friday",
        [app(applied=D(2026, 3, 6))],
        {("status_check", D(2026, 3, 23), "email")},
    ),
    Case(
        "the answer date the company gave falls on a Saturday",
        [app(applied=D(2026, 3, 2), expected=D(2026, 3, 14))],
        {("status_check", D(2026, 3, 16), "email")},
    ),
    Case(
        "a day off after the expected date is skipped",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 18), "email")},
        rule_settings=settings(days_off="2026-03-17"),
    ),
    Case(
        "days off inside the wait lengthen it",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 19), "email")},
        rule_settings=settings(days_off="2026-03-05, 2026-03-06"),
    ),
    Case(
        "an inbound contact restarts the clock",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 25), "email")},
        interactions=[talk(1, D(2026, 3, 10), kind="call", direction="inbound")],
    ),
    Case(
        "a contact who prefers calls gets a status call, in the calling window",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 17), "call")},
        contacts=[person(channel="call")],
    ),
    Case(
        "no status check by post",
        [app(applied=D(2026, 3, 2))],
        {("status_check", D(2026, 3, 17), "email")},
        contacts=[person(channel="note")],
    ),
    Case("a wish-list card is not chased", [app(kind="wishlist", applied=None)], set()),
    Case("a withdrawn application is not chased", [app(kind="withdrawn", closed=True)], set()),
    Case("an archived application is not chased", [app(archived=True)], set()),
    Case(
        "thank-you the next working day after a Friday interview",
        [app(kind="interview", applied=D(2026, 2, 20))],
        {("thank_you", D(2026, 3, 9), "email"), ("status_check", D(2026, 3, 23), "email")},
        interactions=[talk(1, D(2026, 3, 6), kind="interview", channel="meeting")],
    ),
    Case(
        "a contact who prefers notes gets a handwritten thank-you, two days later by setting",
        [app(kind="interview", applied=D(2026, 2, 20))],
        {("thank_you", D(2026, 3, 10), "note"), ("status_check", D(2026, 3, 23), "email")},
        interactions=[talk(1, D(2026, 3, 6), kind="interview", channel="meeting")],
        contacts=[person(channel="note")],
        rule_settings=settings(thank_you_delay_days=2),
    ),
    Case(
        "an e-mail sent after the interview already thanked them",
        [app(kind="interview", applied=D(2026, 2, 20))],
        {("status_check", D(2026, 3, 24), "email")},
        interactions=[
            talk(1, D(2026, 3, 6), kind="interview", channel="meeting"),
            talk(2, D(2026, 3, 9), kind="email", channel="email", direction="outbound"),
        ],
    ),
    Case(
        "a rejection gets a reply and puts the contact on a 90-day cadence",
        [app(kind="rejected", closed=True, applied=D(2026, 2, 2))],
        {("rejection_reply", D(2026, 3, 4), "email"), ("keep_in_touch", D(2026, 6, 1), "email")},
        interactions=[talk(1, D(2026, 3, 3), kind="rejection", channel="email")],
    ),
    Case(
        "a logged call resets the keep-in-touch cadence",
        [app(kind="rejected", closed=True, applied=D(2026, 2, 2))],
        {("keep_in_touch", D(2026, 6, 30), "email")},
        interactions=[
            talk(1, D(2026, 3, 3), kind="rejection", channel="email"),
            talk(2, D(2026, 4, 1), kind="call", channel="call", direction="outbound"),
        ],
    ),
    Case(
        "a cadence of 0 takes the contact off keep-in-touch",
        [app(kind="rejected", closed=True, applied=D(2026, 2, 2))],
        {("rejection_reply", D(2026, 3, 4), "email")},
        interactions=[talk(1, D(2026, 3, 3), kind="rejection", channel="email")],
        contacts=[person(cadence=0)],
    ),
    Case(
        "a contact's own cadence, counted from the last conversation",
        [],
        {("keep_in_touch", D(2026, 3, 16), "call")},
        interactions=[talk(1, D(2026, 2, 14), app_id=None, kind="call")],
        contacts=[person(cadence=30, channel="call")],
    ),
    Case(
        "a rejection by moving the card, without a logged message",
        [app(kind="rejected", closed=True, applied=D(2026, 2, 2), updated=D(2026, 2, 27))],
        {("rejection_reply", D(2026, 3, 2), "email"), ("keep_in_touch", D(2026, 5, 28), "email")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_rules_table(case: Case) -> None:
    facts = Facts(
        applications=case.applications,
        interactions=case.interactions,
        contacts={c.id: c for c in case.contacts},
        contact_ids=[c.id for c in case.contacts],
    )
    plans = plan_follow_ups(facts, case.rule_settings)
    assert {(p.reason, p.due_on, p.channel) for p in plans} == case.expected
    assert len({p.rule_key for p in plans}) == len(plans)


def test_status_call_carries_the_calling_window() -> None:
    facts = Facts([app()], [], {10: person(channel="call")}, [10])
    (plan,) = plan_follow_ups(facts, settings())
    assert (plan.window_start, plan.window_end) == ("09:30", "11:30")


def test_an_inbound_contact_replaces_the_pending_status_check_key() -> None:
    before = plan_follow_ups(Facts([app()], [], {10: person()}, [10]), settings())
    after = plan_follow_ups(
        Facts([app()], [talk(1, D(2026, 3, 10))], {10: person()}, [10]), settings()
    )
    assert before[0].rule_key != after[0].rule_key
    assert after[0].due_on > before[0].due_on


def test_stale_events_only_keep_what_is_already_planned() -> None:
    facts = Facts(
        [app(kind="interview", applied=D(2026, 1, 5))],
        [talk(1, D(2026, 1, 20), kind="interview", channel="meeting")],
        {10: person()},
        [10],
    )
    plans = {p.reason: p for p in plan_follow_ups(facts, settings(today=TODAY))}
    assert plans["thank_you"].only_if_planned
    assert not plans["status_check"].only_if_planned


def test_the_same_facts_always_give_the_same_plan() -> None:
    facts = Facts(
        [app(1), app(2, kind="rejected", closed=True, contact=11)],
        [
            talk(1, D(2026, 3, 3), kind="interview"),
            talk(2, D(2026, 3, 4), kind="rejection", app_id=2),
        ],
        {10: person(), 11: person(11)},
        [10, 11],
    )
    assert plan_follow_ups(facts, settings()) == plan_follow_ups(facts, settings())
