"""Made-up figures an empty or young store's charts show, greyed and captioned as an example."""

from __future__ import annotations

import datetime as dt

from followup_desktop.services.insights.activity import Activity, ActivityWeek, monday_of
from followup_desktop.services.insights.answers import ALL, BY_SOURCE, AnswerGroup
from followup_desktop.services.insights.follow_up_results import ANY, FollowUpResult
from followup_desktop.services.insights.funnel import FunnelStep
from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.services.insights.scope import InsightsScope


def example_report(scope: InsightsScope, goal: int) -> InsightsReport:
    """A plausible search of a few months, for showing what each chart will show."""
    reached = (40, 14, 4, 1)
    steps = [
        FunnelStep(kind, label, count, reached[max(0, n - 1)])
        for n, ((kind, label), count) in enumerate(
            zip(
                (
                    ("applied", "Applied"),
                    ("interview", "Interview"),
                    ("offer", "Offer"),
                    ("accepted", "Accepted"),
                ),
                reached,
                strict=True,
            )
        )
    ]
    answers = [
        AnswerGroup(ALL, "", "All applications", 40, 24, 9.0, (6, 13), (2, 24)),
        AnswerGroup(BY_SOURCE, "Referral", "Referral", 10, 8, 5.0, (3, 8), (2, 12)),
        AnswerGroup(BY_SOURCE, "Job board", "Job board", 20, 10, 12.0, (8, 16), (4, 24)),
        AnswerGroup(BY_SOURCE, "Recruiter", "Recruiter", 10, 6, 7.0, (5, 10), (3, 15)),
    ]
    follow_ups = [
        FollowUpResult(ANY, ANY, 36, {7: (34, 13), 14: (30, 16)}),
        FollowUpResult("call", ANY, 10, {7: (10, 5), 14: (9, 6)}),
        FollowUpResult("email", ANY, 18, {7: (17, 4), 14: (15, 5)}),
        FollowUpResult("note", ANY, 8, {7: (7, 4), 14: (6, 5)}),
    ]
    this_week = monday_of(scope.today)
    pattern = (3, 5, 6, 2, 7, 5, 6, 4)
    weeks = [
        ActivityWeek(
            this_week - dt.timedelta(weeks=len(pattern) - 1 - n), total // 2, total - total // 2
        )
        for n, total in enumerate(pattern)
    ]
    return InsightsReport(scope, steps, answers, follow_ups, Activity(goal, weeks, streak=2))
