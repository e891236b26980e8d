"""Files attached to applications: copied into the data folder once per content, listed with
the day they were attached, and found again to be opened by the system's own program.

A stored file is named by the SHA-256 of its content and never changed or removed by the app,
so a résumé attached to twenty applications is kept once, and every backup of the database
(which lists documents by their content) finds its files still in the folder after a restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from followup_desktop.db.backup import human_size
from followup_desktop.db.models import Application, Document, database, id_column
from followup_desktop.db.read_only import connect_read_only
from followup_desktop.db.reads import read_all
from followup_desktop.db.values import stored_datetime
from followup_desktop.paths import DATABASE_NAME

#: Stored kind → what the user reads.
DOCUMENT_KINDS: dict[str, str] = {
    "resume": "Résumé",
    "cover_letter": "Cover letter",
    "offer": "Offer letter",
    "other": "Other",
}
#: Words in a file's name that tell what it is (checked in this order).
_KIND_WORDS = (
    ("cover_letter", re.compile(r"cover|anschreiben|motivation", re.IGNORECASE)),
    ("offer", re.compile(r"offer|contract|angebot", re.IGNORECASE)),
    ("resume", re.compile(r"r[eé]sum[eé]|\bcv\b|_cv|cv_|curriculum|lebenslauf", re.IGNORECASE)),
)
#: The folder of the data folder (beside the database) that holds the files.
FOLDER_NAME = "documents"
#: Larger files are not kept: a résumé or a letter is far smaller; a video is not one.
MAX_SIZE = 100 * 1024 * 1024
_CHUNK = 1024 * 1024


class DocumentError(Exception):
    """The file cannot be attached or found; the message is one line for the user."""


@dataclass(frozen=True)
class DocumentEntry:
    id: int
    application_id: int
    kind: str
    name: str
    content_hash: str
    suffix: str
    size: int
    attached_at: dt.datetime

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KINDS.get(self.kind, self.kind)

    @property
    def size_text(self) -> str:
        return human_size(self.size)


def documents_folder() -> Path:
    """The folder beside the open database that holds the attached files."""
    return Path(str(database.obj.database)).parent / FOLDER_NAME


def stored_path(entry: DocumentEntry) -> Path:
    """Where the entry's file is kept."""
    return documents_folder() / entry.content_hash[:2] / f"{entry.content_hash}{entry.suffix}"


def kind_for_name(name: str) -> str:
    """What a file probably is, from its name ("CV_2026.pdf" is a résumé)."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(name):
            return kind
    return "other"


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


def _hash_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _keep(source: Path, content_hash: str, suffix: str) -> None:
    """Copy the file into the folder under its content's name, unless it is there already;
    a partial copy never takes that name."""
    target = documents_folder() / content_hash[:2] / f"{content_hash}{suffix}"
    if target.exists():
        # Marked as just stored: the pruning of unlisted files leaves it alone meanwhile.
        os.utime(target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    os.close(handle)
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def attach_file(application_id: int, path: Path, kind: str | None = None) -> DocumentEntry:
    """Copy ``path`` into the documents folder (once per content) and list it with the
    application; raise DocumentError with a one-line reason, having listed nothing."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(f"{path.name} is not a file that can be attached.")
    try:
        size = path.stat().st_size
        if size > MAX_SIZE:
            raise DocumentError(f"{path.name} is larger than {MAX_SIZE // (1024 * 1024)} MB.")
        content_hash, size = _hash_of(path)
        suffix = _suffix(path.name)
        _keep(path, content_hash, suffix)
    except OSError as error:
        raise DocumentError(f"Cannot attach {path.name}: {error.strerror or error}.") from error
    chosen = kind if kind in DOCUMENT_KINDS else kind_for_name(path.name)
    now = dt.datetime.now().replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        if not Application.select().where(id_column(Application) == application_id).exists():
            raise DocumentError("That application no longer exists.")
        row = Document.create(
            application=application_id,
            kind=chosen,
            name=path.name,
            content_hash=content_hash,
            suffix=suffix,
            size=size,
            attached_at=now,
        )
    return DocumentEntry(
        int(row.id), application_id, chosen, path.name, content_hash, suffix, size, now
    )


def list_documents(application_id: int) -> list[DocumentEntry]:
    """The application's documents, the latest attached first."""
    rows = read_all(
        "SELECT id, application_id, kind, name, content_hash, suffix, size, attached_at "
        "FROM document WHERE application_id = ? ORDER BY attached_at DESC, id DESC",
        [application_id],
    )
    return [
        DocumentEntry(
            int(doc_id), int(app_id), kind, name, digest, suffix, int(size), stored_datetime(at)
        )
        for doc_id, app_id, kind, name, digest, suffix, size, at in rows
    ]


def resume_sent(application_id: int) -> DocumentEntry | None:
    """The résumé that went with the application: the one attached last."""
    return next((d for d in list_documents(application_id) if d.kind == "resume"), None)


def set_kind(document_id: int, kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise DocumentError("Choose résumé, cover letter, offer letter or other.")
    with database.atomic("IMMEDIATE"):
        Document.update(kind=kind).where(id_column(Document) == document_id).execute()


def detach(document_id: int) -> None:
    """Take a document off its application's list. The stored file stays: backups list it."""
    with database.atomic("IMMEDIATE"):
        Document.delete().where(id_column(Document) == document_id).execute()


def openable_path(entry: DocumentEntry) -> Path:
    """The stored file, to hand to the system's program; DocumentError if it is missing."""
    path = stored_path(entry)
    if not path.is_file():
        raise DocumentError(
            f"The file of {entry.name} is missing from the data folder's {FOLDER_NAME} folder."
        )
    return path


def _listed_in(path: Path) -> set[str]:
    """The documents a database file lists (none for one older than documents)."""
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return set()
    try:
        return {digest for (digest,) in connection.execute("SELECT content_hash FROM document")}
    except sqlite3.Error:
        return set()
    finally:
        connection.close()


def prune_unlisted_documents(data_root: Path, backups: list[Path]) -> int:
    """Remove the stored files that neither the database in ``data_root`` nor any of
    ``backups`` lists (those of an application deleted without keeping its documents, once no
    backup holds it any more); how many. Reads through connections of its own, so it may run
    beside the window; a file stored in the last hour is left (it may be being attached), and
    a database that cannot be read keeps every file."""
    folder = data_root / FOLDER_NAME
    if not folder.is_dir():
        return 0
    listed: set[str] = set()
    for database_file in (data_root / DATABASE_NAME, *backups):
        if not _readable(database_file):
            return 0
        listed |= _listed_in(database_file)
    recent = time.time() - 3600
    removed = 0
    for path in folder.glob("??/*"):
        if path.name.startswith(".") or path.stem in listed or not path.is_file():
            continue
        if path.stat().st_mtime > recent:
            continue
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _readable(path: Path) -> bool:
    try:
        connection = connect_read_only(path)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True
