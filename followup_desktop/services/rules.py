"""The follow-up rules as pure functions: from facts to the follow-ups that should exist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from followup_desktop.services.workdays import WorkCalendar

#: Conversations worth a thank-you: an interview, or a real talk (not a quick status call).
THANK_YOU_KINDS = frozenset({"interview", "conversation", "meeting"})
#: Stages whose applications wait for an answer and so get status checks.
WAITING_STAGE_KINDS = frozenset({"applied", "interview"})
#: Channels a follow-up can use (ADVICE §2: no texting, no social media).
FOLLOW_UP_CHANNELS = ("call", "email", "note")
#: Default calling window on the contact's clock, the first of ``call_window.WORKING_WINDOWS``.
CALL_WINDOW = ("09:30", "11:30")
#: Older events than this still keep a follow-up already planned, but do not create a new one:
#: opening years of imported history must not bury today's work under stale reminders.
THANK_YOU_HORIZON_DAYS = 14
REJECTION_HORIZON_DAYS = 30


@dataclass(frozen=True)
class RuleSettings:
    """The profile settings the rules read, and the day they plan for."""

    calendar: WorkCalendar
    today: dt.date
    answer_wait_days: int = 10
    thank_you_delay_days: int = 1
    keep_in_touch_days: int = 90


class ApplicationFacts(NamedTuple):
    id: int
    company_id: int
    contact_id: int | None
    stage_kind: str
    stage_closed: bool
    archived: bool
    applied_on: dt.date | None
    expected_answer_on: dt.date | None
    updated_on: dt.date


class InteractionFacts(NamedTuple):
    id: int
    application_id: int | None
    contact_id: int | None
    company_id: int | None
    occurred_at: dt.datetime
    channel: str
    direction: str
    kind: str

    @property
    def occurred_on(self) -> dt.date:
        return self.occurred_at.date()


class ContactFacts(NamedTuple):
    id: int
    preferred_channel: str = ""
    #: None: follow the defaults (on a cadence after a rejection); 0: never; N: every N days.
    keep_in_touch_days: int | None = None
    has_email: bool = True
    has_phone: bool = True
    created_on: dt.date = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class PlannedFollowUp:
    """A follow-up the rules want to exist, identified by its ``rule_key``."""

    rule_key: str
    reason: str
    application_id: int | None
    contact_id: int | None
    due_on: dt.date
    channel: str
    window_start: str = ""
    window_end: str = ""
    #: The event this follow-up answers; a finished unkeyed follow-up of the same slot on or
    #: after this day means the user already did it.
    since: dt.date = dt.date.min
    #: True for stale events: keep one already planned, never create a new one.
    only_if_planned: bool = False

    @property
    def slot(self) -> tuple[str, int | None, int | None]:
        return slot_of(self.reason, self.application_id, self.contact_id)


def slot_of(
    reason: str, application_id: int | None, contact_id: int | None
) -> tuple[str, int | None, int | None]:
    """What a follow-up is about, whatever its key: one status check per application, one
    keep-in-touch per contact, and so on. The user's own changes claim the slot."""
    if reason == "keep_in_touch":
        return (reason, None, contact_id)
    if application_id is not None:
        return (reason, application_id, None)
    return (reason, None, contact_id)


@dataclass
class Facts:
    """Everything the rules read for one planning run, grouped for quick look-ups."""

    applications: Sequence[ApplicationFacts]
    interactions: Sequence[InteractionFacts]
    contacts: Mapping[int, ContactFacts]
    #: Contacts whose keep-in-touch cadence should be planned (others are not looked at).
    contact_ids: Iterable[int] = field(default_factory=tuple)


