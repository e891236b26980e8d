"""Small builders for rule facts so the tables stay readable."""

from __future__ import annotations

import datetime as dt

from followup_desktop.services.rules import (
    ApplicationFacts,
    ContactFacts,
    InteractionFacts,
    RuleSettings,
)
from followup_desktop.services.workdays import WorkCalendar

TODAY = dt.date(2026, 3, 2)  # a Monday


def settings(today: dt.date = TODAY, days_off: str = "", **overrides: int) -> RuleSettings:
    return RuleSettings(
        calendar=WorkCalendar.from_settings("12345", days_off), today=today, **overrides
    )


def app(
    app_id: int = 1,
    *,
    kind: str = "applied",
    closed: bool = False,
    applied: dt.date | None = TODAY,
    expected: dt.date | None = None,
    contact: int | None = 10,
    updated: dt.date = TODAY,
    archived: bool = False,
) -> ApplicationFacts:
    return ApplicationFacts(
        id=app_id,
        company_id=100,
        contact_id=contact,
        stage_kind=kind,
        stage_closed=closed,
        archived=archived,
        applied_on=applied,
        expected_answer_on=expected,
        updated_on=updated,
    )


def talk(
    item_id: int,
    day: dt.date,
    *,
    kind: str = "call",
    direction: str = "inbound",
    channel: str = "call",
    app_id: int | None = 1,
    contact: int | None = 10,
    hour: int = 10,
) -> InteractionFacts:
    return InteractionFacts(
        id=item_id,
        application_id=app_id,
        contact_id=contact,
        company_id=100,
        occurred_at=dt.datetime.combine(day, dt.time(hour, 0)),
        channel=channel,
        direction=direction,
        kind=kind,
    )


def person(contact_id: int = 10, *, channel: str = "", cadence: int | None = None) -> ContactFacts:
    return ContactFacts(id=contact_id, preferred_channel=channel, keep_in_touch_days=cadence)
