"""The Help menu's two windows: the getting-started guide and the keyboard shortcut sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.profile import get_profile
from followup_desktop.ui.help.guide_text import GuideNumbers, guide_html
from followup_desktop.ui.help.shortcut_list import ShortcutEntry, ensure_all_areas, window_shortcuts

GUIDE_KEY = "F1"
SHORTCUTS_KEY = "Ctrl+/"


def _fit(dialog: QDialog, width: int, height: int) -> None:
    """``width`` by ``height``, or less on a small screen."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width = min(width, screen.width() - 40)
        height = min(height, screen.height() - 60)
    dialog.resize(width, height)


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class GuideDialog(QDialog):
    """How the app plans follow-ups and why, in a few paragraphs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle("Getting started")
        profile = get_profile()
        numbers = GuideNumbers(
            answer_wait_days=int(profile.answer_wait_days or 10),
            thank_you_delay_days=int(profile.thank_you_delay_days or 1),
            keep_in_touch_days=int(profile.keep_in_touch_days or 90),
        )
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        self.text.setAccessibleName("Getting started guide")
        self.text.setOpenLinks(False)
        self.text.setHtml(guide_html(numbers))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(_closing_buttons(self))
        _fit(self, 620, 640)


class ShortcutSheet(QDialog):
    """Every shortcut of the window, read from it when the sheet opens."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle("Keyboard shortcuts")
        ensure_all_areas(window)
        self.entries: list[ShortcutEntry] = window_shortcuts(window)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcut_tree")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAlternatingRowColors(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            section = sections.get(entry.section)
            if section is None:
                section = QTreeWidgetItem(self.tree, [entry.section])
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                section.setFirstColumnSpanned(True)
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                sections[entry.section] = section
            QTreeWidgetItem(section, [entry.what, entry.keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(_closing_buttons(self))
        _fit(self, 520, 640)

    def listed_keys(self) -> set[str]:
        """Every key combination the sheet shows."""
        return {keys.strip() for entry in self.entries for keys in entry.keys.split(" or ") if keys}


def _show(dialog: QDialog) -> None:
    # Gone once closed: each press of the key makes a fresh one, read from the window then.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def add_help_actions(window: QMainWindow, menu: QMenu) -> tuple[QAction, QAction]:
    """Help → Getting started (F1) and Keyboard shortcuts (Ctrl+/), added to ``menu``."""
    guide = QAction("&Getting started", window)
    guide.setShortcut(QKeySequence(GUIDE_KEY))
    guide.triggered.connect(lambda _checked=False: _show(GuideDialog(window)))
    sheet = QAction("&Keyboard shortcuts", window)
    sheet.setShortcut(QKeySequence(SHORTCUTS_KEY))
    sheet.triggered.connect(lambda _checked=False: _show(ShortcutSheet(window)))
    menu.addAction(guide)
    menu.addAction(sheet)
    menu.addSeparator()
    return guide, sheet
