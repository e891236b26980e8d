"""``followup install-desktop``: put the app in the Linux applications menu (or take it out)."""

from __future__ import annotations

import argparse
import sys

from followup_desktop import APP_NAME
from followup_desktop.cli.common import fail
from followup_desktop.resources import resource_path
from followup_desktop.services.desktop_entry import (
    DesktopFiles,
    DesktopInstallError,
    find_launcher,
    install_desktop_entry,
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
        "--uninstall", action="store_true", help="remove the menu entry and icons again"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        return fail("install-desktop is for Linux desktops; on Windows and macOS use the installer")
    files = DesktopFiles(data_home=user_data_home(), icons_source=resource_path("icons"))
    try:
        if args.uninstall:
            removed = uninstall_desktop_entry(files)
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
    except DesktopInstallError as error:
        return fail(str(error))
    for path in written:
        print(f"wrote {path}")
    print(f"{APP_NAME} is now in your applications menu; it starts {launcher}.")
    return 0
