"""The one entry point that keeps rule follow-ups in step with the data they are made from.

Call ``replan_after_change`` after any change to an application, a contact or the log, and
``replan_all`` after bulk changes (import, restore, new profile settings). Planning is
idempotent: a second run changes nothing. Follow-ups the user rescheduled, skipped or completed,
and follow-ups the rules did not create, are never modified or removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from followup_desktop.db.models import FollowUp, Letter, database, id_column
from followup_desktop.db.reads import query_rows, tuple_rows
from followup_desktop.db.values import stored_date, stored_date_or_none
from followup_desktop.services.rule_facts import (
    expand_scope,
    id_chunks,
    load_all_facts,
    load_scoped_facts,
    rule_settings,
)
from followup_desktop.services.rules import PlannedFollowUp, plan_follow_ups, slot_of
from followup_desktop.services.settings import planned_on, set_planned_on

#: Reasons the rules manage; "manual" follow-ups belong to the user alone.
RULE_REASONS = ("status_check", "thank_you", "rejection_reply", "keep_in_touch")


@dataclass
class PlanReport:
    """What one planning run changed (ids of the follow-ups created, updated and removed)."""

    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    #: Rule follow-ups left alone because the user had changed them.
    kept_for_user: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"{len(self.created)} planned, {len(self.updated)} moved, "
            f"{len(self.removed)} no longer needed"
        )


@dataclass
class _Existing:
    id: int
    rule_key: str | None
    reason: str
    application_id: int | None
    contact_id: int | None
    due_on: dt.date
    window_start: str
    window_end: str
    channel: str
    state: str
    user_changed: bool
    finished_on: dt.date | None

    @property
    def slot(self) -> tuple[str, int | None, int | None]:
        return slot_of(self.reason, self.application_id, self.contact_id)

    @property
    def rules_may_edit(self) -> bool:
        return self.state == "planned" and not self.user_changed


def replan_after_change(
    *,
    application_id: int | None = None,
    contact_id: int | None = None,
    today: dt.date | None = None,
) -> PlanReport:
    """Plan the rule follow-ups touched by a change to this application and/or contact.

    With neither id, everything is planned again (same as ``replan_all``). Runs in its own
    transaction, or inside the caller's so that a user action stays one transaction.
    """
    if application_id is None and contact_id is None:
        return replan_all(today)
    apps, contacts = expand_scope(
        [] if application_id is None else [application_id],
        [] if contact_id is None else [contact_id],
    )
    return replan_scope(apps, contacts, today=today)


def replan_scope(
    application_ids: Collection[int], contact_ids: Collection[int], *, today: dt.date | None = None
) -> PlanReport:
    """Plan exactly these applications and contacts (callers expand the scope first)."""
    settings = rule_settings(today)
    with database.atomic("IMMEDIATE"):
        facts = load_scoped_facts(application_ids, contact_ids)
        wanted = plan_follow_ups(facts, settings)
        existing = _existing_in_scope(application_ids, contact_ids)
        return _reconcile(wanted, existing)


def replan_all(today: dt.date | None = None) -> PlanReport:
    """Plan every rule follow-up in the store again (idempotent)."""
    settings = rule_settings(today)
    with database.atomic("IMMEDIATE"):
        wanted = plan_follow_ups(load_all_facts(), settings)
        query = FollowUp.select(*_EXISTING_FIELDS).where(FollowUp.reason.in_(RULE_REASONS))
        return _reconcile(wanted, _existing(query))


_EXISTING_FIELDS = (
    FollowUp.id,
    FollowUp.rule_key,
    FollowUp.reason,
    FollowUp.application,
    FollowUp.contact,
    FollowUp.due_on,
    FollowUp.window_start,
    FollowUp.window_end,
    FollowUp.channel,
    FollowUp.state,
    FollowUp.user_changed,
    FollowUp.completed_at,
)


def _existing(query: Any) -> list[_Existing]:
    return [
        _Existing(
            id=row[0],
            rule_key=row[1],
            reason=row[2],
            application_id=row[3],
            contact_id=row[4],
            due_on=stored_date(row[5]),
            window_start=row[6],
            window_end=row[7],
            channel=row[8],
            state=row[9],
            user_changed=bool(row[10]),
            finished_on=stored_date_or_none(row[11]),
        )
        for row in query_rows(query)
    ]


def _existing_in_scope(
    application_ids: Collection[int], contact_ids: Collection[int]
) -> list[_Existing]:
    found: dict[int, _Existing] = {}
    base = FollowUp.reason.in_(RULE_REASONS)
    conditions: list[Any] = []
    for chunk in id_chunks(application_ids):
        conditions.append(FollowUp.application.in_(chunk))
    for chunk in id_chunks(contact_ids):
        conditions.append(FollowUp.application.is_null(True) & FollowUp.contact.in_(chunk))
    # A deleted contact leaves its keep-in-touch with nobody to reach: tidy those up too.
    conditions.append(
        FollowUp.application.is_null(True)
        & FollowUp.contact.is_null(True)
        & FollowUp.rule_key.is_null(False)
    )
    for condition in conditions:
        for row in _existing(FollowUp.select(*_EXISTING_FIELDS).where(base & condition)):
            found[row.id] = row
    return sorted(found.values(), key=lambda row: row.id)


def _reconcile(wanted: list[PlannedFollowUp], existing: list[_Existing]) -> PlanReport:
    report = PlanReport()
    by_key = {row.rule_key: row for row in existing if row.rule_key}
    by_slot: dict[tuple[str, int | None, int | None], list[_Existing]] = {}
    for row in existing:
        by_slot.setdefault(row.slot, []).append(row)
    wanted_keys = {plan.rule_key for plan in wanted}
    used: set[int] = set()
    inserts: list[PlannedFollowUp] = []
    now = dt.datetime.now().replace(microsecond=0)
    for plan in wanted:
        keyed = by_key.get(plan.rule_key)
        if keyed is not None:
            used.add(keyed.id)
            if keyed.rules_may_edit:
                if _differs(keyed, plan):
                    _update(keyed.id, plan)
                    report.updated.append(keyed.id)
            else:
                report.kept_for_user += 1
            continue
        slot_rows = by_slot.get(plan.slot, [])
        if any(r.state == "planned" and (r.user_changed or r.rule_key is None) for r in slot_rows):
            # The user took this one in hand (rescheduled it), or someone planned it by other
            # means (the demo, an import): it is theirs, and the slot is taken.
            report.kept_for_user += 1
            continue
        if any(
            r.rule_key is None
            and r.state in ("done", "skipped")
            and (r.finished_on or r.due_on) > plan.since
            for r in slot_rows
        ):
            continue  # Finished after the event, before the rules knew about it.
        reusable = next(
            (
                r
                for r in slot_rows
                if r.rules_may_edit
                and r.rule_key is not None
                and r.id not in used
                and r.rule_key not in wanted_keys
            ),
            None,
        )
        if reusable is not None:
            # Moving the same row keeps its id, so a draft letter or a calendar entry stays put.
            used.add(reusable.id)
            _update(reusable.id, plan)
            report.updated.append(reusable.id)
            continue
        if plan.only_if_planned:
            continue
        inserts.append(plan)
    leftovers = [
        row.id
        for row in existing
        if row.rule_key is not None
        and row.rules_may_edit
        and row.id not in used
        and row.rule_key not in wanted_keys
    ]
    report.removed = _remove(leftovers)
    report.created = _insert(inserts, now)
    return report


def _differs(row: _Existing, plan: PlannedFollowUp) -> bool:
    return (
        row.due_on != plan.due_on
        or row.channel != plan.channel
        or row.window_start != plan.window_start
        or row.window_end != plan.window_end
        or row.application_id != plan.application_id
        or row.contact_id != plan.contact_id
        or row.reason != plan.reason
    )


def _fields(plan: PlannedFollowUp) -> dict[str, Any]:
    return {
        "rule_key": plan.rule_key,
        "reason": plan.reason,
        "application": plan.application_id,
        "contact": plan.contact_id,
        "due_on": plan.due_on,
        "channel": plan.channel,
        "window_start": plan.window_start,
        "window_end": plan.window_end,
    }


def _update(follow_up_id: int, plan: PlannedFollowUp) -> None:
    FollowUp.update(**_fields(plan)).where(FollowUp.id == follow_up_id).execute()


_INSERT_COLUMNS = (
    "rule_key",
    "reason",
    "application_id",
    "contact_id",
    "due_on",
    "channel",
    "window_start",
    "window_end",
    "state",
    "outcome",
    "user_changed",
    "created_at",
)


def _insert(plans: list[PlannedFollowUp], now: dt.datetime) -> list[int]:
    """Insert with one prepared statement (peewee would build the SQL text row by row).

    Row ids are taken as the ones above the largest id before the insert: SQLite gives a new
    row the largest id plus one, and this runs inside one write transaction.
    """
    if not plans:
        return []
    table = FollowUp._meta.table_name
    columns = ", ".join(f'"{name}"' for name in _INSERT_COLUMNS)
    marks = ", ".join("?" for _ in _INSERT_COLUMNS)
    created = now.isoformat(sep=" ")
    # Stored as peewee stores them: ISO text for dates and times, 0/1 for booleans.
    rows = [
        (
            plan.rule_key,
            plan.reason,
            plan.application_id,
            plan.contact_id,
            plan.due_on.isoformat(),
            plan.channel,
            plan.window_start,
            plan.window_end,
            "planned",
            "",
            0,
            created,
        )
        for plan in plans
    ]
    cursor = database.connection().cursor()
    before = cursor.execute(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()[0]
    cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
    found = cursor.execute(f'SELECT "id" FROM "{table}" WHERE "id" > ? ORDER BY "id"', (before,))
    return [int(row_id) for (row_id,) in found.fetchall()]


def _remove(ids: list[int]) -> list[int]:
    """Delete rule follow-ups nobody needs any more, except those a letter was drafted for."""
    if not ids:
        return []
    with_letters: set[int] = set()
    for chunk in id_chunks(ids):
        query = Letter.select(Letter.follow_up).where(Letter.follow_up.in_(chunk))
        with_letters.update(fid for (fid,) in tuple_rows(query))
    removable = [fid for fid in ids if fid not in with_letters]
    for chunk in id_chunks(removable):
        FollowUp.delete().where(id_column(FollowUp).in_(chunk)).execute()
    return removable


def replan_once_a_day(today: dt.date | None = None) -> PlanReport | None:
    """Plan everything if that was not done yet today (which events are recent, and so which
    follow-ups are worth creating, depends on the day); None when it was already done."""
    today = today or dt.date.today()
    if planned_on(today):
        return None
    with database.atomic("IMMEDIATE"):
        report = replan_all(today)
        set_planned_on(today)
    return report


def planned_rule_keys() -> set[str]:
    """Every rule key in the store (for tests and diagnostics)."""
    query = FollowUp.select(FollowUp.rule_key).where(FollowUp.rule_key.is_null(False))
    return {key for (key,) in tuple_rows(query)}


__all__ = [
    "RULE_REASONS",
    "PlanReport",
    "planned_rule_keys",
    "replan_after_change",
    "replan_all",
    "replan_once_a_day",
    "replan_scope",
]
