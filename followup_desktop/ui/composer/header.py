"""The composer's top rows: whom and what about (follow-up, contact, application), how, and the
template to start from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from followup_desktop.services.picker_choices import (
    application_choice_label,
    application_choices,
    contact_choice_label,
    contact_choices,
    follow_up_choice_label,
    follow_up_choices,
)
from followup_desktop.services.templates import Template
from followup_desktop.ui.widgets.lazy_choice_box import LazyChoiceBox

#: The follow-up picker offers what is due up to this many days ahead.
UPCOMING_DAYS = 14
CHANNELS = (("note", "Handwritten note"), ("email", "E-mail"), ("letter", "Letter by post"))


def select_choice(box: QComboBox, value: object) -> None:
    """Choose the entry holding ``value`` (the first entry when there is none)."""
    if isinstance(box, LazyChoiceBox):
        box.select_value(value)
        return
    index = box.findData(value) if value is not None else 0
    box.setCurrentIndex(max(0, index))


class ComposerHeader(QWidget):
    """The pickers; long lists are read only when opened. ``chosen_contact`` says whose
    applications the application picker lists."""

    def __init__(
        self, chosen_contact: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.follow_up_picker = LazyChoiceBox(
            lambda: follow_up_choices(dt.date.today() + dt.timedelta(days=UPCOMING_DAYS)),
            follow_up_choice_label,
            "No follow-up: choose a contact and application",
        )
        self.follow_up_picker.setObjectName("follow_up_picker")
        self.follow_up_picker.setMinimumWidth(320)
        self.contact_picker = LazyChoiceBox(contact_choices, contact_choice_label, "—")
        self.contact_picker.setObjectName("contact_picker")
        self.application_picker = LazyChoiceBox(
            lambda: application_choices(chosen_contact()), application_choice_label, "—"
        )
        self.application_picker.setObjectName("application_picker")
        self.channel_picker = QComboBox()
        self.channel_picker.setObjectName("channel_picker")
        for key, channel_name in CHANNELS:
            self.channel_picker.addItem(channel_name, key)
        self.template_picker = QComboBox()
        self.template_picker.setObjectName("template_picker")
        self.use_template_button = QPushButton("&Use template")
        # A push button with a menu: it makes room for its arrow, and matches its neighbour.
        self.template_menu_button = QPushButton("Templates")
        template_menu = QMenu(self.template_menu_button)
        self.edit_template_action = template_menu.addAction("Edit the template's text")
        self.save_template_action = template_menu.addAction("Save the text as a template…")
        self.template_menu_button.setMenu(template_menu)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QGridLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(8)
        top.setVerticalSpacing(4)
        for row, (text, widget) in enumerate(
            (("&Follow-up:", self.follow_up_picker), ("C&ontact:", self.contact_picker))
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label, row, 0)
            top.addWidget(widget, row, 1)
        application_label = QLabel("&Application:")
        application_label.setBuddy(self.application_picker)
        top.addWidget(application_label, 1, 2)
        top.addWidget(self.application_picker, 1, 3)
        channel_label = QLabel("C&hannel:")
        channel_label.setBuddy(self.channel_picker)
        top.addWidget(channel_label, 0, 2)
        top.addWidget(self.channel_picker, 0, 3)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_picker)
        top.addWidget(template_label, 2, 0)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_picker, 1)
        template_row.addWidget(self.use_template_button)
        template_row.addWidget(self.template_menu_button)
        top.addLayout(template_row, 2, 1, 1, 3)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(3, 2)

    def channel(self) -> str:
        """The chosen channel: "note", "email" or "letter"."""
        return str(self.channel_picker.currentData() or "note")

    def show_templates(self, templates: list[Template]) -> None:
        """List the templates, the user's own marked, keeping the chosen one when it is listed."""
        current = self.template_picker.currentData()
        self.template_picker.clear()
        for template in templates:
            mark = "" if template.builtin else " (yours)"
            self.template_picker.addItem(template.title + mark, template.key)
        select_choice(self.template_picker, current)

    def chosen_template_key(self) -> str | None:
        key = self.template_picker.currentData()
        return None if key is None else str(key)

    def show_people(
        self, follow_up_id: int | None, contact_id: int | None, application_id: int | None
    ) -> None:
        """Show these choices (the letter opened is for them)."""
        select_choice(self.follow_up_picker, follow_up_id)
        select_choice(self.contact_picker, contact_id)
        self.show_application(application_id)

    def forget_lists(
        self, follow_up_id: int | None, contact_id: int | None, application_id: int | None
    ) -> None:
        """The data changed: the lists are read again when next opened; the choices stay."""
        if self.follow_up_picker.currentData() is None and follow_up_id is not None:
            self.follow_up_picker.select_value(follow_up_id)
        self.follow_up_picker.reset()
        self.contact_picker.select_value(contact_id)
        self.contact_picker.reset()
        self.show_application(application_id)

    def show_application(self, application_id: int | None) -> None:
        # Read when the picker is opened, for the contact chosen by then.
        self.application_picker.select_value(application_id)
        self.application_picker.reset()
