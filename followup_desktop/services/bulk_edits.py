"""Changes to several applications at once (move, archive, tag), each one transaction that
returns what the applications were before, so that one undo puts them all back."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from followup_desktop.db.models import RANK_GAP, Application, Stage, database, id_column
from followup_desktop.services.application_edits import (
    ApplicationGoneError,
    ApplicationSnapshot,
    restore_application,
    snapshot_application,
)
from followup_desktop.services.job_details import parse_tags, with_tag
from followup_desktop.services.planning import replan_scope
from followup_desktop.services.rule_facts import expand_scope

MAX_TAG_LENGTH = 60


class BulkEditError(Exception):
    """The change cannot be made; nothing was written. The message is one line for the user."""


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _snapshots(application_ids: list[int]) -> list[ApplicationSnapshot]:
    """The applications' state now, leaving out any deleted meanwhile."""
    found = []
    for app_id in application_ids:
        try:
            found.append(snapshot_application(app_id))
        except ApplicationGoneError:
            continue
    if not found:
        raise BulkEditError("Those applications no longer exist.")
    return found


def _replan(application_ids: list[int]) -> None:
    apps, contacts = expand_scope(application_ids, [])
    replan_scope(apps, contacts)


def move_applications(application_ids: list[int], stage_id: int) -> list[ApplicationSnapshot]:
    """Put the applications at the end of a stage, in the order given; their state before."""
    with database.atomic("IMMEDIATE"):
        if not Stage.select().where(Stage.id == stage_id).exists():
            raise BulkEditError("That stage no longer exists.")
        before = _snapshots(application_ids)
        top = (
            Application.select(pw.fn.MAX(Application.rank))
            .where(Application.stage == stage_id)
            .scalar()
        ) or 0
        for snapshot in before:
            if snapshot.stage_id == stage_id:
                continue
            top += RANK_GAP
            Application.update(stage=stage_id, rank=top, updated_at=_now()).where(
                Application.id == snapshot.id
            ).execute()
        _replan([s.id for s in before])
    return before


def set_archived_many(application_ids: list[int], archived: bool) -> list[ApplicationSnapshot]:
    """Archive (or restore) the applications, keeping their places; their state before."""
    with database.atomic("IMMEDIATE"):
        before = _snapshots(application_ids)
        ids = [s.id for s in before]
        Application.update(archived=archived, updated_at=_now()).where(
            id_column(Application).in_(ids)
        ).execute()
        _replan(ids)
    return before


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be added, or None."""
    tags = parse_tags(tag)
    if len(tags) != 1:
        return "Write one tag, without commas."
    if len(tags[0]) > MAX_TAG_LENGTH:
        return f"Keep a tag under {MAX_TAG_LENGTH} characters."
    if "\x00" in tag:
        return "The tag contains a NUL character, which cannot be stored."
    return None


def add_tag(application_ids: list[int], tag: str) -> list[ApplicationSnapshot]:
    """Add one tag to each application (where it is not there yet); their state before."""
    problem = tag_problem(tag)
    if problem is not None:
        raise BulkEditError(problem)
    with database.atomic("IMMEDIATE"):
        before = _snapshots(application_ids)
        for snapshot in before:
            tags = with_tag(snapshot.tags, tag)
            if tags != snapshot.tags:
                Application.update(tags=tags, updated_at=_now()).where(
                    Application.id == snapshot.id
                ).execute()
    return before


def restore_applications(snapshots: list[ApplicationSnapshot]) -> None:
    """Write the snapshots back in one transaction (the ones still there)."""
    with database.atomic("IMMEDIATE"):
        for snapshot in snapshots:
            try:
                restore_application(snapshot)
            except ApplicationGoneError:
                continue  # deleted meanwhile: the others are still put back


def snapshots_of(application_ids: list[int]) -> list[ApplicationSnapshot]:
    """The applications' state now (the ones still there)."""
    return _snapshots(application_ids)