def plan_follow_ups(facts: Facts, settings: RuleSettings) -> list[PlannedFollowUp]:
    """Every follow-up the rules want for these facts, in a stable order."""
    by_application: dict[int, list[InteractionFacts]] = {}
    company_level: dict[int, list[InteractionFacts]] = {}
    by_contact: dict[int, list[InteractionFacts]] = {}
    for item in facts.interactions:
        if item.application_id is not None:
            by_application.setdefault(item.application_id, []).append(item)
        elif item.company_id is not None:
            company_level.setdefault(item.company_id, []).append(item)
        if item.contact_id is not None:
            by_contact.setdefault(item.contact_id, []).append(item)
    plans: list[PlannedFollowUp] = []
    rejected_on: dict[int, dt.date] = {}
    for app in facts.applications:
        log = by_application.get(app.id, [])
        contact_id = app.contact_id if app.contact_id is not None else _last_contact_in(log)
        contact = facts.contacts.get(contact_id) if contact_id is not None else None
        status = status_check(app, log + company_level.get(app.company_id, []), contact, settings)
        if status is not None:
            plans.append(status)
        latest_talk = _latest_worth_thanks(log)
        if latest_talk is not None and not (app.archived or app.stage_closed):
            plans.extend(_thank_you_plans(latest_talk, log, contact_id, facts, settings))
        rejected_at = rejection_moment(app, log)
        if rejected_at is None:
            continue
        reply = rejection_reply(app, rejected_at, log, contact, settings)
        if reply is not None:
            plans.append(reply)
        if contact_id is not None:
            day = rejected_at.date()
            rejected_on[contact_id] = max(day, rejected_on.get(contact_id, day))
    for contact_id in facts.contact_ids:
        contact_log = by_contact.get(contact_id, [])
        # Conversations with a contact outside any application (networking, a recruiter's call).
        outside = [i for i in contact_log if i.application_id is None]
        latest_talk = _latest_worth_thanks(outside)
        if latest_talk is not None:
            plans.extend(_thank_you_plans(latest_talk, outside, contact_id, facts, settings))
        contact = facts.contacts.get(contact_id)
        if contact is not None:
            plan = keep_in_touch(contact, contact_log, rejected_on.get(contact_id), settings)
            if plan is not None:
                plans.append(plan)
    unique = {plan.rule_key: plan for plan in plans}
    return sorted(unique.values(), key=lambda plan: plan.rule_key)


def _latest_worth_thanks(log: Sequence[InteractionFacts]) -> InteractionFacts | None:
    """One thank-you covers every talk before it: only the latest one gets planned."""
    talks = [item for item in log if item.kind in THANK_YOU_KINDS]
    return max(talks, key=lambda item: (item.occurred_at, item.id)) if talks else None


def _last_contact_in(log: Sequence[InteractionFacts]) -> int | None:
    with_contact = [item for item in log if item.contact_id is not None]
    if not with_contact:
        return None
    return max(with_contact, key=lambda item: (item.occurred_at, item.id)).contact_id


def _thank_you_plans(
    item: InteractionFacts,
    log: Sequence[InteractionFacts],
    fallback_contact: int | None,
    facts: Facts,
    settings: RuleSettings,
) -> list[PlannedFollowUp]:
    contact_id = item.contact_id if item.contact_id is not None else fallback_contact
    contact = facts.contacts.get(contact_id) if contact_id is not None else None
    plan = thank_you(item, log, contact, contact_id, settings)
    return [] if plan is None else [plan]


def status_check(
    app: ApplicationFacts,
    log: Sequence[InteractionFacts],
    contact: ContactFacts | None,
    settings: RuleSettings,
) -> PlannedFollowUp | None:
    """A status check the first working day after the expected answer date.

    The clock starts at the application and restarts at every logged contact with the
    company, whichever way it went; an answer date the company gave (later than that
    contact) is honoured, otherwise the default wait in working days applies.
    """
    if app.archived or app.stage_closed:
        return None
    if app.stage_kind not in WAITING_STAGE_KINDS and not (
        app.stage_kind == "" and app.applied_on is not None
    ):
        return None
    moments = [item.occurred_at for item in log if item.kind != "rejection"]
    dates = [max(moments).date()] if moments else []
    if app.applied_on is not None:
        dates.append(app.applied_on)
    if not dates:
        return None  # Nothing was sent yet, so there is nothing to chase.
    anchor = max(dates)
    if app.expected_answer_on is not None and app.expected_answer_on > anchor:
        expected = app.expected_answer_on
    else:
        expected = settings.calendar.add(anchor, settings.answer_wait_days)
    channel = _status_channel(contact)
    window = CALL_WINDOW if channel == "call" else ("", "")
    return PlannedFollowUp(
        rule_key=f"status_check:app:{app.id}:{anchor.isoformat()}",
        reason="status_check",
        application_id=app.id,
        contact_id=contact.id if contact else None,
        due_on=settings.calendar.next_after(expected),
        channel=channel,
        window_start=window[0],
        window_end=window[1],
        since=anchor,
    )


