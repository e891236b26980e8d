"""The first window imports only what it shows: no importers, exporters or unshown areas."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followup_desktop.cli import _window_arguments

REPO = Path(__file__).resolve().parents[2]
#: Slow to import and not needed until the user asks for the feature that uses them: the
#: commands, the areas not shown first (each area is loaded by its factory) and the heavy
#: libraries of importing, exporting and checking addresses.
DEFERRED = (
    "followup_desktop.cli.commands",
    "followup_desktop.services.importers",
    "followup_desktop.ui.contacts.contacts_area",
    "followup_desktop.ui.composer.area",
    "icalendar",
    "vobject",
    "phonenumbers",
    "email_validator",
    "keyring",
    "caldav",
    "jeepney",
)


def test_window_arguments_skip_the_command_parser() -> None:
    args = _window_arguments(["--data-dir", "somewhere", "--view", "contacts"])
    assert args is not None and (args.data_dir, args.view) == ("somewhere", "contacts")
    assert _window_arguments(["--data-dir", "somewhere", "check"]) is None
    assert _window_arguments(["--help"]) is None
    assert _window_arguments([]) is not None


def test_main_window_and_today_panel_import_nothing_deferred() -> None:
    code = (
        "import sys\n"
        "from followup_desktop.cli import _window_arguments\n"
        "_window_arguments(['--view', 'pipeline'])\n"
        "import followup_desktop.ui.app, followup_desktop.ui.main_window\n"
        "import followup_desktop.ui.pipeline.board\n"
        f"loaded = [m for m in {DEFERRED!r} if m in sys.modules]\n"
        "print(loaded)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


#: Loaded after the first paint, if at all: the second-launch socket (answered once the window
#: is up) and what only some users need (the demo, the calendar writer and its library).
AFTER_FIRST_PAINT = (
    "PySide6.QtNetwork",
    "followup_desktop.services.demo_data",
    "followup_desktop.services.ics_export",
    "icalendar",
)


def test_the_real_start_paints_before_loading_what_comes_after(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    folder = str(tmp_path / "data")
    subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", folder, "demo"],
        capture_output=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    # The first start of a day, when the rules have a new day to plan: they run beside the
    # window once it has painted, never before.
    env["FOLLOWUP_EXIT_AFTER_PAINT"] = "1"
    code = (
        "import sys\n"
        "from followup_desktop.ui import paint_probe\n"
        "report = paint_probe.FirstPaintProbe._report\n"
        "def spy(self):\n"
        f"    print('LOADED', [m for m in {AFTER_FIRST_PAINT!r} if m in sys.modules])\n"
        "    report(self)\n"
        "paint_probe.FirstPaintProbe._report = spy\n"
        "from followup_desktop.cli import main\n"
        f"sys.exit(main(['--data-dir', {folder!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = [line for line in result.stdout.splitlines() if line.startswith("LOADED")]
    assert loaded[-1] == "LOADED []", result.stdout
