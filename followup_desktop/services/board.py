"""The pipeline's data: stages in order and the application rows each column shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from followup_desktop.db.models import Application, Company, Contact, FollowUp, Stage
from followup_desktop.db.rows import tuple_rows


@dataclass(frozen=True)
class StageInfo:
    id: int
    name: str
    position: int
    is_closed: bool
    is_hidden: bool
    kind: str


@dataclass(frozen=True)
class BoardCard:
    """What one card on the board shows."""

    id: int
    stage_id: int
    rank: int
    company: str
    position: str
    contact: str
    next_due: dt.date | None
    next_channel: str


def list_stages(include_hidden: bool = True) -> list[StageInfo]:
    query = Stage.select().order_by(Stage.position, Stage.id)
    if not include_hidden:
        query = query.where(Stage.is_hidden == False)  # noqa: E712
    return [StageInfo(s.id, s.name, s.position, s.is_closed, s.is_hidden, s.kind) for s in query]


def load_board_cards(include_archived: bool = False) -> list[BoardCard]:
    """Every card of the board in stage and rank order, fetched in two queries."""
    query = (
        Application.select(
            Application.id,
            Application.stage,
            Application.rank,
            Application.position,
            Company.name,
            Contact.first_name,
            Contact.last_name,
        )
        .join(Company, on=(Application.company == Company.id))
        .switch(Application)
        .join(Contact, join_type=pw.JOIN.LEFT_OUTER, on=(Application.contact == Contact.id))
        .order_by(Application.stage, Application.rank, Application.id)
    )
    if not include_archived:
        query = query.where(Application.archived == False)  # noqa: E712
    next_steps = next_planned_by_application()
    cards = []
    for app_id, stage_id, rank, position, company, first, last in tuple_rows(query):
        due, channel = next_steps.get(app_id, (None, ""))
        cards.append(
            BoardCard(
                id=app_id,
                stage_id=stage_id,
                rank=rank,
                company=company,
                position=position,
                contact=" ".join(part for part in (first, last) if part),
                next_due=due,
                next_channel=channel,
            )
        )
    return cards


def next_planned_by_application() -> dict[int, tuple[dt.date, str]]:
    """The earliest planned follow-up of each application: due date and channel."""
    rows = (
        FollowUp.select(FollowUp.application, FollowUp.due_on, FollowUp.channel)
        .where((FollowUp.state == "planned") & FollowUp.application.is_null(False))
        .order_by(FollowUp.due_on.desc())
    )
    # Walking newest first and overwriting leaves the earliest date per application.
    return {app_id: (_as_date(due), channel) for app_id, due, channel in tuple_rows(rows)}


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
