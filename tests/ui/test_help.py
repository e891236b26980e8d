"""Help on the real window: F1 opens the guide, Ctrl+/ the sheet of every shortcut it binds."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import Profile
from followup_desktop.ui.help.dialogs import GuideDialog, ShortcutSheet
from followup_desktop.ui.help.shortcut_list import ShortcutEntry
from followup_desktop.ui.main_window import MainWindow

T = TypeVar("T")

ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "follow-up-conversations-article.txt"
)


def _open_with_keys(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    read: Callable[[QDialog], T],
) -> T:
    """Press the keys on the window, ``read`` the dialog they open, and close it."""
    found: list[T] = []

    def take() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            found.append(read(dialog))
            dialog.reject()
        else:
            QTimer.singleShot(20, take)

    with qtbot.waitActive(window):
        window.activateWindow()
    QTimer.singleShot(0, take)
    qtbot.keyClick(window, key, modifier)
    qtbot.waitUntil(lambda: bool(found), timeout=3000)
    return found[0]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def test_f1_opens_the_guide_in_the_apps_own_words(window: MainWindow, qtbot: QtBot) -> None:
    Profile.update(answer_wait_days=12).execute()

    def read(dialog: QDialog) -> tuple[str, str]:
        assert isinstance(dialog, GuideDialog)
        return dialog.windowTitle(), dialog.text.toPlainText()

    title, text = _open_with_keys(
        qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, read
    )
    assert title == "Getting started"
    for topic in ("Status check", "Thank-you", "Keep in touch", "12 working days", "Ctrl+/"):
        assert topic in text
    # Written from the article's advice, never copied: no run of seven of its words.
    if ARTICLE.exists():
        article = " ".join(_words(ARTICLE.read_text(encoding="utf-8")))
        guide = _words(text)
        runs = {" ".join(guide[i : i + 7]) for i in range(len(guide) - 6)}
        assert not [run for run in runs if run in article]


def test_ctrl_slash_lists_every_shortcut_the_window_binds(window: MainWindow, qtbot: QtBot) -> None:
    def read(dialog: QDialog) -> tuple[str, list[ShortcutEntry], set[str], list[str]]:
        assert isinstance(dialog, ShortcutSheet)
        tree = dialog.tree
        sections = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        return dialog.windowTitle(), dialog.entries, dialog.listed_keys(), sections

    title, entries, listed, sections = _open_with_keys(
        qtbot, window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier, read
    )
    assert title == "Keyboard shortcuts"
    # Every area is built by now: walk the window for what is bound, as Qt holds it.
    assert all(key in window.areas for key in ("pipeline", "calendar", "contacts", "composer"))

    def native(sequence: QKeySequence) -> str:
        return sequence.toString(QKeySequence.SequenceFormat.NativeText)

    bound: set[str] = set()
    for action in window.findChildren(QAction):
        bound |= {native(s) for s in action.shortcuts() if not s.isEmpty()}
    for shortcut in window.findChildren(QShortcut):
        bound |= {native(s) for s in shortcut.keys() if not s.isEmpty()}  # noqa: SIM118
    assert {"F1", "Ctrl+/", "Ctrl+N", "Ctrl+Z", "Ctrl+T", "Ctrl+F", "Ctrl+S"} <= bound
    assert bound - listed == set(), "every shortcut of the window is on the sheet"
    rows = {(entry.what, entry.keys) for entry in entries}
    assert ("New application", "Ctrl+N") in rows
    assert ("Redo", "Ctrl+Shift+Z or Ctrl+Y") in rows
    assert ("Search contacts", "Ctrl+F or Find") in rows
    # The keys the board handles on a focused card, from the hint line it shows.
    assert ("Move to the previous or next stage", "Ctrl+←/→") in rows
    assert all(entry.what and entry.what != "(no description)" for entry in entries)
    assert sections[:4] == ["File", "Edit", "View", "Help"]


def test_help_menu_offers_both(window: MainWindow) -> None:
    texts: list[str] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if top.text() == "&Help" and menu is not None:
            texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Getting started", "&Keyboard shortcuts"]
    check: Callable[[QAction], str] = lambda a: a.shortcut().toString()  # noqa: E731
    assert check(window.guide_action) == "F1"
    assert check(window.shortcuts_action) == "Ctrl+/"


def test_each_help_window_goes_when_closed(window: MainWindow, qtbot: QtBot) -> None:
    for _ in range(2):
        _open_with_keys(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, lambda d: d)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not window.findChildren(GuideDialog)
