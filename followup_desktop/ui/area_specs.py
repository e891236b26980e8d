"""The window's four areas: name, icon, shortcut, and how each is built on first showing."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from followup_desktop.ui.events import AppEvents

#: Builds an area from the shared events and the window's undo history.
AreaFactory = Callable[[AppEvents, QUndoStack], QWidget]

# The factories import their area when it is first shown (or in idle time, see AreaWarmUp):
# each area is a large module, and only the first one shown is needed to open the window.


def _pipeline(events: AppEvents, undo_stack: QUndoStack) -> QWidget:
    from followup_desktop.ui.pipeline.board import PipelineBoard

    return PipelineBoard(events, undo_stack)


def _calendar(events: AppEvents, undo_stack: QUndoStack) -> QWidget:
    from followup_desktop.ui.calendar.area import CalendarArea

    return CalendarArea(events, undo_stack)


def _contacts(events: AppEvents, _undo_stack: QUndoStack) -> QWidget:
    from followup_desktop.ui.contacts.contacts_area import ContactsArea

    return ContactsArea(events)


def _composer(events: AppEvents, _undo_stack: QUndoStack) -> QWidget:
    from followup_desktop.ui.composer.area import ComposerArea

    return ComposerArea(events)


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
)
AREA_KEYS = tuple(spec.key for spec in AREAS)
