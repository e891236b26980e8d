"""One window per data folder: a second launch raises the first and exits; stale locks clear."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time

import pytest
from pytestqt.qtbot import QtBot

from data_safety.fault_tools import REPO, child_env
from followup_desktop.paths import DataLocation
from followup_desktop.ui.single_instance import SingleInstance, lock_path, window_is_running


def test_second_instance_is_refused_and_its_knock_raises_the_first(
    data_location: DataLocation, qtbot: QtBot
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    first = SingleInstance(data_location)
    assert first.acquire()
    try:
        assert window_is_running(data_location)
        second = SingleInstance(data_location)
        assert not second.acquire()
        # The knock a second launch sends (``hand_over`` blocks, so here it is asynchronous:
        # the first answers from this same event loop).
        knock = QLocalSocket()
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            knock.connectToServer(second.name)
            knock.write(b"raise\n")
        qtbot.waitUntil(lambda: knock.canReadLine(), timeout=3000)
        assert bytes(knock.readLine().data()) == b"ok\n"
        knock.abort()
        garbage = QLocalSocket()
        garbage.connectToServer(second.name)
        garbage.write(b"please delete everything\n")
        # Anything else is read and dropped: the window hangs up without a signal or answer.
        qtbot.waitUntil(
            lambda: garbage.state() == QLocalSocket.LocalSocketState.UnconnectedState,
            timeout=3000,
        )
        assert not garbage.canReadLine()
        garbage.abort()
    finally:
        first.release()
    assert not window_is_running(data_location)
    third = SingleInstance(data_location)
    assert third.acquire()
    third.release()


def _launch(data_location: DataLocation, *extra: str) -> subprocess.Popen[str]:
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_location.root), *extra],
        cwd=REPO,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_launch_exits_and_stale_lock_does_not_block(data_location: DataLocation) -> None:
    first = _launch(data_location, "--demo-if-empty")
    try:
        deadline = time.monotonic() + 30
        while not window_is_running(data_location):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first window never took its lock"
            time.sleep(0.1)
        assert stat.S_IMODE(lock_path(data_location).stat().st_mode) == 0o600
        second = _launch(data_location)
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert "already open" in out and "brought to the front" in out
    finally:
        os.kill(first.pid, signal.SIGKILL)  # a crash: the lock file stays behind
        first.communicate(timeout=30)
    assert lock_path(data_location).exists()
    assert not window_is_running(data_location)
    env = child_env()
    env["FOLLOWUP_EXIT_AFTER_PAINT"] = "1"
    import sys

    third = subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_location.root)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert third.returncode == 0, third.stderr
    assert "PAINTED" in third.stdout


def test_a_launch_while_the_first_window_is_still_opening_waits_for_its_answer(
    data_location: DataLocation, qtbot: QtBot
) -> None:
    import sys

    first = SingleInstance(data_location)
    assert first.acquire(listen=False)  # holds the folder, answers only after its first paint
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from followup_desktop.paths import resolve_data_location\n"
        "from followup_desktop.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"print(SingleInstance(resolve_data_location({str(data_location.root)!r})).hand_over())\n"
    )
    env = child_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    knock = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        qtbot.wait(1500)  # the second launch starts and finds nobody answering yet
        assert knock.poll() is None  # still knocking, not given up
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            first.listen()
        qtbot.waitUntil(lambda: knock.poll() is not None, timeout=10000)
    finally:
        first.release()
        out, _err = knock.communicate(timeout=30)
    assert out.strip() == "True"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_the_lock_file_is_readable_by_the_user_alone(data_location: DataLocation) -> None:
    common = os.umask(0o022)
    try:
        first = SingleInstance(data_location)
        assert first.acquire(listen=False)
        held = stat.S_IMODE(lock_path(data_location).stat().st_mode)
        first.release()
        # A lock left by a crash is taken over, and the new lock file is private too.
        lock_path(data_location).write_text("999999999\nfollowup-desktop\nhost\n")
        lock_path(data_location).chmod(0o644)
        second = SingleInstance(data_location)
        assert second.acquire(listen=False)
        taken_over = stat.S_IMODE(lock_path(data_location).stat().st_mode)
        second.release()
    finally:
        os.umask(common)
    assert (held, taken_over) == (0o600, 0o600)
