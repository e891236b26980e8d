"""A job posting dropped on the board: a saved page (.html) or a browser's drag of a link with
its page, read for its JobPosting data and offered as a new application to confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QWidget

from followup_desktop.services.records import ApplicationInput
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog

#: Saved pages the board takes.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
#: A saved page larger than this is not a job posting (and would take long to read).
MAX_PAGE_BYTES = 20 * 1024 * 1024
NO_POSTING_TEXT = "That page has no job posting data (schema.org JobPosting) to fill a form from."


class DroppedPage:
    """The page's HTML and the address it came from ("" when not known)."""

    def __init__(self, html: str, url: str) -> None:
        self.html = html
        self.url = url


def _saved_page(mime: QMimeData) -> Path | None:
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PAGE_SUFFIXES):
            return Path(url.toLocalFile())
    return None


def holds_page(mime: QMimeData) -> bool:
    """Whether a drag carries a page the board can read (never a card's own drag)."""
    return mime.hasHtml() or _saved_page(mime) is not None


def dropped_page(mime: QMimeData) -> DroppedPage | str:
    """The page a drop carries, or a one-line reason it cannot be read."""
    path = _saved_page(mime)
    if path is not None:
        try:
            if path.stat().st_size > MAX_PAGE_BYTES:
                return f"{path.name} is too large to be a saved job posting."
            data = path.read_bytes()
        except OSError as error:
            return f"Cannot read {path.name}: {error.strerror or error}."
        return DroppedPage(data.decode("utf-8", errors="replace"), "")
    web = next((u.toString() for u in mime.urls() if u.scheme() in ("http", "https")), "")
    return DroppedPage(mime.html(), web)


def confirm_posting(parent: QWidget, values: ApplicationInput) -> int | None:
    """The application form filled from the posting; the saved application's id, if saved."""
    dialog = ApplicationDialog(parent, stage_id=values.stage_id)
    dialog.prefill(values)
    return dialog.saved_id if dialog.exec() else None
