"""The Documents tab of an application's detail: the files attached (by the button or dropped
on the detail), which résumé went with it, each opened by the system's own program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.documents import (
    DOCUMENT_KINDS,
    DocumentEntry,
    DocumentError,
    attach_file,
    detach,
    list_documents,
    openable_path,
    resume_sent,
    set_kind,
)
from followup_desktop.services.external_open import ExternalOpenError, open_external
from followup_desktop.services.wording import counted
from followup_desktop.ui.theme import WARNING_ON_WINDOW, make_quiet
from followup_desktop.ui.widgets.user_text_delegate import UserTextDelegate

IdRole = Qt.ItemDataRole.UserRole + 1
_FILTERS = "Documents (*.pdf *.doc *.docx *.odt *.rtf *.txt);;All files (*)"


def choose_files(parent: QWidget) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        parent, "Attach documents", str(Path.home()), _FILTERS
    )
    return [Path(name) for name in names]


def local_files(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class DocumentsPage(QWidget):
    """Lists the application's documents; ``changed`` carries how many there are."""

    changed = Signal(int)

    def __init__(self, application_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.application_id = application_id
        #: Asks for files to attach (tests replace it).
        self.choose_files: Callable[[QWidget], list[Path]] = choose_files
        #: Hands a file to the system's program (tests replace it).
        self.open_file: Callable[[Path], None] = open_external
        self.setAcceptDrops(True)
        self.resume = QLabel()
        self.resume.setObjectName("resume_sent")
        self.resume.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QTreeWidget()
        self.list.setObjectName("documents")
        self.list.setHeaderLabels(["Document", "Kind", "Attached", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegate(UserTextDelegate(self.list))
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel("Drop files here, or on any tab of this window, to attach them.")
        make_quiet(self.hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.message.palette()
        palette.setColor(self.message.foregroundRole(), WARNING_ON_WINDOW.on(palette))
        self.message.setPalette(palette)
        self.message.hide()
        self.attach_button = QPushButton("&Attach…")
        self.attach_button.clicked.connect(self.attach_chosen)
        self.open_button = QPushButton("&Open")
        self.open_button.clicked.connect(self.open_selected)
        self.kind_button = QPushButton("Mar&k as")
        kinds = QMenu(self.kind_button)
        for kind, label in DOCUMENT_KINDS.items():
            kinds.addAction(label).triggered.connect(lambda _c=False, k=kind: self.mark_selected(k))
        self.kind_button.setMenu(kinds)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setToolTip(
            "Take the document off this application (the file stays in the data folder)"
        )
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.kind_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.resume)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = list_documents(self.application_id)
        self.list.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    entry.name,
                    entry.kind_label,
                    f"{entry.attached_at:%a %d %b %Y %H:%M}",
                    entry.size_text,
                ]
            )
            item.setData(0, IdRole, entry.id)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        resume = resume_sent(self.application_id)
        self.resume.setText(
            f"Résumé sent: {resume.name} (attached {resume.attached_at:%d %b %Y})"
            if resume is not None
            else "No résumé attached yet."
        )
        self._entries = {entry.id: entry for entry in entries}
        self._update_buttons()
        self.changed.emit(len(entries))

    def _selected(self) -> DocumentEntry | None:
        item = self.list.currentItem()
        return None if item is None else self._entries.get(int(item.data(0, IdRole)))

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        for button in (self.open_button, self.kind_button, self.remove_button):
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- attaching -----------------------------------------------------------------------

    def attach_chosen(self) -> None:
        self.attach_paths(self.choose_files(self))

    def attach_paths(self, paths: list[Path]) -> None:
        """Attach each file; a refused one is named and the others still attached."""
        problems = []
        attached = 0
        for path in paths:
            try:
                attach_file(self.application_id, path)
                attached += 1
            except DocumentError as error:
                problems.append(str(error))
        self.refresh()
        if problems:
            more = f" ({counted(len(problems) - 1, 'other file')} too)" if len(problems) > 1 else ""
            self._say(problems[0] + more)
        else:
            self._say("")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)

    # --- the selected document -----------------------------------------------------------

    def open_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        try:
            self.open_file(openable_path(entry))
        except (DocumentError, ExternalOpenError) as error:
            self._say(str(error))

    def mark_selected(self, kind: str) -> None:
        entry = self._selected()
        if entry is not None:
            set_kind(entry.id, kind)
            self.refresh()

    def remove_selected(self) -> None:
        entry = self._selected()
        if entry is not None:
            detach(entry.id)
            self.refresh()
