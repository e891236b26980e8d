"""Planning against a real store: idempotence, user changes kept, clocks restarted by the log."""

from __future__ import annotations

import datetime as dt

from planning_rows import make_application, make_contact, planned

from followup_desktop.db.models import Contact, FollowUp, Letter, Profile
from followup_desktop.services.follow_up_actions import (
    NextStep,
    complete_follow_up,
    move_follow_up,
    skip_follow_up,
)
from followup_desktop.services.interactions import log_interaction
from followup_desktop.services.planning import replan_after_change, replan_all, replan_once_a_day

D = dt.date
TODAY = D(2026, 3, 2)


def _log(app_id, contact_id, day, *, kind="call", direction="inbound", channel="call"):
    return log_interaction(
        application_id=app_id,
        contact_id=contact_id,
        company_id=None,
        occurred_at=dt.datetime.combine(day, dt.time(10, 0)),
        channel=channel,
        direction=direction,
        kind=kind,
        today=TODAY,
    )


def test_planning_twice_changes_nothing(store):
    ana = make_contact()
    app = make_application(contact=ana)
    first = replan_all(TODAY)
    assert len(first.created) == 1
    second = replan_all(TODAY)
    assert not second.changed
    scoped = replan_after_change(application_id=app.id, today=TODAY)
    assert not scoped.changed
    assert [f.due_on for f in planned("status_check")] == [D(2026, 3, 17)]


def test_an_inbound_contact_cancels_the_pending_status_check(store):
    ana = make_contact()
    app = make_application(contact=ana)
    replan_all(TODAY)
    (pending,) = planned("status_check")
    assert pending.due_on == D(2026, 3, 17)
    _log(app.id, ana.id, D(2026, 3, 12), direction="inbound")
    checks = planned("status_check")
    assert [f.due_on for f in checks] == [D(2026, 3, 27)]
    # The same row moved, so nothing that points at it (a draft, a calendar entry) is lost.
    assert checks[0].id == pending.id


def test_a_rescheduled_follow_up_is_never_overwritten(store):
    ana = make_contact()
    app = make_application(contact=ana)
    replan_all(TODAY)
    (pending,) = planned("status_check")
    move_follow_up(pending.id, D(2026, 4, 1))
    _log(app.id, ana.id, D(2026, 3, 12))
    replan_all(TODAY)
    checks = planned("status_check")
    assert [(f.id, f.due_on, f.user_changed) for f in checks] == [(pending.id, D(2026, 4, 1), True)]


def test_a_skipped_follow_up_stays_skipped_and_no_twin_appears(store):
    app = make_application(contact=make_contact())
    replan_all(TODAY)
    (pending,) = planned("status_check")
    skip_follow_up(pending.id, "They said they would call me")
    replan_all(TODAY)
    replan_after_change(application_id=app.id, today=TODAY)
    assert planned("status_check") == []
    skipped = FollowUp.get_by_id(pending.id)
    assert (skipped.state, skipped.outcome) == ("skipped", "They said they would call me")


def test_completing_a_status_check_logs_it_and_the_rules_plan_the_next(store):
    ana = make_contact(channel="call")
    make_application(contact=ana)
    replan_all(TODAY)
    (pending,) = planned("status_check")
    result = complete_follow_up(
        pending.id,
        outcome="Spoke to Ana; decision next week.",
        occurred_at=dt.datetime(2026, 3, 17, 10, 0),
        next_step=NextStep(D(2026, 3, 20), "email"),
        today=TODAY,
    )
    assert result.interaction is not None
    assert result.interaction.kind == "call" and result.interaction.direction == "outbound"
    done = FollowUp.get_by_id(pending.id)
    assert done.state == "done" and done.outcome.startswith("Spoke")
    reasons = [(f.reason, f.due_on) for f in planned()]
    assert ("manual", D(2026, 3, 20)) in reasons
    assert ("status_check", D(2026, 4, 1)) in reasons


