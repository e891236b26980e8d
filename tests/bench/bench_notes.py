"""Note engine benchmarks: a card to PDF, the preview after a keystroke, 100 notes, LibreOffice."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import BenchContext, Figure, time_call

NOTE_TEXT = (
    "Dear Amelia,\n\n"
    "Thank you for your time on Tuesday and for telling me about the move to a new reporting "
    "stack. Our interview was a real pleasure, and it left me even more eager to join "
    "Northwind Analytics as a Data Analyst.\n\n"
    "I am confident I can help your team: I bring six years of data analysis in retail and "
    "logistics, with SQL, Python and Tableau. You asked about SQL at scale; I am glad to say "
    "more about it whenever it helps.\n\n"
    "If any questions are still open, please ask me. I hope to hear from you soon.\n\n"
    "Warm regards,\nJordan Rivera"
)


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _job(**changes: object) -> object:
    from followup_desktop.services.letter_jobs import NoteJob

    values: dict[str, object] = {
        "text": NOTE_TEXT,
        "paper": "A6",
        "seed": 11,
        "label": "bench",
        "sender_name": "Jordan Rivera",
        "sender_address": ("1180 Alder Street, Apt 4", "Springfield, IL 62704"),
        "recipient_name": "Amelia Berg",
        "recipient_address": ("Amelia Berg", "Northwind Analytics", "107 Market St", "Boston"),
    }
    values.update(changes)
    return NoteJob(**values)  # type: ignore[arg-type]


def _time_alternately(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median ms of each of two functions called in turn, so a burst of load from elsewhere
    on the machine falls on both alike instead of on whichever ran second."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, times in ((first, samples[0]), (second, samples[1])):
            start = time.perf_counter()
            function()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def note_pdf(context: BenchContext) -> list[Figure]:
    _app()
    from PySide6.QtCore import QMarginsF, QRectF, QSaveFile, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    from followup_desktop.notes.fonts import bundled_font_families, handwriting_family
    from followup_desktop.notes.pdf import write_pdf
    from followup_desktop.notes.sheets import layout_note

    bundled_font_families()
    family = handwriting_family("")
    work = Path(tempfile.mkdtemp(prefix="bench-notes-"))
    ours_path, plain_path = work / "ours.pdf", work / "plain.pdf"
    job = _job()

    def ours() -> None:
        write_pdf([layout_note(job)], ours_path)  # type: ignore[arg-type]

    def plain() -> None:
        # Written the same way as ours (QSaveFile, which syncs to disk on commit), so the
        # figure compares drawing, not file handling.
        save = QSaveFile(str(plain_path))
        save.open(QSaveFile.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(save)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A6),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        painter = QPainter(writer)
        font = QFont(family)
        font.setPointSizeF(15)
        painter.setFont(font)
        painter.setPen(QColor("#1c3a8a"))
        scale = writer.resolution() / 72.0
        area = QRectF(25 * scale, 25 * scale, 247 * scale, 370 * scale)
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap), NOTE_TEXT)
        painter.end()
        save.commit()

    ours()
    plain()
    value, baseline = _time_alternately(ours, plain, repeat=21)
    shutil.rmtree(work, ignore_errors=True)
    words = len(NOTE_TEXT.split())
    return [
        Figure(
            "note_pdf",
            value,
            "ms",
            target=3.0,
            baseline=baseline,
            target_is_ratio=True,
            note=f"A6, {words} words, per-glyph hand vs plain drawText, both via QSaveFile, "
            "medians of 21 taken alternately",
        )
    ]


def note_preview(context: BenchContext) -> list[Figure]:
    _app()
    from followup_desktop.notes.layout import PreparedText
    from followup_desktop.notes.sheets import layout_note
    from followup_desktop.ui.composer.preview import NotePreview

    # The composer keeps the paragraphs it prepared for the previews of the note being written.
    prepared = PreparedText()
    preview = NotePreview()
    preview.resize(420, 580)
    preview.show()
    counter = [0]

    def keystroke() -> None:
        counter[0] += 1
        text = NOTE_TEXT.replace("soon.", "soon" + "!" * (counter[0] % 5 + 1))
        preview.show_sheet(layout_note(_job(text=text), prepared))  # type: ignore[arg-type]
        preview.repaint()

    keystroke()
    value = time_call(keystroke, repeat=25)
    return [
        Figure(
            "note_preview",
            value,
            "ms",
            target=30.0,
            note="layout + paint of a 420x580 preview after one character, median of 25",
        )
    ]


def note_batch_100(context: BenchContext) -> list[Figure]:
    _app()
    from followup_desktop.notes.print_set import build_print_set, export_print_set

    firsts = ("Amelia", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas")
    jobs = [
        _job(
            text=NOTE_TEXT.replace("Amelia", firsts[i % 10]).replace("Tuesday", f"day {i}"),
            seed=i + 1,
            recipient_name=f"{firsts[i % 10]} Berg",
            recipient_address=(f"{firsts[i % 10]} Berg", "Northwind", f"{i} Market St", "Boston"),
            date=dt.date(2026, 3, 1) + dt.timedelta(days=i % 20),
        )
        for i in range(100 * context.scale)
    ]
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    target = work / "batch.pdf"
    start = time.perf_counter()
    print_set = build_print_set(jobs)  # type: ignore[arg-type]
    pages = export_print_set(print_set, target)
    elapsed = time.perf_counter() - start
    size_kb = target.stat().st_size / 1024
    shutil.rmtree(work, ignore_errors=True)
    assert pages == 2 * len(jobs), print_set.problems
    return [
        Figure(
            "note_batch_100",
            elapsed,
            "s",
            target=10.0,
            note=f"{len(jobs)} A6 cards + {len(jobs)} C6 envelopes, {pages} pages, "
            f"{size_kb:.0f} KiB",
        )
    ]


def _libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _flat_odt(text: str, family: str) -> str:
    from xml.sax.saxutils import escape

    paragraphs = "".join(
        f'<text:p text:style-name="Hand">{escape(line)}</text:p>' for line in text.split("\n")
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{family}" svg:font-family="{family}"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:style style:name="Hand" style:family="paragraph">
<style:text-properties style:font-name="{family}" fo:font-size="15pt" fo:color="#1c3a8a"/>
</style:style></office:styles>
<office:automatic-styles><style:page-layout style:name="Card">
<style:page-layout-properties fo:page-width="105mm" fo:page-height="148mm"
 fo:margin-top="9mm" fo:margin-bottom="9mm" fo:margin-left="9mm" fo:margin-right="9mm"/>
</style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Card"/>
</office:master-styles>
<office:body><office:text>{paragraphs}</office:text></office:body></office:document>
"""


