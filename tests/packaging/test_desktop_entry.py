"""The Linux menu entry: one text for packaging and install-desktop; valid; installed; removed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from followup_desktop import APP_ID, __version__
from followup_desktop.cli import install_desktop_command as command
from followup_desktop.cli import main
from followup_desktop.services import desktop_entry
from followup_desktop.services.desktop_entry import (
    DESKTOP_FILE_NAME,
    DesktopInstallError,
    desktop_entry_text,
    find_launcher,
    quote_exec_argument,
)

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
needs_validator = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)


def test_packaged_entry_is_the_generated_text() -> None:
    committed = (LINUX / DESKTOP_FILE_NAME).read_text(encoding="utf-8")
    assert committed == desktop_entry_text(), (
        "packaging/linux's .desktop file differs from services/desktop_entry.py; regenerate it "
        "with desktop_entry_text()"
    )


def test_entry_names_the_app_id_everywhere() -> None:
    text = desktop_entry_text()
    assert f"Icon={APP_ID}\n" in text
    assert f"{APP_ID}.desktop" == DESKTOP_FILE_NAME
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE_NAME


def test_metainfo_lists_the_current_version() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == __version__, "add a <release> for the new version to the metainfo"


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("/usr/bin/followup-desktop", "/usr/bin/followup-desktop"),
        ("/home/a b/app", '"/home/a b/app"'),
        ("/opt/100%/app", "/opt/100%%/app"),
        ("/opt/$HOME/app", '"/opt/\\\\$HOME/app"'),
        ('/opt/say "hi"/app', '"/opt/say \\\\"hi\\\\"/app"'),
    ],
)
def test_exec_argument_quoting(argument: str, expected: str) -> None:
    assert quote_exec_argument(argument) == expected


@needs_validator
@pytest.mark.parametrize("launcher", ["followup-desktop", "/home/Ann Lee/apps/$x/follow up"])
def test_desktop_file_validate_accepts_the_entry(tmp_path: Path, launcher: str) -> None:
    entry = tmp_path / DESKTOP_FILE_NAME
    entry.write_text(desktop_entry_text(quote_exec_argument(launcher)), encoding="utf-8")
    result = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_appstream_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def fake_launcher(folder: Path) -> Path:
    launcher = folder / "Follow up apps" / "followup-desktop"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    return launcher


def test_install_and_uninstall_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    launcher = fake_launcher(tmp_path)
    monkeypatch.setattr(command, "find_launcher", lambda: launcher)
    data_home = tmp_path / "xdg-data"  # conftest points XDG_DATA_HOME here

    assert main(["install-desktop"]) == 0
    entry = data_home / "applications" / DESKTOP_FILE_NAME
    assert f'Exec="{launcher}"\n' in entry.read_text(encoding="utf-8")
    for size in (16, 32, 48, 128, 256, 512):
        assert (data_home / "icons/hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert "now in your applications menu" in capsys.readouterr().out

    # Installing again (after an update) replaces the files in place.
    assert main(["install-desktop"]) == 0

    assert main(["install-desktop", "--uninstall"]) == 0
    assert not entry.exists()
    assert list((data_home / "icons").rglob(f"{APP_ID}.*")) == []
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "was not in your applications menu" in capsys.readouterr().out


def test_unwritable_data_folder_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    launcher = fake_launcher(tmp_path)
    monkeypatch.setattr(command, "find_launcher", lambda: launcher)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("followup: error: cannot write")
    assert "\n" not in error


def test_launcher_is_the_frozen_program_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "followup-desk" / "followup-desktop"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert find_launcher() == program


def test_launcher_is_the_script_beside_the_environments_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = fake_launcher(tmp_path)
    monkeypatch.setattr(sys, "executable", str(launcher.parent / "python"))
    assert find_launcher() == launcher


def test_missing_launcher_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DesktopInstallError, match="install Follow-up Desk with pip or pipx"):
        desktop_entry.find_launcher()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_install_desktop_refuses_other_systems(
    platform: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(command.sys, "platform", platform)
    assert main(["install-desktop"]) == 1
    assert "use the installer" in capsys.readouterr().err
