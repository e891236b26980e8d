"""``followup export vcf OUT``: every contact as vCard 3.0."""

from __future__ import annotations

import argparse

from followup_desktop.cli.contacts_export import register_contacts_export, run_contacts_export
from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    register_contacts_export(formats, "vcf", "contacts as a vCard 3.0 file for address books", run)


def run(args: argparse.Namespace) -> int:
    return run_contacts_export(args, export_contacts_vcard)
