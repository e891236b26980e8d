"""``followup import applications`` and ``followup export applications``, run as a user would."""

from __future__ import annotations

from pathlib import Path

from test_contact_import_export_cli import run_cli

SHEET = """Company,Role,Status,Date applied,Notes
Acme,Analyst,Applied,2025-03-04,first one
Brightpath,Payroll Lead,Onsite loop,2025-03-06,
"""


def test_dry_run_names_the_unknown_stage_then_import_with_it_mapped_and_export(
    tmp_path: Path,
) -> None:
    data = str(tmp_path / "data")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    dry = run_cli("--data-dir", data, "import", "applications", str(sheet), "--dry-run")
    assert dry.returncode == 1
    assert 'line 3  refused  the stage "Onsite loop" is not one of yours' in dry.stdout
    assert "1 row would be refused" in dry.stdout
    refused = run_cli("--data-dir", data, "import", "applications", str(sheet))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        'followup: error: sheet.csv: line 3: the stage "Onsite loop" is not one of yours; '
        "choose which of your stages it means; nothing was imported"
    ]
    done = run_cli(
        "--data-dir", data, "import", "applications", str(sheet), "--stage", "Onsite loop=Interview"
    )
    assert done.returncode == 0, done.stderr
    assert "imported from sheet.csv: 2 applications, 2 new companies" in done.stdout
    out = tmp_path / "out.csv"
    exported = run_cli("--data-dir", data, "export", "applications", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "2 applications written" in exported.stdout
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("Acme,Analyst,Applied,2025-03-04,")
    assert lines[2].startswith("Brightpath,Payroll Lead,Interview,2025-03-06,")


def test_a_bad_column_choice_is_one_line(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    bad = run_cli(
        "--data-dir",
        str(tmp_path / "d"),
        "import",
        "applications",
        str(sheet),
        "--column",
        "Role=salary_scale",
    )
    assert bad.returncode == 1
    assert bad.stderr.strip().startswith("followup: error: sheet.csv: unknown field 'salary_scale'")
    assert len(bad.stderr.strip().splitlines()) == 1
