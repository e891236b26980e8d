"""The Linux menu entry: the .desktop text, and installing it with the icons in the user's folders.

The .desktop file in packaging/linux/ is this module's text with ``Exec=followup-desktop``; a test
keeps the two identical, so the entry is written in one place only.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from followup_desktop import APP_DIR_NAME, APP_ID, APP_NAME
from followup_desktop.services.atomic_files import atomic_writer

DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
#: The command the .deb and the pip/pipx entry points put on PATH.
LAUNCHER_NAME = "followup-desktop"
#: The option that starts the app with no window (reminders and calendar sync only).
BACKGROUND_OPTION = "--background"
#: Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = set('"`$\\')


class DesktopInstallError(Exception):
    """Installing or removing the menu entry failed; the message says why in one line."""


def desktop_entry_text(launcher: str = LAUNCHER_NAME, *, autostart: bool = False) -> str:
    """The whole .desktop file, starting the app with ``launcher`` (already quoted for Exec);
    the ``autostart`` one starts it in the background at login, with no busy cursor."""
    text = (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        f"Name={APP_NAME}\n"
        "GenericName=Job Search Tracker\n"
        "Comment=Track job applications and follow up on every one of them\n"
        f"Exec={launcher}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "StartupNotify=true\n"
        f"StartupWMClass={APP_DIR_NAME}\n"
        "Categories=Office;ContactManagement;Calendar;Qt;\n"
        "Keywords=job;application;recruiter;interview;follow-up;thank-you;note;contacts;\n"
    )
    if autostart:
        text = text.replace(f"Exec={launcher}\n", f"Exec={launcher} {BACKGROUND_OPTION}\n")
        text = text.replace("StartupNotify=true\n", "StartupNotify=false\n")
        text += "X-GNOME-Autostart-enabled=true\n"
    return text


def quote_exec_argument(argument: str) -> str:
    """One Exec argument as the Desktop Entry spec wants it, including the file's own escaping."""
    argument = argument.replace("%", "%%")
    if any(char in _EXEC_RESERVED for char in argument):
        inner = "".join(f"\\{char}" if char in _EXEC_ESCAPED else char for char in argument)
        argument = f'"{inner}"'
    # A backslash in any string value of the file is itself written as two.
    return argument.replace("\\", "\\\\")


def find_launcher() -> Path:
    """The program that opens the window: the frozen app itself, or the installed GUI script."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).absolute()
    # Not resolved: in a virtual environment or pipx, sys.executable is a link inside the
    # environment, and the scripts sit beside it.
    beside = Path(sys.executable).absolute().parent / LAUNCHER_NAME
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    on_path = shutil.which(LAUNCHER_NAME)
    if on_path:
        return Path(on_path).absolute()
    raise DesktopInstallError(
        f"cannot find the {LAUNCHER_NAME} program; install {APP_NAME} with pip or pipx first "
        "(from a source folder: pip install .)"
    )


def user_data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share: where menu entries and icons of one user live."""
    return Path(platformdirs.user_data_dir())


@dataclass
class DesktopFiles:
    """Where the entry and icons go under one data folder (``~/.local/share`` or ``/usr/share``)."""

    data_home: Path
    icons_source: Path
    written: list[Path] = field(default_factory=list)

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / DESKTOP_FILE_NAME

    @property
    def hicolor(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icon_pairs(self) -> list[tuple[Path, Path]]:
        """(bundled icon, installed icon) for every PNG size and the scalable SVG."""
        pairs = [
            (png, self.hicolor / png.parent.parent.name / "apps" / png.name)
            for png in sorted((self.icons_source / "hicolor").glob(f"*/apps/{APP_ID}.png"))
        ]
        svg = self.icons_source / f"{APP_ID}.svg"
        if svg.is_file():
            pairs.append((svg, self.hicolor / "scalable" / "apps" / svg.name))
        return pairs


def install_desktop_entry(files: DesktopFiles, launcher: Path) -> list[Path]:
    """Write the icons, then the .desktop file (last, so the menu never shows a missing icon)."""
    pairs = files.icon_pairs()
    if not pairs:
        raise DesktopInstallError(f"no icons found in {files.icons_source}; the app is incomplete")
    try:
        for source, target in pairs:
            with atomic_writer(target, "wb", permissions=0o644) as handle:
                handle.write(source.read_bytes())
            files.written.append(target)
        text = desktop_entry_text(quote_exec_argument(str(launcher)))
        with atomic_writer(files.entry, "w", encoding="utf-8", permissions=0o644) as handle:
            handle.write(text)
        files.written.append(files.entry)
    except OSError as error:
        where = getattr(error, "filename", None) or files.data_home
        raise DesktopInstallError(f"cannot write {where}: {error.strerror or error}") from error
    # Icon caches compare the theme folder's time with their own; a fresh time makes them reread.
    os.utime(files.hicolor)
    return list(files.written)


def uninstall_desktop_entry(files: DesktopFiles) -> list[Path]:
    """Remove the .desktop file and every icon of this app; return what was removed."""
    removed: list[Path] = []
    candidates = [files.entry, *files.hicolor.glob(f"*/apps/{APP_ID}.*")]
    for path in candidates:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopInstallError(f"cannot remove {path}: {error.strerror or error}") from error
        removed.append(path)
    return removed


def autostart_folder() -> Path:
    """$XDG_CONFIG_HOME/autostart (usually ~/.config/autostart): what starts at login."""
    return Path(platformdirs.user_config_dir()) / "autostart"


def autostart_entry(folder: Path | None = None) -> Path:
    return (folder or autostart_folder()) / DESKTOP_FILE_NAME


def autostart_installed(folder: Path | None = None) -> bool:
    return autostart_entry(folder).is_file()


def install_autostart(
    launcher: Path, data_dir: Path | None = None, folder: Path | None = None
) -> Path:
    """Start the app in the background at login (for ``data_dir`` when it is not the
    default); the entry written."""
    command = quote_exec_argument(str(launcher))
    if data_dir is not None:
        command += " --data-dir " + quote_exec_argument(str(data_dir))
    entry = autostart_entry(folder)
    try:
        with atomic_writer(entry, "w", encoding="utf-8", permissions=0o644) as handle:
            handle.write(desktop_entry_text(command, autostart=True))
    except OSError as error:
        raise DesktopInstallError(f"cannot write {entry}: {error.strerror or error}") from error
    return entry


def remove_autostart(folder: Path | None = None) -> bool:
    """Start no more at login; False when it did not."""
    entry = autostart_entry(folder)
    try:
        entry.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DesktopInstallError(f"cannot remove {entry}: {error.strerror or error}") from error
    return True
