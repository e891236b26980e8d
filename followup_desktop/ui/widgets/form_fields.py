"""A form layout whose fields show a one-line reason under them when their value is refused."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.ui.theme import WARNING, WARNING_ON_WINDOW
from followup_desktop.ui.widgets.long_text import UserLineEdit, UserTextEdit

_NOTICE_STYLE = "color: palette(placeholder-text);"
_INVALID_PROPERTY = "invalid"
_EDIT_WHOLE_LINK = "<a href='edit-whole'>Edit all of it</a> (may be slow)"


class ValidatedForm(QFormLayout):
    """Rows of label + field + (hidden) error line; ``show_errors`` marks the refused ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def add_field(self, name: str, label: str, field: QWidget) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        self._add_notices(name, field, column)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error_palette = error.palette()
        error_palette.setColor(QPalette.ColorRole.WindowText, WARNING_ON_WINDOW.on(error_palette))
        error.setPalette(error_palette)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(field)
        self.addRow(caption, holder)
        _name_after_caption(field, label)
        field.setObjectName(name)
        self._fields[name] = field
        self._holders[name] = holder
        self._error_labels[name] = error
        self._clear_error_on_edit(name, field)
        return field

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a field's whole row (its label included)."""
        self.setRowVisible(self._holders[name], visible)

    def _clear_error_on_edit(self, name: str, field: QWidget) -> None:
        """A refusal goes as soon as the user changes the refused value: it was about the
        old value, and a message left under an emptied field reads as a new complaint."""

        def clear(*_args: object) -> None:
            self._clear_error(name)

        for editor in [field, *field.findChildren(QWidget)]:
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(clear)
            elif isinstance(editor, QTextEdit | QPlainTextEdit):
                editor.textChanged.connect(clear)
            elif isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(clear)
            elif isinstance(editor, QDateEdit):
                editor.dateChanged.connect(clear)
            elif isinstance(editor, QAbstractButton):
                editor.toggled.connect(clear)

    def _clear_error(self, name: str) -> None:
        label = self._error_labels[name]
        if label.isHidden():
            return
        label.clear()
        label.hide()
        field = self._fields[name]
        field.setProperty(_INVALID_PROPERTY, False)
        field.setStyleSheet("")

    @staticmethod
    def _add_notices(name: str, field: QWidget, column: QVBoxLayout) -> None:
        """Under each editor of user text in ``field``: what it says while it shows a value
        too long to lay out shortened, with a link that puts the whole value in."""
        for editor in [field, *field.findChildren(QWidget)]:
            if not isinstance(editor, UserLineEdit | UserTextEdit):
                continue
            notice = QLabel()
            notice.setObjectName(f"notice_{name}")
            notice.setStyleSheet(_NOTICE_STYLE)
            notice.setWordWrap(True)
            notice.setTextFormat(Qt.TextFormat.RichText)  # the app's own words and a link
            notice.hide()
            notice.linkActivated.connect(lambda _link, e=editor: e.edit_whole())
            editor.shortened_changed.connect(partial(_show_notice, notice))
            column.addWidget(notice)

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    def error_text(self, name: str) -> str:
        label = self._error_labels[name]
        return label.text() if not label.isHidden() else ""

    def show_errors(self, errors: dict[str, str]) -> None:
        """Mark each refused field with its reason; clear the others; focus the first refused."""
        first: QWidget | None = None
        for name, label in self._error_labels.items():
            reason = errors.get(name, "")
            label.setText(reason)
            label.setVisible(bool(reason))
            field = self._fields[name]
            field.setProperty(_INVALID_PROPERTY, bool(reason))
            border = WARNING.on(field.palette()).name()
            field.setStyleSheet(f"border: 1px solid {border};" if reason else "")
            if reason and first is None:
                first = field
        if first is not None:
            first.setFocus()


#: Controls a screen reader names: each gets its row's caption unless it has a name of its own.
_CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def _name_after_caption(field: QWidget, caption: str) -> None:
    """Give the field, and the editors inside it, the row's caption as accessible name.

    Qt names a control after the label whose buddy it is only when both share a parent; the
    field sits in a holder with its error line, so the name is set here.
    """
    name = caption.replace("&", "").strip().rstrip(":")
    if not name:
        return
    for editor in [field, *field.findChildren(QWidget)]:
        named = bool(editor.accessibleName())
        inner = isinstance(editor.parentWidget(), QComboBox)  # its combo box speaks for it
        if isinstance(editor, _CONTROLS) and not named and not inner:
            editor.setAccessibleName(name)


def _show_notice(notice: QLabel, text: str) -> None:
    notice.setText(f"{text} {_EDIT_WHOLE_LINK}" if text else "")
    notice.setVisible(bool(text))
