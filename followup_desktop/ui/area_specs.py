"""The window's five areas: name, icon, shortcut, and how each is built on first showing."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from followup_desktop.ui.calendar.month_counts import MonthCounts
from followup_desktop.ui.events import AppEvents


class AreaContext(NamedTuple):
    """What the window shares with its areas."""

    events: AppEvents
    #: One undo history for the whole window, shown in the Edit menu.
    undo_stack: QUndoStack
    #: The calendar's month counts, read ahead while the window is idle.
    month_counts: MonthCounts


#: Builds an area from what the window shares with it.
AreaFactory = Callable[[AreaContext], QWidget]

# The factories import their area when it is first shown (or in idle time, see AreaWarmUp):
# each area is a large module, and only the first one shown is needed to open the window.


def _pipeline(shared: AreaContext) -> QWidget:
    from followup_desktop.ui.pipeline.board import PipelineBoard

    return PipelineBoard(shared.events, shared.undo_stack)


def _calendar(shared: AreaContext) -> QWidget:
    from followup_desktop.ui.calendar.area import CalendarArea

    return CalendarArea(shared.events, shared.undo_stack, counts_loader=shared.month_counts)


def _contacts(shared: AreaContext) -> QWidget:
    from followup_desktop.ui.contacts.contacts_area import ContactsArea

    return ContactsArea(shared.events)


def _composer(shared: AreaContext) -> QWidget:
    from followup_desktop.ui.composer.area import ComposerArea

    return ComposerArea(shared.events)


def _insights(shared: AreaContext) -> QWidget:
    # Only here: the charts module (QtCharts) loads on the first visit, never at start-up.
    from followup_desktop.ui.insights.area import InsightsArea

    return InsightsArea(shared.events)


class AreaSpec(NamedTuple):
    key: str
    label: str
    icon: QStyle.StandardPixmap
    shortcut: str
    factory: AreaFactory


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec(
        "pipeline", "Pipeline", QStyle.StandardPixmap.SP_FileDialogListView, "Ctrl+1", _pipeline
    ),
    AreaSpec(
        "calendar", "Calendar", QStyle.StandardPixmap.SP_FileDialogDetailedView, "Ctrl+2", _calendar
    ),
    AreaSpec("contacts", "Contacts", QStyle.StandardPixmap.SP_DirHomeIcon, "Ctrl+3", _contacts),
    AreaSpec(
        "composer", "Composer", QStyle.StandardPixmap.SP_FileDialogContentsView, "Ctrl+4", _composer
    ),
    AreaSpec(
        "insights", "Insights", QStyle.StandardPixmap.SP_FileDialogInfoView, "Ctrl+5", _insights
    ),
)
AREA_KEYS = tuple(spec.key for spec in AREAS)
