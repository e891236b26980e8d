"""``followup print`` as a user runs it: to a named queue, with or without envelopes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.db.models import Contact, Letter
from followup_desktop.notes.paper import mm_to_pt
from followup_desktop.paths import DataLocation
from tests.cli.test_export_pdf_command import make_notes
from tests.printing.cups_queue import ensure_queue, pages_of, text_of, wait_for_files

REPO = Path(__file__).resolve().parents[2]
_TOLERANCE_PT = 1.6


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir), "print", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


@pytest.fixture(scope="module")
def cups_queue() -> str:
    from tests.printing.cups_queue import QUEUE

    reason = ensure_queue()
    if reason:
        pytest.skip(reason)
    return QUEUE


def _named(folder: Path, letter_id: int, token: str, **letter: object) -> None:
    """Name the letter's recipient with ``token`` (it titles the print jobs); change the card."""
    open_store(DataLocation(folder).ensure().database)
    try:
        found = Letter.get_by_id(letter_id)
        Contact.update(last_name=token).where(Contact.id == found.contact_id).execute()
        if letter:
            Letter.update(**letter).where(Letter.id == letter_id).execute()  # type: ignore[arg-type]
    finally:
        close_store()


def test_an_unknown_letter_a_missing_printer_and_an_empty_batch_are_one_line(
    tmp_path: Path,
) -> None:
    ids = make_notes(tmp_path)
    for args, words in (
        (("--letter", "999"), "there is no letter 999"),
        (("--letter", str(ids["due"]), "--printer", "NoSuchQueue"), "no printer 'NoSuchQueue'"),
        (("--due-until", "2000-01-01"), "no handwritten note with a letter is due by 2000-01-01"),
    ):
        result = run(tmp_path, *args)
        assert result.returncode == 1, result
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    zero = run(tmp_path, "--letter", str(ids["due"]), "--copies", "0")
    assert zero.returncode == 2
    assert zero.stderr.splitlines()[-1].endswith("0 copies: give a number from 1 to 99")


def test_envelope_and_no_envelope_cannot_both_be_asked_for(tmp_path: Path) -> None:
    result = run(tmp_path, "--letter", "1", "--envelope", "C6", "--no-envelope")
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr


@pytest.mark.slow
def test_a_letter_prints_its_card_then_its_envelope_on_their_own_paper(
    tmp_path: Path, cups_queue: str
) -> None:
    ids = make_notes(tmp_path)
    token = f"c{dt.datetime.now():%H%M%S%f}"
    _named(tmp_path, ids["due"], token, card_size="A5")
    result = run(tmp_path, "--letter", str(ids["due"]), "--printer", cups_queue)
    assert result.returncode == 0, result.stderr
    assert f"Sent to {cups_queue}" in result.stdout
    card, envelope = wait_for_files(token, 2)
    (card_page,) = pages_of(card)
    assert abs(card_page.width - mm_to_pt(148)) < _TOLERANCE_PT
    assert abs(card_page.height - mm_to_pt(210)) < _TOLERANCE_PT
    assert "Thank you for the interview" in " ".join(text_of(card).split())
    (envelope_page,) = pages_of(envelope)
    assert envelope_page.landscape
    assert "Market" in text_of(envelope)


@pytest.mark.slow
def test_due_notes_without_envelopes_and_with_copies(tmp_path: Path, cups_queue: str) -> None:
    make_notes(tmp_path)
    today = dt.date.today().isoformat()
    before = set(wait_for_files("Notes_due_by", 0, timeout=0))
    result = run(
        tmp_path, "--due-until", today, "--printer", cups_queue, "--no-envelope", "--copies", "2"
    )
    assert result.returncode == 0, result.stderr
    assert "unfilled slots" in result.stderr  # the draft with a {slot} is left out, and said so
    assert "envelope" not in result.stdout.lower()
    # The two due cards share a job, titled by the batch.
    files = [path for path in wait_for_files("Notes_due_by", len(before) + 1) if path not in before]
    assert len(files) == 1
    pages = pages_of(files[0])
    assert len(pages) == 4  # two cards, two copies each
    assert all(abs(page.width - mm_to_pt(105)) < _TOLERANCE_PT for page in pages)
