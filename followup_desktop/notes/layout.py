"""Lay text out as a hand would: words wrapped into a frame, each glyph placed with variation.

The layout is computed once, in points on the sheet, and is independent of the device: the
preview, the printer and the PDF all draw the same list of glyph marks. The variation (baseline
wander, slight rotation and size changes, uneven spacing, drifting lines) comes from seeded noise,
so the same text, seed and settings always give the same note.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

from followup_desktop.notes.fonts import JOINED_SCRIPTS, FontMetricsCache, metrics_for
from followup_desktop.notes.paper import Rect
from followup_desktop.notes.variation import Channel, lane, next_bits, noise, noise_bits

#: Baseline-to-baseline distance in x-heights, about a ruled line for this size of writing.
LINE_PITCH = 3.1
#: How far above the first baseline the tallest letters reach, and below the last one.
ASCENT = 2.3
DESCENT = 1.2
_FIT_STEPS = 7
_LANE = 2.0 / 4096
#: Prepared blocks by (text, index, hand): typing in one paragraph re-prepares only that one.
_PREPARED: dict[tuple[str, int, Hand], list[list[_Word]]] = {}
_PREPARED_LIMIT = 256


@dataclass(frozen=True)
class Hand:
    """How the text is written: the font, how neat the hand is, and the seed of its variation."""

    family: str
    neatness: float = 0.5
    seed: int = 1
    #: A plain hand draws every glyph straight (printed addresses).
    plain: bool = False

    @property
    def looseness(self) -> float:
        """0 for a plain hand; from 0.25 (tidy) to 1.75 (loose) for handwriting."""
        if self.plain:
            return 0.0
        neatness = min(1.0, max(0.0, self.neatness))
        return 0.25 + 1.5 * (1.0 - neatness)


@dataclass(frozen=True)
class BlockStyle:
    """Where and how big one block is written, relative to the frame's body text."""

    size: float = 1.0
    #: Fraction of the frame width where the block's lines start.
    indent: float = 0.0
    #: Space before the block, in body line pitches.
    gap_before: float = 0.0
    #: Lines of one block are closer together when it is an address or a contact block.
    pitch: float = 1.0


@dataclass(frozen=True)
class TextBlock:
    text: str
    style: BlockStyle = field(default_factory=BlockStyle)
    role: str = "body"


@dataclass(frozen=True)
class SizeRange:
    """The x-height the writing may take, in points; the largest that fits is chosen."""

    smallest: float
    largest: float


@dataclass(frozen=True)
class FontUse:
    family: str
    pixel_size: float


class GlyphMark(NamedTuple):
    """One glyph as drawn: its baseline origin on the sheet (points), turn, scale and shade."""

    font: int
    glyph: int
    x: float
    y: float
    angle: float
    scale: float
    #: 0 for full ink, up to about 0.2 where the pen pressed lightly.
    shade: float
    char: str


@dataclass(frozen=True)
class Overflow:
    """What did not fit even at the smallest size: it is reported, never silently dropped."""

    lines: int
    words: int

    def describe(self) -> str:
        plural = "s" if self.words != 1 else ""
        return f"{self.words} word{plural} ({self.lines} line(s)) do not fit"


@dataclass
class FrameLayout:
    marks: list[GlyphMark]
    fonts: list[FontUse]
    x_height: float
    overflow: Overflow | None
    height_used: float


class _Glyph(NamedTuple):
    slot: int
    glyph: int
    advance: float  # ems, including scale and spacing variation
    scale: float
    angle: float
    dy: float  # ems
    shade: float
    char: str


class _Word(NamedTuple):
    glyphs: tuple[_Glyph, ...]
    width: float  # ems
    gap: float  # ems of space after the word
    dy: float  # ems


@dataclass
class _Line:
    block: int
    index_in_block: int
    words: list[_Word]
    first_in_block: bool


