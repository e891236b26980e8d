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


def _counts_sql(with_clause: str) -> str:
    # Waits are whole days, so the applications are counted per (source, furthest stage,
    # wait): a few hundred rows, from which every group's share, median and quartiles follow
    # without reading an application row into Python.
    return f"""{with_clause}
SELECT source, furthest,
       CAST(julianday(date(first_answer)) - julianday(started_on) AS INTEGER) AS days,
       count(*), total(interview), total(offer), total(accepted)
FROM reached
GROUP BY source, furthest, days
"""


#: Applications per wait in days (None: not answered).
Waits = dict[int | None, int]


def _at_rank(waits: list[tuple[int, int]], rank: int) -> int:
    """The wait at ``rank`` (1 = the shortest) of waits given as sorted (days, count)."""
    seen = 0
    for days, count in waits:
        seen += count
        if seen >= rank:
            return days
    raise ValueError(f"rank {rank} beyond {seen} waits")


def _group(dimension: str, key: str, label: str, waits: Waits) -> AnswerGroup:
    answered = sorted((days, count) for days, count in waits.items() if days is not None)
    n = sum(count for _days, count in answered)
    enough = n >= MIN_CASES
    return AnswerGroup(
        dimension=dimension,
        key=key,
        label=label,
        applications=sum(waits.values()),
        answered=n,
        # Median: the middle wait (the mean of the middle two); quartiles by nearest rank.
        median_days=(_at_rank(answered, (n + 1) // 2) + _at_rank(answered, (n + 2) // 2)) / 2
        if enough
        else None,
        quartile_days=(_at_rank(answered, (n + 3) // 4), _at_rank(answered, (3 * n + 3) // 4))
        if enough
        else None,
        range_days=(answered[0][0], answered[-1][0]) if enough else None,
    )


def answer_groups(scope: InsightsScope) -> list[AnswerGroup]:
    """All applications first, then each source (most applications first), then each stage in
    funnel order; computed in one statement."""
    return answers_and_funnel(scope)[0]


def answers_and_funnel(scope: InsightsScope) -> tuple[list[AnswerGroup], list[FunnelStep]]:
    """The answer groups (see ``answer_groups``) and the funnel, from one statement."""
    with_clause, params = reached_sql(scope)
    overall: Waits = {}
    by_source: dict[str, Waits] = {}
    by_stage: dict[str, Waits] = {}
    counts = [0, 0, 0, 0]
    for source, furthest, days, count, interview, offer, accepted in read_all(
        _counts_sql(with_clause), params
    ):
        for waits in (overall, by_source.setdefault(source, {}), by_stage.setdefault(furthest, {})):
            waits[days] = waits.get(days, 0) + int(count)
        for n, value in enumerate((count, interview, offer, accepted)):
            counts[n] += int(value)
    sources = sorted(
        by_source.items(), key=lambda item: (-sum(item[1].values()), item[0].casefold())
    )
    groups = [
        _group(ALL, "", "All applications", overall),
        *(_group(BY_SOURCE, key, key or NO_SOURCE, waits) for key, waits in sources),
        *(
            _group(BY_STAGE, kind, f"Furthest: {label}", by_stage[kind])
            for kind, label in FUNNEL_STEPS
            if kind in by_stage
        ),
    ]
    return groups, funnel_steps(counts)
