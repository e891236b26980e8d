"""All the figures of one scope together, and the same figures as JSON with stable keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup_desktop.db.reads import read_all
from followup_desktop.services.insights.activity import Activity, activity
from followup_desktop.services.insights.answers import AnswerGroup, answers_and_funnel
from followup_desktop.services.insights.follow_up_results import (
    WINDOWS,
    FollowUpResult,
    follow_up_results,
)
from followup_desktop.services.insights.funnel import FunnelStep
from followup_desktop.services.insights.scope import MIN_CASES, InsightsScope
from followup_desktop.services.settings import weekly_goal


@dataclass(frozen=True)
class InsightsReport:
    scope: InsightsScope
    funnel: list[FunnelStep]
    answers: list[AnswerGroup]
    follow_ups: list[FollowUpResult]
    activity: Activity


def insights_report(scope: InsightsScope) -> InsightsReport:
    """Every figure of the Insights area for ``scope``, each computed by SQLite."""
    answers, funnel = answers_and_funnel(scope)
    return InsightsReport(
        scope=scope,
        funnel=funnel,
        answers=answers,
        follow_ups=follow_up_results(scope),
        activity=activity(scope, weekly_goal()),
    )


def application_sources() -> list[tuple[str, int]]:
    """Each source recorded on applications ("" for none) with its number of applications."""
    rows = read_all(
        "SELECT source, count(*) FROM application GROUP BY source ORDER BY count(*) DESC, source"
    )
    return [(str(source), int(count)) for source, count in rows]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def report_as_json(report: InsightsReport) -> dict[str, Any]:
    """The report as plain values; rates are null below the minimum of cases."""
    scope = report.scope
    return {
        "scope": {
            "today": scope.today.isoformat(),
            "since": scope.since.isoformat() if scope.since else None,
            "source": scope.source,
            "minimum_cases": MIN_CASES,
        },
        "funnel": [
            {
                "stage": step.kind,
                "label": step.label,
                "reached": step.reached,
                "conversion": _rounded(step.conversion),
            }
            for step in report.funnel
        ],
        "answers": [
            {
                "group": group.dimension,
                "key": group.key,
                "label": group.label,
                "applications": group.applications,
                "answered": group.answered,
                "answered_share": _rounded(group.answered_share),
                "median_days": group.median_days,
                "quartile_days": list(group.quartile_days) if group.quartile_days else None,
                "range_days": list(group.range_days) if group.range_days else None,
            }
            for group in report.answers
        ],
        "follow_ups": [
            {
                "channel": result.channel or None,
                "reason": result.reason or None,
                "done": result.done,
                **{
                    f"within_{days}_days": {
                        "cases": result.answered[days][0],
                        "answered": result.answered[days][1],
                        "rate": _rounded(result.rate(days)),
                    }
                    for days in WINDOWS
                },
            }
            for result in report.follow_ups
        ],
        "activity": {
            "goal": report.activity.goal,
            "streak": report.activity.streak,
            "weeks": [
                {
                    "week": week.monday.isoformat(),
                    "applications": week.applications,
                    "follow_ups": week.follow_ups,
                }
                for week in report.activity.weeks
            ],
        },
    }
