"""Follow-ups that work: for each channel and reason, how often the company answered soon after.

A follow-up counts once it is done; it was answered within N days when a conversation from that
company (see ``ANSWER_CONDITION``) came in after it and no more than N days later. Only
follow-ups done at least N days ago count for N days: a recent one has not had its chance yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.db.reads import read_all
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, label_for_reason
from followup_desktop.services.insights.scope import ANSWER_CONDITION, InsightsScope, share

#: The windows after a follow-up in which an answer counts, in days.
WINDOWS = (7, 14)
CHANNELS = ("call", "email", "note")
REASONS = ("status_check", "thank_you", "rejection_reply", "keep_in_touch", "manual")
#: Every channel or every reason together.
ANY = ""


@dataclass(frozen=True)
class FollowUpResult:
    """Follow-ups of one channel and one reason (``ANY`` for all of them) and their answers."""

    channel: str
    reason: str
    done: int
    #: Per window (days): (follow-ups done at least that long ago, of them answered in time).
    answered: dict[int, tuple[int, int]]

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel) if self.channel else "All channels"

    @property
    def reason_label(self) -> str:
        return label_for_reason(self.reason) if self.reason else "All reasons"

    def rate(self, days: int) -> float | None:
        cases, answered = self.answered[days]
        return share(answered, cases)


def _sql(where: str) -> str:
    # Stored times are ISO text, so "done before the day after the window's last day" is a
    # comparison of text (no date arithmetic on every row); the answer's delay is worked out
    # only for the follow-ups that got one.
    window_columns = ",\n".join(
        f"total(done_at < ?), total(done_at < ? AND answer_at IS NOT NULL"
        f" AND julianday(answer_at) - julianday(done_at) <= {days})"
        for days in WINDOWS
    )
    # The first answer after each follow-up is one step along the (company, occurred_at) index.
    return f"""
WITH done AS MATERIALIZED (
    SELECT f.channel, f.reason, COALESCE(f.completed_at, f.due_on) AS done_at,
           COALESCE(a.company_id, c.client_company_id, c.company_id) AS company_id
    FROM follow_up f
    LEFT JOIN application a ON a.id = f.application_id
    LEFT JOIN contact c ON c.id = f.contact_id
    WHERE f.state = 'done' AND {where}
),
answered AS (
    SELECT channel, reason, done_at,
           (SELECT i.occurred_at FROM interaction i
            WHERE i.company_id = done.company_id AND i.occurred_at > done.done_at
              AND {ANSWER_CONDITION}
            ORDER BY i.occurred_at LIMIT 1) AS answer_at
    FROM done
)
SELECT channel, reason, count(*),
{window_columns}
FROM answered
GROUP BY channel, reason
"""


def follow_up_results(scope: InsightsScope) -> list[FollowUpResult]:
    """One result per channel and reason that has done follow-ups, then per channel
    (``reason`` ANY) and per reason (``channel`` ANY) and all together (both ANY)."""
    conditions = ["1"]
    params: list[str] = []
    if scope.since is not None:
        conditions.append("COALESCE(f.completed_at, f.due_on) >= ?")
        params.append(scope.since.isoformat())
    if scope.source is not None:
        conditions.append("a.source = ?")
        params.append(scope.source)
    window_params = [
        # Done on or before the window's length ago: before the day after it.
        (scope.today - dt.timedelta(days=days - 1)).isoformat()
        for days in WINDOWS
        for _column in range(2)
    ]
    rows = read_all(_sql(" AND ".join(conditions)), [*params, *window_params])
    totals: dict[tuple[str, str], list[float]] = {}
    for channel, reason, *numbers in rows:
        for key in ((channel, reason), (channel, ANY), (ANY, reason), (ANY, ANY)):
            sums = totals.setdefault(key, [0.0] * len(numbers))
            for n, value in enumerate(numbers):
                sums[n] += value
    totals.setdefault((ANY, ANY), [0.0] * (1 + 2 * len(WINDOWS)))
    results = [
        FollowUpResult(
            channel=channel,
            reason=reason,
            done=int(sums[0]),
            answered={
                days: (int(sums[1 + 2 * n]), int(sums[2 + 2 * n])) for n, days in enumerate(WINDOWS)
            },
        )
        for (channel, reason), sums in totals.items()
    ]
    results.sort(key=lambda r: (_order(r.channel, CHANNELS), _order(r.reason, REASONS)))
    return results


def _order(value: str, known: tuple[str, ...]) -> tuple[int, str]:
    if value == ANY:
        return (-1, "")
    return (known.index(value), "") if value in known else (len(known), value)


def result_for(results: list[FollowUpResult], channel: str, reason: str) -> FollowUpResult:
    """The result of one channel and reason (ANY for all), empty when none was done."""
    for result in results:
        if result.channel == channel and result.reason == reason:
            return result
    return FollowUpResult(channel, reason, 0, {days: (0, 0) for days in WINDOWS})
