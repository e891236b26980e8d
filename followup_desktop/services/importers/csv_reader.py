"""Read contacts from CSV: find the header (LinkedIn writes notes above it), map columns, read.

The same header search, row reading and unescaping serve other kinds of rows (applications):
they pass a ``ColumnVocabulary`` of their own."""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followup_desktop.services.importers.contact_record import (
    ContactRecord,
    ImportFormatError,
    PostalAddress,
)
from followup_desktop.services.importers.csv_columns import (
    FIELD_KEYS,
    OWN_COLUMNS,
    OWN_MARK_HEADER,
    address_group,
    default_mapping,
    field_for_header,
    header_label,
    normalized_header,
    phone_priority,
    recognised_export,
)

if TYPE_CHECKING:
    from _csv import Reader

#: The longest cell read: 100,000,000 characters, what the store takes with room to spare. SQLite
#: keeps a value, and a row, of up to 1,000,000,000 bytes (its default SQLITE_MAX_LENGTH), and
#: a character is at most 4 bytes in UTF-8, so a cell this long always fits beside the rest of a
#: contact; reading one takes at most about 400 MB (the csv module holds 4 bytes a character).
MAX_CELL_CHARACTERS = 100_000_000

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
    #: The app's own export (marked, or the header of an earlier version exactly): only there
    #: does an apostrophe before = + - @ come from the export's escaping, and is removed.
    own_export: bool = False

    def mapped_fields(self) -> set[str]:
        return {key for key in self.mapping.values() if key}

    def choose(self, choices: dict[str, str], fields: Sequence[str]) -> None:
        """Override the proposed mapping: header (any case) → one of ``fields``, "" to ignore
        the column; an unknown header or field is refused with a one-line reason."""
        by_header = {normalized_header(h): i for i, h in enumerate(self.headers)}
        for header, key in choices.items():
            index = by_header.get(normalized_header(header))
            if index is None:
                raise ImportFormatError(
                    f"no column named {header!r} in the header on line {self.header_line}"
                )
            if key and key not in fields:
                raise ImportFormatError(f"unknown field {key!r}; use one of: {', '.join(fields)}")
            if key:
                self.mapping[index] = key
            else:
                self.mapping.pop(index, None)


@dataclass(frozen=True)
class ColumnVocabulary:
    """What the columns of one kind of file can mean."""

    #: The field a header fills by default ("" when unknown).
    field_for_header: Callable[[str], str]
    #: Column index → field for every recognised header.
    default_mapping: Callable[[list[str]], dict[int, str]]
    #: The name of the known export with these headers, or "".
    recognised_export: Callable[[list[str]], str]
    #: Whether the headers are this app's own export (whose escaping the import undoes).
    is_own_export: Callable[[list[str]], bool]


def inspect_csv(text: str, vocabulary: ColumnVocabulary | None = None) -> CsvLayout:
    """Find the delimiter and header row, recognise the export, and propose a column mapping
    (for contacts unless another ``vocabulary`` is given)."""
    words = vocabulary if vocabulary is not None else CONTACT_COLUMNS
    # The row naming the most known columns wins; on a tie the earlier row and the comma win,
    # so a file with no known column takes its first non-empty row as the header.
    best: tuple[int, int, str, int, int, list[str]] | None = None
    for preference, delimiter in enumerate(_DELIMITERS):
        for row_index, line, row in _first_rows(text, delimiter):
            if not any(cell.strip() for cell in row):
                continue
            score = sum(1 for cell in row if words.field_for_header(cell))
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
        export_name=words.recognised_export(headers),
        mapping=words.default_mapping(headers),
        own_export=words.is_own_export(headers),
    )
    samples = itertools.islice(_data_rows(text, layout, strict=False), _SAMPLE_ROWS)
    layout.sample_rows = [row for _line, row in samples]
    return layout


def _is_own_export(headers: list[str]) -> bool:
    names = [normalized_header(h) for h in headers]
    earlier = [header.lower() for header, _key in OWN_COLUMNS]
    return names == earlier or (
        normalized_header(OWN_MARK_HEADER) in names and set(earlier) <= set(names)
    )


CONTACT_COLUMNS = ColumnVocabulary(
    field_for_header, default_mapping, recognised_export, _is_own_export
)


