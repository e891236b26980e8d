"""A real CUPS print queue for the tests: cupsd running, a cups-pdf queue, the PDFs it writes.

``ensure_queue()`` starts cupsd when it is installed but not running (the machine's own, on its
usual socket, so Qt's printing finds it without settings) and adds a cups-pdf queue that writes
into a folder of its own. It returns the reason when that cannot be done, for the tests to skip.
Run as a script it sets the queue up (``python tests/printing/cups_queue.py``).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

QUEUE = "FollowUpTest"
OUT_DIR = Path("/var/spool/cups-pdf") / QUEUE
_CONFIG = Path("/etc/cups") / f"cups-pdf-{QUEUE}.conf"
_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
_PPD_CANDIDATES = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
)
#: Shared by both test workers (and by .ci/run), so only one sets the queue up at a time.
_LOCK = Path(tempfile.gettempdir()) / "followup-cups-queue.lock"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


def _scheduler_running() -> bool:
    return shutil.which("lpstat") is not None and _run("lpstat", "-r").stdout.startswith(
        "scheduler is running"
    )


def _queue_exists() -> bool:
    return _run("lpstat", "-v", QUEUE).returncode == 0


def _why_not() -> str:
    """Why no queue can be set up here, or "" when it can."""
    if shutil.which("cupsd") is None or shutil.which("lpadmin") is None:
        return "no CUPS here (install cups to print through a real queue)"
    if not _BACKEND.exists():
        return "no cups-pdf printer driver here (install printer-driver-cups-pdf)"
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        return "no pdfinfo/pdftotext here (install poppler-utils)"
    if os.geteuid() != 0 and not (_scheduler_running() and _queue_exists()):
        return f"CUPS needs root to start cupsd and add the {QUEUE} queue"
    return ""


def ensure_queue() -> str:
    """Set the queue up (once, whichever test process comes first); "" or why it cannot be."""
    reason = _why_not()
    if reason:
        return reason
    with _LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _scheduler_running():
            started = _run("cupsd")
            deadline = time.monotonic() + 10
            while not _scheduler_running() and time.monotonic() < deadline:
                time.sleep(0.1)
            if not _scheduler_running():
                return f"cupsd would not start: {started.stderr.strip() or 'no reason given'}"
        if not _queue_exists():
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            _CONFIG.write_text(f"Out {OUT_DIR}\nAnonDirName {OUT_DIR}\nUserUMask 0000\nLabel 1\n")
            ppd = next((path for path in _PPD_CANDIDATES if path.exists()), None)
            if ppd is None:
                return "no cups-pdf PPD here (install printer-driver-cups-pdf)"
            # pdftocairo, not the default renderer, turns the job into PostScript for cups-pdf:
            # the default one draws the fonts as Type 3 shapes without text for pdftotext.
            added = _run(
                "lpadmin",
                "-p",
                QUEUE,
                "-E",
                "-v",
                f"cups-pdf:/{QUEUE}",
                "-P",
                str(ppd),
                "-o",
                "pdftops-renderer-default=pdftocairo",
            )
            if added.returncode != 0:
                return f"cannot add the {QUEUE} queue: {added.stderr.strip()}"
    return ""


@dataclass(frozen=True)
class PdfPage:
    """A page as a viewer shows it: its size in points after the page's rotation."""

    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def printed_files(token: str) -> list[Path]:
    """The PDFs the queue wrote for jobs whose title holds ``token``, oldest job first."""
    found = [path for path in OUT_DIR.glob("*.pdf") if token in path.name]
    return sorted(found, key=lambda path: int(re.findall(r"job_(\d+)", path.name)[-1]))


def wait_for_files(token: str, count: int, timeout: float = 60.0) -> list[Path]:
    """Wait until the queue has written ``count`` PDFs for ``token`` and finished each."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = printed_files(token)
        if len(files) >= count and not _run("lpstat", "-o", QUEUE).stdout.strip():
            time.sleep(0.3)  # cups-pdf renames the finished file into place last
            return printed_files(token)
        time.sleep(0.2)
    return printed_files(token)


def pages_of(pdf: Path) -> list[PdfPage]:
    """Each page's size and rotation as ``pdfinfo`` reports them, turned as a viewer shows it."""
    out = _run("pdfinfo", "-f", "1", "-l", "999", str(pdf)).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    turns = [int(value) for value in re.findall(r"Page\s+\d+ rot:\s+(\d+)", out)]
    pages = []
    for (width, height), rotation in zip(sizes, turns, strict=True):
        w, h = float(width), float(height)
        pages.append(PdfPage(h, w) if rotation % 180 else PdfPage(w, h))
    return pages


def text_of(pdf: Path) -> str:
    return _run("pdftotext", str(pdf), "-").stdout


if __name__ == "__main__":
    problem = ensure_queue()
    print(problem or f"print queue {QUEUE} ready; it writes to {OUT_DIR}")
    sys.exit(1 if problem else 0)
