"""Read contacts from CSV: find the header (LinkedIn writes notes above it), map columns, read."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from followup_desktop.services.importers.contact_record import ContactRecord, ImportFormatError
from followup_desktop.services.importers.csv_columns import (
    FIELD_KEYS,
    default_mapping,
    field_for_header,
    normalized_header,
    phone_priority,
    recognised_export,
)

_DELIMITERS = (",", ";", "\t")
#: Rows searched for the header; exports put at most a few lines of notes above it.
_HEADER_SEARCH_ROWS = 40
_SAMPLE_ROWS = 3
_NAME_FIELDS = frozenset({"first_name", "last_name", "full_name", "email"})
_ADDRESS_PARTS = ("street", "city", "region", "postal_code", "country")
_NOTES_HEADERS = frozenset({"notes", "note", "comments"})
#: What a spreadsheet-safe export puts before a cell that would otherwise run as a formula.
_FORMULA_STARTS = frozenset("=+-@\t\r")
_TRUE_WORDS = frozenset({"1", "true", "yes", "y", "x"})


@dataclass
class CsvLayout:
    """How a CSV file is laid out, and which field each column fills (editable by the user)."""

    headers: list[str]
    #: Physical line number (1-based) and row index of the header.
    header_line: int
    header_row: int
    delimiter: str
    #: "LinkedIn connections", "Google Contacts", "Outlook", "Follow-up Desk" or "".
    export_name: str
    mapping: dict[int, str] = field(default_factory=dict)
    sample_rows: list[list[str]] = field(default_factory=list)

    def mapped_fields(self) -> set[str]:
        return {key for key in self.mapping.values() if key}


def inspect_csv(text: str) -> CsvLayout:
    """Find the delimiter and header row, recognise the export, and propose a column mapping."""
    # The row naming the most known columns wins; on a tie the earlier row and the comma win,
    # so a file with no known column takes its first non-empty row as the header.
    best: tuple[int, int, str, int, int, list[str]] | None = None
    for preference, delimiter in enumerate(_DELIMITERS):
        for row_index, line, row in _first_rows(text, delimiter):
            if not any(cell.strip() for cell in row):
                continue
            score = sum(1 for cell in row if field_for_header(cell))
            if best is None or (score, -preference) > (best[0], best[1]):
                best = (score, -preference, delimiter, row_index, line, row)
    if best is None:
        raise ImportFormatError("the file is empty: no header row with column names was found")
    _score, _preference, delimiter, row_index, line, headers = best
    headers = [h.strip().lstrip("\ufeff") for h in headers]
    layout = CsvLayout(
        headers=headers,
        header_line=line,
        header_row=row_index,
        delimiter=delimiter,
        export_name=recognised_export(headers),
        mapping=default_mapping(headers),
    )
    samples = itertools.islice(_data_rows(text, layout, strict=False), _SAMPLE_ROWS)
    layout.sample_rows = [row for _line, row in samples]
    return layout


def _first_rows(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """(row index, first line number, cells) of the first rows, read leniently."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    line = 1
    try:
        for index, row in enumerate(reader):
            if index >= _HEADER_SEARCH_ROWS:
                return
            yield index, line, row
            line = reader.line_num + 1
    except csv.Error:
        return


def _data_rows(text: str, layout: CsvLayout, *, strict: bool) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each non-empty row after the header."""
    reader = csv.reader(io.StringIO(text), delimiter=layout.delimiter, strict=strict)
    line = 1
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if not strict:
                return
            raise ImportFormatError(
                f"line {line}: this row cannot be read as CSV ({error}); "
                "a quote may be missing its closing quote"
            ) from error
        if index > layout.header_row and any(cell.strip() for cell in row):
            yield line, row
        index += 1
        line = reader.line_num + 1


def read_csv_records(text: str, layout: CsvLayout) -> list[ContactRecord]:
    """Every data row as a record; raise ImportFormatError naming the line of a broken row."""
    unknown = set(layout.mapping.values()) - FIELD_KEYS
    if unknown:
        raise ImportFormatError(f"unknown field(s) in the column mapping: {', '.join(unknown)}")
    if not layout.mapped_fields() & _NAME_FIELDS:
        raise ImportFormatError(
            f"no column of the header on line {layout.header_line} gives names or e-mails; "
            "choose which columns hold them"
        )
    width = len(layout.headers)
    records = []
    for line, row in _data_rows(text, layout, strict=True):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise ImportFormatError(
                f"line {line}: {len(row)} values, but the header on line {layout.header_line} "
                f"names {width} columns (a value may contain an unquoted "
                f"{_delimiter_name(layout.delimiter)})"
            )
        records.append(_record(row, layout, line))
    return records


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab"}.get(delimiter, repr(delimiter))


def unescape_cell(cell: str) -> str:
    """Undo the apostrophe a spreadsheet-safe export puts before = + - @ tab and CR."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_STARTS:
        return cell[1:]
    return cell


def _record(row: list[str], layout: CsvLayout, line: int) -> ContactRecord:
    record = ContactRecord(source=f"line {line}")
    values: dict[str, list[tuple[int, str, str]]] = {}
    for index, key in layout.mapping.items():
        if not key or index >= len(row):
            continue
        cell = unescape_cell(row[index]).strip()
        if cell:
            values.setdefault(key, []).append((index, layout.headers[index], cell))

    def first(key: str) -> str:
        return values[key][0][2] if key in values else ""

    record.first_name = " ".join(x for x in (first("first_name"), first("middle_name")) if x)
    record.last_name = first("last_name")
    record.full_name = first("full_name")
    record.role = first("role")
    record.company = first("company")
    record.client_company = first("client_company")
    record.social_handle = first("social_handle")
    record.time_zone = first("time_zone")
    record.preferred_channel = first("preferred_channel").lower()
    record.keep_in_touch_days = first("keep_in_touch_days")
    record.is_agency = first("is_agency").lower() in _TRUE_WORDS
    record.emails = [
        part.strip() for _i, _h, cell in values.get("email", []) for part in cell.split(":::")
    ]
    phones = sorted(values.get("phone", []), key=lambda item: (phone_priority(item[1]), item[0]))
    record.phones = [part.strip() for _i, _h, cell in phones for part in cell.split(":::")]
    record.emails = [e for e in record.emails if e]
    record.phones = [p for p in record.phones if p]
    record.address = first("address") or _joined_address(values)
    for _index, header, cell in values.get("notes", []):
        if normalized_header(header) in _NOTES_HEADERS:
            record.notes.append(cell)
        else:
            record.notes.append(f"{header}: {cell}")
    return record


def _joined_address(values: dict[str, list[tuple[int, str, str]]]) -> str:
    def part(key: str) -> str:
        return ", ".join(cell for _i, _h, cell in values.get(key, []))

    street, city, region, code, country = (part(key) for key in _ADDRESS_PARTS)
    lines = [street] if street else []
    locality = ", ".join(x for x in (city, " ".join(y for y in (region, code) if y)) if x)
    if locality:
        lines.append(locality)
    if country:
        lines.append(country)
    return "\n".join(lines)
