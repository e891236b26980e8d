"""Open a URL or file in the user's own program (mail client, PDF viewer), also from a frozen app.

A PyInstaller bundle puts its own folder first on the library search path (``LD_LIBRARY_PATH``
on Linux, ``SetDllDirectoryW`` on Windows) and points Qt's plugin variables into the bundle.
Programs started from the bundle inherit all of that and then load our copies of Qt or libc
helpers instead of their own, which makes e.g. a PDF viewer fail to start. So every program we
start gets the environment the user's session had before the bundle changed it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

#: Variables whose entries the PyInstaller bootloader or its Qt run-time hook point into the
#: bundle; entries inside the bundle are dropped before starting another program.
BUNDLE_PATH_VARIABLES = (
    "LD_LIBRARY_PATH",
    "DYLD_LIBRARY_PATH",
    "DYLD_FRAMEWORK_PATH",
    "QT_PLUGIN_PATH",
    "QML2_IMPORT_PATH",
    "PATH",
)


class ExternalOpenError(Exception):
    """The target could not be handed to another program; the message says why in one line."""


def bundle_folder() -> Path | None:
    """The unpacked bundle folder when running frozen, else None."""
    if not getattr(sys, "frozen", False):
        return None
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(sys.executable).resolve().parent


def _is_inside(entry: str, folder: Path) -> bool:
    if not entry:
        return False
    try:
        Path(entry).resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def child_environment(
    environ: Mapping[str, str] | None = None, bundle: Path | None = None
) -> dict[str, str]:
    """The environment for a program we start: as the session had it, without the bundle.

    ``bundle`` is the frozen app's folder (None when running from source, which changes nothing).
    """
    env = dict(os.environ if environ is None else environ)
    if bundle is None:
        return env
    for name in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH"):
        # The bootloader keeps the value it replaced in NAME_ORIG; no copy means none was set.
        original = env.pop(f"{name}_ORIG", None)
        if original is not None:
            env[name] = original
        elif name in env:
            env.pop(name)
    for name in BUNDLE_PATH_VARIABLES:
        if name not in env:
            continue
        kept = [item for item in env[name].split(os.pathsep) if not _is_inside(item, bundle)]
        if any(kept):
            env[name] = os.pathsep.join(kept)
        else:
            env.pop(name)
    # Internal state of the bootloader; another frozen program would mistake it for its own.
    for name in [key for key in env if key.startswith("_PYI_") or key.startswith("_MEIPASS")]:
        env.pop(name)
    return env


def open_command(target: str, platform: str | None = None) -> list[str]:
    """The program and arguments that hand ``target`` to the desktop on this system."""
    platform = platform or sys.platform
    if platform == "darwin":
        return ["open", target]
    return ["xdg-open", target]


def _target_text(target: str | os.PathLike[str]) -> str:
    if isinstance(target, os.PathLike):
        path = Path(target)
        if not path.exists():
            raise ExternalOpenError(f"Cannot open {path}: the file does not exist.")
        return str(path.resolve())
    text = str(target).strip()
    if not text:
        raise ExternalOpenError("Cannot open an empty address.")
    return text


def open_external(target: str | os.PathLike[str]) -> None:
    """Hand a URL (``mailto:``, ``https:``) or a file path to the user's default program.

    Returns once the program was started; raises ExternalOpenError with a one-line reason if no
    program could be started. Call this instead of QDesktopServices.openUrl in the app.
    """
    text = _target_text(target)
    if sys.platform == "win32":
        _open_on_windows(text)
        return
    command = open_command(text)
    try:
        # A new session so that closing the app does not close the viewer it started.
        subprocess.Popen(
            command,
            env=child_environment(bundle=bundle_folder()),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except FileNotFoundError as error:
        hint = " (install the xdg-utils package)" if command[0] == "xdg-open" else ""
        raise ExternalOpenError(
            f"Cannot open {text}: the program {command[0]} is not installed{hint}."
        ) from error
    except OSError as error:
        raise ExternalOpenError(f"Cannot open {text}: {error.strerror or error}.") from error


def _open_on_windows(text: str) -> None:
    """Windows: undo the bundle's DLL folder so the started program loads its own DLLs."""
    import ctypes  # its Windows part (windll) exists on Windows only

    bundle = bundle_folder()
    if bundle is not None:
        ctypes.windll.kernel32.SetDllDirectoryW(None)  # type: ignore[attr-defined]
    # The started program inherits this process's environment, so clean it for the call.
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(child_environment(saved, bundle))
    try:
        os.startfile(text)  # type: ignore[attr-defined]
    except OSError as error:
        raise ExternalOpenError(f"Cannot open {text}: {error.strerror or error}.") from error
    finally:
        os.environ.clear()
        os.environ.update(saved)