def thank_you(
    item: InteractionFacts,
    log: Sequence[InteractionFacts],
    contact: ContactFacts | None,
    contact_id: int | None,
    settings: RuleSettings,
) -> PlannedFollowUp | None:
    """A thank-you the next working day (setting) after an interview or conversation,
    unless a letter or e-mail already went out after it."""
    if _answered_after(item.occurred_at, log, item.id):
        return None
    due = settings.calendar.add(item.occurred_on, max(0, settings.thank_you_delay_days))
    stale = item.occurred_on < settings.today - dt.timedelta(days=THANK_YOU_HORIZON_DAYS)
    return PlannedFollowUp(
        rule_key=f"thank_you:interaction:{item.id}",
        reason="thank_you",
        application_id=item.application_id,
        contact_id=contact_id,
        due_on=due,
        channel=_written_channel(contact),
        since=item.occurred_on,
        only_if_planned=stale,
    )


def rejection_moment(app: ApplicationFacts, log: Sequence[InteractionFacts]) -> dt.datetime | None:
    """When the company said no: the last logged rejection, else the day the card was moved
    to a rejected stage (its last update), else None."""
    rejections = [item for item in log if item.kind == "rejection"]
    if rejections:
        return max(rejections, key=lambda item: (item.occurred_at, item.id)).occurred_at
    if app.stage_kind == "rejected":
        return dt.datetime.combine(app.updated_on, dt.time(0, 0))
    return None


def rejection_reply(
    app: ApplicationFacts,
    when: dt.datetime,
    log: Sequence[InteractionFacts],
    contact: ContactFacts | None,
    settings: RuleSettings,
) -> PlannedFollowUp | None:
    """A gracious reply to a rejection, as quickly as a thank-you, unless one went out."""
    if _answered_after(when, log, None):
        return None
    rejected_day = when.date()
    stale = rejected_day < settings.today - dt.timedelta(days=REJECTION_HORIZON_DAYS)
    return PlannedFollowUp(
        rule_key=f"rejection_reply:app:{app.id}",
        reason="rejection_reply",
        application_id=app.id,
        contact_id=contact.id if contact else None,
        due_on=settings.calendar.add(rejected_day, max(0, settings.thank_you_delay_days)),
        channel=_written_channel(contact),
        since=rejected_day,
        only_if_planned=stale,
    )


def keep_in_touch(
    contact: ContactFacts,
    log: Sequence[InteractionFacts],
    rejected_on: dt.date | None,
    settings: RuleSettings,
) -> PlannedFollowUp | None:
    """The next keep-in-touch on the contact's cadence, counted from the last logged contact.

    A contact is on a cadence when one is set for them, or (by default) once an application
    with them ended in a rejection; a cadence of 0 takes them off.
    """
    if contact.keep_in_touch_days == 0:
        return None
    if contact.keep_in_touch_days is None and rejected_on is None:
        return None
    cadence = contact.keep_in_touch_days or settings.keep_in_touch_days
    if cadence <= 0:
        return None
    dates = [item.occurred_on for item in log]
    if rejected_on is not None:
        dates.append(rejected_on)
    anchor = max(dates) if dates else contact.created_on
    channel = _preferred_channel(contact)
    window = CALL_WINDOW if channel == "call" else ("", "")
    return PlannedFollowUp(
        rule_key=f"keep_in_touch:contact:{contact.id}:{anchor.isoformat()}",
        reason="keep_in_touch",
        application_id=None,
        contact_id=contact.id,
        due_on=settings.calendar.on_or_after(anchor + dt.timedelta(days=cadence)),
        channel=channel,
        window_start=window[0],
        window_end=window[1],
        since=anchor,
    )


def _answered_after(
    moment: dt.datetime, log: Sequence[InteractionFacts], except_id: int | None
) -> bool:
    """True when the user wrote or called after ``moment`` (a thank-you or reply was sent)."""
    return any(
        item.direction == "outbound"
        and item.id != except_id
        and item.channel in FOLLOW_UP_CHANNELS
        and item.occurred_at > moment
        for item in log
    )


def _preferred_channel(contact: ContactFacts | None) -> str:
    if contact is not None and contact.preferred_channel in FOLLOW_UP_CHANNELS:
        return contact.preferred_channel
    if contact is not None and not contact.has_email and contact.has_phone:
        return "call"
    return "email"


def _status_channel(contact: ContactFacts | None) -> str:
    # A card in the post is too slow to ask where things stand.
    channel = _preferred_channel(contact)
    return "email" if channel == "note" else channel


def _written_channel(contact: ContactFacts | None) -> str:
    # Thanks and replies are written; a contact who prefers calls still gets an e-mail.
    return "note" if contact is not None and contact.preferred_channel == "note" else "email"
