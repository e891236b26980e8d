"""Packaging benchmarks: the built app's size, and its start-up to first paint against source."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import REPO, BenchContext, Figure, time_process

APP_FOLDER = REPO / "dist" / "followup-desk"
PROGRAM = APP_FOLDER / ("followup.exe" if sys.platform == "win32" else "followup-desktop")
APPLICATIONS = 10_000
CONTACTS = 2_000


def _missing_build() -> list[Figure]:
    print(f"  no built app at {PROGRAM}: run `make package` first", flush=True)
    return []


def _folder_megabytes(folder: Path) -> float:
    total = sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_symlink())
    return total / 1_000_000


def bundle_size(context: BenchContext) -> list[Figure]:
    if not PROGRAM.exists():
        return _missing_build()
    figures = [Figure("app_folder_size", _folder_megabytes(APP_FOLDER), "MB", target=250.0)]
    downloads = {"archive_tar_gz": "followup-desk-*.tar.gz", "deb": "followup-desk_*.deb"}
    for name, pattern in downloads.items():
        for archive in sorted((REPO / "dist").glob(pattern)):
            size = archive.stat().st_size / 1_000_000
            figures.append(Figure(name, size, "MB", note=archive.name))
    return figures


def frozen_startup(context: BenchContext) -> list[Figure]:
    """Launch to first painted window: the frozen app against `python -m followup_desktop`."""
    if not PROGRAM.exists():
        return _missing_build()
    folder = context.demo_database(APPLICATIONS, CONTACTS)
    common = ["--data-dir", str(folder), "--view", "pipeline"]
    frozen = [str(PROGRAM), *common]
    source = [sys.executable, "-m", "followup_desktop", *common]
    os.environ["FOLLOWUP_EXIT_AFTER_PAINT"] = "1"
    try:
        time_process(frozen, repeat=2)  # warm the page cache for both
        time_process(source, repeat=2)
        frozen_ms = time_process(frozen, repeat=5)
        source_ms = time_process(source, repeat=5)
    finally:
        os.environ.pop("FOLLOWUP_EXIT_AFTER_PAINT", None)
    return [
        Figure(
            "frozen_startup",
            frozen_ms,
            "ms",
            target=1.5,
            baseline=source_ms,
            target_is_ratio=True,
            note="built app vs python -m followup_desktop, first paint, median of 5",
        )
    ]


BENCHMARKS = {"bundle_size": bundle_size, "frozen_startup": frozen_startup}
