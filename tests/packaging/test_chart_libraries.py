"""The bundle keeps every Qt library the chart module links to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6 import QtCharts

from tests.packaging.test_pyinstaller_spec import spec_list


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (Linux)")
def test_no_library_qtcharts_needs_is_left_out() -> None:
    linked = subprocess.run(
        ["ldd", str(Path(QtCharts.__file__))], capture_output=True, text=True, check=True
    ).stdout
    qt_libraries = {line.split()[0] for line in linked.splitlines() if "libQt6" in line}
    assert "libQt6Charts.so.6" in qt_libraries
    dropped = [name for name in qt_libraries if name.startswith(tuple(spec_list("UNUSED_FILES")))]
    assert not dropped, f"packaging/followup_desktop.spec leaves out {dropped}"