def _csv_reader(lines: io.StringIO, delimiter: str, *, strict: bool) -> Reader:
    """The one place the importer makes a CSV reader."""
    # The csv module refuses cells over 131,072 characters unless told otherwise, and its limit
    # is one setting for the whole process. Every reader of the importer is made here, so the
    # limit is always the store's (never a default or a value some other code left behind).
    csv.field_size_limit(MAX_CELL_CHARACTERS)
    return csv.reader(lines, delimiter=delimiter, strict=strict)


def _first_rows(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """(row index, first line number, cells) of the first rows, read leniently."""
    reader = _csv_reader(io.StringIO(text), delimiter, strict=False)
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
    lines = io.StringIO(text)
    reader = _csv_reader(lines, layout.delimiter, strict=strict)
    line = 1
    index = 0
    while True:
        start = lines.tell()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if not strict:
                return
            if str(error).startswith("field larger than field limit"):
                raise ImportFormatError(_too_long(text, start, line, layout)) from error
            raise ImportFormatError(
                f"line {line}: this row cannot be read as CSV ({error}); "
                "a quote may be missing its closing quote"
            ) from error
        if index > layout.header_row and any(cell.strip() for cell in row):
            yield line, row
        index += 1
        line = reader.line_num + 1


def _too_long(text: str, start: int, line: int, layout: CsvLayout) -> str:
    """Why the row at ``start`` cannot be read: which cell is too long, and how long it is."""
    limit = f"a field holds at most {MAX_CELL_CHARACTERS:,}"
    found = _longest_cell(text, start, layout.delimiter)
    if found is None or found[1] <= MAX_CELL_CHARACTERS:  # a broken row: what the reader saw
        return f"line {line}: a value is longer than {MAX_CELL_CHARACTERS:,} characters; {limit}"
    column, length = found
    header = layout.headers[column] if column < len(layout.headers) else ""
    where = f'column "{header}"' if header else f"column {column + 1}"
    return f"line {line}, {where}: the value is {length:,} characters long; {limit}"


def _longest_cell(text: str, start: int, delimiter: str) -> tuple[int, int] | None:
    """(column, length) of the longest cell in the row at ``start``, without the csv module.

    Regular expressions walk even a gigabyte-long cell quickly, and they have no length limit.
    """
    cell = re.compile(rf'"[^"]*(?:""[^"]*)*"|[^{re.escape(delimiter)}"\r\n]*')
    longest: tuple[int, int] | None = None
    position, column = start, 0
    while True:
        match = cell.match(text, position)
        if match is None:
            return longest
        length = match.end() - match.start()
        if text.startswith('"', match.start()):  # quoted: a doubled quote is one character
            length -= 2 + text.count('""', match.start() + 1, match.end() - 1)
        if longest is None or length > longest[1]:
            longest = (column, length)
        position = match.end()
        if not text.startswith(delimiter, position):
            return longest
        position += len(delimiter)
        column += 1


def csv_notices(layout: CsvLayout) -> list[str]:
    """What the preview says about the whole file: which export its columns come from."""
    if layout.export_name:
        notices = [f"Recognised the columns of a {layout.export_name} export."]
        if layout.own_export:
            notices.append(
                "An apostrophe the export put before = + - @ to keep spreadsheets from running "
                "a cell is removed."
            )
        return notices
    return ["The columns match no known export; check what each column is used as."]


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
    return [_record(row, layout, line) for line, row in table_rows(text, layout)]


def table_rows(text: str, layout: CsvLayout) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of every data row; raise ImportFormatError naming the line
    of a row that cannot be read or has more values than the header has columns."""
    width = len(layout.headers)
    for line, row in _data_rows(text, layout, strict=True):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise ImportFormatError(
                f"line {line}: {len(row)} values, but the header on line {layout.header_line} "
                f"names {width} columns (a value may contain an unquoted "
                f"{_delimiter_name(layout.delimiter)})"
            )
        yield line, row


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
        cell = row[index]
        if layout.own_export:
            cell = unescape_cell(cell)
        cell = cell.strip()
        if cell:
            values.setdefault(key, []).append((index, layout.headers[index], cell))

    def first(key: str) -> str:
        return values[key][0][2] if key in values else ""

    record.first_name = " ".join(x for x in (first("first_name"), first("middle_name")) if x)
    record.last_name = first("last_name")
    record.full_name = first("full_name")
    record.role = first("role")
    record.company = first("company")
    record.department = ", ".join(cell for _i, _h, cell in values.get("department", []))
    record.client_company = first("client_company")
    record.social_handle = first("social_handle")
    record.time_zone = first("time_zone")
    record.preferred_channel = first("preferred_channel").lower()
    record.keep_in_touch_days = first("keep_in_touch_days")
    record.is_agency = first("is_agency").lower() in _TRUE_WORDS
    record.birthday = _birthday(values.get("birthday", []))
    record.websites = [
        line.strip()
        for _i, _h, cell in values.get("websites", [])
        for part in _parts(cell)
        for line in part.splitlines()
        if line.strip()
    ]
    for _index, header, cell in values.get("email", []):
        label = _label(row, layout, header)
        for part in _parts(cell):
            record.emails.append(part)
            record.email_labels.append(label)
    labelled = [(_label(row, layout, h), i, cell) for i, h, cell in values.get("phone", [])]
    # By what the number is (its label, else its header): work first, fax and pager last.
    labelled.sort(key=lambda item: (phone_priority(item[0] or layout.headers[item[1]]), item[1]))
    for label, _index, cell in labelled:
        for part in _parts(cell):
            record.phones.append(part)
            record.phone_labels.append(label)
    record.addresses = _addresses(row, layout, values)
    for _index, header, cell in values.get("notes", []):
        if normalized_header(header) in _NOTES_HEADERS:
            record.notes.append(cell)
        else:
            record.notes.append(f"{header}: {cell}")
    return record


def _parts(cell: str) -> list[str]:
    """Google joins several values of one column with " ::: "."""
    return [part.strip() for part in cell.split(":::") if part.strip()]


def _label(row: list[str], layout: CsvLayout, header: str) -> str:
    """The value's label: Google's "… - Label" (or legacy "… - Type") column next to its
    "… - Value", else what the header itself says ("Work Phone")."""
    name = normalized_header(header)
    for suffix in (" - value", " - formatted"):
        if name.endswith(suffix):
            stem = name.removesuffix(suffix)
            for column in (f"{stem} - label", f"{stem} - type"):
                index = _header_index(layout, column)
                if index is not None and index < len(row) and row[index].strip():
                    text = row[index].split(":::")[0].strip().lstrip("* ").lower()
                    return "mobile" if text == "cell" else text
            return ""
    return header_label(header)


def _header_index(layout: CsvLayout, name: str) -> int | None:
    for index, header in enumerate(layout.headers):
        if normalized_header(header) == name:
            return index
    return None


def _addresses(
    row: list[str], layout: CsvLayout, values: dict[str, list[tuple[int, str, str]]]
) -> list[PostalAddress]:
    """Every address of the row: a whole one ("Address 2 - Formatted") or one put together
    from the parts of the same group (Work City with Work Address, not with Home City)."""
    groups: dict[str, PostalAddress] = {}
    cells = [
        (i, key, h, cell)
        for key in ("address", *_ADDRESS_PARTS)
        for i, h, cell in values.get(key, [])
    ]
    # In column order: the file's first address is the main one.
    for _index, key, header, cell in sorted(cells):
        group = address_group(header)
        address = groups.get(group)
        if address is None:
            address = groups[group] = PostalAddress(_group_label(row, layout, header, group))
        if key == "address":
            address.text = cell
        elif key == "street":
            address.street = "\n".join(x for x in (address.street, cell) if x)
        else:
            setattr(address, key, ", ".join(x for x in (getattr(address, key), cell) if x))
    return [address for address in groups.values() if not address.is_empty()]


def _group_label(row: list[str], layout: CsvLayout, header: str, group: str) -> str:
    if group.startswith("address "):
        return _label(row, layout, f"{group} - formatted")
    return group


_BIRTH_PARTS = ("year", "month", "day")


def _birthday(cells: list[tuple[int, str, str]]) -> str:
    """One birthday column as written, or Thunderbird's year, month and day put together."""
    parts = {
        word: cell
        for _i, header, cell in cells
        for word in _BIRTH_PARTS
        if normalized_header(header).endswith(f" {word}")
    }
    if not parts:
        return cells[0][2] if cells else ""
    month, day = parts.get("month", ""), parts.get("day", "")
    if not (month.isdigit() and day.isdigit()):
        return " ".join(cell for _i, _h, cell in cells)
    year = parts.get("year", "")
    date = f"{int(month):02d}-{int(day):02d}"
    return f"{int(year):04d}-{date}" if year.isdigit() else f"--{date}"
