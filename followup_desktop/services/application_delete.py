"""Delete an application for good, with its log, follow-ups and list of documents; copies of
its documents can be kept, by their own names, in the data folder's exports folder."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from followup_desktop.db.models import Application, database, id_column
from followup_desktop.paths import DataLocation
from followup_desktop.services.documents import DocumentError, list_documents, openable_path


class DeleteError(Exception):
    """The application cannot be deleted; nothing was. The message is one line for the user."""


@dataclass(frozen=True)
class DeletedApplication:
    #: Where copies of its documents were kept (None: none were kept).
    kept_in: Path | None
    kept: int


def _data_location() -> DataLocation:
    return DataLocation(Path(str(database.obj.database)).parent)


def _folder_name(company: str, position: str) -> str:
    name = f"Documents of {position} at {company}"
    return re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "_", name)[:150].strip(" .") or "Documents"


def _keep_copies(application: Application) -> tuple[Path | None, int]:
    entries = list_documents(int(application.id))
    if not entries:
        return None, 0
    folder = _data_location().exports / _folder_name(application.company.name, application.position)
    number = 1
    base = folder
    while folder.exists():
        number += 1
        folder = base.with_name(f"{base.name} ({number})")
    folder.mkdir(parents=True)
    for entry in entries:
        target = folder / Path(entry.name).name
        if target.exists():
            target = target.with_name(f"{target.stem} ({entry.id}){target.suffix}")
        shutil.copyfile(openable_path(entry), target)
    return folder, len(entries)


def delete_application(application_id: int, *, keep_documents: bool) -> DeletedApplication:
    """Delete the application (one transaction); with ``keep_documents``, its documents are
    first copied out by their names. Raise DeleteError, having deleted nothing."""
    application = Application.get_or_none(id_column(Application) == application_id)
    if application is None:
        raise DeleteError("That application no longer exists.")
    kept_in, kept = None, 0
    if keep_documents:
        try:
            kept_in, kept = _keep_copies(application)
        except (OSError, DocumentError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise DeleteError(
                f"Its documents could not be kept ({reason}); nothing was deleted."
            ) from error
    with database.atomic("IMMEDIATE"):
        Application.delete().where(id_column(Application) == application_id).execute()
    return DeletedApplication(kept_in, kept)
