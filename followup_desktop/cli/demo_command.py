"""``followup demo``: fill an empty data folder with deterministic demo data."""

from __future__ import annotations

import argparse

from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.demo_data import DemoSize, StoreNotEmptyError, fill_demo_data


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="fill an empty store with demo data")
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("--applications", type=_count, default=40, metavar="N")
    parser.add_argument("--contacts", type=_count, default=30, metavar="M")
    parser.add_argument(
        "--follow-ups",
        type=_count,
        default=0,
        metavar="F",
        help="extra follow-ups beyond those each application gets",
    )
    parser.add_argument(
        "--interactions",
        type=_count,
        default=0,
        metavar="I",
        help="extra logged conversations beyond those each application gets",
    )
    parser.add_argument("--seed", type=int, default=7, metavar="S")
    parser.set_defaults(handler=run)


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def run(args: argparse.Namespace) -> int:
    try:
        location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        size = DemoSize(args.applications, args.contacts, args.follow_ups, args.interactions)
        counts = fill_demo_data(size, seed=args.seed)
    except StoreNotEmptyError as error:
        return fail(f"{error} ({location.database})")
    finally:
        close_store()
    summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
    print(f"demo data written to {location.database}: {summary}")
    return 0
