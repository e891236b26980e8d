"""Import one vCard file into a new store and print its time and its peak memory above the
process as it stood ready to import (modules loaded, store open, file read)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.paths import DataLocation
from followup_desktop.services.importers.contact_import import import_contacts


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def main() -> None:
    source, folder = Path(sys.argv[1]), Path(sys.argv[2])
    location = DataLocation(folder).ensure()
    open_store(location.database)
    data = source.read_bytes()
    before = _status_kb("VmRSS")
    # Writing 5 resets the process's peak resident size (VmHWM) to its current size.
    Path("/proc/self/clear_refs").write_text("5")
    start, start_cpu = time.perf_counter(), time.process_time()
    _plan, result = import_contacts(data, "vcf", name=source.name)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start
    peak = _status_kb("VmHWM")
    close_store()
    assert result is not None
    print(f"CREATED {result.created}")
    print(f"SECONDS {cpu:.3f} {wall:.3f}")
    print(f"PEAK_ABOVE_MB {(peak - before) / 1024:.1f}")


if __name__ == "__main__":
    main()
