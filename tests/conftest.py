"""Test set-up: offscreen Qt before any Qt import, and a fresh data folder and store per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Many tests start the app as a child process. Each starts as an installed app does, from
# compiled bytecode (kept under .pytest_cache), not compiling every module afresh.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX",
        os.path.join(os.path.dirname(os.path.dirname(__file__)), ".pytest_cache", "pycache"),
    )

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from followup_desktop.db.connection import StoreInfo, close_store, open_store
from followup_desktop.paths import DATA_DIR_ENV, DataLocation

# Property tests explore at random during development; in CI the same examples run every time,
# so a landing is never decided by luck. Slow shared machines must not fail on time limits.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever reads or writes the real user's folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)


@pytest.fixture
def data_location(tmp_path: Path) -> DataLocation:
    return DataLocation(tmp_path / "data").ensure()


@pytest.fixture
def store(data_location: DataLocation) -> Iterator[StoreInfo]:
    """A fresh, empty store opened with the app's own pragmas and migrations."""
    info = open_store(data_location.database)
    yield info
    close_store()


@pytest.fixture
def demo_store(store: StoreInfo) -> StoreInfo:
    """The store filled with the default demo dataset (fixed seed, dates relative to today)."""
    import datetime as dt

    from followup_desktop.services.demo_data import fill_demo_data

    fill_demo_data(seed=7, today=dt.date.today())
    return store
