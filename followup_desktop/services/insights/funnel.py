"""The funnel: how many applications reached each stage, and the share that went on."""

from __future__ import annotations

from dataclasses import dataclass

from followup_desktop.db.reads import read_one
from followup_desktop.services.insights.reached import FUNNEL_STEPS, reached_sql
from followup_desktop.services.insights.scope import InsightsScope, share


@dataclass(frozen=True)
class FunnelStep:
    kind: str
    label: str
    #: Applications that reached this stage (ever).
    reached: int
    #: Applications that reached the stage before (the first step: itself).
    before: int

    @property
    def conversion(self) -> float | None:
        """The share of the previous stage that got here; None below the minimum of cases."""
        return share(self.reached, self.before)


def funnel(scope: InsightsScope) -> list[FunnelStep]:
    """One step per funnel stage, counted in one statement."""
    with_clause, params = reached_sql(scope)
    row = read_one(
        f"{with_clause} SELECT count(*), total(interview), total(offer), total(accepted)"
        " FROM reached",
        params,
    )
    return funnel_steps([int(value or 0) for value in (row or (0, 0, 0, 0))])


def funnel_steps(counts: list[int]) -> list[FunnelStep]:
    """The steps from the applications that reached each stage, in funnel order."""
    steps = []
    for index, (kind, label) in enumerate(FUNNEL_STEPS):
        before = counts[index - 1] if index else counts[0]
        steps.append(FunnelStep(kind, label, counts[index], before))
    return steps
