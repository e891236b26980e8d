"""The real window in a child process, driven one request per line (both ends of the pipe).

The child (a script in this folder) calls ``serve_window(handle)``: the app starts as a user's
does (``cli.main``), prints ``READY`` once its window is shown, then passes every line read on
stdin to ``handle`` on the window's own thread. The test holds a ``WindowProcess``.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from followup_desktop.cli import main as cli_main
from followup_desktop.ui.app import create_application
from followup_desktop.ui.main_window import MainWindow
from tests.data_safety.fault_tools import REPO, child_env


def say(line: str) -> None:
    """One answer to the test, on stdout."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def serve_window(data_dir: str, handle: Callable[[str], None]) -> int:
    """Child side: start the app on ``data_dir`` and answer requests until stdin closes."""
    app = create_application()
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read_request() -> None:
        line = sys.stdin.readline()
        if not line:  # the test went away
            notifier.setEnabled(False)
            QApplication.quit()
            return
        handle(line.rstrip("\n"))

    notifier.activated.connect(read_request)

    def announce_when_shown() -> None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if shown:
            say("READY")
        else:
            QTimer.singleShot(50, announce_when_shown)

    QTimer.singleShot(0, announce_when_shown)
    return cli_main(["--data-dir", data_dir])


class WindowProcess:
    """Test side: the child ``script`` running the real window on ``data_dir``."""

    def __init__(self, script: Path, data_dir: Path, start_timeout: float = 60.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
            cwd=REPO,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.expect("READY", start_timeout)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, prefix: str, timeout: float = 20.0) -> str:
        """The next line starting with ``prefix`` (the test fails if none comes in time)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                self.process.kill()
                _out, err = self.process.communicate()
                pytest.fail(f"the window never said {prefix!r}; stderr:\n{err[-3000:]}")
            if line.startswith(prefix):
                return line

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def ask(self, request: str, answer: str) -> str:
        self.send(request)
        return self.expect(answer)
