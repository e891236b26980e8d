"""What the user says when marking a follow-up done: the value the completion dialog returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_desktop.services.follow_up_actions import NextStep


@dataclass(frozen=True)
class CompletionInput:
    """What the user said when marking a follow-up done."""

    outcome: str
    channel: str
    occurred_at: dt.datetime
    open_questions: str = ""
    concerns: str = ""
    next_step: NextStep | None = None
