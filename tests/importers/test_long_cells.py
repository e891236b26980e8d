"""Long cells: the app's own CSV export of a long note imports again; a cell too long for the
store is refused with the line, the column and its length."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import Company, Contact
from followup_desktop.services.importers.contact_import import import_contacts
from followup_desktop.services.importers.csv_reader import MAX_CELL_CHARACTERS, _longest_cell

REPO = Path(__file__).resolve().parents[2]


def followup(*args: str) -> subprocess.CompletedProcess[str]:
    """The ``followup`` command in its own process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", *args],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _long_note(length: int) -> str:
    """A note of exactly ``length`` characters with what CSV must quote: commas, quotes, lines."""
    paragraph = 'Called about the "Data" role, then wrote; she asked for more.\n'
    note = (paragraph * (length // len(paragraph) + 1))[: length - 1] + "."
    assert len(note) == length
    return note


def _contacts(database: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            "SELECT c.first_name, c.last_name, c.role, c.email, c.phone, c.notes, co.name "
            "FROM contact c LEFT JOIN company co ON co.id = c.company_id ORDER BY c.id"
        ).fetchall()
    finally:
        connection.close()


def test_exported_long_note_imports_again_as_the_same_contact(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    open_store(source / "followup.sqlite")
    try:
        Contact.create(
            first_name="Ada",
            last_name="Long",
            role="Recruiter",
            company=Company.create(name="Acme"),
            email="ada@acme.example",
            phone="+44 20 7946 0000",
            notes=_long_note(200_000),
        )
    finally:
        close_store()
    exported = tmp_path / "contacts.csv"

    done = followup("--data-dir", str(source), "export", "csv", str(exported))
    assert done.returncode == 0, done.stderr
    done = followup("--data-dir", str(target), "import", "csv", str(exported))

    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout or "1 contact added" in done.stdout, done.stdout
    assert _contacts(target / "followup.sqlite") == _contacts(source / "followup.sqlite")
    (row,) = _contacts(target / "followup.sqlite")
    assert len(str(row[5])) == 200_000


@pytest.mark.slow  # a 100 MB file read by the real command (about 8 s)
def test_a_cell_longer_than_the_store_takes_is_refused_with_the_real_reason(
    tmp_path: Path,
) -> None:
    too_long = MAX_CELL_CHARACTERS + 1
    sheet = tmp_path / "huge.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        handle.write("First name,Last name,Email,Notes\r\n")
        handle.write("Bo,Short,bo@example.com,fine\r\n")
        handle.write('Cy,Huge,cy@example.com,"')
        chunk = "y" * 1_000_000
        for _ in range(too_long // len(chunk)):
            handle.write(chunk)
        handle.write("y" * (too_long % len(chunk)) + '"\r\n')
    data = tmp_path / "data"

    done = followup("--data-dir", str(data), "import", "csv", str(sheet))

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (message,) = done.stderr.strip().splitlines()
    assert "quote may be missing" not in message
    assert message == (
        f'followup: error: huge.csv: line 3, column "Notes": the value is {too_long:,} '
        f"characters long; a field holds at most {MAX_CELL_CHARACTERS:,}; nothing was imported"
    )
    assert _contacts(data / "followup.sqlite") == []


def test_the_limit_is_set_where_the_reader_is_made(store: object) -> None:
    """Whatever limit other code in the process left, the importer reads to the store's."""
    note = _long_note(150_000).replace('"', '""')
    text = f'First name,Email,Notes\r\nAda,ada@example.com,"{note}"\r\n'
    previous = csv.field_size_limit(1_000)
    try:
        plan, result = import_contacts(text.encode(), "csv")
    finally:
        csv.field_size_limit(previous)
    assert result is not None and result.created == 1, plan.items
    assert len(Contact.get().notes) == 150_000


def test_the_too_long_cell_is_found_in_its_row() -> None:
    row = 'a;"x""y;z";"multi\nline";' + "w" * 50 + "\r\nnext;row\r\n"
    assert _longest_cell(row, 0, ";") == (3, 50)
    assert _longest_cell('a,"""",b\r\n', 0, ",") == (0, 1)
    assert _longest_cell('one,"x""y\nmore",c\n', 0, ",") == (1, 8)