def note_pdf_vs_libreoffice(context: BenchContext) -> list[Figure]:
    office = _libreoffice()
    if office is None:
        print(
            "note_pdf_vs_libreoffice: skipped: LibreOffice is not installed "
            "(Debian: apt-get install libreoffice-writer-nogui) — install it to measure"
        )
        return []
    _app()
    from followup_desktop.notes.fonts import bundled_font_files
    from followup_desktop.notes.pdf import write_pdf
    from followup_desktop.notes.sheets import layout_note

    work = Path(tempfile.mkdtemp(prefix="bench-office-"))
    home = work / "home"
    fonts = home / ".local" / "share" / "fonts"
    fonts.mkdir(parents=True)
    for path in bundled_font_files():
        shutil.copy(path, fonts / path.name)  # the same hand for LibreOffice
    source = work / "note.fodt"
    source.write_text(_flat_odt(NOTE_TEXT, "Breip"), encoding="utf-8")
    env = dict(os.environ, HOME=str(home))

    def theirs() -> None:
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
            check=True,
            capture_output=True,
            env=env,
            timeout=300,
        )

    def ours() -> None:
        write_pdf([layout_note(_job())], work / "ours.pdf")  # type: ignore[arg-type]

    theirs()  # the first start builds LibreOffice's profile; not counted
    baseline = time_call(theirs, repeat=3)
    value = time_call(ours, repeat=9)
    embedded = subprocess.run(
        ["pdffonts", str(work / "note.pdf")], capture_output=True, text=True, check=False
    ).stdout
    shutil.rmtree(work, ignore_errors=True)
    font_note = "Breip embedded" if "Breip" in embedded or "breip" in embedded else "font?"
    return [
        Figure(
            "note_pdf_vs_libreoffice",
            value,
            "ms",
            target=0.1,
            baseline=baseline,
            target_is_ratio=True,
            note=f"ours vs soffice --headless --convert-to pdf (process per note, {font_note})",
        )
    ]


BENCHMARKS = {
    "note_pdf": note_pdf,
    "note_preview": note_preview,
    "note_batch_100": note_batch_100,
    "note_pdf_vs_libreoffice": note_pdf_vs_libreoffice,
}
