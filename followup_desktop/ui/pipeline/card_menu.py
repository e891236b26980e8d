"""A card's context menu: open, log, its next follow-up, the keyboard's moves, its stage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from followup_desktop.services.board import StageInfo
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.actions import FollowUpActions
from followup_desktop.ui.pipeline.card_actions import CardActions
from followup_desktop.ui.pipeline.column_widget import StageColumn
from followup_desktop.ui.pipeline.stage_menu import StageMenus


class CardMenuHost(Protocol):
    """The board's columns and stages, which the menu's moves are offered along."""

    @property
    def columns(self) -> list[StageColumn]: ...

    @property
    def stages(self) -> list[StageInfo]: ...

    def delete_application(self, application_id: int) -> None: ...


class CardMenus:
    """Builds a card's menu; its next follow-up gets the same actions as in the Today panel."""

    def __init__(
        self,
        host: CardMenuHost,
        actions: CardActions,
        stage_menus: StageMenus,
        events: AppEvents,
        parent: QWidget,
    ) -> None:
        self._host = host
        self._actions = actions
        self._stage_menus = stage_menus
        self._events = events
        #: Menus open over this widget.
        self._parent = parent
        self._follow_up_actions = FollowUpActions(events, parent)

    def card_menu(self, column: StageColumn, row: int) -> QMenu:
        """The menu of the card at ``row`` of ``column``."""
        host, actions = self._host, self._actions
        card = column.model.card_at(row)
        menu = QMenu(self._parent)

        def add(text: str, shortcut: str, slot: Callable[[], object], enabled: bool = True) -> None:
            action = QAction(text, menu)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)

        position = host.columns.index(column)
        add("Open", "Return", lambda: actions.open_card(card.id))
        add(
            "Log conversation…",
            "",
            lambda: self._events.log_conversation_requested.emit(0, card.id),
        )
        self._add_next_step_menu(menu, card.next_follow_up_id)
        menu.addSeparator()
        add("Move up", "Ctrl+Up", lambda: actions.move_within(column, row, -1), row > 0)
        add("Move down", "Ctrl+Down", lambda: actions.move_within(column, row, +1))
        add(
            "Move to previous stage",
            "Ctrl+Left",
            lambda: actions.move_to_neighbour_stage(column, row, -1),
            position > 0,
        )
        add(
            "Move to next stage",
            "Ctrl+Right",
            lambda: actions.move_to_neighbour_stage(column, row, +1),
            position < len(host.columns) - 1,
        )
        move_menu = menu.addMenu("Move to stage")
        for stage in host.stages:
            if stage.id == card.stage_id:
                continue
            action = move_menu.addAction(stage.name)
            action.triggered.connect(
                lambda _checked=False, sid=stage.id: actions.request_move(card.id, sid, None)
            )
        menu.addSeparator()
        if card.archived:
            add("Restore to the board", "Ctrl+E", lambda: actions.archive(card.id, False))
        else:
            add("Archive", "Ctrl+E", lambda: actions.archive(card.id, True))
        add("Delete…", "", lambda: host.delete_application(card.id))
        menu.addSeparator()
        # The column header's menu, here too so the keyboard reaches it.
        stage_actions = self._stage_menus.stage_menu(column.stage)
        stage_actions.setTitle(f"Stage “{column.stage.name}”")
        menu.addMenu(stage_actions)
        return menu

    def _add_next_step_menu(self, menu: QMenu, follow_up_id: int | None) -> None:
        """The follow-up the card shows as next, with the same actions as the Today panel."""
        if follow_up_id is None:
            menu.addAction("No follow-up planned").setEnabled(False)
            return
        submenu = self._follow_up_actions.build_menu(follow_up_id, menu)
        submenu.setTitle("Next follow-up")
        menu.addMenu(submenu)
