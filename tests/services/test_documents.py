"""Documents: copied into the data folder once per content, listed by application, kinds
guessed from names, and the files kept through a backup and its restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.models import Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import manual_backup, restore_and_reopen
from followup_desktop.services.documents import (
    DocumentError,
    attach_file,
    detach,
    documents_folder,
    kind_for_name,
    list_documents,
    openable_path,
    resume_sent,
)
from followup_desktop.services.records import ApplicationInput, save_application


def _application(company: str) -> int:
    stage = int(Stage.get(Stage.name == "Applied").id)
    return int(save_application(ApplicationInput(company, "Analyst", stage)).id)


def test_the_same_resume_sent_twice_is_kept_once(store: StoreInfo, tmp_path: Path) -> None:
    cv = tmp_path / "CV 2026 v3.pdf"
    cv.write_bytes(b"%PDF-1.4 my resume")
    letter = tmp_path / "Cover letter Acme.docx"
    letter.write_bytes(b"PK cover")
    first, second = _application("Acme"), _application("Brightpath")
    attach_file(first, cv)
    attach_file(first, letter)
    attach_file(second, cv)
    stored = [p for p in documents_folder().rglob("*") if p.is_file()]
    assert len(stored) == 2  # the résumé once, the letter once
    assert [(d.name, d.kind) for d in list_documents(first)] == [
        ("Cover letter Acme.docx", "cover_letter"),
        ("CV 2026 v3.pdf", "resume"),
    ]
    sent = resume_sent(second)
    assert sent is not None and sent.name == "CV 2026 v3.pdf"
    assert openable_path(sent).read_bytes() == b"%PDF-1.4 my resume"
    assert openable_path(sent).suffix == ".pdf"
    detach(sent.id)
    assert list_documents(second) == [] and openable_path(list_documents(first)[1]).exists()


def test_a_missing_or_unreadable_file_is_refused_in_one_line(
    store: StoreInfo, tmp_path: Path
) -> None:
    app = _application("Acme")
    with pytest.raises(DocumentError, match=r"^gone.pdf is not a file that can be attached\.$"):
        attach_file(app, tmp_path / "gone.pdf")
    with pytest.raises(DocumentError, match="no longer exists"):
        attach_file(9999, Path(__file__))
    assert list_documents(app) == []


def test_names_tell_the_kind() -> None:
    assert kind_for_name("Lebenslauf_Mueller.pdf") == "resume"
    assert kind_for_name("resume-final.docx") == "resume"
    assert kind_for_name("Offer - Kestrel.pdf") == "offer"
    assert kind_for_name("portfolio.zip") == "other"


def test_a_restored_backup_finds_the_documents_it_lists(
    data_location: DataLocation, tmp_path: Path
) -> None:
    open_store(data_location.database)
    try:
        app = _application("Acme")
        cv = tmp_path / "resume.pdf"
        cv.write_bytes(b"%PDF resume one")
        attach_file(app, cv)
        backup = manual_backup(data_location)
        detach(list_documents(app)[0].id)
        assert list_documents(app) == []
        restore_and_reopen(data_location, backup.path)
        (entry,) = list_documents(app)
        assert openable_path(entry).read_bytes() == b"%PDF resume one"
    finally:
        close_store()
