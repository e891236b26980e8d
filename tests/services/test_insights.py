"""The Insights figures against a hand-made store whose answers were worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, FollowUp, Stage
from followup_desktop.services.insights.activity import activity
from followup_desktop.services.insights.answers import BY_SOURCE, BY_STAGE, answer_groups
from followup_desktop.services.insights.follow_up_results import (
    ANY,
    follow_up_results,
    result_for,
)
from followup_desktop.services.insights.funnel import funnel
from followup_desktop.services.insights.report import (
    application_sources,
    insights_report,
    report_as_json,
)
from followup_desktop.services.insights.scope import InsightsScope, share_text, since_for
from followup_desktop.services.settings import set_weekly_goal, weekly_goal
from tests.services.insights_store import TODAY, build_insights_store

ALL_TIME = InsightsScope(TODAY)
THIS_YEAR = InsightsScope(TODAY, since=dt.date(2026, 1, 1))


@pytest.fixture
def insights_store(store: StoreInfo) -> StoreInfo:
    build_insights_store()
    return store


def _reached(scope: InsightsScope) -> list[tuple[str, int, float | None]]:
    return [(step.kind, step.reached, step.conversion) for step in funnel(scope)]


def test_the_funnel_counts_stages_reached_ever_not_only_now(insights_store: StoreInfo) -> None:
    # Sent: every application but the wish-list one (app6 is rejected with no date: sent).
    # Interview: app1 (logged, then rejected), app2 (now Offer), app5 (Accepted), app10.
    assert _reached(ALL_TIME) == [
        ("applied", 9, 1.0),
        ("interview", 4, pytest.approx(4 / 9)),
        ("offer", 2, None),  # 2 of 4: too few to tell
        ("accepted", 1, None),
    ]


def test_the_funnel_follows_the_period_and_the_source(insights_store: StoreInfo) -> None:
    assert [reached for _kind, reached, _c in _reached(THIS_YEAR)] == [8, 4, 2, 1]
    job_board = InsightsScope(TODAY, source="Job board")
    assert [reached for _kind, reached, _c in _reached(job_board)] == [5, 2, 1, 1]
    assert _reached(InsightsScope(TODAY, source=""))[0][1] == 1  # app6, no source recorded


def test_answers_share_and_wait_overall(insights_store: StoreInfo) -> None:
    overall = answer_groups(ALL_TIME)[0]
    # Answered: app1 (4 days), app2 (3), app4 (10), app5 (7), app6 (15 from its creation),
    # app9 (2, by the company's call; the e-mail before applying does not count).
    assert (overall.label, overall.applications, overall.answered) == ("All applications", 9, 6)
    assert overall.answered_share == pytest.approx(6 / 9)
    # Waits 2 3 4 7 10 15: median (4 + 7) / 2, quartiles by nearest rank (2nd and 5th).
    assert overall.median_days == 5.5
    assert overall.quartile_days == (3, 10)
    assert overall.range_days == (2, 15)


def test_answers_by_source_and_by_furthest_stage(insights_store: StoreInfo) -> None:
    groups = answer_groups(ALL_TIME)
    by_source = {g.label: g for g in groups if g.dimension == BY_SOURCE}
    assert {label: (g.applications, g.answered) for label, g in by_source.items()} == {
        "Job board": (5, 3),
        "Referral": (2, 2),
        "Recruiter": (1, 0),
        "Not recorded": (1, 1),
    }
    assert next(iter(by_source)) == "Job board"  # most applications first
    assert by_source["Job board"].answered_share == pytest.approx(0.6)
    # Two of two is not a finding; nor is a median of three waits.
    assert by_source["Referral"].answered_share is None
    assert by_source["Job board"].median_days is None
    by_stage = {g.key: (g.applications, g.answered) for g in groups if g.dimension == BY_STAGE}
    assert by_stage == {"applied": (5, 3), "interview": (2, 1), "offer": (1, 1), "accepted": (1, 1)}


def test_follow_ups_answered_within_7_and_14_days(insights_store: StoreInfo) -> None:
    results = follow_up_results(ALL_TIME)
    everything = result_for(results, ANY, ANY)
    # Nine done; F7 (three days ago) has not had its chance in either window.
    assert everything.done == 9
    assert everything.answered == {7: (8, 3), 14: (8, 4)}
    assert everything.rate(14) == 0.5
    email = result_for(results, "email", ANY)
    assert (email.done, email.answered) == (7, {7: (6, 1), 14: (6, 2)})
    assert email.rate(7) == pytest.approx(1 / 6)
    email_status = result_for(results, "email", "status_check")
    assert (email_status.done, email_status.answered[7]) == (5, (4, 1))
    assert email_status.rate(7) is None  # four cases: too few
    call = result_for(results, "call", ANY)
    assert (call.done, call.answered, call.rate(7)) == (1, {7: (1, 1), 14: (1, 1)}, None)
    assert result_for(results, "note", "thank_you").answered[7] == (1, 1)
    assert result_for(results, ANY, "keep_in_touch").answered[14] == (1, 0)


def test_follow_ups_follow_the_period_and_the_source(insights_store: StoreInfo) -> None:
    assert result_for(follow_up_results(THIS_YEAR), "email", ANY).done == 6  # not F11
    job_board = follow_up_results(InsightsScope(TODAY, source="Job board"))
    assert result_for(job_board, ANY, ANY).done == 4  # F1, F2, F3, F7


def test_activity_per_week_and_the_streak(insights_store: StoreInfo) -> None:
    weekly = activity(ALL_TIME, goal=3)
    counts = {w.monday.isoformat(): (w.applications, w.follow_ups) for w in weekly.weeks}
    # From the first week with anything done (app8, December 2025) to this week.
    assert len(weekly.weeks) == 17 and weekly.weeks[-1].monday == dt.date(2026, 3, 23)
    assert counts["2026-03-02"] == (5, 2)
    assert counts["2026-03-09"] == (2, 5)
    assert counts["2026-03-16"] == (0, 0)
    assert counts["2026-03-23"] == (0, 1)
    assert weekly.streak == 0  # this week is under way; the last one had nothing
    assert activity(ALL_TIME, goal=1).streak == 1
    assert len(activity(InsightsScope(TODAY, since=dt.date(2026, 3, 20)), 3).weeks) == 8


def test_a_week_under_way_does_not_break_the_streak(store: StoreInfo) -> None:
    stage = Stage.get(Stage.kind == "applied")

    def sent(*days: str) -> None:
        for day in days:
            Application.create(company=_company(), position="P", stage=stage, applied_on=day)

    sent("2026-03-03", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-17", "2026-03-18")
    FollowUp.create(due_on=TODAY, state="done", completed_at=dt.datetime(2026, 3, 24, 9))
    assert activity(ALL_TIME, goal=2).streak == 2  # weeks of 9 and 16 March
    sent("2026-03-25")
    assert activity(ALL_TIME, goal=2).streak == 3


def _company() -> int:
    from followup_desktop.db.models import Company

    return int(Company.create(name="Co").id)


def test_an_empty_store_gives_zeros_not_errors(store: StoreInfo) -> None:
    report = insights_report(ALL_TIME)
    assert [step.reached for step in report.funnel] == [0, 0, 0, 0]
    assert report.answers[0].applications == 0 and report.answers[0].answered_share is None
    assert result_for(report.follow_ups, ANY, ANY).done == 0
    assert report.activity.streak == 0 and len(report.activity.weeks) == 26


def test_the_json_has_stable_keys_and_no_rate_below_the_minimum(
    insights_store: StoreInfo,
) -> None:
    data = report_as_json(insights_report(THIS_YEAR))
    assert list(data) == ["scope", "funnel", "answers", "follow_ups", "activity"]
    assert data["funnel"][1] == {
        "stage": "interview",
        "label": "Interview",
        "reached": 4,
        "conversion": 0.5,
    }
    calls = next(r for r in data["follow_ups"] if r["channel"] == "call" and r["reason"] is None)
    assert calls["within_7_days"] == {"cases": 1, "answered": 1, "rate": None}


def test_the_weekly_goal_is_a_setting(store: StoreInfo) -> None:
    assert weekly_goal() == 5
    set_weekly_goal(12)
    assert weekly_goal() == 12
    with pytest.raises(ValueError):
        set_weekly_goal(0)


def test_sources_periods_and_wording(insights_store: StoreInfo) -> None:
    assert application_sources()[0] == ("Job board", 5)
    assert since_for("30d", TODAY) == dt.date(2026, 2, 26)
    assert since_for("year", TODAY) == dt.date(2026, 1, 1)
    assert since_for("all", TODAY) is None
    assert share_text(3, 4) == "too few (4)"
    assert share_text(5, 8) == "62% (of 8)"
