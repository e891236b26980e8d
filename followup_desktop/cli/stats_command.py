"""``followup stats [--since DATE] [--source NAME] [--json]``: the Insights figures as text."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from followup_desktop.cli.common import iso_date, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.insights.follow_up_results import WINDOWS
from followup_desktop.services.insights.phrases import (
    answered_text,
    conversion_text,
    follow_up_rate_text,
    streak_text,
    wait_text,
)
from followup_desktop.services.insights.report import (
    InsightsReport,
    insights_report,
    report_as_json,
)
from followup_desktop.services.insights.scope import MIN_CASES, InsightsScope
from followup_desktop.services.wording import counted


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats", help="print the Insights figures: funnel, answers, follow-ups, activity"
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only applications started and follow-ups done from this day on (default: all)",
    )
    parser.add_argument(
        "--source",
        metavar="NAME",
        help="only applications from this source (as written on them)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON (keys: funnel, answers, follow_ups, …)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    open_store_for(args)
    try:
        scope = InsightsScope(dt.date.today(), since=args.since, source=args.source)
        report = insights_report(scope)
    finally:
        close_store()
    if args.json:
        print(json.dumps(report_as_json(report), indent=2, ensure_ascii=False))
    else:
        print("\n".join(summary_lines(report)))
    return 0


def summary_lines(report: InsightsReport) -> list[str]:
    """The report as a readable summary, one figure a line."""
    scope = report.scope
    period = f"since {scope.since.isoformat()}" if scope.since else "all time"
    source = "all sources" if scope.source is None else f"source “{scope.source or 'none'}”"
    lines = [
        f"Insights, {period}, {source} (today {scope.today.isoformat()}).",
        f"No rate is shown for fewer than {MIN_CASES} cases.",
        "",
        "Funnel: applications that reached each stage",
    ]
    previous = None
    for step in report.funnel:
        conversion = conversion_text(step, previous)
        lines.append(f"  {step.label:<10} {step.reached:>6,}  {conversion}".rstrip())
        previous = step
    lines += ["", "Answers from the company"]
    for group in report.answers:
        lines.append(f"  {group.label:<22} {answered_text(group)}; {wait_text(group)}")
    lines += ["", "Follow-ups answered by the company"]
    header = "".join(f"  {f'within {days} days':<22}" for days in WINDOWS)
    lines.append(f"  {'Channel':<18} {'Reason':<20} {'Done':>5}{header}")
    for result in report.follow_ups:
        rates = "".join(f"  {follow_up_rate_text(result, days):<22}" for days in WINDOWS)
        labels = f"{result.channel_label:<18} {result.reason_label:<20}"
        lines.append(f"  {labels} {result.done:>5,}{rates}".rstrip())
    activity = report.activity
    lines += ["", f"Activity: applications sent and follow-ups done (goal: {activity.goal} a week)"]
    for week in activity.weeks:
        mark = "  goal met" if week.total >= activity.goal else ""
        lines.append(
            f"  week of {week.monday.isoformat()}  {counted(week.applications, 'application')},"
            f" {counted(week.follow_ups, 'follow-up')}{mark}"
        )
    lines.append(f"  {streak_text(activity)}")
    return lines
