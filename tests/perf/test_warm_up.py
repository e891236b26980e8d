"""The areas not shown first are imported in the window's idle time, each module once."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

from followup_desktop.ui import area_specs
from followup_desktop.ui.warm_up import AREA_MODULES, FIRST_VISIT_MODULES

REPO = Path(__file__).resolve().parents[2]


def test_warm_up_covers_the_module_behind_every_area() -> None:
    factories = "".join(inspect.getsource(spec.factory) for spec in area_specs.AREAS)
    assert [name for name in AREA_MODULES if f"from {name} import" in factories] == list(
        AREA_MODULES
    )
    assert all(f"from {name} import" in factories for name in FIRST_VISIT_MODULES)
    assert factories.count("from followup_desktop.ui.") == len(AREA_MODULES) + len(
        FIRST_VISIT_MODULES
    )


def test_warm_up_imports_the_areas_after_the_delay() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from followup_desktop.ui.warm_up import AREA_MODULES, AreaWarmUp\n"
        "app = QApplication([])\n"
        "owner = QObject()\n"
        "warm = AreaWarmUp(owner, delay_ms=10)\n"
        "print(sorted(m for m in AREA_MODULES if m in sys.modules))\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "loop = QEventLoop()\n"
        "watch = QTimer(interval=10, timeout=lambda: warm.pending or loop.quit())\n"
        "watch.start()\n"
        "QTimer.singleShot(20000, loop.quit)  # a step that fails leaves steps pending\n"
        "loop.exec()\n"
        "print(sorted(m for m in AREA_MODULES if m in sys.modules), len(warm.pending))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    before, after = result.stdout.splitlines()[-2:]
    assert before == "[]"
    assert after == f"{sorted(AREA_MODULES)} 0", result.stderr
    assert "Traceback" not in result.stderr
