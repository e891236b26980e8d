"""Contact files at scale: exporting 20,000 contacts as vCard, importing 20,000 vCards (time and
peak memory, the import in a child process so that only it is measured)."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_contacts import _vcards
from harness import REPO, BenchContext, Figure, bench_env

CONTACTS = 20_000


def vcard_export_20k(context: BenchContext) -> list[Figure]:
    from followup_desktop.db.connection import close_store, open_store
    from followup_desktop.paths import DataLocation
    from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard

    folder = context.demo_database(applications=100, contacts=CONTACTS)
    target = context.work / "contacts-20k.vcf"
    target.parent.mkdir(parents=True, exist_ok=True)
    open_store(DataLocation(folder).database)
    runs = []
    written = 0
    try:
        for _attempt in range(3):
            start = time.perf_counter()
            written = export_contacts_vcard(target)
            runs.append(time.perf_counter() - start)
    finally:
        close_store()
    return [
        Figure(
            "vcard_export_20k",
            statistics.median(runs),
            "s",
            target=2.0,
            note=(
                f"wall s, median of 3: {written:,} contacts of the demo store read and written "
                f"as vCard 3.0 ({target.stat().st_size / 1e6:.1f} MB); runs "
                f"{', '.join(f'{s:.2f}' for s in runs)} s"
            ),
        )
    ]


def vcard_import_20k(context: BenchContext) -> list[Figure]:
    source = context.work / "contacts-20k-import.vcf"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(_vcards(CONTACTS * context.scale), encoding="utf-8", newline="")
    seconds, peaks, created = [], [], 0
    for attempt in range(3):
        folder = context.work / f"vcard-import-20k-{attempt}"
        shutil.rmtree(folder, ignore_errors=True)
        child = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("vcard_import_child.py")),
                str(source),
                str(folder),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
            env=bench_env(),
            cwd=REPO,
        )
        out = dict(line.split(" ", 1) for line in child.stdout.splitlines() if " " in line)
        seconds.append(float(out["SECONDS"].split()[0]))
        peaks.append(float(out["PEAK_ABOVE_MB"]))
        created = int(out["CREATED"])
    return [
        Figure(
            "vcard_import_20k",
            statistics.median(seconds),
            "s",
            target=5.0,
            note=(
                f"CPU s, median of 3: {created:,} cards (3.0, 2.1 quoted-printable, 4.0) read, "
                f"previewed and written in one transaction in a child process; runs "
                f"{', '.join(f'{s:.2f}' for s in seconds)} s"
            ),
        ),
        Figure(
            "vcard_import_20k_memory",
            max(peaks),
            "MB",
            target=120.0,
            note="peak resident memory above the process ready to import, highest of 3 runs",
        ),
    ]


BENCHMARKS = {"vcard_export_20k": vcard_export_20k, "vcard_import_20k": vcard_import_20k}
