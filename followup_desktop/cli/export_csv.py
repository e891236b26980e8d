"""``followup export csv OUT``: every contact as spreadsheet-safe CSV (UTF-8 with BOM)."""

from __future__ import annotations

import argparse

from followup_desktop.cli.contacts_export import register_contacts_export, run_contacts_export
from followup_desktop.services.exporters.csv_writer import export_contacts_csv


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    register_contacts_export(formats, "csv", "contacts as CSV for spreadsheets", run)


def run(args: argparse.Namespace) -> int:
    return run_contacts_export(args, export_contacts_csv)
