"""Insights benchmark: the area's first visit on the 10,000-application store."""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from harness import REPO, BenchContext, Figure, bench_env

HERE = Path(__file__).resolve().parent
APPLICATIONS = 10_000
CONTACTS = 20_000
FOLLOW_UPS = 50_000
INTERACTIONS = 50_000
#: Fresh processes; each gives one sample of each figure, the figure is their median.
RUNS = 5


def insights_samples(folder: Path, runs: int = RUNS) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, str(HERE / "insights_probe.py"), str(folder)],
            capture_output=True,
            text=True,
            env=bench_env(),
            cwd=REPO,
            check=True,
            timeout=300,
        )
        for line in result.stdout.splitlines():
            name, value = line.split()
            samples.setdefault(name, []).append(float(value))
    return {name: statistics.median(values) for name, values in samples.items()}


def insights_open_10k(context: BenchContext) -> list[Figure]:
    # The same cached store as the large-store benchmarks: a year of a busy search.
    folder = context.demo_database(APPLICATIONS, CONTACTS, FOLLOW_UPS, INTERACTIONS)
    times = insights_samples(folder)
    sizes = f"{APPLICATIONS * context.scale:,} applications"
    return [
        Figure(
            "insights_open_10k",
            times["FIRST"],
            "ms",
            target=100.0,
            note="first visit after the window settled: the area's module imported, the area "
            f"painted, saying it reads; median of {RUNS} processes; {sizes}",
        ),
        Figure(
            "insights_figures_10k",
            times["FIGURES"],
            "ms",
            note="from the first click until the four charts are drawn (QtCharts imported, the "
            "figures read beside the window)",
        ),
        Figure(
            "insights_again_10k",
            times["AGAIN"],
            "ms",
            target=16.0,
            note="a later visit: switch and repaint, nothing read; the middle one of three",
        ),
        Figure(
            "insights_all_time_10k",
            times["ALL_TIME"],
            "ms",
            note="period switched to all time until the new charts are drawn (read beside the "
            "window, which stays responsive)",
        ),
        Figure(
            "insights_sql_10k",
            times["SQL"],
            "ms",
            note="the figures alone (SQLite), period of 90 days, median of 5",
        ),
    ]


BENCHMARKS = {"insights_open_10k": insights_open_10k}
