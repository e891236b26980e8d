"""An application's detail: its fields, conversation log, follow-ups and letters, in tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.application_detail import (
    conversation_log,
    follow_up_list,
    letter_list,
)
from followup_desktop.services.follow_up_queries import CHANNEL_LABELS, REASON_LABELS
from followup_desktop.services.interactions import KIND_LABELS
from followup_desktop.services.records import application_input
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.documents_page import DocumentsPage, local_files
from followup_desktop.ui.plain_text import plain_tooltip, shown_line
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

IdRole = Qt.ItemDataRole.UserRole + 1
_CHANNELS = {**CHANNEL_LABELS, "meeting": "Meeting", "other": "Other"}
_STATES = {"planned": "Planned", "done": "Done", "skipped": "Skipped"}


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(False)
    # What was typed is cut before Qt lays it out, and each column sized to at most a
    # sentence of it (the tooltip has it whole).
    tree.setItemDelegate(UserTextDelegate(tree))
    return tree


class ApplicationDetailDialog(ApplicationDialog):
    """The application form plus what happened around it; Save stores the fields."""

    def __init__(
        self, parent: QWidget | None, application_id: int, events: AppEvents | None = None
    ) -> None:
        super().__init__(parent, application_id=application_id, offer_log=False)
        self.events = events
        self.application_id_shown = application_id
        #: Set when the user asked to write a follow-up; the caller opens the composer.
        self.compose_follow_up: int | None = None
        stored = application_input(application_id)
        self.setWindowTitle(f"{shown_line(stored.company)} – {shown_line(stored.position)}")
        self.setMinimumSize(640, 520)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detail_tabs")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.fields_page)
        details_layout.addStretch(1)
        self.tabs.addTab(details, "&Details")
        self.tabs.addTab(self.job_page, "&Job")

        self.log = _tree(["When", "What", "How", "With", "Said"], "conversation_log")
        self.log_button = QPushButton("&Log a conversation…")
        self.log_button.clicked.connect(self._log_conversation)
        self.log_page = self._page(self.log, self.log_button)
        self.tabs.addTab(self.log_page, "")

        self.follow_ups = _tree(["Due", "Step", "Channel", "State", "Who"], "follow_ups")
        self.write_button = QPushButton("&Write or call…")
        self.write_button.setToolTip("Open the selected follow-up in the composer")
        self.write_button.clicked.connect(self._compose_selected)
        self.follow_ups.itemActivated.connect(lambda *_: self._compose_selected())
        self.follow_ups.currentItemChanged.connect(lambda *_: self._update_write_button())
        self.follow_ups_page = self._page(self.follow_ups, self.write_button)
        self.tabs.addTab(self.follow_ups_page, "")

        self.letters = _tree(["Updated", "Letter", "Channel", "State"], "letters")
        self.letters.itemActivated.connect(self._open_letter)
        self.letters_page = self._page(self.letters)
        self.tabs.addTab(self.letters_page, "")
        self.documents = DocumentsPage(application_id)
        self.documents.changed.connect(self._count_documents)
        self.tabs.addTab(self.documents, "")
        self._count_documents(self.documents.list.topLevelItemCount())
        # Files dropped anywhere on the detail are attached to the application.
        self.setAcceptDrops(True)

        self.buttons.button(self.buttons.StandardButton.Ok).setText("Save")
        self.dialog_layout.insertWidget(0, self.tabs, 1)
        self.refresh_lists()

    def _count_documents(self, count: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.documents), f"Docu&ments ({count})")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.tabs.setCurrentWidget(self.documents)
            self.documents.attach_paths(paths)

    def _arrange_pages(self) -> None:
        """The pages go into the detail's own tabs, made once the base form is built."""

    def _page(self, tree: QTreeWidget, button: QPushButton | None = None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(tree, 1)
        if button is not None:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            layout.addLayout(row)
        return page

    def refresh_lists(self) -> None:
        app_id = self.application_id_shown
        self.log.clear()
        entries = conversation_log(app_id)
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    f"{entry.occurred_at:%a %d %b %Y %H:%M}",
                    KIND_LABELS.get(entry.kind, entry.kind),
                    _CHANNELS.get(entry.channel, entry.channel)
                    + (" (in)" if entry.direction == "inbound" else " (out)"),
                    entry.contact,
                    entry.summary,
                ]
            )
            details = [entry.summary]
            if entry.open_questions:
                details.append(f"Open questions: {entry.open_questions}")
            if entry.concerns:
                details.append(f"Concerns: {entry.concerns}")
            item.setToolTip(4, plain_tooltip("\n".join(part for part in details if part)))
            item.setData(0, IdRole, entry.id)
            self.log.addTopLevelItem(item)
        self.tabs.setTabText(self.tabs.indexOf(self.log_page), f"&Conversations ({len(entries)})")

        self.follow_ups.clear()
        steps = follow_up_list(app_id)
        for step in steps:
            item = QTreeWidgetItem(
                [
                    f"{step.due_on:%a %d %b %Y}",
                    REASON_LABELS.get(step.reason, step.reason),
                    _CHANNELS.get(step.channel, step.channel),
                    _STATES.get(step.state, step.state),
                    step.contact,
                ]
            )
            if step.outcome:
                item.setToolTip(0, plain_tooltip(step.outcome))
            item.setData(0, IdRole, step.id)
            self.follow_ups.addTopLevelItem(item)
        self.tabs.setTabText(self.tabs.indexOf(self.follow_ups_page), f"&Follow-ups ({len(steps)})")
        self._update_write_button()

        self.letters.clear()
        letters = letter_list(app_id)
        for letter in letters:
            item = QTreeWidgetItem(
                [
                    f"{letter.updated_at:%a %d %b %Y}",
                    letter.subject or letter.template or "Letter",
                    _CHANNELS.get(letter.channel, letter.channel),
                    "Sent" if letter.state == "sent" else "Draft",
                ]
            )
            item.setData(0, IdRole, letter.follow_up_id)
            self.letters.addTopLevelItem(item)
        self.tabs.setTabText(self.tabs.indexOf(self.letters_page), f"L&etters ({len(letters)})")
        for tree in (self.log, self.follow_ups, self.letters):
            for column in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(column)

    def _update_write_button(self) -> None:
        self.write_button.setEnabled(self.follow_ups.currentItem() is not None)

    def _log_conversation(self) -> None:
        dialog = LogConversationDialog(
            self, application_id=self.application_id_shown, events=self.events
        )
        if dialog.exec():
            self.refresh_lists()

    def _compose_selected(self) -> None:
        item = self.follow_ups.currentItem()
        if item is not None:
            self.write_follow_up(int(item.data(0, IdRole)))

    def _open_letter(self, item: QTreeWidgetItem) -> None:
        follow_up = item.data(0, IdRole)
        if follow_up is not None:
            self.write_follow_up(int(follow_up))

    def write_follow_up(self, follow_up_id: int) -> None:
        """Save the fields (if they pass) and close, asking for the composer on this step."""
        self.compose_follow_up = follow_up_id
        self.accept()
        if self.result() != self.DialogCode.Accepted:
            self.compose_follow_up = None
