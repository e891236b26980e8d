"""The figures in words, the same in the Insights area and in ``followup stats``."""

from __future__ import annotations

from followup_desktop.services.insights.activity import Activity
from followup_desktop.services.insights.answers import AnswerGroup
from followup_desktop.services.insights.follow_up_results import FollowUpResult
from followup_desktop.services.insights.funnel import FunnelStep
from followup_desktop.services.insights.scope import MIN_CASES, share_text
from followup_desktop.services.wording import counted


def days_text(days: float) -> str:
    whole = int(days)
    return counted(whole, "day") if days == whole else f"{days:.1f} days"


def conversion_text(step: FunnelStep, previous: FunnelStep | None) -> str:
    """ "50% (of 8) of Applied"; the first step has none."""
    if previous is None:
        return ""
    return f"{share_text(step.reached, step.before)} of {previous.label}"


def answered_text(group: AnswerGroup) -> str:
    """ "6 of 9 answered: 67%" (no share below the minimum)."""
    text = f"{group.answered:,} of {counted(group.applications, 'application')} answered"
    value = group.answered_share
    return f"{text}: {value:.0%}" if value is not None else f"{text} (too few to tell)"


def wait_text(group: AnswerGroup) -> str:
    """ "first answer after 5.5 days (middle half 3 to 10 days)", or why there is none."""
    if group.median_days is None or group.quartile_days is None:
        if group.answered == 0:
            return "no answer yet"
        return f"wait shown from {MIN_CASES} answers"
    low, high = group.quartile_days
    return f"first answer after {days_text(group.median_days)} (middle half {low}–{high} days)"


def follow_up_rate_text(result: FollowUpResult, days: int) -> str:
    """ "38% (of 8)" answered within ``days``, or "too few (3)"."""
    cases, answered = result.answered[days]
    if not cases:
        return "none yet"
    return share_text(answered, cases)


def goal_text(goal: int) -> str:
    return f"{goal} {'application or follow-up' if goal == 1 else 'applications and follow-ups'}"


def streak_text(activity: Activity) -> str:
    goal = goal_text(activity.goal)
    if not activity.streak:
        return f"No streak yet: a week with {goal} starts one."
    return f"{counted(activity.streak, 'week')} in a row with {goal} or more."
