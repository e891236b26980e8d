"""Every keyboard shortcut bound in the live window, read from its actions and shortcuts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from followup_desktop.ui.area_specs import AREAS
from followup_desktop.ui.pipeline.board_parts import KEY_HELP

#: Where an action or shortcut outside the menus is listed when no area holds it.
WINDOW_SECTION = "Window"


class ShortcutEntry(NamedTuple):
    section: str
    what: str
    keys: str


def key_text(sequences: Iterable[QKeySequence]) -> str:
    """The keys as the system writes them, several separated by " or "."""
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return " or ".join(text for text in texts if text)


def plain_label(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_actions(menu: QMenu) -> Iterable[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_actions(submenu)
        else:
            yield action


def _section_of(item: QObject) -> str:
    """The area an action or shortcut belongs to (its parent widget's area), else the window."""
    labels = {f"{spec.key}_area": spec.label for spec in AREAS}
    node: QObject | None = item
    while node is not None:
        if node.objectName() in labels:
            return labels[node.objectName()]
        node = node.parent()
    return WINDOW_SECTION


def window_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """The window's shortcuts: the menus' in menu order, then the areas' and the window's
    own (a QShortcut says what it does in its ``whatsThis``)."""
    entries: list[ShortcutEntry] = []
    listed: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in _menu_actions(menu):
            listed.add(id(action))
            keys = key_text(action.shortcuts())
            if keys:
                entries.append(
                    ShortcutEntry(plain_label(top.text()), plain_label(action.text()), keys)
                )
    others: list[ShortcutEntry] = []
    for action in window.findChildren(QAction):
        keys = key_text(action.shortcuts())
        if keys and id(action) not in listed:
            others.append(ShortcutEntry(_section_of(action), plain_label(action.text()), keys))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text(shortcut.keys())
        if keys and shortcut.isEnabled():
            what = shortcut.whatsThis() or "(no description)"
            others.append(ShortcutEntry(_section_of(shortcut), what, keys))
    others += card_keys()
    order = {spec.label: n for n, spec in enumerate(AREAS)}
    others.sort(key=lambda e: (order.get(e.section, len(order)), e.section))
    return entries + others


#: What the keys of the board's hint line do, in words for the sheet.
_CARD_KEY_WORDS = {
    "reorder": "Move the card up or down its column",
    "change stage": "Move to the previous or next stage",
    "opens": "Open the card",
    "archives": "Archive the card",
}


def card_keys() -> list[ShortcutEntry]:
    """The keys a focused card answers to (its list handles them itself, not through
    actions), read from the hint line the board shows under its columns."""
    entries = []
    for part in KEY_HELP.split("·"):
        keys, _space, what = part.strip().partition(" ")
        if "+" in keys or keys in ("Enter", "Delete"):
            entries.append(ShortcutEntry("Pipeline", _CARD_KEY_WORDS.get(what, what), keys))
    return entries


def ensure_all_areas(window: QWidget) -> None:
    """Build every area, so their shortcuts exist to be listed (areas are built lazily)."""
    area = getattr(window, "area", None)
    if area is not None:
        for spec in AREAS:
            area(spec.key)
