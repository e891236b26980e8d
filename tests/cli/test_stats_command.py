"""``followup stats`` as a user runs it, on the hand-made Insights store."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from followup_desktop.db.connection import close_store, open_store
from followup_desktop.paths import DataLocation
from followup_desktop.services.insights.report import insights_report, report_as_json
from followup_desktop.services.insights.scope import InsightsScope
from tests.services.insights_store import build_insights_store

REPO = Path(__file__).resolve().parents[2]


def _stats(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir), "stats", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def _hand_made_store(data_location: DataLocation) -> None:
    open_store(data_location.database)
    try:
        build_insights_store()
    finally:
        close_store()


def test_the_json_is_the_report_the_area_shows(data_location: DataLocation) -> None:
    _hand_made_store(data_location)
    result = _stats(data_location.root, "--json", "--since", "2026-01-01")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert [step["reached"] for step in printed["funnel"]] == [8, 4, 2, 1]
    # app8 (December, never answered) is left out.
    assert (printed["answers"][0]["applications"], printed["answers"][0]["answered"]) == (8, 6)
    open_store(data_location.database)
    try:
        scope = InsightsScope(dt.date.today(), since=dt.date(2026, 1, 1))
        assert printed == report_as_json(insights_report(scope))
    finally:
        close_store()


def test_the_summary_reads_as_sentences(data_location: DataLocation) -> None:
    _hand_made_store(data_location)
    result = _stats(data_location.root, "--source", "Job board")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Insights, all time, source “Job board”")
    assert "  Applied         5" in lines
    assert "  Interview       2  40% (of 5) of Applied" in lines
    assert any(
        line.startswith("  Job board") and "3 of 5 applications answered: 60%" in line
        for line in lines
    )


def test_a_bad_date_is_one_line(data_location: DataLocation) -> None:
    result = _stats(data_location.root, "--since", "2026-13-01")
    assert result.returncode == 2
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.endswith("'2026-13-01' is not a date (YYYY-MM-DD)")
    assert "Traceback" not in result.stderr
