"""Rows of a spreadsheet of applications, and their cells read as values: dates in the forms
people write them, priorities as numbers or stars, yes and no."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateutil import parser as date_parser

from followup_desktop.services.importers.application_columns import APPLICATION_FIELD_KEYS
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.csv_reader import CsvLayout, table_rows, unescape_cell
from followup_desktop.services.job_details import MAX_PRIORITY

_TRUE_WORDS = frozenset({"1", "true", "yes", "y", "x", "archived"})
_FALSE_WORDS = frozenset({"", "0", "false", "no", "n"})
_PRIORITY_WORDS = {"low": 1, "medium": 2, "normal": 2, "high": 3, "top": 3, "none": 0}
#: Regions where 03/04/2025 is the 4th of March; elsewhere it is the 3rd of April.
_MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH", "FM", "MH", "PW", "BZ"})
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})\s*$")
#: A date's placeholder parts, to tell "March 2025" (no day) from "1 March 2025".
_FIRST_DEFAULT = dt.datetime(1, 1, 1)
_SECOND_DEFAULT = dt.datetime(2, 2, 2)


@dataclass
class ApplicationRow:
    """One data row: the cells of each field (in column order), and where it is in the file."""

    line: int
    cells: dict[str, list[str]] = field(default_factory=dict)

    def first(self, key: str) -> str:
        return self.cells[key][0] if key in self.cells else ""

    def joined(self, key: str, separator: str = "\n") -> str:
        return separator.join(self.cells.get(key, []))


def read_application_rows(text: str, layout: CsvLayout) -> list[ApplicationRow]:
    """Every data row; raise ImportFormatError naming the line of a row that cannot be read."""
    unknown = set(layout.mapping.values()) - APPLICATION_FIELD_KEYS
    if unknown:
        raise ImportFormatError(f"unknown field(s) in the column mapping: {', '.join(unknown)}")
    if not {"company", "position"} <= layout.mapped_fields():
        raise ImportFormatError(
            f"the header on line {layout.header_line} needs a column for the company and one "
            "for the position; choose which columns hold them"
        )
    rows = []
    for line, cells in table_rows(text, layout):
        row = ApplicationRow(line)
        for index, key in sorted(layout.mapping.items()):
            if not key or index >= len(cells):
                continue
            cell = unescape_cell(cells[index]) if layout.own_export else cells[index]
            if cell.strip():
                row.cells.setdefault(key, []).append(cell.strip())
        rows.append(row)
    return rows


def day_first_for(values: list[str], region: str) -> bool:
    """Whether the all-number dates of one column put the day first: decided by a value that
    only reads one way (25/03/2025), else by the user's region."""
    for value in values:
        match = _NUMERIC_DATE.match(value)
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return region.upper() not in _MONTH_FIRST_REGIONS


def parse_day(text: str, *, day_first: bool) -> dt.date | None:
    """A date as people write it ("2025-03-04", "4 Mar 2025", "March 4, 2025", "04/03/2025");
    None for an empty cell. Raises ValueError with a one-line reason."""
    clean = text.strip()
    if not clean:
        return None
    try:
        return dt.date.fromisoformat(clean[:10])
    except ValueError:
        pass
    try:
        one = date_parser.parse(clean, dayfirst=day_first, default=_FIRST_DEFAULT)
        two = date_parser.parse(clean, dayfirst=day_first, default=_SECOND_DEFAULT)
    except (ValueError, OverflowError):
        raise ValueError(f'"{_short(clean)}" is not a date') from None
    if one.year != two.year or one.month != two.month or one.day != two.day:
        raise ValueError(f'"{_short(clean)}" is not a whole date (day, month and year)')
    return one.date()


def parse_priority(text: str, out_of: int) -> int:
    """A priority as a number (of ``out_of``), as stars, or in words; 0 when empty."""
    clean = text.strip().lower()
    if not clean:
        return 0
    if clean in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[clean]
    if set(clean) <= {"★", "*", "☆", " "}:
        value = clean.count("★") + clean.count("*")
    else:
        try:
            value = round(float(clean.split("/")[0]))
        except ValueError:
            raise ValueError(f'"{_short(text)}" is not a priority (1 to 3, or stars)') from None
    if value < 0 or value > max(out_of, MAX_PRIORITY):
        raise ValueError(f'"{_short(text)}" is not a priority (1 to 3, or stars)')
    if out_of > MAX_PRIORITY and value:
        # A scale of five: 1-2 low, 3 medium, 4-5 high.
        return max(1, min(MAX_PRIORITY, round(value * MAX_PRIORITY / out_of)))
    return min(value, MAX_PRIORITY)


def priority_scale(values: list[str]) -> int:
    """The top of the scale a column of priorities uses: 5 when any value is above 3."""
    for value in values:
        clean = value.strip().split("/")
        if len(clean) == 2 and clean[1].strip().isdigit():
            return int(clean[1])
        stars = value.count("★") + value.count("*") + value.count("☆")
        number = stars if stars else (int(clean[0]) if clean[0].strip().isdigit() else 0)
        if number > MAX_PRIORITY:
            return 5
    return MAX_PRIORITY


def parse_yes_no(text: str) -> bool:
    clean = text.strip().lower()
    if clean in _TRUE_WORDS:
        return True
    if clean in _FALSE_WORDS:
        return False
    raise ValueError(f'"{_short(text)}" is neither yes nor no')


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:39] + "…"
