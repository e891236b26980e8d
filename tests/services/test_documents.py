"""Documents: copied into the data folder once per content, listed by application, kinds
guessed from names, and the files kept through a backup and its restore."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.models import Application, Stage
from followup_desktop.paths import DataLocation
from followup_desktop.services.application_delete import DeleteError, delete_application
from followup_desktop.services.data_safety import manual_backup, restore_and_reopen
from followup_desktop.services.documents import (
    DocumentError,
    attach_file,
    detach,
    documents_folder,
    kind_for_name,
    list_documents,
    openable_path,
    prune_unlisted_documents,
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


def test_deleting_keeps_copies_by_name_or_lets_the_files_go_with_the_last_backup(
    data_location: DataLocation, tmp_path: Path
) -> None:
    open_store(data_location.database)
    try:
        kept_app, dropped_app = _application("Acme"), _application("Brightpath")
        cv = tmp_path / "CV.pdf"
        cv.write_bytes(b"%PDF cv")
        offer = tmp_path / "Offer.pdf"
        offer.write_bytes(b"%PDF offer")
        attach_file(kept_app, cv)
        attach_file(dropped_app, offer)
        deleted = delete_application(kept_app, keep_documents=True)
        assert deleted.kept == 1 and deleted.kept_in is not None
        assert deleted.kept_in.parent == data_location.exports
        assert (deleted.kept_in / "CV.pdf").read_bytes() == b"%PDF cv"
        offer_file = openable_path(list_documents(dropped_app)[0])
        backup = manual_backup(data_location)  # lists the offer
        assert delete_application(dropped_app, keep_documents=False).kept_in is None
        assert Application.select().count() == 0
        old = time.time() - 7200
        for stored in documents_folder().rglob("*.pdf"):
            os.utime(stored, (old, old))
        # The backup lists the offer, which stays; nothing lists the résumé any more (its
        # copy is in the exports folder), which goes.
        assert prune_unlisted_documents(data_location.root, [backup.path]) == 1
        assert offer_file.exists() and (deleted.kept_in / "CV.pdf").exists()
        # Once no backup lists the offer, it goes too.
        assert prune_unlisted_documents(data_location.root, []) == 1
        assert not offer_file.exists()
        with pytest.raises(DeleteError, match="no longer exists"):
            delete_application(kept_app, keep_documents=True)
    finally:
        close_store()
