"""Privacy: files readable by the user alone, and no network connection from the app."""

from __future__ import annotations

import re
import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from data_safety.fault_tools import REPO, write_garbage
from followup_desktop.db.connection import StoreInfo, close_store
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import manual_backup
from followup_desktop.services.startup_check import inspect_store, recover_store
from followup_desktop.services.store import open_user_store

PACKAGE = REPO / "followup_desktop"
#: Modules and classes that open network connections; only the local socket is allowed.
NETWORK_NAMES = re.compile(
    r"\b(import socket|from socket|urllib\.request|http\.client|import requests|import httpx|"
    r"aiohttp|smtplib|ftplib|QNetworkAccessManager|QTcpSocket|QUdpSocket|QSslSocket|"
    r"QWebEngine|check_deliverability=True)\b"
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_no_network_code_in_the_package() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NETWORK_NAMES.search(line)
    ]
    assert offenders == []
    # Qt's network module serves only the local socket that hands a second launch over.
    network_imports = {
        (path.name, line.strip())
        for path in PACKAGE.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "QtNetwork import" in line
    }
    assert network_imports == {
        ("single_instance.py", "from PySide6.QtNetwork import QLocalServer"),
        ("single_instance.py", "from PySide6.QtNetwork import QLocalSocket"),
        ("single_instance.py", "from PySide6.QtNetwork import QLocalServer, QLocalSocket"),
    }


def test_window_and_validation_open_no_connection(
    demo_store: StoreInfo,
    data_location: DataLocation,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> object:
        if self.family != socket.AF_UNIX:
            attempts.append(f"connect {address}")
        return real_connect(self, address)

    def no_lookup(*args: object, **_kwargs: object) -> object:
        attempts.append(f"lookup {args[:2]}")
        raise OSError("network use is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(socket, "create_connection", no_lookup)

    from followup_desktop.services.validation import email_problem
    from followup_desktop.ui.area_specs import AREA_KEYS
    from followup_desktop.ui.main_window import MainWindow

    assert email_problem("ann@example.org") is None
    window = MainWindow(data_location)
    qtbot.addWidget(window)
    window.show()
    for key in AREA_KEYS:
        window.show_area(key)
        QApplication.processEvents()  # the area's first paint and the reads it makes
    assert attempts == []


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_store_backups_and_damaged_files_are_private(data_location: DataLocation) -> None:
    open_user_store(data_location)
    try:
        assert _mode(data_location.root) == 0o700
        for suffix in ("", "-wal", "-shm"):
            assert _mode(Path(f"{data_location.database}{suffix}")) == 0o600, suffix
        made = manual_backup(data_location)
    finally:
        close_store()
    assert _mode(data_location.backups) == 0o700 and _mode(made.path) == 0o600
    write_garbage(data_location.database)
    data_location.database.chmod(0o600)
    problem = inspect_store(data_location)
    assert problem is not None
    folder = recover_store(data_location, problem, use_backup=True)
    assert folder is not None
    assert _mode(data_location.damaged) == 0o700 and _mode(folder) == 0o700
    assert _mode(data_location.database) == 0o600


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_too_open_store_is_made_private_on_open(data_location: DataLocation) -> None:
    open_user_store(data_location)
    close_store()
    data_location.database.chmod(0o644)
    open_user_store(data_location)
    close_store()
    assert _mode(data_location.database) == 0o600
