"""First start on an empty data folder: the demo is offered, and loaded only if accepted."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import Application
from followup_desktop.ui import messages, start


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

    monkeypatch.setattr(messages, "ask_load_demo", answer)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert start.run_window(window_args(tmp_path / "data")) == 0
    assert asked == [True]
    open_store(tmp_path / "data" / "followup.sqlite")
    try:
        assert (Application.select().count() > 0) is accepted
    finally:
        close_store()
    # Asked once: an empty store that said no is not asked again at the next start.
    assert start.run_window(window_args(tmp_path / "data")) == 0
    assert asked == [True]


def test_a_store_with_data_is_not_offered_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    monkeypatch.setattr(messages, "ask_load_demo", lambda: pytest.fail("asked"))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    args = window_args(tmp_path / "data", demo=True)
    assert start.run_window(args) == 0
    count = _count(tmp_path)
    assert start.run_window(window_args(tmp_path / "data")) == 0
    assert _count(tmp_path) == count


def _count(tmp_path: Path) -> int:
    open_store(tmp_path / "data" / "followup.sqlite")
    try:
        return int(Application.select().count())
    finally:
        close_store()


def test_the_window_is_built_on_the_fully_open_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    from followup_desktop.db.models import database

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert start.run_window(window_args(tmp_path / "data", demo=True)) == 0
    seen: list[bool] = []

    def run(self: object = None) -> int:
        seen.append(database.obj is not None and not database.is_closed())
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert start.run_window(window_args(tmp_path / "data")) == 0
    assert seen == [True]
    assert database.is_closed()  # and closed once the window is gone
