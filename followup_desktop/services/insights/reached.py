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


def reached_sql(scope: InsightsScope) -> tuple[str, list[Any]]:
    """A ``WITH`` clause defining ``reached``: one row per application in scope that was sent,
    with ``interview``, ``offer``, ``accepted`` (0 or 1, each implying the ones before),
    ``furthest`` (the kind of the last step reached) and ``first_answer`` (the first answer
    from the company on or after the day it started: logged against the application, or
    against the company with no application named; NULL when none came)."""
    where, params = scope.application_filter("a")
    # One pass along the log (a look-up per application and question reads far more rows),
    # and the answers logged against a company alone gathered once.
    sql = f"""
WITH scoped AS MATERIALIZED (
    SELECT a.id, a.company_id, a.source, a.applied_on IS NOT NULL AS dated, s.kind,
           COALESCE(a.applied_on, date(a.created_at)) AS started_on
    FROM application a JOIN stage s ON s.id = a.stage_id
    WHERE {where}
),
logged AS MATERIALIZED (
    SELECT i.application_id AS id,
           max(i.kind = 'offer') AS offer,
           max(i.kind IN ('interview', 'offer')) AS interview,
           max(i.kind IN ('applied', 'rejection')) AS sent,
           min(CASE WHEN {ANSWER_CONDITION} THEN i.occurred_at END) AS first_from_them
    FROM interaction i NOT INDEXED
    WHERE i.application_id IS NOT NULL
      AND (i.kind IN ('applied', 'interview', 'offer', 'rejection') OR {ANSWER_CONDITION})
    GROUP BY i.application_id
),
company_answers AS MATERIALIZED (
    SELECT i.company_id, i.occurred_at FROM interaction i
    WHERE i.application_id IS NULL AND i.company_id IS NOT NULL AND {ANSWER_CONDITION}
),
steps AS MATERIALIZED (
    SELECT sc.id, sc.company_id, sc.source, sc.started_on,
           sc.kind = 'accepted' AS accepted,
           sc.kind IN ('offer', 'accepted') OR COALESCE(l.offer, 0) AS offer,
           sc.kind IN ('interview', 'offer', 'accepted') OR COALESCE(l.interview, 0)
               AS interview,
           sc.dated OR sc.kind IN ('applied', 'rejected') OR COALESCE(l.sent, 0) AS sent,
           CASE WHEN l.first_from_them >= sc.started_on THEN l.first_from_them
                -- Heard from them before applying (rare): the first time after it.
                WHEN l.first_from_them IS NOT NULL THEN
                    (SELECT min(i.occurred_at) FROM interaction i
                     WHERE i.application_id = sc.id AND {ANSWER_CONDITION}
                       AND i.occurred_at >= sc.started_on)
           END AS by_application,
           (SELECT min(ca.occurred_at) FROM company_answers ca
            WHERE ca.company_id = sc.company_id AND ca.occurred_at >= sc.started_on)
               AS by_company
    FROM scoped sc LEFT JOIN logged l ON l.id = sc.id
),
reached AS MATERIALIZED (
    SELECT id, company_id, source, started_on,
           accepted,
           offer OR accepted AS offer,
           interview OR offer OR accepted AS interview,
           CASE WHEN accepted THEN 'accepted' WHEN offer OR accepted THEN 'offer'
                WHEN interview OR offer OR accepted THEN 'interview' ELSE 'applied' END
               AS furthest,
           min(COALESCE(by_application, by_company), COALESCE(by_company, by_application))
               AS first_answer
    FROM steps
    WHERE sent OR interview OR offer OR accepted
)"""
    return sql, params
