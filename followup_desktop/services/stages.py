"""Manage the stages: add, rename, reorder, hide, fold, and delete only with a destination."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from followup_desktop.db.models import RANK_GAP, Application, Stage, database
from followup_desktop.db.reads import tuple_rows
from followup_desktop.services.settings import set_stage_folded
from followup_desktop.services.validation import no_control_characters

MAX_STAGE_NAME = 40


class StageError(Exception):
    """A stage change was refused; the message is one line for the user."""


class StageNotEmptyError(StageError):
    """A stage that still holds applications was asked to vanish without a destination."""


def stage_name_problem(name: str, *, stage_id: int | None = None) -> str | None:
    clean = name.strip()
    if not clean:
        return "A stage needs a name."
    if len(clean) > MAX_STAGE_NAME:
        return f"Keep the name under {MAX_STAGE_NAME} characters."
    problem = no_control_characters(clean)
    if problem:
        return problem
    clash = Stage.select().where(pw.fn.LOWER(Stage.name) == clean.lower())
    if stage_id is not None:
        clash = clash.where(Stage.id != stage_id)
    if clash.exists():
        return f"There is already a stage called “{clean}”."
    return None


def _get(stage_id: int) -> Stage:
    stage = Stage.get_or_none(Stage.id == stage_id)
    if stage is None:
        raise StageError("That stage no longer exists.")
    return stage


def add_stage(name: str, *, closed: bool = False) -> Stage:
    """A new stage: open ones go after the last open stage, closed ones at the end."""
    problem = stage_name_problem(name)
    if problem:
        raise StageError(problem)
    with database.atomic("IMMEDIATE"):
        stages = list(Stage.select().order_by(Stage.position, Stage.id))
        index = len(stages)
        if not closed:
            index = next((i for i, s in enumerate(stages) if s.is_closed), len(stages))
        stages.insert(index, Stage(name=name.strip(), is_closed=closed, position=0))
        for position, stage in enumerate(stages):
            if stage.id is None:
                stage.position = position
                stage.save()
            elif stage.position != position:
                Stage.update(position=position).where(Stage.id == stage.id).execute()
        return stages[index]


def rename_stage(stage_id: int, name: str) -> None:
    problem = stage_name_problem(name, stage_id=stage_id)
    if problem:
        raise StageError(problem)
    with database.atomic("IMMEDIATE"):
        _get(stage_id)
        Stage.update(name=name.strip()).where(Stage.id == stage_id).execute()


def move_stage(stage_id: int, offset: int) -> bool:
    """Swap a stage with its neighbour to the left (-1) or right (+1); False at an end."""
    with database.atomic("IMMEDIATE"):
        _get(stage_id)
        order = [s.id for s in Stage.select(Stage.id).order_by(Stage.position, Stage.id)]
        index = order.index(stage_id)
        target = index + offset
        if not 0 <= target < len(order):
            return False
        order[index], order[target] = order[target], order[index]
        for position, sid in enumerate(order):
            Stage.update(position=position).where(Stage.id == sid).execute()
        return True


def set_stage_hidden(stage_id: int, hidden: bool) -> None:
    with database.atomic("IMMEDIATE"):
        _get(stage_id)
        Stage.update(is_hidden=hidden).where(Stage.id == stage_id).execute()


def applications_in_stage(stage_id: int) -> int:
    """Applications in a stage, archived ones included (they would vanish with it too)."""
    return int(Application.select().where(Application.stage == stage_id).count())


def delete_stage(stage_id: int, move_to: int | None = None) -> list[tuple[int, int]]:
    """Delete a stage; its applications first go to the bottom of ``move_to``, in order.

    Refuses (StageNotEmptyError) when the stage holds applications and no destination is
    given, and refuses to delete the last stage. Returns (application id, old rank) of every
    moved application so the deletion can be undone exactly.
    """
    with database.atomic("IMMEDIATE"):
        _get(stage_id)
        if Stage.select().count() <= 1:
            raise StageError("The board needs at least one stage.")
        query = (
            Application.select(Application.id, Application.rank)
            .where(Application.stage == stage_id)
            .order_by(Application.rank, Application.id)
        )
        moved = [(int(app_id), int(rank)) for app_id, rank in tuple_rows(query)]
        if moved and move_to is None:
            count = len(moved)
            raise StageNotEmptyError(
                f"This stage holds {count} application{'s' if count != 1 else ''}; "
                "choose the stage they move to."
            )
        if moved:
            assert move_to is not None
            if move_to == stage_id or not Stage.select().where(Stage.id == move_to).exists():
                raise StageError("Choose another existing stage for its applications.")
            top = (
                Application.select(pw.fn.MAX(Application.rank))
                .where(Application.stage == move_to)
                .scalar()
            ) or 0
            now = dt.datetime.now().replace(microsecond=0)
            for offset, (app_id, _rank) in enumerate(moved, start=1):
                Application.update(
                    stage=move_to, rank=top + offset * RANK_GAP, updated_at=now
                ).where(Application.id == app_id).execute()
        Stage.delete().where(Stage.id == stage_id).execute()
        set_stage_folded(stage_id, False)
        return moved


def undo_delete_stage(
    stage_id: int,
    name: str,
    position: int,
    closed: bool,
    kind: str,
    hidden: bool,
    moved: list[tuple[int, int]],
) -> None:
    """Recreate a deleted stage and put its applications back at their old ranks."""
    with database.atomic("IMMEDIATE"):
        Stage.update(position=Stage.position + 1).where(Stage.position >= position).execute()
        Stage.insert(
            id=stage_id,
            name=name,
            position=position,
            is_closed=closed,
            is_hidden=hidden,
            kind=kind,
        ).execute()
        for app_id, rank in moved:
            Application.update(stage=stage_id, rank=rank).where(Application.id == app_id).execute()


# --- folded columns (a view preference kept with the data) -----------------------------------
