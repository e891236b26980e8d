"""Every small named setting the store keeps (its key/value table), read and written one way."""

from __future__ import annotations

import datetime as dt
import json

from followup_desktop.db.models import Setting, Stage, database

#: Whether notes carry the sender's e-mail and phone under the signature (letters always do).
CONTACT_BLOCK = "notes.contact_block"
#: The margin of notes and letter pages in millimetres; absent means each paper's own margin.
NOTE_MARGIN = "notes.margin_mm"
#: The board columns the user folded (a JSON list of stage ids).
FOLDED_STAGES = "board.collapsed_stages"
#: Whether the calendar file in the data folder is kept up to date.
CALENDAR_FEED = "calendar.feed"
#: The day the follow-up rules last planned everything.
PLANNED_ON = "rules.planned_on"
#: The day the reminder was last shown.
REMINDED_ON = "reminders.last_shown_on"
#: Present while the store's content came from the demo, so the window can offer a reset.
DEMO_MARK = "demo_data"
#: Present once the user was offered the demo: the question is asked once per store.
DEMO_OFFERED = "demo_offered"
#: Applications sent plus follow-ups done that the user aims for each week (Insights).
WEEKLY_GOAL = "insights.weekly_goal"
DEFAULT_WEEKLY_GOAL = 5
MAX_WEEKLY_GOAL = 200

#: Margins the user may choose; a printer cannot print closer to the edge than a few mm.
MARGIN_CHOICES_MM = (5.0, 8.0, 12.0, 16.0, 20.0)


def read_setting(key: str) -> str | None:
    """The stored text of ``key``, or None when it was never set."""
    row = Setting.get_or_none(Setting.key == key)
    return None if row is None else str(row.value)


def write_setting(key: str, value: str) -> None:
    """Set ``key`` to ``value`` (one row, created or replaced)."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def remove_setting(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()


def _flag(key: str) -> bool:
    return read_setting(key) == "true"


def _set_flag(key: str, on: bool) -> None:
    write_setting(key, "true" if on else "false")


def contact_block_on_notes() -> bool:
    return _flag(CONTACT_BLOCK)


def set_contact_block_on_notes(on: bool) -> None:
    _set_flag(CONTACT_BLOCK, on)


def note_margin_mm() -> float | None:
    """The chosen margin, or None for each paper's own (also when the stored value is bad)."""
    try:
        value = float(read_setting(NOTE_MARGIN) or "")
    except ValueError:
        return None
    return value if value in MARGIN_CHOICES_MM else None


def set_note_margin_mm(margin_mm: float | None) -> None:
    if margin_mm is not None and margin_mm not in MARGIN_CHOICES_MM:
        choices = ", ".join(f"{m:g}" for m in MARGIN_CHOICES_MM)
        raise ValueError(f"a margin of {margin_mm:g} mm is not offered; choose {choices}")
    write_setting(NOTE_MARGIN, "" if margin_mm is None else f"{margin_mm:g}")


def folded_stages() -> set[int]:
    """The folded board columns; the closed stages until the user folds or opens any column."""
    text = read_setting(FOLDED_STAGES)
    if text is None:
        return {stage.id for stage in Stage.select(Stage.id).where(Stage.is_closed)}
    try:
        value = json.loads(text)
    except ValueError:
        return set()
    return {int(v) for v in value if isinstance(v, int)} if isinstance(value, list) else set()


def set_stage_folded(stage_id: int, folded: bool) -> None:
    """Fold or open one board column, keeping the others as they are."""
    with database.atomic():
        stage_ids = folded_stages()
        if folded:
            stage_ids.add(stage_id)
        else:
            stage_ids.discard(stage_id)
        write_setting(FOLDED_STAGES, json.dumps(sorted(stage_ids)))


def calendar_feed_enabled() -> bool:
    return _flag(CALENDAR_FEED)


def set_calendar_feed_enabled(enabled: bool) -> None:
    _set_flag(CALENDAR_FEED, enabled)


def planned_on(today: dt.date) -> bool:
    """True when every follow-up was already planned on ``today``."""
    return read_setting(PLANNED_ON) == today.isoformat()


def set_planned_on(today: dt.date) -> None:
    write_setting(PLANNED_ON, today.isoformat())


def reminded_on(today: dt.date) -> bool:
    """True when the day's reminder was already shown on ``today``."""
    return read_setting(REMINDED_ON) == today.isoformat()


def set_reminded_on(today: dt.date) -> None:
    write_setting(REMINDED_ON, today.isoformat())


def holds_demo_data() -> bool:
    """True when the store was filled by the demo and not reset since."""
    return read_setting(DEMO_MARK) is not None


def demo_offered() -> bool:
    """Whether the user was already asked about the demo (whatever they answered)."""
    return read_setting(DEMO_OFFERED) is not None


def set_demo_offered() -> None:
    write_setting(DEMO_OFFERED, "1")


def mark_demo_data(on: bool) -> None:
    with database.atomic():
        if on:
            write_setting(DEMO_MARK, "1")
        else:
            remove_setting(DEMO_MARK)


def weekly_goal() -> int:
    """The weekly goal of applications sent plus follow-ups done (the default when unset or bad)."""
    try:
        value = int(read_setting(WEEKLY_GOAL) or "")
    except ValueError:
        return DEFAULT_WEEKLY_GOAL
    return value if 1 <= value <= MAX_WEEKLY_GOAL else DEFAULT_WEEKLY_GOAL


def set_weekly_goal(goal: int) -> None:
    if not 1 <= goal <= MAX_WEEKLY_GOAL:
        raise ValueError(f"a weekly goal is between 1 and {MAX_WEEKLY_GOAL}, not {goal}")
    write_setting(WEEKLY_GOAL, str(goal))
