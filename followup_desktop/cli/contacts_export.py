"""What ``followup export csv`` and ``export vcf`` share: their arguments and the write."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store

#: Writes every contact to the given file and returns how many it wrote.
ContactsWriter = Callable[[Path], int]
ContactsHandler = Callable[[argparse.Namespace], int]


def register_contacts_export(
    formats: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: ContactsHandler,
) -> None:
    """Add the ``export NAME [--data-dir DIR] OUT`` sub-command run by ``handler``."""
    parser = formats.add_parser(name, help=help_text)
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.set_defaults(handler=handler)


def run_contacts_export(args: argparse.Namespace, write: ContactsWriter) -> int:
    """Open the store, write every contact to ``args.out`` with ``write`` and say how many."""
    try:
        open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        count = write(args.out)
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror or error}")
    finally:
        close_store()
    print(f"{count} contacts written to {args.out}")
    return 0
