"""Pick one contact by typing part of a name, company, e-mail or role.

A drop-down of every contact takes seconds to fill with tens of thousands of people and is
useless to scroll; this field asks the contact search for the first few matches as you type
and shows them below, like the contact list's search box does.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from followup_desktop.services.contact_details import stored_contact
from followup_desktop.services.contact_queries import (
    ContactListQuery,
    ContactRow,
    contact_page,
    count_all_contacts,
    count_contacts,
)
from followup_desktop.services.contact_search import ContactFilter
from followup_desktop.services.user_text import isolated
from followup_desktop.ui.plain_text import shown_line

#: Matches offered under the field: more than that, and the person types another letter.
SHOWN_MATCHES = 12
#: The list of matches may be wider than the field, up to this many pixels.
MAX_POPUP_WIDTH = 640


def _label(name: str, company: str, email: str) -> str:
    """ "Name · Company · e-mail", leaving out what is unknown; each isolated and the
    whole cut to a line Qt lays out at once (the label only shows who was picked)."""
    parts = (isolated(name) or "(no name)", isolated(company), isolated(email))
    return shown_line(" · ".join(part for part in parts if part))


def _row_label(row: ContactRow) -> str:
    return _label(row.name, row.company, row.email)


class ContactPicker(QLineEdit):
    """``contact_id()`` is the picked person (None when the field is empty or the text is not
    a pick); ``currentData()`` says the same, as a combo box would."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Type part of a name, company or e-mail, then pick")
        self.setClearButtonEnabled(True)
        self._contact_id: int | None = None
        self._ids: list[int] = []
        self._matches = QStringListModel(self)
        # The matches are already chosen by the search: the completer shows them as they are.
        self.completer_popup = QCompleter(self._matches, self)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setWidget(self)
        # The index form of the overloaded signal: two people may share a label.
        picked = self.completer_popup.activated[QModelIndex]  # type: ignore[index]
        picked.connect(self._picked)
        #: Set while the field writes its own text (a pick), which is not a new search.
        self._writing = False
        self.textChanged.connect(self._search)

    # --- value ---------------------------------------------------------------------------

    def contact_id(self) -> int | None:
        return self._contact_id

    # The combo box's name, for code that read the contact from a combo box before.
    def currentData(self) -> int | None:
        return self._contact_id

    def has_unpicked_text(self) -> bool:
        """Text was typed but no one was picked from the matches."""
        return self._contact_id is None and bool(self.text().strip())

    def set_contact(self, contact_id: int | None) -> None:
        """Show this contact (or nothing) as picked."""
        found = stored_contact(contact_id) if contact_id is not None else None
        if found is None:
            self._contact_id = None
            self._write("")
        else:
            self._contact_id = found.id
            self._write(_label(found.full_name, found.values.company, found.values.email))

    # --- typing and picking --------------------------------------------------------------

    def _write(self, text: str) -> None:
        self._writing = True
        try:
            self.setText(text)
        finally:
            self._writing = False

    def _search(self, text: str) -> None:
        if self._writing:
            return
        self._contact_id = None
        if not text.strip():
            self._ids = []
            self._matches.setStringList([])
            self._hide_matches()
            return
        query = ContactListQuery.of(ContactFilter(text=text), dt.date.today())
        # The share of all contacts that match picks the faster way to the first rows.
        everyone = count_all_contacts()
        share = count_contacts(query) / everyone if everyone else 0.0
        rows = contact_page(query, 0, SHOWN_MATCHES, share)
        self._ids = [row.id for row in rows]
        self._matches.setStringList([_row_label(row) for row in rows])
        if rows:
            self._show_matches()
        else:
            self._hide_matches()

    def _show_matches(self) -> None:
        # As wide as the longest match (within reason), not only as wide as the field.
        popup = self.completer_popup.popup()
        width = self.width()
        if popup is not None:
            wanted = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 8
            width = max(width, min(wanted, MAX_POPUP_WIDTH))
        self.completer_popup.complete(QRect(0, 0, width, self.height()))

    def _hide_matches(self) -> None:
        popup = self.completer_popup.popup()
        if popup is not None:
            popup.hide()

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return
        self._contact_id = self._ids[index.row()]
        self._write(str(index.data(Qt.ItemDataRole.DisplayRole)))
