"""Activity: applications sent and follow-ups done per week, against the weekly goal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.reads import read_all
from followup_desktop.services.insights.scope import InsightsScope

#: The weeks the chart shows at most (the streak looks at every week).
MAX_WEEKS = 26
#: The weeks shown at least, so that a young store still shows a few weeks.
MIN_WEEKS = 8

# Weeks start on Monday: SQLite's 'weekday 0' moves to the next Sunday (or stays on one).
_MONDAY = "date({}, 'weekday 0', '-6 days')"

# Counted per day first, so that the week of each of the few hundred days is worked out once
# rather than for every row.
_WEEKLY_SQL = f"""
SELECT {_MONDAY.format("day")} AS week, total(sent), total(done) FROM (
    SELECT applied_on AS day, count(*) AS sent, 0 AS done
    FROM application WHERE applied_on IS NOT NULL GROUP BY applied_on
    UNION ALL
    SELECT substr(COALESCE(completed_at, due_on), 1, 10), 0, count(*)
    FROM follow_up WHERE state = 'done' GROUP BY 1
)
WHERE day < date(?, '+7 days')
GROUP BY week
"""


@dataclass(frozen=True)
class ActivityWeek:
    monday: dt.date
    applications: int
    follow_ups: int

    @property
    def total(self) -> int:
        return self.applications + self.follow_ups


@dataclass(frozen=True)
class Activity:
    goal: int
    #: Oldest first, the current week last; weeks with nothing done are included.
    weeks: list[ActivityWeek]
    #: Weeks in a row that met the goal, ending with the current week when it already has,
    #: else with the week before (a week still under way does not break a streak).
    streak: int

    @property
    def weeks_met(self) -> int:
        return sum(1 for week in self.weeks if week.total >= self.goal)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def activity(scope: InsightsScope, goal: int) -> Activity:
    """Weekly counts from the scope's first day or the first week with anything done (at
    most ``MAX_WEEKS``, at least ``MIN_WEEKS``) and the streak.

    Activity is the user's own effort, so the source filter does not apply to it.
    """
    this_week = monday_of(scope.today)
    rows = read_all(_WEEKLY_SQL, [this_week.isoformat()])
    by_week = {dt.date.fromisoformat(week): (int(sent), int(done)) for week, sent, done in rows}
    first = this_week - dt.timedelta(weeks=MAX_WEEKS - 1)
    if scope.since is not None:
        first = max(first, monday_of(scope.since))
    if by_week:  # no run of empty weeks before the first week with anything done
        first = max(first, min(by_week))
    first = min(first, this_week - dt.timedelta(weeks=MIN_WEEKS - 1))
    weeks = []
    monday = first
    while monday <= this_week:
        sent, done = by_week.get(monday, (0, 0))
        weeks.append(ActivityWeek(monday, sent, done))
        monday += dt.timedelta(weeks=1)
    return Activity(goal=goal, weeks=weeks, streak=_streak(by_week, this_week, goal))


def _streak(by_week: dict[dt.date, tuple[int, int]], this_week: dt.date, goal: int) -> int:
    def met(monday: dt.date) -> bool:
        return sum(by_week.get(monday, (0, 0))) >= goal

    monday = this_week if met(this_week) else this_week - dt.timedelta(weeks=1)
    streak = 0
    while met(monday):
        streak += 1
        monday -= dt.timedelta(weeks=1)
    return streak
