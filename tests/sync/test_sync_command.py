"""``followup sync`` from the terminal: set up once (password through standard input, kept in
the keyring), sync again, say each failure in one line, turn off."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from radicale_server import PASSWORD, USER, RadicaleServer

from followup_desktop.cli import main
from followup_desktop.services.caldav_account import CALDAV_URL, CALDAV_USER

#: Each test starts a real CalDAV server.
pytestmark = pytest.mark.slow


def _sync(
    data: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(["--data-dir", str(data), "sync", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _planned_count(capsys: pytest.CaptureFixture[str], data: Path) -> int:
    assert main(["--data-dir", str(data), "demo", "--applications", "12", "--contacts", "8"]) == 0
    capsys.readouterr()
    with sqlite3.connect(data / "followup.sqlite") as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM follow_up WHERE state = 'planned'"
        ).fetchone()
    return int(count)


def test_set_up_sync_again_and_turn_off(
    tmp_path: Path,
    radicale: RadicaleServer,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    planned = _planned_count(capsys, data)

    status, out, err = _sync(
        data, capsys, monkeypatch, "--caldav", radicale.url, "--user", USER,
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip

    assert (status, err) == (0, "")
    assert out == f"Calendar synced: {planned} follow-ups written.\n"
    assert list(memory_keyring.passwords.values()) == [PASSWORD]
    database = (data / "followup.sqlite").read_bytes()
    assert PASSWORD.encode() not in database  # the password is in the keyring only
    assert all(PASSWORD not in p.read_text(errors="replace") for p in data.glob("*.json"))

    status, out, _err = _sync(data, capsys, monkeypatch)
    assert (status, out) == (0, f"Calendar is up to date ({planned} follow-ups).\n")

    radicale.stop()
    status, out, err = _sync(data, capsys, monkeypatch)
    assert status == 1 and out == ""
    assert err == (
        "followup: error: Cannot reach the calendar server 127.0.0.1. "
        "Nothing was lost; it will try again later.\n"
    )

    status, out, _err = _sync(data, capsys, monkeypatch, "--off")
    assert status == 0 and "Calendar sync is off" in out
    assert memory_keyring.passwords == {}
    with sqlite3.connect(data / "followup.sqlite") as connection:
        keys = {k for (k,) in connection.execute("SELECT key FROM setting")}
    assert not keys & {CALDAV_URL, CALDAV_USER}
    status, _out, err = _sync(data, capsys, monkeypatch)
    assert status == 1 and "calendar sync is not set up" in err


def test_a_wrong_password_is_one_line(
    tmp_path: Path,
    radicale: RadicaleServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    _planned_count(capsys, data)
    status, out, err = _sync(
        data, capsys, monkeypatch, "--caldav", radicale.url, "--user", USER,
        "--password-stdin", stdin="wrong\n",
    )  # fmt: skip
    assert (status, out) == (1, "")
    assert err == (
        f"followup: error: 127.0.0.1 refused the user name or password for {USER}; "
        "check them in Preferences.\n"
    )


def test_bad_set_up_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    status, _out, err = _sync(data, capsys, monkeypatch, "--caldav", "calendar.example")
    assert status == 1 and "give both --caldav URL and --user NAME" in err
    status, _out, err = _sync(data, capsys, monkeypatch, "--caldav", "calendar", "--user", "a")
    assert status == 1 and "starting with https://" in err
    status, _out, err = _sync(
        data, capsys, monkeypatch, "--caldav", "https://c.example/", "--user", "a",
        "--password-stdin", stdin="\n",
    )  # fmt: skip
    assert status == 1 and "no password given" in err
