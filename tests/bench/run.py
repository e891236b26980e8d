"""Run the benchmarks: one line per figure, optional JSON, exit 1 if a target is missed."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from harness import BenchContext, Figure  # noqa: E402

Benchmark = Callable[[BenchContext], list[Figure]]


def discover() -> dict[str, Benchmark]:
    found: dict[str, Benchmark] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.update(module.BENCHMARKS)
    return found


def format_figure(figure: Figure) -> str:
    target = "—"
    if figure.target is not None:
        target = f"≤ {figure.target:g}" + (
            " (ratio)" if figure.target_is_ratio else f" {figure.unit}"
        )
    baseline = f"{figure.baseline:.2f} {figure.unit}" if figure.baseline is not None else "—"
    ratio = f"{figure.ratio:.2f}" if figure.ratio is not None else "—"
    verdict = {True: "PASS", False: "FAIL", None: "info"}[figure.ok]
    note = f"  ({figure.note})" if figure.note else ""
    return (
        f"{figure.name:<28} {figure.value:>10.2f} {figure.unit:<6} baseline {baseline:<14} "
        f"ratio {ratio:<6} target {target:<16} {verdict}{note}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--scale", type=int, default=1, help="multiply data sizes by K")
    args = parser.parse_args(argv)
    benchmarks = discover()
    unknown = [name for name in args.names if name not in benchmarks]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(benchmarks)}")
    context = BenchContext(scale=args.scale)
    figures: list[Figure] = []
    for name in args.names or list(benchmarks):
        print(f"# {name} …", flush=True)
        for figure in benchmarks[name](context):
            figures.append(figure)
            print(format_figure(figure), flush=True)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    f.name: {
                        "value": f.value,
                        "unit": f.unit,
                        "target": f.target,
                        "baseline": f.baseline,
                        "ratio": f.ratio,
                        "ok": f.ok,
                    }
                    for f in figures
                },
                indent=2,
            )
        )
    return 1 if any(f.ok is False for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
