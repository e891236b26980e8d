"""``pytest tests/bench -p no:xdist`` runs the Insights benchmark and holds it to its targets."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_insights import insights_open_10k
from harness import BenchContext


def test_insights_open_10k_meets_its_targets() -> None:
    figures = insights_open_10k(BenchContext())
    for figure in figures:
        print(f"{figure.name}: {figure.value:.1f} {figure.unit} ({figure.note})")
    missed = [f"{f.name} {f.value:.1f} {f.unit} > {f.target}" for f in figures if f.ok is False]
    assert not missed, missed
