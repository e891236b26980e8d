"""Benchmark plumbing: figures, targets, shared demo databases and process timing helpers."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".bench-cache"


@dataclass
class Figure:
    """One measured number, with its target (upper bound) and optional same-run baseline."""

    name: str
    value: float
    unit: str
    target: float | None = None
    baseline: float | None = None
    #: When set, the target applies to value / baseline instead of value.
    target_is_ratio: bool = False
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.ratio if self.target_is_ratio else self.value
        return measured is not None and measured <= self.target


@dataclass
class BenchContext:
    scale: int = 1
    work: Path = field(default_factory=lambda: CACHE / "work")

    def demo_database(
        self,
        applications: int,
        contacts: int,
        follow_ups: int = 0,
        interactions: int = 0,
        seed: int = 7,
    ) -> Path:
        """A data folder filled by ``followup demo`` with these sizes (times the scale), cached."""
        sizes = [n * self.scale for n in (applications, contacts, follow_ups, interactions)]
        from followup_desktop.db.store_format import SCHEMA_VERSION

        # The schema version is part of the name: a build with an older schema must never open
        # (or be refused by) a store another build migrated.
        name = "demo-" + "-".join(str(n) for n in sizes) + f"-s{seed}-v{SCHEMA_VERSION}"
        folder = CACHE / name
        marker = folder / ".complete"
        if not marker.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            run_followup(
                "--data-dir",
                str(folder),
                "demo",
                "--applications",
                str(sizes[0]),
                "--contacts",
                str(sizes[1]),
                "--follow-ups",
                str(sizes[2]),
                "--interactions",
                str(sizes[3]),
                "--seed",
                str(seed),
            )
            marker.touch()
        return folder

    def fresh_copy(self, folder: Path, name: str) -> Path:
        """A private copy of a cached data folder for benchmarks that write."""
        target = self.work / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(folder, target, ignore=shutil.ignore_patterns(".complete"))
        return target


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Run like an installed app, whose modules are compiled once at install time: bytecode is
    # cached (outside the source tree) instead of recompiling every module on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_followup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", *args],
        check=True,
        capture_output=True,
        text=True,
        env=bench_env(),
        cwd=REPO,
    )


def time_call(function: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``function`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def time_process(args: list[str], repeat: int = 5, marker: str = "PAINTED") -> float:
    """Median ms from launching ``args`` to the line ``marker <t>`` it prints (its own clock).

    The child prints ``marker`` followed by time.time() at the moment of interest; we measure
    from just before the launch, so interpreter start-up and imports are included.
    """
    samples = []
    for _ in range(repeat):
        start = time.time()
        result = subprocess.run(
            args, capture_output=True, text=True, env=bench_env(), cwd=REPO, check=True, timeout=120
        )
        stamp = next(
            float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith(marker)
        )
        samples.append((stamp - start) * 1000)
    return statistics.median(samples)


BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"


def time_against_bare(args: list[str], runs: int = 7) -> tuple[float, float]:
    """Median ms to first paint of (the process ``args``, a bare QMainWindow), same run.

    Both are warmed once, then started alternately, so a burst of load from elsewhere on
    the machine falls on both alike.
    """
    bare_args = [sys.executable, str(BARE_WINDOW)]
    os.environ["FOLLOWUP_EXIT_AFTER_PAINT"] = "1"
    try:
        time_process(bare_args, repeat=1)
        time_process(args, repeat=1)
        bare: list[float] = []
        measured: list[float] = []
        for _ in range(runs):
            bare.append(time_process(bare_args, repeat=1))
            measured.append(time_process(args, repeat=1))
    finally:
        os.environ.pop("FOLLOWUP_EXIT_AFTER_PAINT", None)
    return statistics.median(measured), statistics.median(bare)


def time_startup_against_bare(data_dir: Path, runs: int = 7) -> tuple[float, float]:
    """Median ms to first paint of (the app on ``data_dir``, a bare QMainWindow), same run."""
    app_args = [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir)]
    return time_against_bare([*app_args, "--view", "pipeline"], runs)
