"""A ready store's first screen is read with plain SQLite; the ORM opens it fully when needed."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_desktop.db import first_screen
from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.errors import StoreError
from followup_desktop.db.models import Stage, database
from followup_desktop.db.reads import read_all, read_connection, use_reader
from followup_desktop.db.store_format import PROFILE_ID
from followup_desktop.services.board import card_counts, list_stages
from followup_desktop.services.follow_up_queries import due_counts
from followup_desktop.services.store_contents import holds_demo_data, store_is_empty

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"


@pytest.fixture
def ready_store(tmp_path: Path) -> Iterator[Path]:
    """A store opened once by the app (schema current, fixed rows present), then closed."""
    path = tmp_path / "followup.sqlite"
    open_store(path)
    Stage.create(name="Phone screen", kind="interview", position=9)
    close_store()
    database.initialize(None)
    use_reader(None)
    yield path
    first_screen.close_first_screen()
    close_store()


def _never() -> None:
    raise AssertionError("the store was opened fully")


def test_a_ready_store_is_read_without_the_orm(ready_store: Path) -> None:
    assert first_screen.open_first_screen(ready_store, _never)
    assert first_screen.first_screen_open()
    assert database.obj is None
    assert [stage.name for stage in list_stages()][-1] == "Phone screen"
    assert card_counts() == {}
    assert store_is_empty() and not holds_demo_data()
    assert due_counts(dt.date.today()) == (0, 0)
    assert read_connection().execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert read_connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_first_use_of_a_model_opens_the_store_fully_once(ready_store: Path) -> None:
    opened: list[bool] = []

    def full_open() -> None:
        opened.append(True)
        open_store(ready_store, checked=True)
        first_screen.close_first_screen()

    assert first_screen.open_first_screen(ready_store, full_open)
    assert Stage.select().where(Stage.name == "Phone screen").count() == 1
    assert opened == [True]
    assert not first_screen.first_screen_open()
    first_screen.open_fully()  # the app's own call afterwards does nothing more
    assert opened == [True]
    # Reads now go through the ORM's connection.
    assert read_connection() is database.connection()
    assert read_all("SELECT COUNT(*) FROM stage") == [(8,)]


def test_a_store_that_needs_work_first_is_left_to_the_full_open(tmp_path: Path) -> None:
    assert not first_screen.open_first_screen(tmp_path / "missing.sqlite", _never)
    older = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURE_V1, older)
    assert not first_screen.open_first_screen(older, _never)
    assert not first_screen.first_screen_open()

    ready = tmp_path / "ready.sqlite"
    open_store(ready)
    close_store()
    with sqlite3.connect(ready) as connection:
        connection.execute("DELETE FROM profile WHERE id = ?", (PROFILE_ID,))
    connection.close()
    assert not first_screen.open_first_screen(ready, _never)

    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    assert not first_screen.open_first_screen(garbage, _never)
    assert garbage.read_bytes() == b"not a database at all" * 100


def test_reading_with_no_store_open_says_so() -> None:
    use_reader(None)
    with pytest.raises(StoreError, match="not open"):
        read_all("SELECT 1")
