"""``followup export FORMAT …``: each format adds its own sub-command from its own module."""

from __future__ import annotations

import argparse

from followup_desktop.cli import (
    export_applications,
    export_csv,
    export_ics,
    export_pdf,
    export_vcf,
)

#: One module per format, each with ``register(format_subparsers)``.
EXPORT_FORMATS = (export_pdf, export_vcf, export_csv, export_ics, export_applications)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help="write notes and records to files")
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for module in EXPORT_FORMATS:
        module.register(formats)
