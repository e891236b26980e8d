"""First start on an empty data folder: the demo is offered, and loaded only if accepted."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import Application
from followup_desktop.ui import app as app_module


def window_args(data_dir: Path, **overrides: object) -> argparse.Namespace:
    values = dict(
        data_dir=str(data_dir), demo=False, demo_if_empty=False, screenshot=None, view=None
    )
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.mark.parametrize("accepted", [True, False])
def test_empty_store_offers_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, accepted: bool
) -> None:
    asked: list[bool] = []

    def answer() -> bool:
        asked.append(True)
        return accepted

    monkeypatch.setattr(app_module, "ask_load_demo", answer)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run_window(window_args(tmp_path / "data")) == 0
    assert asked == [True]
    open_store(tmp_path / "data" / "followup.sqlite")
    try:
        assert (Application.select().count() > 0) is accepted
    finally:
        close_store()


def test_a_store_with_data_is_not_offered_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    monkeypatch.setattr(app_module, "ask_load_demo", lambda: pytest.fail("asked"))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    args = window_args(tmp_path / "data", demo=True)
    assert app_module.run_window(args) == 0
    count = _count(tmp_path)
    assert app_module.run_window(window_args(tmp_path / "data")) == 0
    assert _count(tmp_path) == count


def _count(tmp_path: Path) -> int:
    open_store(tmp_path / "data" / "followup.sqlite")
    try:
        return int(Application.select().count())
    finally:
        close_store()


def test_a_ready_store_paints_before_the_orm_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    from followup_desktop.db import first_screen
    from followup_desktop.db.models import database

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run_window(window_args(tmp_path / "data", demo=True)) == 0
    seen: list[tuple[bool, bool]] = []

    def run_until_open(self: object = None) -> int:
        seen.append((first_screen.first_screen_open(), database.obj is not None))
        deadline = time.monotonic() + 10
        while first_screen.first_screen_open() and time.monotonic() < deadline:
            QApplication.processEvents()
        seen.append((first_screen.first_screen_open(), database.obj is not None))
        return 0

    monkeypatch.setattr(QApplication, "exec", run_until_open)
    database.initialize(None)
    assert app_module.run_window(window_args(tmp_path / "data")) == 0
    # Built on plain SQLite; fully open (the ORM bound) once the window had painted.
    assert seen == [(True, False), (False, True)]


def test_a_store_broken_after_the_first_screen_gives_a_clear_reason(tmp_path: Path) -> None:
    from functools import partial

    from followup_desktop.db import first_screen
    from followup_desktop.db.models import database
    from followup_desktop.paths import DataLocation

    location = DataLocation(tmp_path / "data").ensure()
    open_store(location.database)
    close_store()
    database.initialize(None)
    assert first_screen.open_first_screen(
        location.database, partial(app_module.open_store_fully, location)
    )
    # Something outside the app overwrites the file while the window shows its first screen.
    location.database.write_bytes(b"this is not a database any more" * 200)
    problem = app_module.finish_store_open()
    assert problem is not None and "is not a Follow-up Desk database" in problem
    assert not first_screen.first_screen_open()
    assert location.database.read_bytes() == b"this is not a database any more" * 200
