"""Write files so that a failure leaves the old file as it was: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def atomic_writer(
    target: Path,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    permissions: int | None = None,
) -> Iterator[IO[Any]]:
    """Yield a file in the target's folder; on success it replaces ``target`` in one rename.

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle_fd, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle_fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if permissions is not None:
            temp_path.chmod(permissions)
        os.replace(temp_path, target)
        _fsync_folder(target.parent)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: Path, data: bytes, *, permissions: int | None = None) -> None:
    with atomic_writer(target, "wb", permissions=permissions) as handle:
        handle.write(data)


def atomic_write_text(
    target: Path, text: str, *, encoding: str = "utf-8", permissions: int | None = None
) -> None:
    with atomic_writer(
        target, "w", encoding=encoding, newline="", permissions=permissions
    ) as handle:
        handle.write(text)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders this way.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
