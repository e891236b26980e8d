"""Starting at login: install-desktop --autostart writes the XDG autostart entry that starts
the app in the background; --no-autostart and --uninstall take it away again."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from followup_desktop import APP_ID
from followup_desktop.cli import install_desktop_command as command
from followup_desktop.cli import main


def _launcher(folder: Path) -> Path:
    launcher = folder / "Follow up apps" / "followup-desktop"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    return launcher


def _exec_line(entry: Path) -> list[str]:
    (line,) = [x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec=")]
    # The file's own escaping first (a backslash is written twice), then the Exec quoting.
    return shlex.split(line.removeprefix("Exec=").replace("\\\\", "\\"))


def test_autostart_in_the_background_and_removed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    launcher = _launcher(tmp_path)
    monkeypatch.setattr(command, "find_launcher", lambda: launcher)
    data = tmp_path / "my data"
    autostart = tmp_path / "xdg-config" / "autostart" / f"{APP_ID}.desktop"  # XDG_CONFIG_HOME
    menu = tmp_path / "xdg-data" / "applications" / f"{APP_ID}.desktop"

    assert main(["--data-dir", str(data), "install-desktop", "--autostart"]) == 0

    assert "starts at login in the background" in capsys.readouterr().out
    assert _exec_line(autostart) == [str(launcher), "--data-dir", str(data), "--background"]
    text = autostart.read_text(encoding="utf-8")
    assert "X-GNOME-Autostart-enabled=true\n" in text and "StartupNotify=false\n" in text
    assert _exec_line(menu) == [str(launcher)]  # the menu still opens the window
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(autostart)], capture_output=True, text=True
        )
        assert checked.returncode == 0 and checked.stdout.strip() == "", checked.stdout

    assert main(["install-desktop", "--no-autostart"]) == 0
    assert not autostart.exists() and menu.exists()
    assert "will no longer start at login" in capsys.readouterr().out

    assert main(["install-desktop", "--autostart"]) == 0
    assert _exec_line(autostart) == [str(launcher), "--background"]  # the default data folder
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not autostart.exists() and not menu.exists()
