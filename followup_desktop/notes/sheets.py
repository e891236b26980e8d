"""Whole sheets laid out: a note card or letter page, and its envelope, from a print job."""

from __future__ import annotations

from dataclasses import dataclass

from followup_desktop.notes.fonts import handwriting_family, plain_family
from followup_desktop.notes.inks import ink_colour
from followup_desktop.notes.layout import (
    BlockStyle,
    FontUse,
    GlyphMark,
    Hand,
    Overflow,
    PreparedText,
    SizeRange,
    TextBlock,
    layout_frame,
)
from followup_desktop.notes.paper import (
    NO_ENVELOPE,
    PaperKind,
    PaperSize,
    Rect,
    envelope_for,
    envelope_paper,
    envelope_sheet,
    note_paper,
    note_sheet,
)
from followup_desktop.services.letter_jobs import NoteJob
from followup_desktop.services.note_text import parse_note_text

#: x-heights in points: a card is written a little larger than a letter page.
CARD_SIZES = SizeRange(smallest=4.4, largest=7.6)
PAGE_SIZES = SizeRange(smallest=4.2, largest=7.2)
RECIPIENT_SIZES = SizeRange(smallest=3.6, largest=8.5)
RETURN_SIZES = SizeRange(smallest=2.8, largest=5.0)

_CLOSING_INDENT = 0.42


class MissingAddressError(ValueError):
    """An envelope needs an address the store does not have; the user is asked for it."""

    def __init__(self, which: str, label: str = "") -> None:
        self.which = which
        who = f" for {label}" if label else ""
        super().__init__(f"no {which} address{who}: add it before printing the envelope")


@dataclass
class SheetLayout:
    """Everything drawn on one printed sheet, in points from its top-left corner."""

    paper: PaperSize
    width_pt: float
    height_pt: float
    fonts: list[FontUse]
    marks: list[GlyphMark]
    ink: str
    overflow: Overflow | None
    x_height: float
    label: str = ""


def _date_text(job: NoteJob) -> str:
    return f"{job.date.day} {job.date:%B %Y}"


def note_blocks(job: NoteJob, *, page: bool) -> list[TextBlock]:
    """The blocks of a card or letter, placed like a person lays out a card."""
    parts = parse_note_text(job.text)
    blocks: list[TextBlock] = []
    if page:
        sender = [job.sender_name, *job.sender_address, *job.contact_lines]
        sender_text = "\n".join(line for line in sender if line)
        if sender_text:
            blocks.append(TextBlock(sender_text, BlockStyle(0.85, 0.56, 0.0, 0.95), "sender"))
        blocks.append(TextBlock(_date_text(job), BlockStyle(0.9, 0.56, 0.5), "date"))
        if job.recipient_address:
            blocks.append(
                TextBlock(
                    "\n".join(job.recipient_address), BlockStyle(0.9, 0.0, 0.6, 0.95), "recipient"
                )
            )
    if parts.greeting:
        blocks.append(TextBlock(parts.greeting, BlockStyle(gap_before=0.7 if blocks else 0.0)))
    for index, paragraph in enumerate(parts.paragraphs):
        gap = 0.35 if (blocks and index == 0) or index > 0 else 0.0
        blocks.append(TextBlock(paragraph, BlockStyle(gap_before=gap)))
    if parts.closing:
        blocks.append(
            TextBlock(parts.closing, BlockStyle(indent=_CLOSING_INDENT, gap_before=0.45), "closing")
        )
    if parts.signature:
        blocks.append(
            TextBlock(
                parts.signature,
                BlockStyle(size=1.15, indent=_CLOSING_INDENT + 0.04, gap_before=0.05),
                "signature",
            )
        )
    if parts.signature_extra:
        blocks.append(
            TextBlock(
                "\n".join(parts.signature_extra),
                BlockStyle(size=0.8, indent=_CLOSING_INDENT, pitch=0.85),
                "signature",
            )
        )
    contact = job.contact_lines
    if job.include_contact and not page and contact and not _mentions(job.text, contact):
        blocks.append(
            TextBlock("  ·  ".join(contact), BlockStyle(size=0.72, gap_before=0.5), "contact")
        )
    return blocks


def _mentions(text: str, lines: tuple[str, ...]) -> bool:
    return all(line in text for line in lines)


def layout_note(job: NoteJob, prepared: PreparedText | None = None) -> SheetLayout:
    """The card or letter page of ``job``, fitted to its writable area; ``prepared``: the
    paragraphs a preview kept from its earlier layouts of the note."""
    paper = note_paper(job.paper)
    page = paper.kind is PaperKind.PAGE
    sheet = note_sheet(paper, folded=job.folded, landscape=job.landscape, margin_mm=job.margin_mm)
    hand = Hand(handwriting_family(job.font), job.neatness, job.seed)
    blocks = note_blocks(job, page=page)
    frame = layout_frame(
        blocks,
        hand,
        sheet.writable,
        PAGE_SIZES if page else CARD_SIZES,
        top_bias=0.0 if page else 0.3,
        prepared=prepared,
    )
    return SheetLayout(
        paper,
        sheet.width_pt,
        sheet.height_pt,
        frame.fonts,
        frame.marks,
        ink_colour(job.ink),
        frame.overflow,
        frame.x_height,
        job.label,
    )


def layout_envelope(job: NoteJob, *, envelope: str = "", plain: bool = False) -> SheetLayout:
    """The envelope for ``job``: return address top left, recipient right of centre.

    Raises MissingAddressError when either address is unknown: an envelope is never printed
    with an empty address.
    """
    if not job.recipient_address:
        raise MissingAddressError("recipient", job.recipient_name or job.label)
    if not job.return_address:
        raise MissingAddressError("return")
    key = envelope or job.envelope
    if key == NO_ENVELOPE:
        key = ""  # asked for all the same: the envelope that fits
    paper = envelope_paper(key) if key else envelope_for(job.paper)
    sheet = envelope_sheet(paper)
    area = sheet.writable
    family = plain_family() if plain else handwriting_family(job.font)
    hand = Hand(family, job.neatness, job.seed + 7919, plain=plain)
    return_frame = Rect(area.x, area.y, area.width * 0.5, area.height * 0.4)
    back = layout_frame(
        [TextBlock("\n".join(job.return_address), BlockStyle(pitch=0.95), "return")],
        hand,
        return_frame,
        RETURN_SIZES,
    )
    recipient_frame = Rect(
        area.x + area.width * 0.36,
        area.y + area.height * 0.4,
        area.width * 0.62,
        area.height * 0.6,
    )
    front = layout_frame(
        [TextBlock("\n".join(job.recipient_address), BlockStyle(pitch=1.0), "recipient")],
        hand,
        recipient_frame,
        RECIPIENT_SIZES,
        top_bias=0.4,
        font_offset=len(back.fonts),
    )
    overflow = front.overflow or back.overflow
    return SheetLayout(
        paper,
        sheet.width_pt,
        sheet.height_pt,
        back.fonts + front.fonts,
        back.marks + front.marks,
        ink_colour("black" if plain else job.ink),
        overflow,
        front.x_height,
        f"envelope {paper.key}" + (f" · {job.label}" if job.label else ""),
    )
