"""The window on a nearly full or full disk: never "damaged", never "already open"; the user may
look at the data read-only, and no file is touched."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFrame

from followup_desktop.db.models import Application
from followup_desktop.ui import messages, start
from followup_desktop.ui.dialogs import recovery_dialog
from followup_desktop.ui.main_window import MainWindow
from tests.data_safety.outside_faults import fill, folder_state, followup, mounted_tmpfs


def window_args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(
        data_dir=str(data_dir), demo=False, demo_if_empty=False, screenshot=None, view=None
    )


@pytest.fixture
def full_disk_store(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "6m") as disk:
        data = disk / "data"
        assert followup(data, "demo", "--applications", "8", "--contacts", "6").returncode == 0
        assert followup(data, "backup").returncode == 0  # a backup a recovery could offer
        yield data


@pytest.mark.parametrize("leave", [8 * 1024, 0], ids=["8 kB free", "0 bytes free"])
def test_the_window_says_the_disk_is_full_and_lets_the_user_look(
    full_disk_store: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, leave: int
) -> None:
    data = full_disk_store
    fill(data.parent, leave)
    before = folder_state(data)
    said: list[str] = []
    seen: list[tuple[str, int, bool]] = []

    def look(reason: str) -> bool:
        said.append(reason)
        return True

    def run(self: object = None) -> int:
        (window,) = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.location.root == data
        ]
        seen.append(
            (
                window.windowTitle(),
                Application.select().count(),
                window.findChild(QFrame, "read_only_banner") is not None,
            )
        )
        return 0

    monkeypatch.setattr(messages, "ask_to_look", look)
    monkeypatch.setattr(messages, "show_error", lambda _t, m: pytest.fail(f"error shown: {m}"))
    monkeypatch.setattr(
        recovery_dialog, "ask_recovery", lambda *_a: pytest.fail("a recovery was offered")
    )
    monkeypatch.setattr(QApplication, "exec", run)
    assert start.run_window(window_args(data)) == 0
    assert len(said) == 1 and "is full: free some space" in said[0]
    assert seen == [("Follow-up Desk (read-only)", 8, True)]
    assert folder_state(data) == before
    assert not (data / "damaged").exists()


def test_declining_to_look_quits_and_changes_nothing(
    full_disk_store: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    data = full_disk_store
    fill(data.parent, 0)
    before = folder_state(data)
    monkeypatch.setattr(messages, "ask_to_look", lambda _reason: False)
    monkeypatch.setattr(messages, "show_error", lambda _t, m: pytest.fail(f"error shown: {m}"))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: pytest.fail("window shown"))
    assert start.run_window(window_args(data)) == 1
    assert folder_state(data) == before
