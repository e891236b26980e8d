"""``followup install-desktop``: put the app in the Linux applications menu (or take it out)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from followup_desktop import APP_NAME
from followup_desktop.cli.common import fail, location_from
from followup_desktop.paths import default_data_dir
from followup_desktop.resources import resource_path
from followup_desktop.services.desktop_entry import (
    DesktopFiles,
    DesktopInstallError,
    autostart_entry,
    find_launcher,
    install_autostart,
    install_desktop_entry,
    remove_autostart,
    uninstall_desktop_entry,
    user_data_home,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "install-desktop",
        help="add the app to your applications menu (Linux)",
        description="Install the menu entry and icons into your own data folder "
        "($XDG_DATA_HOME, usually ~/.local/share). Run it again after moving the app.",
    )
    parser.add_argument(
        "--uninstall",
        action="store_true",
        help="remove the menu entry, the icons and the start at login again",
    )
    login = parser.add_mutually_exclusive_group()
    login.add_argument(
        "--autostart",
        action="store_true",
        help="also start at login in the background, to remind you with the window closed",
    )
    login.add_argument(
        "--no-autostart", action="store_true", help="no longer start at login (the menu stays)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        return fail("install-desktop is for Linux desktops; on Windows and macOS use the installer")
    files = DesktopFiles(data_home=user_data_home(), icons_source=resource_path("icons"))
    try:
        if args.no_autostart and not args.uninstall:
            print(
                f"{APP_NAME} will no longer start at login."
                if remove_autostart()
                else f"{APP_NAME} was not starting at login."
            )
            return 0
        if args.uninstall:
            removed = uninstall_desktop_entry(files)
            if remove_autostart():
                removed.append(autostart_entry())
            for path in removed:
                print(f"removed {path}")
            print(
                f"{APP_NAME} is no longer in your applications menu."
                if removed
                else f"{APP_NAME} was not in your applications menu."
            )
            return 0
        launcher = find_launcher()
        written = install_desktop_entry(files, launcher)
        if args.autostart:
            written.append(install_autostart(launcher, _chosen_data_dir(args)))
    except DesktopInstallError as error:
        return fail(str(error))
    for path in written:
        print(f"wrote {path}")
    print(f"{APP_NAME} is now in your applications menu; it starts {launcher}.")
    if args.autostart:
        print("It also starts at login in the background, to remind you of what is due.")
    return 0


def _chosen_data_dir(args: argparse.Namespace) -> Path | None:
    """The data folder to start with at login, when it is not the default one."""
    location = location_from(args)
    return None if location.root == default_data_dir() else location.root
