"""Pipeline area: the board of applications, one column per stage (see ui/pipeline/)."""

from __future__ import annotations

from followup_desktop.ui.pipeline.board import PipelineBoard


class PipelineArea(PipelineBoard):
    """The board as the main window's first area."""
