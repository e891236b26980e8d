"""The store's promises: pragmas enforced, migrations lossless, newer and foreign files refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.db.errors import StoreDamagedError, StoreTooNewError
from followup_desktop.db.migrations import MIGRATIONS
from followup_desktop.db.models import (
    ALL_MODELS,
    Application,
    Company,
    Contact,
    Document,
    FollowUp,
    Interaction,
    Letter,
    Profile,
    Stage,
    database,
)
from followup_desktop.db.store_format import SCHEMA_VERSION
from followup_desktop.db.text_fold import SQL_NAME, sql_fold

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_on(store: StoreInfo) -> None:
    assert store.journal_mode == "wal"
    assert store.foreign_keys
    assert store.synchronous == 2
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_dangling_foreign_key_is_refused(store: StoreInfo) -> None:
    with pytest.raises(pw.IntegrityError):
        Application.create(company=999, position="Ghost", stage=1)
    assert Application.select().count() == 0


def test_default_stages_and_profile_on_first_run(store: StoreInfo) -> None:
    stages = list(Stage.select().order_by(Stage.position))
    assert [s.name for s in stages] == [
        "Wishlist",
        "Applied",
        "Interview",
        "Offer",
        "Accepted",
        "Rejected",
        "Withdrawn",
    ]
    assert [s.name for s in stages if s.is_closed] == ["Accepted", "Rejected", "Withdrawn"]
    assert Profile.select().count() == 1
    assert store.created and store.schema_version == SCHEMA_VERSION


def test_reopening_does_not_duplicate_defaults(store: StoreInfo) -> None:
    close_store()
    info = open_store(store.path)
    assert not info.created
    assert Stage.select().count() == 7
    assert Profile.select().count() == 1


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == SCHEMA_VERSION, "the app's schema is the last migration's"


def test_v1_fixture_migrates_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_V1, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    seen: list[int] = []
    info = open_store(path, before_migrate=lambda _p, version: seen.append(version))
    try:
        assert seen == [1]
        assert info.migrated_from == 1
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # Every row of the first release is still there, field for field.
        assert Profile.get_by_id(1).full_name == "Ada Okafor"
        assert Profile.get_by_id(1).answer_wait_days == 8
        assert Profile.get_by_id(1).keep_in_touch_days == 90  # new column, default value
        assert Company.get_by_id(3).name == "Ünlü Gıda A.Ş."
        raj = Contact.get_by_id(2)
        assert (raj.is_agency, raj.client_company_id, raj.time_zone) == (True, 3, "")
        app = Application.get_by_id(1)
        assert (app.position, app.stage.name, app.rank) == ("Payroll Specialist", "Interview", 1024)
        assert app.applied_on == dt.date(2025, 3, 3)
        assert Application.get_by_id(3).archived
        assert Interaction.get_by_id(1).concerns == "notice period"
        follow_up = FollowUp.get_by_id(2)
        assert (follow_up.window_start, follow_up.rule_key, follow_up.user_changed) == (
            "09:30",
            None,
            False,
        )
        assert Letter.get_by_id(1).body.startswith("Dear Mina,")
        assert Stage.select().count() == 7
        counts = {model.__name__: model.select().count() for model in ALL_MODELS}
        assert counts["Application"] == 3 and counts["FollowUp"] == 2
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        close_store()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """A migrated old store and a new store have the same columns and indexes."""
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_V1, old)

    def shape(path: Path) -> dict[str, object]:
        open_store(path)
        try:
            tables = {}
            for model in ALL_MODELS:
                table = model._meta.table_name
                columns = sorted(
                    (c.name, c.data_type.upper(), c.null) for c in database.get_columns(table)
                )
                indexes = sorted((tuple(i.columns), i.unique) for i in database.get_indexes(table))
                tables[table] = (columns, indexes)
            return tables
        finally:
            close_store()

    assert shape(old) == shape(tmp_path / "new.sqlite")


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(StoreTooNewError, match="newer version"):
        open_store(path)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 10, b"", b"SQLite format 3\x00" + b"\x00" * 20],
    ids=["garbage", "empty", "truncated"],
)
def test_foreign_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "followup.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreDamagedError):
        open_store(path)
    assert path.read_bytes() == content


def _v3_store(path: Path, version: int = 3) -> None:
    """The first release's fixture brought to schema 3 (or ``version``) by the migrations of
    that time."""
    shutil.copy(FIXTURE_V1, path)
    db = pw.SqliteDatabase(str(path))
    # Schema 5's triggers fold text with the function every connection of the app registers.
    db.register_function(sql_fold, SQL_NAME, 1, deterministic=True)
    db.connect()
    try:
        for step in MIGRATIONS[1:version]:
            with db.atomic():
                step.apply(db)
                db.execute_sql(f"PRAGMA user_version = {step.version}")
    finally:
        db.close()


def test_v3_store_migrates_to_the_current_schema_keeping_every_contact(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    _v3_store(path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 3
    rows = before.execute("SELECT id, first_name, last_name, email, notes FROM contact").fetchall()
    before.close()
    seen: list[int] = []
    info = open_store(path, before_migrate=lambda _p, version: seen.append(version))
    try:
        assert seen == [3] and info.migrated_from == 3
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        after = database.execute_sql(
            "SELECT id, first_name, last_name, email, notes FROM contact"
        ).fetchall()
        assert after == rows
        raj = Contact.get_by_id(2)
        assert (raj.department, raj.birthday, raj.websites, raj.uid) == ("", "", "", "")
        assert (raj.phone_label, raj.email_label, raj.address_label) == ("", "", "")
        # the search indexes, rebuilt folded, still find the contact
        found = database.execute_sql(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ?", (raj.last_name,)
        ).fetchall()
        assert (2,) in found
    finally:
        close_store()


def test_v4_store_migrates_to_v5_and_finds_names_without_their_accents(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    _v3_store(path, version=4)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 4
    # Written by version 4's own triggers, which index the name as typed.
    before.execute(
        "INSERT INTO contact (first_name, last_name, created_at, updated_at) "
        "VALUES ('José', 'Núñez', '2026-01-05 10:00:00', '2026-01-05 10:00:00')"
    )
    before.commit()
    before.close()
    info = open_store(path)
    try:
        assert info.migrated_from == 4 and info.schema_version == SCHEMA_VERSION
        found = database.execute_sql(
            "SELECT c.last_name FROM contact_search s JOIN contact c ON c.id = s.rowid "
            "WHERE contact_search MATCH ?",
            ("nunez",),
        ).fetchall()
        assert found == [("Núñez",)]
    finally:
        close_store()


def test_v5_store_migrates_to_v6_keeping_applications_and_adding_empty_job_details(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v5.sqlite"
    _v3_store(path, version=5)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 5
    rows = before.execute(
        "SELECT id, company_id, position, stage_id, rank, applied_on, link, archived "
        "FROM application ORDER BY id"
    ).fetchall()
    before.close()
    info = open_store(path)
    try:
        assert info.migrated_from == 5 and info.schema_version == SCHEMA_VERSION
        after = database.execute_sql(
            "SELECT id, company_id, position, stage_id, rank, applied_on, link, archived "
            "FROM application ORDER BY id"
        ).fetchall()
        assert after == rows
        app = Application.get_by_id(1)
        assert (app.location, app.work_mode, app.tags, app.description) == ("", "", "", "")
        assert (app.salary_min, app.salary_max, app.apply_by, app.priority) == (None, None, None, 0)
        # The new columns take values.
        app.location, app.priority, app.salary_min = "Leeds", 3, 52000
        app.apply_by = dt.date(2025, 4, 1)
        app.save()
        again = Application.get_by_id(1)
        assert (again.location, again.priority, again.salary_min) == ("Leeds", 3, 52000)
        assert again.apply_by == dt.date(2025, 4, 1)
    finally:
        close_store()


def test_v6_store_migrates_to_v7_with_an_empty_list_of_documents(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite"
    _v3_store(path, version=6)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 6
    before.execute("UPDATE application SET priority = 2, tags = 'payroll' WHERE id = 1")
    before.commit()
    before.close()
    info = open_store(path)
    try:
        assert info.migrated_from == 6 and info.schema_version == 7
        app = Application.get_by_id(1)
        assert (app.priority, app.tags) == (2, "payroll")
        assert Document.select().count() == 0
        Document.create(application=1, kind="resume", name="cv.pdf", content_hash="ab" * 32, size=3)
        # The documents go with their application.
        Application.delete().where(Application.id == 1).execute()
        assert Document.select().count() == 0
    finally:
        close_store()
