"""Answers: the share of applications the company answered, and how many days that took."""

from __future__ import annotations

from dataclasses import dataclass

from followup_desktop.db.reads import read_all
from followup_desktop.services.insights.funnel import FunnelStep, funnel_steps
from followup_desktop.services.insights.reached import FUNNEL_STEPS, reached_sql
from followup_desktop.services.insights.scope import MIN_CASES, InsightsScope, share

#: How the answers are grouped: all together, by source, by the furthest stage reached.
ALL = "all"
BY_SOURCE = "source"
BY_STAGE = "stage"

#: The label of applications with no source recorded.
NO_SOURCE = "Not recorded"


@dataclass(frozen=True)
class AnswerGroup:
    """Answers for one group of applications; days are calendar days from applying."""

    dimension: str
    #: The source, the stage kind, or "" for all applications.
    key: str
    label: str
    applications: int
    answered: int
    median_days: float | None
    #: The middle half of the waits (lower and upper quartile) and the shortest and longest.
    quartile_days: tuple[int, int] | None
    range_days: tuple[int, int] | None

    @property
    def answered_share(self) -> float | None:
        return share(self.answered, self.applications)

    @property
    def enough_answers(self) -> bool:
        """Whether there are enough answers for a median and a spread to mean something."""
        return self.answered >= MIN_CASES


def _statistics_sql(with_clause: str) -> str:
    # Ranks put the answered first (NULL days last), so ranks 1..n are the answered ones;
    # the median and nearest-rank quartiles are then picked by rank, still in SQL.
    return f"""{with_clause},
answers AS MATERIALIZED (
    SELECT source, furthest, interview, offer, accepted,
           CAST(julianday(date(first_answer)) - julianday(started_on) AS INTEGER) AS days
    FROM reached
),
grouped AS (
    SELECT '{ALL}' AS dimension, '' AS grp, days, interview, offer, accepted FROM answers
    UNION ALL SELECT '{BY_SOURCE}', source, days, 0, 0, 0 FROM answers
    UNION ALL SELECT '{BY_STAGE}', furthest, days, 0, 0, 0 FROM answers
),
ranked AS (
    SELECT dimension, grp, days, interview, offer, accepted,
           row_number() OVER (PARTITION BY dimension, grp ORDER BY days IS NULL, days) AS rn,
           count(days) OVER (PARTITION BY dimension, grp) AS n
    FROM grouped
)
SELECT dimension, grp, count(*), max(n),
       avg(days) FILTER (WHERE days IS NOT NULL AND rn IN ((n + 1) / 2, (n + 2) / 2)),
       min(days) FILTER (WHERE days IS NOT NULL AND rn = (n + 3) / 4),
       min(days) FILTER (WHERE days IS NOT NULL AND rn = (3 * n + 3) / 4),
       min(days), max(days),
       total(interview), total(offer), total(accepted)
FROM ranked
GROUP BY dimension, grp
"""


def answer_groups(scope: InsightsScope) -> list[AnswerGroup]:
    """All applications first, then each source (most applications first), then each stage in
    funnel order; computed in one statement."""
    return answers_and_funnel(scope)[0]


def answers_and_funnel(scope: InsightsScope) -> tuple[list[AnswerGroup], list[FunnelStep]]:
    """The answer groups (see ``answer_groups``) and the funnel, from one statement."""
    with_clause, params = reached_sql(scope)
    stage_labels = dict(FUNNEL_STEPS)
    stage_order = {kind: n for n, (kind, _label) in enumerate(FUNNEL_STEPS)}
    groups = []
    counts = [0, 0, 0, 0]
    for row in read_all(_statistics_sql(with_clause), params):
        dimension, key, applications, answered, median, low, high, shortest, longest = row[:9]
        if dimension == ALL:
            counts = [int(applications), *(int(value) for value in row[9:])]
        enough = answered >= MIN_CASES
        if dimension == ALL:
            label = "All applications"
        elif dimension == BY_SOURCE:
            label = key or NO_SOURCE
        else:
            label = f"Furthest: {stage_labels.get(key, key)}"
        groups.append(
            AnswerGroup(
                dimension=dimension,
                key=key,
                label=label,
                applications=int(applications),
                answered=int(answered),
                median_days=float(median) if enough and median is not None else None,
                quartile_days=(int(low), int(high)) if enough and low is not None else None,
                range_days=(int(shortest), int(longest)) if enough else None,
            )
        )
    if not any(g.dimension == ALL for g in groups):
        groups.append(AnswerGroup(ALL, "", "All applications", 0, 0, None, None, None))
    dimension_order = {ALL: 0, BY_SOURCE: 1, BY_STAGE: 2}
    groups.sort(
        key=lambda g: (
            dimension_order[g.dimension],
            stage_order.get(g.key, 0) if g.dimension == BY_STAGE else -g.applications,
            g.label.casefold(),
        )
    )
    return groups, funnel_steps(counts)
