"""``followup export pdf`` as a user runs it: one letter, or every note due by a date."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Letter, Profile
from followup_desktop.db.seed import PROFILE_ID
from followup_desktop.paths import DataLocation
from followup_desktop.services.profile import get_profile

REPO = Path(__file__).resolve().parents[2]
BODY = "Dear Amelia,\n\nThank you for the interview on Tuesday.\n\nWarm regards,\nJordan Rivera"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_desktop",
            "--data-dir",
            str(data_dir),
            "export",
            "pdf",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def make_notes(folder: Path) -> dict[str, int]:
    """Two due notes (one without a postal address), one later, and an unfilled draft."""
    location = DataLocation(folder).ensure()
    open_store(location.database)
    try:
        Profile.update(
            full_name="Jordan Rivera", address="1180 Alder Street\nSpringfield, IL 62704"
        ).where(Profile.id == PROFILE_ID).execute()
        assert get_profile().full_name == "Jordan Rivera"
        stage = 2
        company = Company.create(name="Northwind", address="107 Market St\nSpringfield, IL 62701")
        elsewhere = Company.create(name="Bluebird")
        amelia = Contact.create(first_name="Amelia", last_name="Berg", company=company)
        ben = Contact.create(first_name="Ben", last_name="Adams", company=elsewhere)
        ids: dict[str, int] = {}
        today = dt.date.today()
        for name, contact, firm, due, body in (
            ("due", amelia, company, today, BODY),
            ("no_address", ben, elsewhere, today - dt.timedelta(days=1), BODY),
            ("later", amelia, company, today + dt.timedelta(days=30), BODY),
            ("unfilled", amelia, company, today, "Dear {first_name},\n\nThanks."),
        ):
            app = Application.create(company=firm, position="Analyst", stage=stage, contact=contact)
            follow_up = FollowUp.create(
                application=app, contact=contact, due_on=due, channel="note", reason="thank_you"
            )
            letter = Letter.create(
                follow_up=follow_up, application=app, contact=contact, channel="note", body=body
            )
            ids[name] = letter.id
        return ids
    finally:
        close_store()


def test_export_one_letter_with_its_envelope(tmp_path: Path) -> None:
    ids = make_notes(tmp_path / "data")
    out = tmp_path / "letter.pdf"
    result = run(tmp_path / "data", "--letter", str(ids["due"]), str(out))
    assert result.returncode == 0, result.stderr
    assert "1 note, 1 envelope, 2 pages" in result.stdout
    pages = PdfReader(out).pages
    assert len(pages) == 2
    assert "Amelia" in pages[0].extract_text()
    assert "Market" in pages[1].extract_text()


def test_export_due_notes_cards_then_envelopes_and_reports_what_is_left_out(
    tmp_path: Path,
) -> None:
    ids = make_notes(tmp_path / "data")
    out = tmp_path / "due.pdf"
    until = dt.date.today().isoformat()
    result = run(tmp_path / "data", "--due-until", until, str(out))
    assert result.returncode == 0, result.stderr
    assert "2 notes, 1 envelope, 3 pages" in result.stdout
    assert "no recipient address for Ben Adams" in result.stderr
    assert f"letter {ids['unfilled']}" in result.stderr
    assert "{first_name}" in result.stderr
    reader = PdfReader(out)
    widths = [round(float(page.mediabox.width)) for page in reader.pages]
    assert widths[0] < widths[2]  # two A6 cards first, then the C6 envelope (landscape)


def test_unknown_letter_fails_with_one_line(tmp_path: Path) -> None:
    make_notes(tmp_path / "data")
    result = run(tmp_path / "data", "--letter", "999", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert result.stderr.strip() == "followup: error: there is no letter 999"
    assert not (tmp_path / "x.pdf").exists()


def test_unfilled_letter_is_refused(tmp_path: Path) -> None:
    ids = make_notes(tmp_path / "data")
    result = run(tmp_path / "data", "--letter", str(ids["unfilled"]), str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "unfilled slots: {first_name}" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path / "data", "--due-until", "tomorrow", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "not a date (YYYY-MM-DD)" in result.stderr


def test_nothing_due_fails_with_a_reason(tmp_path: Path) -> None:
    make_notes(tmp_path / "data")
    result = run(tmp_path / "data", "--due-until", "2001-01-01", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "no handwritten note with a letter is due by 2001-01-01" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_exported_pdfs_are_private_like_every_other_export(tmp_path: Path) -> None:
    ids = make_notes(tmp_path / "data")
    letter, due, contacts = tmp_path / "letter.pdf", tmp_path / "due.pdf", tmp_path / "c.csv"
    due.write_bytes(b"an older export, left readable by everyone")
    due.chmod(0o644)
    common = os.umask(0o022)  # the usual umask, which the children inherit
    try:
        results = [
            run(tmp_path / "data", "--letter", str(ids["due"]), str(letter)),
            run(tmp_path / "data", "--due-until", dt.date.today().isoformat(), str(due)),
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "followup_desktop",
                    "--data-dir",
                    str(tmp_path / "data"),
                    "export",
                    "csv",
                    str(contacts),
                ],
                capture_output=True,
                text=True,
                cwd=REPO,
                env=dict(os.environ, PYTHONPATH=str(REPO)),
                timeout=120,
            ),
        ]
    finally:
        os.umask(common)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in (letter, due, contacts)}
    assert modes == {"letter.pdf": 0o600, "due.pdf": 0o600, "c.csv": 0o600}
    assert len(PdfReader(due).pages) == 3
