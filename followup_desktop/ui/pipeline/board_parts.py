"""The board's plain widgets: the filter box, the Stages button, the column strip, two lines."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QWidget,
)

from followup_desktop.ui.theme import WARNING_ON_WINDOW, colour_text, make_quiet

KEY_HELP = (
    "Drag a card to reorder or change its stage  ·  Ctrl+↑/↓ reorder  ·  "
    "Ctrl+←/→ change stage  ·  Enter opens  ·  Ctrl+E archives"
)


def filter_box() -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("board_filter")
    edit.setAccessibleName("Filter the board")
    edit.setPlaceholderText("Filter by company, position, contact, place or tag…")
    edit.setClearButtonEnabled(True)
    edit.setToolTip("Archived applications show up here too, marked as such")
    edit.setMaximumWidth(380)
    return edit


def stages_button() -> tuple[QPushButton, QMenu]:
    """The Stages button and its (still empty) menu."""
    # A push button with a menu makes room for its arrow (a tool button's covers the text).
    button = QPushButton("Stages")
    button.setObjectName("stages_button")
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


def column_strip() -> tuple[QScrollArea, QWidget, QHBoxLayout]:
    """A sideways-scrolling strip; the columns go into its layout, before the final stretch."""
    strip = QWidget()
    strip.setObjectName("board_strip")
    strip_layout = QHBoxLayout(strip)
    strip_layout.setContentsMargins(0, 0, 0, 0)
    strip_layout.setSpacing(10)
    strip_layout.addStretch(1)
    scroll_area = QScrollArea()
    scroll_area.setObjectName("board_scroll")
    scroll_area.setWidgetResizable(True)
    scroll_area.setFrameShape(QFrame.Shape.NoFrame)
    scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll_area.setWidget(strip)
    return scroll_area, strip, strip_layout


def empty_board_banner(add: Callable[[], object]) -> QFrame:
    """What an empty board says, with the one thing to do first."""
    banner = QFrame()
    banner.setObjectName("empty_board")
    banner.setFrameShape(QFrame.Shape.StyledPanel)
    row = QHBoxLayout(banner)
    row.setContentsMargins(12, 10, 12, 10)
    text = QLabel(
        "Your board is empty. Add each job you applied for, or want to: "
        "Follow-up Desk then plans when to follow up on it."
    )
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)
    button = QPushButton("&Add application…")
    button.setObjectName("add_first_application")
    button.setDefault(True)
    button.clicked.connect(lambda _checked=False: add())
    row.addWidget(text, 1)
    row.addWidget(button)
    banner.hide()
    return banner


def key_hint() -> QLabel:
    """The keys the board knows, in a quiet colour."""
    hint = QLabel(KEY_HELP)
    hint.setObjectName("board_hint")
    hint.setTextFormat(Qt.TextFormat.PlainText)
    # Softer than other text, but readable (4.5:1) in the light and the dark scheme.
    make_quiet(hint)
    return hint


def message_line() -> QLabel:
    """Where the board says why something was refused; hidden until then."""
    message = QLabel()
    message.setObjectName("board_message")
    message.setTextFormat(Qt.TextFormat.PlainText)
    colour_text(message, WARNING_ON_WINDOW.on)
    message.hide()
    return message
