"""Opening URLs and files: the environment a started program gets, and the one-line failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from followup_desktop.services import external_open
from followup_desktop.services.external_open import (
    ExternalOpenError,
    child_environment,
    open_command,
    open_external,
)

BUNDLE = Path("/opt/followup-desk/_internal")


def frozen_environ(**extra: str) -> dict[str, str]:
    """What the bootloader and the PySide6 run-time hook leave in a frozen app's environment."""
    environ = {
        "HOME": "/home/someone",
        "PATH": "/usr/local/bin:/usr/bin",
        "LD_LIBRARY_PATH": f"{BUNDLE}",
        "QT_PLUGIN_PATH": f"{BUNDLE}/PySide6/Qt/plugins",
        "QML2_IMPORT_PATH": f"{BUNDLE}/PySide6/Qt/qml",
        "_PYI_APPLICATION_HOME_DIR": str(BUNDLE),
    }
    environ.update(extra)
    return environ


def test_from_source_the_environment_is_passed_unchanged() -> None:
    environ = frozen_environ()
    assert child_environment(environ, bundle=None) == environ


def test_frozen_without_an_original_library_path_drops_it() -> None:
    env = child_environment(frozen_environ(), bundle=BUNDLE)
    assert "LD_LIBRARY_PATH" not in env
    assert "QT_PLUGIN_PATH" not in env
    assert "QML2_IMPORT_PATH" not in env
    assert "_PYI_APPLICATION_HOME_DIR" not in env
    assert env["PATH"] == "/usr/local/bin:/usr/bin"
    assert env["HOME"] == "/home/someone"


def test_frozen_restores_the_users_own_library_path() -> None:
    environ = frozen_environ(
        LD_LIBRARY_PATH=f"{BUNDLE}:/home/someone/lib",
        LD_LIBRARY_PATH_ORIG="/home/someone/lib",
    )
    env = child_environment(environ, bundle=BUNDLE)
    assert env["LD_LIBRARY_PATH"] == "/home/someone/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in env


def test_frozen_keeps_the_users_own_plugin_folders() -> None:
    environ = frozen_environ(QT_PLUGIN_PATH=f"{BUNDLE}/PySide6/Qt/plugins:/home/someone/qt")
    env = child_environment(environ, bundle=BUNDLE)
    assert env["QT_PLUGIN_PATH"] == "/home/someone/qt"


def test_open_command_per_system() -> None:
    assert open_command("mailto:a@b.org", "linux") == ["xdg-open", "mailto:a@b.org"]
    assert open_command("/Users/someone/n.pdf", "darwin") == ["open", "/Users/someone/n.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses os.startfile")
def test_frozen_open_starts_the_viewer_with_the_cleaned_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(bundle))
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "PySide6" / "Qt" / "plugins"))
    started: list[tuple[list[str], dict[str, Any]]] = []

    def fake_popen(command: list[str], **options: Any) -> None:
        started.append((command, options))

    monkeypatch.setattr(subprocess, "Popen", fake_popen)
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    open_external(pdf)
    command, options = started[0]
    assert command[-1] == str(pdf.resolve())
    assert "LD_LIBRARY_PATH" not in options["env"]
    assert "QT_PLUGIN_PATH" not in options["env"]
    assert options["start_new_session"] is True


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses os.startfile")
def test_a_really_started_program_sees_the_cleaned_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stand-in xdg-open on PATH records the environment it was started with."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    record = tmp_path / "seen.txt"
    opener = tmp_path / "bin" / open_command("x")[0]
    opener.parent.mkdir()
    opener.write_text(
        f'#!/bin/sh\necho "$1|${{LD_LIBRARY_PATH-unset}}|${{QT_PLUGIN_PATH-unset}}" > {record}\n'
    )
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{opener.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{bundle}:/opt/own/lib")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/own/lib")
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "plugins"))
    open_external("mailto:hiring@example.org?subject=Thank%20you")
    import time

    for _ in range(100):
        if record.exists() and record.read_text().strip():
            break
        time.sleep(0.05)
    assert record.read_text().strip() == (
        "mailto:hiring@example.org?subject=Thank%20you|/opt/own/lib|unset"
    )


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExternalOpenError, match="does not exist"):
        open_external(tmp_path / "gone.pdf")


def test_empty_address_is_a_clear_error() -> None:
    with pytest.raises(ExternalOpenError, match="empty address"):
        open_external("  ")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses os.startfile")
def test_missing_opener_program_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(external_open, "open_command", lambda target: ["no-such-opener", target])
    with pytest.raises(ExternalOpenError, match="no-such-opener is not installed"):
        open_external("https://example.org")
