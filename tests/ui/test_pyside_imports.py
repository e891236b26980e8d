"""Modules imported after PySide are no longer read as source by it, and PySide still works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from followup_desktop.ui.app import create_application

_PROBE = """
import linecache, sys
sys.path.insert(0, {folder!r})
import PySide6.QtWidgets
if {skip}:
    from followup_desktop.ui.pyside_imports import skip_feature_source_scan
    assert skip_feature_source_scan()
import scan_probe
assert scan_probe.VALUE == 42
print(scan_probe.__file__ in linecache.cache)
"""


def _source_read_after_pyside(folder: Path, *, skip: bool) -> bool:
    """Whether PySide read a module imported after it, in a fresh interpreter."""
    (folder / "scan_probe.py").write_text("from PySide6.QtWidgets import QLabel\n\nVALUE = 42\n")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(folder=str(folder), skip=skip)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )
    return result.stdout.strip() == "True"


def test_pyside_reads_each_new_module_unless_told_not_to(tmp_path: Path) -> None:
    assert _source_read_after_pyside(tmp_path, skip=False), "PySide no longer reads: drop the hook"
    assert not _source_read_after_pyside(tmp_path, skip=True)


def test_the_window_start_skips_the_scan_and_widgets_work(qtbot) -> None:
    create_application()
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside.__module__ == "followup_desktop.ui.pyside_imports"
    label = QLabel("Follow-up")
    qtbot.addWidget(label)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert label.text() == "Follow-up"