class FrameText:
    """Text blocks prepared once for a hand (glyphs and variation), ready to fit at any size."""

    def __init__(self, blocks: list[TextBlock], hand: Hand) -> None:
        self.blocks = blocks
        self.hand = hand
        self.metrics: FontMetricsCache = metrics_for(hand.family)
        self._lines_by_block = [self._prepare_block(i, b) for i, b in enumerate(blocks)]

    def _prepare_block(self, block_index: int, block: TextBlock) -> list[list[_Word]]:
        key = (block.text, block_index, self.hand)
        cached = _PREPARED.get(key)
        if cached is not None:
            return cached
        prepared = self._prepare_uncached(block_index, block)
        if len(_PREPARED) >= _PREPARED_LIMIT:
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = prepared
        return prepared

    def _prepare_uncached(self, block_index: int, block: TextBlock) -> list[list[_Word]]:
        loose = self.hand.looseness
        joined = JOINED_SCRIPTS.get(self.hand.family, 1.0)
        seed = self.hand.seed
        metrics = self.metrics
        scale_amount = 0.045 * loose
        spacing_amount = 0.028 * loose * joined
        angle_amount = 2.2 * loose * joined
        rise_amount = 0.035 * loose * joined
        shade_amount = 0.09 * min(loose, 1.0)
        lines: list[list[_Word]] = []
        offset = 0
        block_state = noise_bits(seed, block_index)
        for hard_line in block.text.split("\n"):
            words: list[_Word] = []
            for raw_word in hard_line.split():
                glyphs: list[_Glyph] = []
                width = 0.0
                for char in raw_word:
                    offset += 1
                    # One hash per character gives its five independent variations.
                    bits = next_bits(block_state, offset)
                    # Five 12-bit lanes of the hash, each a value in [-1, 1) (see ``lane``).
                    v0 = (bits & 0xFFF) * _LANE - 1.0
                    v1 = ((bits >> 12) & 0xFFF) * _LANE - 1.0
                    v2 = ((bits >> 24) & 0xFFF) * _LANE - 1.0
                    v3 = ((bits >> 36) & 0xFFF) * _LANE - 1.0
                    v4 = ((bits >> 48) & 0xFFF) * _LANE - 1.0
                    scale = 1.0 + scale_amount * v0
                    for metric in metrics.glyphs_for(char):
                        advance = metric.advance_em * scale + spacing_amount * v1
                        glyphs.append(
                            _Glyph(
                                metric.font_slot,
                                metric.glyph,
                                advance,
                                scale,
                                angle_amount * v2,
                                rise_amount * v3,
                                shade_amount * (1 + v4),
                                char,
                            )
                        )
                        width += advance
                offset += 1
                bits = next_bits(block_state, offset | (Channel.WORD_GAP << 40))
                gap = metrics.space_em * (1.0 + 0.35 * loose * lane(bits, 0))
                dy = 0.05 * loose * lane(bits, 1)
                words.append(_Word(tuple(glyphs), width, gap, dy))
            lines.append(words)
        return lines

    # --- fitting -------------------------------------------------------------------------

    def _px_for(self, x_height: float) -> float:
        return x_height / self.metrics.x_height_em

    def wrap(self, x_height: float, frame: Rect) -> list[_Line]:
        px = self._px_for(x_height)
        lines: list[_Line] = []
        for block_index, hard_lines in enumerate(self._lines_by_block):
            style = self.blocks[block_index].style
            size_px = px * style.size
            # Leave room for the start-of-line jitter and a ragged right edge.
            limit = frame.width * (1.0 - style.indent) - x_height * 0.6
            first = True
            count = 0
            for words in hard_lines:
                current: list[_Word] = []
                used = 0.0
                for word in words:
                    width = word.width * size_px
                    if current and used + width > limit:
                        lines.append(_Line(block_index, count, current, first))
                        first, count = False, count + 1
                        current, used = [], 0.0
                    current.append(word)
                    used += width + word.gap * size_px
                lines.append(_Line(block_index, count, current, first))
                first, count = False, count + 1
        return lines

    def _line_pitch(self, x_height: float, line: _Line) -> float:
        style = self.blocks[line.block].style
        return LINE_PITCH * x_height * style.size * style.pitch

    def baselines(self, x_height: float, lines: list[_Line]) -> tuple[list[float], float]:
        """Baseline of each line from the frame's top, and the total height the text needs."""
        positions: list[float] = []
        y = 0.0
        for index, line in enumerate(lines):
            style = self.blocks[line.block].style
            if index == 0:
                y = ASCENT * x_height * style.size
            else:
                y += self._line_pitch(x_height, line)
                if line.first_in_block:
                    y += style.gap_before * LINE_PITCH * x_height
            positions.append(y)
        if not lines:
            return positions, 0.0
        last_size = self.blocks[lines[-1].block].style.size
        return positions, y + DESCENT * x_height * last_size

    def fit(self, frame: Rect, sizes: SizeRange) -> tuple[float, list[_Line], bool]:
        """The largest x-height in range at which the text fits the frame (and whether it did)."""

        def height_at(x_height: float) -> tuple[float, list[_Line]]:
            lines = self.wrap(x_height, frame)
            return self.baselines(x_height, lines)[1], lines

        needed, lines = height_at(sizes.largest)
        if needed <= frame.height:
            return sizes.largest, lines, True
        needed, lines = height_at(sizes.smallest)
        if needed > frame.height:
            return sizes.smallest, lines, False
        low, high, best = sizes.smallest, sizes.largest, lines
        for _ in range(_FIT_STEPS):
            middle = (low + high) / 2
            needed, lines = height_at(middle)
            if needed <= frame.height:
                low, best = middle, lines
            else:
                high = middle
        return low, best, True

    # --- placing -------------------------------------------------------------------------

    def place(
        self, frame: Rect, sizes: SizeRange, *, top_bias: float = 0.0, font_offset: int = 0
    ) -> FrameLayout:
        """Fit the text and place every glyph; lines past the frame's bottom are reported."""
        x_height, lines, _fits = self.fit(frame, sizes)
        baselines, needed = self.baselines(x_height, lines)
        spare = max(0.0, frame.height - needed)
        top = frame.y + spare * top_bias
        px = self._px_for(x_height)
        loose = self.hand.looseness
        seed = self.hand.seed
        fonts: list[FontUse] = []
        font_index: dict[tuple[int, float], int] = {}
        marks: list[GlyphMark] = []
        families = self.metrics.slot_families
        bottom_limit = frame.bottom + x_height * 0.25
        kept = len(lines)
        for line_number, (line, baseline) in enumerate(zip(lines, baselines, strict=True)):
            style = self.blocks[line.block].style
            size_px = px * style.size
            if top + baseline + DESCENT * x_height * style.size > bottom_limit:
                kept = line_number
                break
            key = (line.block, line.index_in_block)
            x0 = frame.x + style.indent * frame.width
            x0 += 0.3 * x_height * loose * (noise(seed, *key, Channel.LINE_X) + 0.4)
            slope = 0.011 * loose * noise(seed, *key, Channel.LINE_SLOPE)
            wavelength = x_height * (16.0 + 6.0 * noise(seed, *key, Channel.LINE_WAVELENGTH))
            phase = math.pi * noise(seed, *key, Channel.LINE_PHASE)
            amplitude = 0.09 * x_height * loose
            y0 = top + baseline + 0.08 * x_height * loose * noise(seed, *key, Channel.LINE_Y)
            slope_degrees = math.degrees(slope)
            line_fonts: dict[int, int] = {}
            x = x0
            for word in line.words:
                word_dy = word.dy * size_px
                for glyph in word.glyphs:
                    run = x - x0
                    y = (
                        y0
                        + slope * run
                        + amplitude * math.sin(2 * math.pi * run / wavelength + phase)
                        + glyph.dy * size_px
                        + word_dy
                    )
                    index = line_fonts.get(glyph.slot)
                    if index is None:
                        font_key = (glyph.slot, round(size_px, 3))
                        index = font_index.get(font_key)
                        if index is None:
                            index = font_offset + len(fonts)
                            font_index[font_key] = index
                            fonts.append(FontUse(families[glyph.slot], font_key[1]))
                        line_fonts[glyph.slot] = index
                    marks.append(
                        GlyphMark(
                            index,
                            glyph.glyph,
                            x,
                            y,
                            glyph.angle + slope_degrees,
                            glyph.scale,
                            glyph.shade,
                            glyph.char,
                        )
                    )
                    x += glyph.advance * size_px
                x += word.gap * size_px
        overflow = None
        if kept < len(lines):
            words = sum(len(line.words) for line in lines[kept:])
            overflow = Overflow(lines=len(lines) - kept, words=words)
        return FrameLayout(marks, fonts, x_height, overflow, needed)


def layout_frame(
    blocks: list[TextBlock],
    hand: Hand,
    frame: Rect,
    sizes: SizeRange,
    *,
    top_bias: float = 0.0,
    font_offset: int = 0,
) -> FrameLayout:
    """Fit ``blocks`` into ``frame`` in ``hand`` and place every glyph."""
    return FrameText(blocks, hand).place(frame, sizes, top_bias=top_bias, font_offset=font_offset)
