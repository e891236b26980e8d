"""One window per data folder: a lock file, and a local socket that hands a second launch over."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from followup_desktop.paths import DataLocation

if TYPE_CHECKING:
    # Qt's network module is only needed once the window is up (or to reach another one),
    # so it is imported then rather than before the first paint.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_FILE_NAME = "followup.lock"
_RAISE_REQUEST = b"raise\n"
_RAISE_ACK = b"ok\n"
_CONNECT_TIMEOUT_MS = 1500
_LOCK_WAIT_MS = 100
#: The first window starts answering just after its first paint; a launch in between waits.
_SERVER_APPEAR_S = 5.0


def lock_path(location: DataLocation) -> Path:
    return location.root / LOCK_FILE_NAME


def server_name(location: DataLocation) -> str:
    """A socket name private to this user and data folder (short enough for any platform)."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    digest = hashlib.sha256(f"{user}\x00{location.root}".encode()).hexdigest()[:16]
    return f"followup-desktop-{digest}"


def _new_lock(location: DataLocation) -> QLockFile:
    lock = QLockFile(str(lock_path(location)))
    # Held for the whole session: never stale by age, only when its process is gone.
    lock.setStaleLockTime(0)
    return lock


def _try_lock(lock: QLockFile, path: Path) -> bool:
    locked = lock.tryLock(_LOCK_WAIT_MS)
    if not locked:
        # Qt already clears a lock whose process died; a reused process id can still fool it,
        # so a lock whose owner is not running any more is removed once and tried again.
        info = lock.getLockInfo()
        pid = int(info[0]) if isinstance(info, tuple) and info else 0
        if pid > 0 and not _process_exists(pid) and lock.removeStaleLockFile():
            locked = lock.tryLock(_LOCK_WAIT_MS)
    if locked:
        _make_private(path)
    return locked


def _make_private(path: Path) -> None:
    """The lock file readable by the user alone, like every file in the data folder."""
    # Qt creates it 0666 less the umask and has no way to ask for less; it holds only a process
    # id, a host and an app name, so the moment before this is harmless (the folder is 0700).
    if os.name == "posix":
        with contextlib.suppress(OSError):  # gone or on a file system without modes
            path.chmod(0o600)


def _process_exists(pid: int) -> bool:
    if os.name != "posix":
        return True  # let Qt's own check decide on other systems
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def window_is_running(location: DataLocation) -> bool:
    """True when a window holds this data folder (for commands that must not run beside it)."""
    if not lock_path(location).exists():
        return False
    lock = _new_lock(location)
    if _try_lock(lock, lock_path(location)):
        lock.unlock()
        return False
    return True


class LockFileUnwritableError(OSError):
    """The folder's lock file cannot be written (no other window holds it)."""


class SingleInstance(QObject):
    """Owns the data folder's lock and answers later launches by raising the window."""

    activation_requested = Signal()

    def __init__(self, location: DataLocation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self._lock = _new_lock(location)
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        return server_name(self.location)

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the lock (and start listening unless told to wait); False when another window
        already has it.

        Raises ``LockFileUnwritableError`` when the lock file cannot be written at all (a full
        disk, a read-only folder): that is not another window.
        """
        self.location.ensure()
        if not _try_lock(self._lock, lock_path(self.location)):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                raise LockFileUnwritableError(f"cannot write {lock_path(self.location)}")
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later launches from now on (the lock must be held)."""
        # The seam named at the top: the network module loads once the window answers.
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A crashed session can leave its socket file behind; we hold the lock, so it is ours.
        QLocalServer.removeServer(self.name)
        if server.listen(self.name):
            server.newConnection.connect(self._answer)
            self._server = server

    def _answer(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read_request(socket)

    def _read_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data())
        if request == _RAISE_REQUEST:
            socket.write(_RAISE_ACK)
            socket.flush()
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def hand_over(self) -> bool:
        """Ask the running window to come to the front; True if it answered."""
        # The seam named at the top: only a later launch reaches for the open window.
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + _SERVER_APPEAR_S
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(_CONNECT_TIMEOUT_MS):
                break
            missing = socket.error() in (
                QLocalSocket.LocalSocketError.ServerNotFoundError,
                QLocalSocket.LocalSocketError.ConnectionRefusedError,
            )
            # A window that is still opening holds the lock but is not listening yet.
            if not missing or time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        socket.write(_RAISE_REQUEST)
        if not socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS):
            return False
        answered = False
        while socket.waitForReadyRead(_CONNECT_TIMEOUT_MS):
            if socket.canReadLine():
                answered = bytes(socket.readLine().data()) == _RAISE_ACK
                break
        socket.disconnectFromServer()
        return answered

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
