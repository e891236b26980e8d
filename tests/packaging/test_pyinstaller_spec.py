"""The PyInstaller spec leaves out only Qt modules the app never imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "followup_desktop.spec"
QT_IMPORT = re.compile(r"PySide6\.(Qt\w+)|from PySide6 import ([\w, ]+)")


def spec_list(name: str) -> list[str]:
    """A list literal assigned at the top of the spec, read without running PyInstaller."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return list(value)
    raise AssertionError(f"{name} not found in {SPEC}")


def imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "followup_desktop").rglob("*.py"):
        for dotted, listed in QT_IMPORT.findall(path.read_text(encoding="utf-8")):
            names = [dotted] if dotted else [item.strip() for item in listed.split(",")]
            found.update(name for name in names if name.startswith("Qt"))
    return found


def test_no_imported_qt_module_is_excluded_from_the_bundle() -> None:
    excluded = {name.removeprefix("PySide6.") for name in spec_list("UNUSED_QT_MODULES")}
    used = imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, (
        f"the app imports {sorted(used & excluded)}, which packaging/followup_desktop.spec leaves "
        "out of the bundle; remove them from UNUSED_QT_MODULES"
    )


def test_excluded_library_names_do_not_hit_the_modules_in_use() -> None:
    prefixes = spec_list("UNUSED_FILES")
    for module in imported_qt_modules():
        library = f"libQt6{module.removeprefix('Qt')}.so.6"
        assert not library.startswith(tuple(prefixes)), f"{library} would be dropped"
