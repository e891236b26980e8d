"""The first window imports only what it shows: no importers, exporters or unshown areas."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followup_desktop.cli import _window_arguments

REPO = Path(__file__).resolve().parents[2]
#: Slow to import and not needed until the user asks for the feature that uses them.
DEFERRED = (
    "followup_desktop.cli.commands",
    "followup_desktop.services.importers",
    "followup_desktop.ui.contacts.contacts_area",
    "followup_desktop.ui.composer.area",
    "icalendar",
    "vobject",
    "phonenumbers",
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
        "import followup_desktop.ui.areas.pipeline_area\n"
        f"loaded = [m for m in {DEFERRED!r} if m in sys.modules]\n"
        "print(loaded)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
