"""The stages each application reached at any time, not only the one it is in now.

A card's current stage says where it is; the log says where it has been: moving a card into
Interview logs the interview, an offer is logged as one, and a rejection after an interview
leaves that interview in the log. An application counts as having reached a stage when it is
in that stage or a later one, or when the log holds the step; every stage counts the ones
before it (an offer was applied for).
"""

from __future__ import annotations

from typing import Any

from followup_desktop.services.insights.scope import ANSWER_CONDITION, InsightsScope

#: The funnel's steps in order, as (stage kind, label).
FUNNEL_STEPS: tuple[tuple[str, str], ...] = (
    ("applied", "Applied"),
    ("interview", "Interview"),
    ("offer", "Offer"),
    ("accepted", "Accepted"),
)


def _logged(kinds: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM interaction i WHERE i.application_id = a.id"
        f" AND i.kind IN ({kinds}))"
    )


def reached_sql(scope: InsightsScope) -> tuple[str, list[Any]]:
    """A ``WITH`` clause defining ``reached``: one row per application in scope that was sent,
    with ``interview``, ``offer``, ``accepted`` (0 or 1, each implying the ones before) and
    ``furthest`` (the kind of the last step reached)."""
    where, params = scope.application_filter("a")
    sql = f"""
WITH steps AS MATERIALIZED (
    SELECT a.id, a.company_id, a.source,
           COALESCE(a.applied_on, date(a.created_at)) AS started_on,
           s.kind = 'accepted' AS accepted,
           s.kind IN ('offer', 'accepted') OR {_logged("'offer'")} AS offer,
           s.kind IN ('interview', 'offer', 'accepted')
               OR {_logged("'interview', 'offer'")} AS interview,
           a.applied_on IS NOT NULL OR s.kind IN ('applied', 'rejected')
               OR {_logged("'applied', 'rejection'")} AS sent
    FROM application a JOIN stage s ON s.id = a.stage_id
    WHERE {where}
),
reached AS MATERIALIZED (
    SELECT id, company_id, source, started_on,
           accepted,
           offer OR accepted AS offer,
           interview OR offer OR accepted AS interview,
           CASE WHEN accepted THEN 'accepted' WHEN offer OR accepted THEN 'offer'
                WHEN interview OR offer OR accepted THEN 'interview' ELSE 'applied' END
               AS furthest
    FROM steps
    WHERE sent OR interview OR offer OR accepted
)"""
    return sql, params


#: The first answer from the company on or after the day an application started: logged
#: against the application, or against the company with no application named.
FIRST_ANSWER_SQL = f"""
min(
    COALESCE(by_application, by_company), COALESCE(by_company, by_application)
) AS first_answer
FROM (
    SELECT r.*,
        (SELECT min(i.occurred_at) FROM interaction i
         WHERE i.application_id = r.id AND {ANSWER_CONDITION}
           AND i.occurred_at >= r.started_on) AS by_application,
        (SELECT min(i.occurred_at) FROM interaction i
         WHERE i.company_id = r.company_id AND i.application_id IS NULL AND {ANSWER_CONDITION}
           AND i.occurred_at >= r.started_on) AS by_company
    FROM reached r
)"""
