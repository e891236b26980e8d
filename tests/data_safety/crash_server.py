"""Test side of the kill -9 harness: start lives in the fork server, kill them, collect lines."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from data_safety.fault_tools import REPO, child_env, python_command

SERVER_SCRIPT = Path(__file__).resolve().parent / "crash_child.py"


@dataclass
class Life:
    """What one child printed before and after it was killed."""

    pid: int
    lines: list[str] = field(default_factory=list)
    exit_status: int | None = None

    @property
    def killed(self) -> bool:
        return self.exit_status is not None and os.WIFSIGNALED(self.exit_status)

    def errors(self) -> list[str]:
        return [line for line in self.lines if line.startswith("ERROR")]


class CrashServer:
    """One long-lived fork server; each ``start`` forks a fresh child that opens the store."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            python_command(SERVER_SCRIPT),
            cwd=REPO,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        self._buffer = b""
        assert self.read_line(timeout=30) == "SERVER"

    def __enter__(self) -> CrashServer:
        return self

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def read_line(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no line from the crash server within {timeout} s")
            ready, _, _ = select.select([self._fd], [], [], remaining)
            if ready:
                chunk = os.read(self._fd, 65536)
                if not chunk:
                    raise EOFError("the crash server ended")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def start(self, request: dict[str, Any], ready: str = "READY") -> Life:
        """Fork a child for ``request`` and return once it printed ``ready``."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        pid = 0
        lines: list[str] = []
        seen_ready = False
        while not (pid and seen_ready):
            line = self.read_line()
            if line.startswith("STARTED "):
                pid = int(line.split()[1])
            elif line.startswith("EXITED "):
                raise AssertionError(f"child ended before {ready}: {lines}")
            else:
                lines.append(line)
                seen_ready = seen_ready or line == ready
        return Life(pid, lines)

    def kill(self, life: Life) -> Life:
        """SIGKILL the child (if still running) and collect what it printed until it died."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(life.pid, signal.SIGKILL)
        while True:
            line = self.read_line()
            if line.startswith(f"EXITED {life.pid} "):
                life.exit_status = int(line.split()[2])
                return life
            life.lines.append(line)
