"""One entry point for importing contacts: open a file, read its records, preview, apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from followup_desktop.services.importers.contact_record import ContactRecord, ImportFormatError
from followup_desktop.services.importers.csv_columns import FIELD_KEYS
from followup_desktop.services.importers.csv_reader import (
    CsvLayout,
    csv_notices,
    inspect_csv,
    read_csv_records,
)
from followup_desktop.services.importers.import_apply import ImportResult, apply_import
from followup_desktop.services.importers.import_plan import ImportPlan, plan_import
from followup_desktop.services.importers.text_decoding import decode_import_bytes
from followup_desktop.services.importers.vcard_reader import read_vcard_file

IMPORT_KINDS = ("vcf", "csv")
_VCARD_SUFFIXES = (".vcf", ".vcard")


@dataclass
class ImportSource:
    """A decoded import file; for CSV, its layout and column mapping (which the user may edit)."""

    name: str
    kind: str
    text: str
    encoding: str
    layout: CsvLayout | None = None
    #: The encoding the user chose ("" when it was detected): vCard values that name no
    #: character set are read in it too.
    chosen_encoding: str = ""
    #: Remarks on the whole file for the preview, filled when its records are read.
    notices: list[str] = field(default_factory=list)


def kind_for_file(path: Path, head: bytes = b"") -> str:
    """``vcf`` or ``csv`` from the file name, or from its first bytes when the name says nothing."""
    suffix = path.suffix.lower()
    if suffix in _VCARD_SUFFIXES:
        return "vcf"
    if suffix == ".csv":
        return "csv"
    return "vcf" if b"BEGIN:VCARD" in head[:4096].upper().replace(b"\x00", b"") else "csv"


def read_import_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ImportFormatError(f"cannot read {path}: {error.strerror or error}") from error


def open_import_source(
    data: bytes, kind: str, name: str = "", encoding: str | None = None
) -> ImportSource:
    """Decode the file and, for CSV, find its header and propose the column mapping."""
    if kind not in IMPORT_KINDS:
        raise ImportFormatError(f"unknown import format {kind!r}; use vcf or csv")
    decoded = decode_import_bytes(data, encoding)
    source = ImportSource(
        name, kind, decoded.text, decoded.encoding, chosen_encoding=encoding or ""
    )
    if kind == "csv":
        source.layout = inspect_csv(decoded.text)
    return source


def choose_columns(source: ImportSource, choices: dict[str, str]) -> None:
    """Override the proposed CSV mapping: header name (any case) → field key, "" to ignore."""
    if not choices:
        return
    if source.layout is None:
        raise ImportFormatError("columns can only be chosen for CSV files")
    source.layout.choose(choices, sorted(k for k in FIELD_KEYS if k))


def read_records(source: ImportSource) -> list[ContactRecord]:
    """Every record of the source; remarks on the whole file go to ``source.notices``."""
    if source.kind == "vcf":
        read = read_vcard_file(source.text, source.chosen_encoding or None, source.encoding)
        source.notices = read.notices
        return read.records
    assert source.layout is not None
    source.notices = csv_notices(source.layout)
    return read_csv_records(source.text, source.layout)


def preview_import(
    source: ImportSource, *, progress: Callable[[int, int], None] | None = None
) -> ImportPlan:
    """Read every record and decide what to do with it; raises ImportFormatError, writes nothing."""
    records = read_records(source)
    return plan_import(records, source.name, progress=progress, notices=source.notices)


def import_contacts(
    data: bytes,
    kind: str,
    *,
    name: str = "",
    encoding: str | None = None,
    dry_run: bool = False,
    columns: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[ImportPlan, ImportResult | None]:
    """Read, preview and (unless ``dry_run``) apply in one transaction."""
    source = open_import_source(data, kind, name, encoding)
    choose_columns(source, columns or {})
    plan = preview_import(source)
    if dry_run:
        return plan, None
    return plan, apply_import(plan, progress=progress, should_cancel=should_cancel)
