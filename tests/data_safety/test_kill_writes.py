"""kill -9 at random moments: integrity, both-or-neither invariants, every acknowledged write kept.

A child does real transactional writes through the app's own data layer (an application and
the follow-up planned with it, in one transaction; sometimes a delete) and prints an
acknowledgement after each commit. The parent kills it at random moments, checks the store with
read-only connections, and starts the next life on the same files, as a restart would.
"""

from __future__ import annotations

import random
import time

from data_safety.crash_server import CrashServer
from data_safety.fault_tools import integrity, rows
from followup_desktop.paths import DataLocation

KILLS = 60
MAX_LIFE_SECONDS = 0.12


def _check_store(
    location: DataLocation, created: dict[str, int], deleted: set[str], in_flight: set[str]
) -> dict[str, int]:
    database = location.database
    assert integrity(database) == "ok"
    assert rows(database, "PRAGMA foreign_key_check") == []
    present = {
        str(position).removeprefix("Kill test "): app_id
        for app_id, position in rows(
            database, "SELECT id, position FROM application WHERE position LIKE 'Kill test %'"
        )
    }
    # Every acknowledged creation is there under its id, unless its deletion was acknowledged
    # too (ids can be reused after a delete, so each write carries its own marker).
    for marker, app_id in created.items():
        if marker in deleted:
            assert marker not in present, f"deleted application {marker} came back"
        elif marker not in in_flight:
            assert present.get(marker) == app_id, f"lost application {marker}"
    # Both or neither: each application has exactly its one follow-up, and no follow-up is
    # left without its application.
    unpaired = rows(
        database,
        "SELECT a.id, count(f.id) FROM application a "
        "LEFT JOIN follow_up f ON f.application_id = a.id "
        "WHERE a.position LIKE 'Kill test %' GROUP BY a.id HAVING count(f.id) != 1",
    )
    assert unpaired == []
    orphans = rows(
        database,
        "SELECT count(*) FROM follow_up WHERE reason = 'status' AND application_id IS NULL",
    )
    assert orphans == [(0,)]
    return present


def test_kill_during_writes_loses_nothing_acknowledged(data_location: DataLocation) -> None:
    rng = random.Random(20250304)
    created: dict[str, int] = {}
    deleted: set[str] = set()
    counter_acked = 0
    kills_mid_run = 0
    kills_inside_transaction = 0
    started = time.monotonic()
    with CrashServer() as server:
        for life_number in range(KILLS):
            life = server.start(
                {"mode": "writes", "data_dir": str(data_location.root), "seed": life_number}
            )
            time.sleep(rng.uniform(0.0, MAX_LIFE_SECONDS))
            server.kill(life)
            assert life.errors() == []
            assert life.killed, f"life {life_number} ended by itself: {life.lines[-3:]}"
            kills_mid_run += 1
            if life.lines and life.lines[-1][0] in "ad":
                kills_inside_transaction += 1
            in_flight: set[str] = set()
            for line in life.lines:
                kind, *fields = line.split()
                if kind == "d":
                    in_flight.add(fields[1])
                elif kind == "A":
                    created[fields[1]] = int(fields[0])
                    counter_acked = int(fields[2])
                elif kind == "D":
                    deleted.add(fields[1])
                    in_flight.discard(fields[1])
            present = _check_store(data_location, created, deleted, in_flight)
            # A deletion cut short by the kill either happened completely or not at all.
            deleted |= {marker for marker in in_flight if marker not in present}
            # The counter moves in the same transaction as each creation: it is either the
            # last acknowledged value or one more (committed, killed before the ack).
            found = rows(
                data_location.database,
                "SELECT value FROM setting WHERE key = 'kill_test_created'",
            )
            value = int(str(found[0][0])) if found else 0
            assert value in (counter_acked, counter_acked + 1)
            counter_acked = value
    elapsed = time.monotonic() - started
    assert kills_mid_run >= 50
    assert len(created) > KILLS  # the children really wrote between kills
    print(
        f"\nkill -9 during writes: {kills_mid_run} kills ({kills_inside_transaction} with a write "
        f"in flight), {len(created)} acknowledged "
        f"applications ({len(deleted)} acknowledged deletions), 0 lost, {elapsed:.1f} s"
    )
