"""``followup import`` and ``followup export`` for contacts, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followup_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "tests" / "importers" / "samples"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "followup_desktop", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_import_dry_run_then_import_then_export(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    sample = str(SAMPLES / "apple_contacts_3_0.vcf")
    dry = run_cli("--data-dir", data, "import", "vcf", sample, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would import 1 new, 0 merged, 0 skipped; 1 company from its own card" in dry.stdout
    assert "an organisation's card: a new company" in dry.stdout
    done = run_cli("--data-dir", data, "import", "vcf", sample)
    assert done.returncode == 0, done.stderr
    assert "1 contact added" in done.stdout
    out = tmp_path / "out.csv"
    exported = run_cli("--data-dir", data, "export", "csv", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "1 contacts written" in exported.stdout
    assert "Okafor" in out.read_text(encoding="utf-8-sig")


def test_malformed_file_exits_1_with_one_line(tmp_path: Path, capsys: object) -> None:
    broken = tmp_path / "broken.vcf"
    broken.write_text("BEGIN:VCARD\nVERSION:3.0\nN:A;B\nEND:VCARD\nBEGIN:VCARD\nFN:cut\n")
    status = main(["--data-dir", str(tmp_path / "d"), "import", "vcf", str(broken)])
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert status == 1
    assert err.strip().splitlines() == [
        "followup: error: broken.vcf: card 2 (line 5): the file ends before END:VCARD "
        "(the file may be cut short); nothing was imported"
    ]


def test_missing_file_and_unwritable_export(tmp_path: Path, capsys: object) -> None:
    status = main(["--data-dir", str(tmp_path / "d"), "import", "csv", str(tmp_path / "no.csv")])
    assert status == 1
    assert "cannot read" in capsys.readouterr().err  # type: ignore[attr-defined]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status = main(["--data-dir", str(tmp_path / "d"), "export", "vcf", str(blocker / "out.vcf")])
    assert status == 1
    assert "cannot write" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_csv_columns_can_be_chosen_on_the_command_line(tmp_path: Path, capsys: object) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("Who,Mail,Firm\nAnn Lee,ann@lee.example,Acme\n", encoding="utf-8")
    data = str(tmp_path / "d")
    status = main(["--data-dir", data, "import", "csv", str(sheet), "--dry-run"])
    assert status == 1
    assert "no column of the header on line 1" in capsys.readouterr().err  # type: ignore[attr-defined]
    status = main(
        [
            "--data-dir",
            data,
            "import",
            "csv",
            str(sheet),
            "--column",
            "who=full_name",
            "--column",
            "Mail=email",
            "--column",
            "Firm=company",
        ]
    )
    assert status == 0
    assert "1 contact added" in capsys.readouterr().out  # type: ignore[attr-defined]
    status = main(["--data-dir", data, "import", "csv", str(sheet), "--column", "Nope=email"])
    assert status == 1
    assert "no column named 'Nope'" in capsys.readouterr().err  # type: ignore[attr-defined]
    status = main(["--data-dir", data, "import", "csv", str(sheet), "--column", "Who=shoe"])
    assert status == 1
    assert "unknown field 'shoe'" in capsys.readouterr().err  # type: ignore[attr-defined]
