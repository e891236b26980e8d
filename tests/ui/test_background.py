"""Background work: one way to run it, and exactly one ending heard on the interface thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Stage, database
from followup_desktop.ui.background import BackgroundJob


def _endings(job: BackgroundJob) -> list[tuple[str, object]]:
    heard: list[tuple[str, object]] = []
    main = QThread.currentThread()

    def note(kind: str, value: object = None) -> None:
        assert QThread.currentThread() is main  # delivered on the interface thread
        heard.append((kind, value))

    job.succeeded.connect(lambda result: note("succeeded", result))
    job.failed.connect(lambda message: note("failed", message))
    job.cancelled.connect(lambda: note("cancelled"))
    job.progressed.connect(lambda done, total: note("progress", (done, total)))
    return heard


def test_the_result_arrives_with_progress_and_the_threads_connection_is_closed(
    qtbot: QtBot, store: StoreInfo
) -> None:
    connections: list[object] = []

    def work(job: BackgroundJob) -> int:
        job.report(1, 2)
        connections.append(database.connection())  # this thread's own connection
        return int(Stage.select().count())

    job = BackgroundJob("count", work)
    heard = _endings(job)
    with qtbot.waitSignal(job.ended, timeout=10000):
        job.start()
    assert heard == [("progress", (1, 2)), ("succeeded", 7)]
    assert connections and connections[0] is not database.connection()
    with pytest.raises(RuntimeError):
        job.start()  # once per job


def test_a_storage_failure_gives_its_one_line(qtbot: QtBot) -> None:
    import sqlite3

    def work(_job: BackgroundJob) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    job = BackgroundJob("fill", work)
    heard = _endings(job)
    with qtbot.waitSignal(job.ended, timeout=10000):
        job.start()
    assert len(heard) == 1 and heard[0][0] == "failed"
    assert str(heard[0][1]).startswith("The disk is full")


def test_work_stopped_on_request_is_cancelled(qtbot: QtBot) -> None:
    waiting = threading.Event()

    def work(job: BackgroundJob) -> str:
        waiting.set()
        while not job.cancel_requested():
            threading.Event().wait(0.01)
        return "stopped early"

    job = BackgroundJob("long", work)
    heard = _endings(job)
    with qtbot.waitSignal(job.ended, timeout=10000):
        job.start()
        assert waiting.wait(10)
        job.cancel()
    assert heard == [("cancelled", None)]
    assert not job.running
