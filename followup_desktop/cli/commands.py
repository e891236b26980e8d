"""The list of headless commands; each module adds its own subparser and handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Protocol

from followup_desktop.cli import (
    backup_command,
    check_command,
    demo_command,
    export_command,
    import_command,
    install_desktop_command,
    print_command,
    stats_command,
    sync_command,
)


class Command(Protocol):
    register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]


COMMANDS = (
    check_command,
    demo_command,
    install_desktop_command,
    backup_command,
    import_command,
    export_command,
    print_command,
    stats_command,
    sync_command,
)
