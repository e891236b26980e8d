"""Build hook: put resources/ (fonts, icons, templates) in the wheel as the package's _resources."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    """build_py that also copies resources/ to where followup_desktop.resources looks."""

    def run(self) -> None:
        super().run()
        source = ROOT / "resources"
        if source.is_dir():
            target = Path(self.build_lib) / "followup_desktop" / "_resources"
            shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
