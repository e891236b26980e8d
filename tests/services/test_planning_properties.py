"""Property: planning is idempotent, never duplicates, and scoped runs agree with full runs."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planning_rows import stage

from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    database,
)
from followup_desktop.services.follow_up_actions import move_follow_up, skip_follow_up
from followup_desktop.services.planning import replan_after_change, replan_all

TODAY = dt.date(2026, 3, 2)
KINDS = ("wishlist", "applied", "interview", "offer", "rejected", "withdrawn")
LOG_KINDS = ("applied", "interview", "conversation", "call", "email", "rejection")

applications = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(-60, 10),  # applied, days from today
        st.one_of(st.none(), st.integers(0, 30)),  # expected answer after applying
        st.integers(0, 3),  # contact index
    ),
    max_size=6,
)
log_entries = st.lists(
    st.tuples(
        st.integers(0, 5),  # application index
        st.integers(-90, 20),  # day offset
        st.sampled_from(LOG_KINDS),
        st.sampled_from(("inbound", "outbound")),
        st.sampled_from(("call", "email", "note", "meeting")),
    ),
    max_size=10,
)
cadences = st.lists(st.one_of(st.none(), st.integers(0, 120)), min_size=4, max_size=4)
user_actions = st.lists(
    st.tuples(st.sampled_from(("move", "skip")), st.integers(0, 20)), max_size=3
)


def _clear() -> None:
    for model in (FollowUp, Interaction, Application, Contact, Company):
        model.delete().execute()


def _fill(apps, log, contact_cadences) -> list[int]:
    company = Company.create(name="Acme")
    contacts = [
        Contact.create(first_name=f"C{i}", email=f"c{i}@example.com", keep_in_touch_days=cadence)
        for i, cadence in enumerate(contact_cadences)
    ]
    ids = []
    for kind, applied, expected, who in apps:
        applied_on = TODAY + dt.timedelta(days=applied)
        ids.append(
            Application.create(
                company=company,
                position="Analyst",
                stage=stage(kind),
                contact=contacts[who],
                applied_on=None if kind == "wishlist" else applied_on,
                expected_answer_on=None
                if expected is None
                else applied_on + dt.timedelta(days=expected),
                updated_at=dt.datetime.combine(applied_on, dt.time(9, 0)),
            ).id
        )
    for index, offset, kind, direction, channel in log:
        if not ids:
            break
        app = Application.get_by_id(ids[index % len(ids)])
        Interaction.create(
            application=app,
            contact=app.contact_id,
            company=company,
            occurred_at=dt.datetime.combine(TODAY + dt.timedelta(days=offset), dt.time(11, 0)),
            kind=kind,
            direction=direction,
            channel=channel,
        )
    return ids


def _snapshot() -> list[tuple]:
    return [
        (f.rule_key, f.reason, f.application_id, f.contact_id, f.due_on, f.channel, f.state)
        for f in FollowUp.select().order_by(FollowUp.id)
    ]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(apps=applications, log=log_entries, contact_cadences=cadences, actions=user_actions)
def test_planning_is_idempotent_and_scoped_runs_agree(store, apps, log, contact_cadences, actions):
    with database.atomic() as transaction:
        _clear()
        ids = _fill(apps, log, contact_cadences)
        replan_all(TODAY)
        # The user takes a few follow-ups in hand.
        rows = list(FollowUp.select().where(FollowUp.state == "planned").order_by(FollowUp.id))
        for action, pick in actions:
            if not rows:
                break
            target = rows[pick % len(rows)]
            if FollowUp.get_by_id(target.id).state != "planned":
                continue
            if action == "move":
                move_follow_up(target.id, TODAY + dt.timedelta(days=pick))
            else:
                skip_follow_up(target.id, "not now")
        user_rows = {
            f.id: (f.due_on, f.state, f.outcome)
            for f in FollowUp.select().where(FollowUp.user_changed == True)  # noqa: E712
        }
        replan_all(TODAY)
        settled = _snapshot()
        assert not replan_all(TODAY).changed
        for app_id in ids:
            assert not replan_after_change(application_id=app_id, today=TODAY).changed
        for contact in Contact.select():
            assert not replan_after_change(contact_id=contact.id, today=TODAY).changed
        assert _snapshot() == settled
        keys = [row[0] for row in settled if row[0]]
        assert len(keys) == len(set(keys))
        for fid, before in user_rows.items():
            row = FollowUp.get_by_id(fid)
            assert (row.due_on, row.state, row.outcome) == before
        planned_slots = [
            (row[1], row[2] if row[1] != "keep_in_touch" else None, row[3])
            for row in settled
            if row[6] == "planned"
        ]
        assert len(planned_slots) == len(set(planned_slots)) or any(
            f.user_changed for f in FollowUp.select()
        )
        transaction.rollback()
