"""Fork server for the kill -9 tests: forks a writer per request so each life starts in ms.

Reads one JSON request per line on stdin and answers on stdout:
``STARTED <pid>`` (server), then the child's lines (``READY``, acknowledgements), then
``EXITED <pid> <status>`` (server). The server itself never opens a database, so forking it
is safe; every child opens the store afresh through the app's own code, as a restart would.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from followup_desktop.db import migrations
from followup_desktop.db.backup import create_backup
from followup_desktop.db.backup_rotation import rotate_backups
from followup_desktop.db.models import Application, FollowUp, Setting, Stage, database
from followup_desktop.paths import DataLocation
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.store import open_user_store

KILL_TEST_PREFIX = "Kill test "
CREATED_COUNTER = "kill_test_created"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_writes(location: DataLocation, seed: int) -> None:
    """Applications, each planned with its follow-up in one transaction; some are deleted."""
    open_user_store(location)
    rng = random.Random(seed)
    stage_id = Stage.select().order_by(Stage.position).first().id
    mine = [
        (a.id, a.position.removeprefix(KILL_TEST_PREFIX))
        for a in Application.select().where(Application.position.startswith(KILL_TEST_PREFIX))
    ]
    say("READY")
    number = 0
    while True:
        number += 1
        if mine and rng.random() < 0.2:
            victim, victim_marker = mine.pop(rng.randrange(len(mine)))
            say(f"d {victim} {victim_marker}")  # intent: a kill now may or may not delete it
            with database.atomic("IMMEDIATE"):
                Application.delete().where(Application.id == victim).execute()
            say(f"D {victim} {victim_marker}")
            continue
        marker = f"{seed}-{number}"
        say(f"a {marker}")  # intent, so the test knows a kill landed inside this transaction
        with database.atomic("IMMEDIATE"):
            application = save_application(
                ApplicationInput(
                    company=f"Crash Test Company {number % 5}",
                    position=f"{KILL_TEST_PREFIX}{marker}",
                    stage_id=stage_id,
                    notes="n" * rng.randint(0, 6000),
                )
            )
            FollowUp.create(
                application=application,
                due_on=dt.date.today() + dt.timedelta(days=7),
                reason="status",
                channel="email",
            )
            counter, _ = Setting.get_or_create(key=CREATED_COUNTER, defaults={"value": "0"})
            counter.value = str(int(counter.value) + 1)
            counter.save()
        mine.append((application.id, marker))
        say(f"A {application.id} {marker} {counter.value}")


def run_migration(location: DataLocation, step_delay: float) -> None:
    """Open an old store: backup, then the migration, slowed so a kill can land inside it."""
    original = migrations._run_script

    def slow_script(db: Any, script: str) -> None:
        say("MIGRATING")
        for statement in migrations.script_statements(script):
            if statement.strip():
                db.execute_sql(statement)
                time.sleep(step_delay)

    migrations._run_script = slow_script  # type: ignore[assignment]
    try:
        say("READY")
        open_user_store(location)
    finally:
        migrations._run_script = original
    say("MIGRATED")
    time.sleep(60)


def run_backups(location: DataLocation) -> None:
    """Back up again and again (with rotation) until killed."""
    say("READY")
    while True:
        made = create_backup(location.database, location.backups, "manual")
        say(f"B {made.path.name}")
        rotate_backups(location.backups)


def run_child(request: dict[str, Any]) -> None:
    location = DataLocation(Path(request["data_dir"]))
    mode = request["mode"]
    if mode == "writes":
        run_writes(location, int(request["seed"]))
    elif mode == "migrate":
        run_migration(location, float(request.get("step_delay", 0.002)))
    elif mode == "backup":
        run_backups(location)
    else:
        raise ValueError(mode)


def serve() -> None:
    say("SERVER")
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                run_child(request)
            except BaseException as error:  # reported to the test, which fails on it
                say(f"ERROR {type(error).__name__}: {error}")
                status = 3
            finally:
                os._exit(status)
        say(f"STARTED {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"EXITED {pid} {status}")


if __name__ == "__main__":
    serve()
