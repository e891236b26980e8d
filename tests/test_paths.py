"""Data folder resolution: command line, then environment, then platformdirs; nothing created."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_desktop.paths import DATA_DIR_ENV, DataLocation, resolve_data_location


def test_command_line_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_location(tmp_path / "cli").root == tmp_path / "cli"


def test_environment_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_location(None).root == tmp_path / "env"


def test_platformdirs_default_is_not_created(tmp_path: Path) -> None:
    location = resolve_data_location(None)
    # conftest points XDG_DATA_HOME into tmp_path, so platformdirs answers inside it.
    assert location.root.is_relative_to(tmp_path / "xdg-data")
    assert not location.root.exists()


def test_files_live_inside_the_folder(tmp_path: Path) -> None:
    location = DataLocation(tmp_path / "d")
    assert location.database.parent == location.root
    assert location.backups.parent == location.root
    assert location.exports.parent == location.root
    location.ensure()
    assert location.root.is_dir()
    assert (location.root.stat().st_mode & 0o777) == 0o700