def test_a_logged_call_resets_the_keep_in_touch_cadence(store):
    ana = make_contact(cadence=30)
    replan_after_change(contact_id=ana.id, today=TODAY)
    (first,) = planned("keep_in_touch")
    _log(None, ana.id, D(2026, 4, 20), direction="outbound")
    (second,) = planned("keep_in_touch")
    assert second.due_on == D(2026, 5, 20)
    assert second.id == first.id


def test_interview_logged_plans_a_thank_you_next_working_day(store):
    ana = make_contact()
    app = make_application(kind="interview", contact=ana)
    _log(app.id, ana.id, D(2026, 3, 6), kind="interview", channel="meeting")
    (thanks,) = planned("thank_you")
    assert thanks.due_on == D(2026, 3, 9)
    assert thanks.application_id == app.id and thanks.contact_id == ana.id


def test_a_rejection_plans_a_reply_and_keep_in_touch(store):
    ana = make_contact()
    app = make_application(kind="rejected", contact=ana)
    _log(app.id, ana.id, D(2026, 3, 3), kind="rejection", channel="email")
    assert [(f.reason, f.due_on) for f in planned()] == [
        ("rejection_reply", D(2026, 3, 4)),
        ("keep_in_touch", D(2026, 6, 1)),
    ]


def test_days_off_from_the_profile_are_respected(store):
    Profile.update(days_off="2026-03-17", answer_wait_days=10).execute()
    make_application(contact=make_contact())
    replan_all(TODAY)
    assert [f.due_on for f in planned("status_check")] == [D(2026, 3, 18)]


def test_follow_ups_planned_outside_the_rules_are_kept_not_duplicated(store):
    ana = make_contact()
    app = make_application(contact=ana)
    old = FollowUp.create(
        application=app, contact=ana, due_on=D(2026, 3, 5), channel="email", reason="status_check"
    )
    report = replan_all(TODAY)
    assert not report.changed
    assert [(f.id, f.due_on) for f in planned("status_check")] == [(old.id, D(2026, 3, 5))]
    # Once it is done, the rules take over the next round.
    complete_follow_up(old.id, outcome="Sent", occurred_at=dt.datetime(2026, 3, 5, 9), today=TODAY)
    (following,) = planned("status_check")
    assert following.rule_key and following.due_on == D(2026, 3, 20)


def test_manual_follow_ups_are_left_alone(store):
    app = make_application(kind="offer", contact=make_contact())
    manual = FollowUp.create(application=app, due_on=D(2026, 3, 3), channel="call", reason="manual")
    replan_all(TODAY)
    assert FollowUp.get_by_id(manual.id).due_on == D(2026, 3, 3)
    assert [f.id for f in planned()] == [manual.id]


def test_a_follow_up_no_longer_needed_is_removed_unless_a_letter_was_started(store):
    ana = make_contact()
    first = make_application(contact=ana)
    second = make_application(contact=ana, company_name="Bluebird Health")
    replan_all(TODAY)
    by_app = {f.application_id: f for f in planned("status_check")}
    Letter.create(follow_up=by_app[second.id], body="Draft")
    for app in (first, second):
        app.archived = True
        app.save()
    report = replan_all(TODAY)
    assert report.removed == [by_app[first.id].id]
    assert [f.id for f in planned("status_check")] == [by_app[second.id].id]


def test_deleting_a_contact_tidies_its_keep_in_touch(store):
    ana = make_contact(cadence=30)
    replan_after_change(contact_id=ana.id, today=TODAY)
    assert planned("keep_in_touch")
    Contact.delete_by_id(ana.id)
    replan_after_change(contact_id=ana.id, today=TODAY)
    assert planned("keep_in_touch") == []


def test_the_whole_store_is_planned_once_a_day(store):
    make_application(contact=make_contact())
    first = replan_once_a_day(TODAY)
    assert first is not None and len(first.created) == 1
    assert replan_once_a_day(TODAY) is None
    assert replan_once_a_day(TODAY + dt.timedelta(days=1)) is not None
