"""Templates in the composer: list them, fill one from the records, edit, save your own."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from followup_desktop.services.templates import (
    Template,
    all_templates,
    fill_template,
    save_user_template,
    values_for,
)
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.composer.header import ComposerHeader, select_choice


class TemplateTarget(Protocol):
    """What the template actions need from the composer."""

    def data_root(self) -> Path | None: ...

    def channel(self) -> str: ...

    def chosen_application_id(self) -> int | None: ...

    def recipient_contact_id(self) -> int | None: ...

    def letter_text(self) -> tuple[str, str]: ...

    def replace_text(self, subject: str, body: str, *, edited: bool) -> None: ...

    def report(self, message: str) -> None: ...


class TemplateActions:
    """Fills the header's template picker and acts on the chosen template.

    ``key`` is the template the text came from; it is saved with the draft.
    """

    def __init__(self, header: ComposerHeader, target: TemplateTarget, parent: QWidget) -> None:
        self.header = header
        self.target = target
        self.parent = parent
        self.templates: dict[str, Template] = {}
        self.key = ""
        self._read_from: Path | None = None

    def reload(self) -> None:
        """Read the templates again (built-in ones and the user's), keeping the chosen one."""
        self._read_from = self.target.data_root()
        self.templates = {t.key: t for t in all_templates(self._read_from)}
        self.header.show_templates(list(self.templates.values()))

    def reload_if_moved(self) -> None:
        """Read the templates when the data folder is not the one they were read from."""
        if self._read_from != self.target.data_root():
            self.reload()

    def choose(self, key: str) -> bool:
        """Choose the template ``key`` in the picker; False when there is no such template."""
        if key not in self.templates:
            return False
        select_choice(self.header.template_picker, key)
        return True

    def _chosen(self) -> Template | None:
        key = self.header.chosen_template_key()
        return self.templates.get(key) if key is not None else None

    def _may_replace(self, question: str) -> bool:
        _subject, body = self.target.letter_text()
        return not body.strip() or prompts.confirm(self.parent, "Replace the text?", question)

    def use_selected(self, *, ask: bool = True) -> None:
        """Fill the chosen template from the records; slots without data stay visible."""
        template = self._chosen()
        if template is None:
            return
        if ask and not self._may_replace("Replace the text you wrote with the template?"):
            return
        values = values_for(self.target.chosen_application_id(), self.target.recipient_contact_id())
        filled = fill_template(template, values, channel=self.target.channel())
        self.key = template.key
        self.target.replace_text(filled.subject, filled.body, edited=True)
        if filled.missing:
            self.target.report(
                "Template used; fill in the highlighted slots: "
                + ", ".join(f"{{{name}}}" for name in filled.missing)
            )
        else:
            self.target.report(f"Template “{template.title}” filled from your records.")

    def edit_text(self) -> None:
        """Put the chosen template, slots and all, in the editor to change it."""
        template = self._chosen()
        if template is None:
            return
        if not self._may_replace("Replace the text you wrote with the template to edit?"):
            return
        self.key = template.key
        self.target.replace_text(template.subject, template.body, edited=False)
        self.target.report(
            "Editing the template: write {slots} where data goes, then Save as template."
        )

    def save_as_template(self) -> None:
        """Keep the editor's text (with its {slots}) as one of the user's templates."""
        root = self.target.data_root()
        subject, body = self.target.letter_text()
        body = body.strip()
        if root is None or not body:
            self.target.report("Write the template text first.")
            return
        current = self.templates.get(self.key)
        title = prompts.ask_text(
            self.parent,
            "Save as template",
            "Name of the template:",
            current.title if current else "",
        )
        if not title or not title.strip():
            return
        try:
            template = save_user_template(
                root, title=title, subject=subject, body=body, current=current
            )
        except OSError as error:
            prompts.warn(self.parent, "Template not saved", f"Cannot save the template: {error}")
            return
        self.reload()
        select_choice(self.header.template_picker, template.key)
        self.target.report(f"Saved your template “{template.title}”.")
