"""The one place that announces data changes and navigation requests; views listen here."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Typed signals shared by the window, its areas and its dialogs.

    A view that changes data emits the matching ``*_changed`` signal after its transaction; every
    view that shows that data refreshes on it. No view calls another view directly.
    """

    applications_changed = Signal()
    contacts_changed = Signal()
    follow_ups_changed = Signal()
    letters_changed = Signal()
    profile_changed = Signal()
    stages_changed = Signal()
    #: The whole store was swapped for another (a restored backup, a recovery): whatever a
    #: view holds from the old one (an open draft, a selection) must not be written back.
    store_replaced = Signal()

    #: Ask the window to open the composer on a follow-up (by id).
    compose_follow_up_requested = Signal(int)
    #: Ask the window to open an application's detail (by id).
    application_requested = Signal(int)
    #: Ask the window to show a contact (by id).
    contact_requested = Signal(int)
    #: Ask the window to log a conversation: (contact id, application id), 0 when not known.
    log_conversation_requested = Signal(int, int)
    #: Ask the window for a new application in a stage (its id; 0: the first stage).
    new_application_requested = Signal(int)

    def emit_all_changed(self) -> None:
        """After a bulk change (demo data, import, restore) every view reloads."""
        self.stages_changed.emit()
        self.applications_changed.emit()
        self.contacts_changed.emit()
        self.follow_ups_changed.emit()
        self.letters_changed.emit()
        self.profile_changed.emit()
