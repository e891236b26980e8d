"""Lay text out as a hand would: words wrapped into a frame, each glyph placed with variation.

The layout is computed once, in points on the sheet, and is independent of the device: the
preview, the printer and the PDF all draw the same list of glyph marks. The variation (baseline
wander, slight rotation and size changes, uneven spacing, drifting lines) comes from seeded noise,
so the same text, seed and settings always give the same note.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from followup_desktop.notes.compose import letter_clusters
from followup_desktop.notes.fonts import JOINED_SCRIPTS
from followup_desktop.notes.letters import FontMetricsCache, Letter, metrics_for
from followup_desktop.notes.paper import Rect
from followup_desktop.notes.variation import (
    MASK64,
    SPLITMIX_1,
    SPLITMIX_2,
    SPLITMIX_GOLDEN,
    Channel,
    lane,
    next_bits,
    noise_after,
    noise_bits,
)
from followup_desktop.services.wording import counted

#: Baseline-to-baseline distance in x-heights, about a ruled line for this size of writing.
LINE_PITCH = 3.1
#: How far above the first baseline the tallest letters reach, and below the last one.
ASCENT = 2.3
DESCENT = 1.2
_FIT_STEPS = 7
_LANE = 2.0 / 4096


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
        return f"{self.words} word{plural} ({counted(self.lines, 'line')}) do not fit"


@dataclass
class FrameLayout:
    marks: list[GlyphMark]
    fonts: list[FontUse]
    x_height: float
    overflow: Overflow | None
    height_used: float


#: One prepared glyph: (font slot, glyph index, advance in ems including scale and spacing
#: variation, scale (negative: mirrored), angle, rise in ems, shade, character, offset from the
#: pen in ems). The offset is 0 but for the accents and strokes of a letter put together from
#: several glyphs, which carry no character of their own. A plain tuple, not a NamedTuple:
#: hundreds are made per note and a NamedTuple costs several times more to build.
_Glyph = tuple[int, int, float, float, float, float, float, str, float]
#: How a letter is drawn: (slot, glyph, advance in ems) for one glyph at the pen, or a Letter.
_TableEntry = tuple[int, int, float] | Letter

#: Building a GlyphMark through tuple.__new__ skips the NamedTuple's Python-level __new__.
_new_mark = tuple.__new__


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


#: Blocks written right of centre under the letter: a name in them is never broken.
SIGN_OFF_ROLES = frozenset({"closing", "signature"})


def _line_em(words: list[_Word]) -> float:
    """Width of a hard line written on one line, in ems."""
    if not words:
        return 0.0
    return sum(word.width + word.gap for word in words[:-1]) + words[-1].width


def _table_entry(letter: Letter) -> _TableEntry:
    if not letter.pieces and letter.glyph:
        return (letter.font_slot, letter.glyph, letter.advance_em)
    return letter


def _append_pieces(
    glyphs: list[_Glyph],
    letter: Letter,
    variation: tuple[float, float, float, float, float],
    bits: int,
    loose: float,
) -> float:
    """Add the glyphs of a letter made of pieces (an accent over its base, a borrowed glyph at
    another size); return its advance in ems.

    The letter's variation turns and sizes the whole letter about its pen position, so each
    accent follows its base; each accent then gets a little variation of its own, as a pen
    lifted and put down again would give it.
    """
    if not letter.pieces:
        return 0.0  # drawn as nothing (a soft hyphen, a zero-width space)
    scale, spacing, angle, rise, shade = variation
    advance = letter.advance_em * scale + spacing
    turn = math.radians(angle)
    cos_a, sin_a = math.cos(turn), math.sin(turn)
    for index, piece in enumerate(letter.pieces):
        own_scale, own_angle, jitter_x, jitter_y, own_shade = 1.0, 0.0, 0.0, 0.0, shade
        if index:
            piece_bits = next_bits(bits, index)
            own_scale += 0.045 * loose * lane(piece_bits, 0)
            own_angle = 3.0 * loose * lane(piece_bits, 1)
            jitter_x = 0.025 * loose * lane(piece_bits, 2)
            jitter_y = 0.02 * loose * lane(piece_bits, 3)
            own_shade = 0.09 * min(loose, 1.0) * (1 + lane(piece_bits, 4))
        # Where the piece's ink centre lands once the letter is turned and sized.
        at_x = scale * (cos_a * piece.at_x - sin_a * piece.at_y) + jitter_x
        at_y = scale * (sin_a * piece.at_x + cos_a * piece.at_y) + jitter_y
        piece_angle = angle + piece.turn + own_angle
        size = scale * own_scale * piece.scale
        piece_turn = math.radians(piece_angle)
        cos_p, sin_p = math.cos(piece_turn), math.sin(piece_turn)
        pivot_x = -piece.pivot_x if size < 0 else piece.pivot_x
        length = abs(size)
        origin_x = at_x - length * (cos_p * pivot_x - sin_p * piece.pivot_y)
        origin_y = at_y - length * (sin_p * pivot_x + cos_p * piece.pivot_y)
        glyphs.append(
            (
                piece.font_slot,
                piece.glyph,
                advance if index == 0 else 0.0,
                size,
                piece_angle,
                rise + origin_y,
                own_shade,
                letter.text if index == 0 else "",
                origin_x - (advance if index else 0.0),
            )
        )
    return advance


class PreparedText:
    """Paragraphs already prepared, kept by whoever lays the same note out again and again
    (the composer's preview): typing in one paragraph re-prepares only that one."""

    LIMIT = 256

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, int, Hand], list[list[_Word]]] = {}

    def get(self, key: tuple[str, int, Hand]) -> list[list[_Word]] | None:
        return self._blocks.get(key)

    def keep(self, key: tuple[str, int, Hand], prepared: list[list[_Word]]) -> None:
        if len(self._blocks) >= self.LIMIT:
            self._blocks.pop(next(iter(self._blocks)), None)
        self._blocks[key] = prepared


class FrameText:
    """Text blocks prepared once for a hand (glyphs and variation), ready to fit at any size."""

    def __init__(
        self, blocks: list[TextBlock], hand: Hand, prepared: PreparedText | None = None
    ) -> None:
        self.blocks = blocks
        self.hand = hand
        self._prepared = prepared
        self.metrics: FontMetricsCache = metrics_for(hand.family)
        #: How each letter is drawn, looked up once per text.
        self._glyph_table: dict[str, _TableEntry] = {}
        self._lines_by_block = [self._prepare_block(i, b) for i, b in enumerate(blocks)]
        #: Widest hard line of each block, in ems (a name is never split over two lines).
        self._widest_em = [
            max((_line_em(words) for words in lines), default=0.0) for lines in self._lines_by_block
        ]
        self._sign_off = [b.role in SIGN_OFF_ROLES for b in blocks]

    def _prepare_block(self, block_index: int, block: TextBlock) -> list[list[_Word]]:
        if self._prepared is None:
            return self._prepare_uncached(block_index, block)
        key = (block.text, block_index, self.hand)
        found = self._prepared.get(key)
        if found is None:
            found = self._prepare_uncached(block_index, block)
            self._prepared.keep(key, found)
        return found

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
        table = self._glyph_table
        # Locals, not module globals, in the loop that runs for every character.
        golden, mix_1, mix_2, mask, unit = SPLITMIX_GOLDEN, SPLITMIX_1, SPLITMIX_2, MASK64, _LANE
        lines: list[list[_Word]] = []
        offset = 0
        block_state = noise_bits(seed, block_index)
        text = block.text
        if not text.isascii():
            # "e" + combining acute typed or pasted is the same letter as "é".
            text = unicodedata.normalize("NFC", text)
        for hard_line in text.split("\n"):
            words: list[_Word] = []
            for raw_word in hard_line.split():
                glyphs: list[_Glyph] = []
                width = 0.0
                # A letter is a character with any accents that did not combine into it.
                for char in raw_word if raw_word.isascii() else letter_clusters(raw_word):
                    offset += 1
                    # One hash per character gives its five independent variations
                    # (``next_bits`` written out: this loop runs for every character).
                    bits = ((block_state ^ offset) + golden) & mask
                    bits = ((bits ^ (bits >> 30)) * mix_1) & mask
                    bits = ((bits ^ (bits >> 27)) * mix_2) & mask
                    bits ^= bits >> 31
                    # Five 12-bit lanes of the hash, each a value in [-1, 1) (see ``lane``).
                    scale = 1.0 + scale_amount * ((bits & 0xFFF) * unit - 1.0)
                    spacing = spacing_amount * (((bits >> 12) & 0xFFF) * unit - 1.0)
                    angle = angle_amount * (((bits >> 24) & 0xFFF) * unit - 1.0)
                    rise = rise_amount * (((bits >> 36) & 0xFFF) * unit - 1.0)
                    shade = shade_amount * (1 + (((bits >> 48) & 0xFFF) * unit - 1.0))
                    found = table.get(char)
                    if found is None:
                        found = table[char] = _table_entry(metrics.letter(char))
                    if isinstance(found, tuple):
                        slot, glyph, advance_em = found
                        advance = advance_em * scale + spacing
                        glyphs.append((slot, glyph, advance, scale, angle, rise, shade, char, 0.0))
                        width += advance
                    else:
                        width += _append_pieces(
                            glyphs,
                            found,
                            (scale, spacing, angle, rise, shade),
                            next_bits(block_state, offset | (Channel.PIECE << 40)),
                            loose,
                        )
                offset += 1
                bits = next_bits(block_state, offset | (Channel.WORD_GAP << 40))
                gap = metrics.space_em * (1.0 + 0.35 * loose * lane(bits, 0))
                dy = 0.05 * loose * lane(bits, 1)
                words.append(_Word(tuple(glyphs), width, gap, dy))
            lines.append(words)
        return lines

    # --- fitting -------------------------------------------------------------------------

    def _indents(self, px: float, x_height: float, frame: Rect) -> list[float]:
        """Where each block starts, as a fraction of the frame width.

        The closing and signature sit right of centre, like a signed card; when the widest of
        their lines would not fit there, they all move left together just enough, so that a
        name is never broken over two lines (and they stay aligned with each other).
        """
        indents = [block.style.indent for block in self.blocks]
        shift = 0.0
        for index, block in enumerate(self.blocks):
            if not self._sign_off[index] or frame.width <= 0:
                continue
            # As ``wrap`` measures it, plus a hair so that rounding never breaks the line.
            need = self._widest_em[index] * px * block.style.size + x_height * 0.6 + 0.5
            room = frame.width * (1.0 - block.style.indent)
            if need > room:
                shift = max(shift, (need - room) / frame.width)
        if shift:
            for index, block in enumerate(self.blocks):
                if self._sign_off[index]:
                    indents[index] = max(0.0, block.style.indent - shift)
        return indents

    def _px_for(self, x_height: float) -> float:
        return x_height / self.metrics.x_height_em

    def wrap(self, x_height: float, frame: Rect) -> list[_Line]:
        px = self._px_for(x_height)
        indents = self._indents(px, x_height, frame)
        lines: list[_Line] = []
        for block_index, hard_lines in enumerate(self._lines_by_block):
            style = self.blocks[block_index].style
            size_px = px * style.size
            # Leave room for the start-of-line jitter and a ragged right edge.
            limit = frame.width * (1.0 - indents[block_index]) - x_height * 0.6
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

    def height_at(self, x_height: float, frame: Rect) -> float:
        """The height the text needs at ``x_height``: ``wrap`` and ``baselines`` in one pass
        that builds no lines, for the size search (the same sums in the same order)."""
        px = self._px_for(x_height)
        indents = self._indents(px, x_height, frame)
        y = 0.0
        started = False
        last_size = 1.0
        for block_index, hard_lines in enumerate(self._lines_by_block):
            style = self.blocks[block_index].style
            size_px = px * style.size
            limit = frame.width * (1.0 - indents[block_index]) - x_height * 0.6
            pitch = LINE_PITCH * x_height * style.size * style.pitch
            gap = style.gap_before * LINE_PITCH * x_height
            first = True
            for words in hard_lines:
                count = 1
                used = 0.0
                empty = True
                for word in words:
                    width = word.width * size_px
                    if not empty and used + width > limit:
                        count += 1
                        used = 0.0
                    empty = False
                    used += width + word.gap * size_px
                for _ in range(count):
                    if not started:
                        y = ASCENT * x_height * style.size
                        started = True
                    else:
                        y += pitch
                        if first:
                            y += gap
                    first = False
            last_size = style.size
        if not started:
            return 0.0
        return y + DESCENT * x_height * last_size

    def fit(self, frame: Rect, sizes: SizeRange) -> tuple[float, list[_Line], bool]:
        """The largest x-height in range at which the text fits the frame (and whether it did)."""
        if self.height_at(sizes.largest, frame) <= frame.height:
            return sizes.largest, self.wrap(sizes.largest, frame), True
        if self.height_at(sizes.smallest, frame) > frame.height:
            return sizes.smallest, self.wrap(sizes.smallest, frame), False
        low, high = sizes.smallest, sizes.largest
        for _ in range(_FIT_STEPS):
            middle = (low + high) / 2
            if self.height_at(middle, frame) <= frame.height:
                low = middle
            else:
                high = middle
        return low, self.wrap(low, frame), True

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
        indents = self._indents(px, x_height, frame)
        loose = self.hand.looseness
        seed = self.hand.seed
        fonts: list[FontUse] = []
        font_index: dict[tuple[int, float], int] = {}
        marks: list[GlyphMark] = []
        families = self.metrics.slot_families
        bottom_limit = frame.bottom + x_height * 0.25
        kept = len(lines)
        append, new_mark, sin, two_pi = marks.append, _new_mark, math.sin, 2 * math.pi
        mark_type = GlyphMark
        for line_number, (line, baseline) in enumerate(zip(lines, baselines, strict=True)):
            style = self.blocks[line.block].style
            size_px = px * style.size
            if top + baseline + DESCENT * x_height * style.size > bottom_limit:
                kept = line_number
                break
            # The line's five variations share the hashing of (seed, block, line).
            line_state = noise_bits(seed, line.block, line.index_in_block)
            x0 = frame.x + indents[line.block] * frame.width
            x0 += 0.3 * x_height * loose * (noise_after(line_state, Channel.LINE_X) + 0.4)
            slope = 0.011 * loose * noise_after(line_state, Channel.LINE_SLOPE)
            wavelength = x_height * (16.0 + 6.0 * noise_after(line_state, Channel.LINE_WAVELENGTH))
            phase = math.pi * noise_after(line_state, Channel.LINE_PHASE)
            amplitude = 0.09 * x_height * loose
            y0 = top + baseline + 0.08 * x_height * loose * noise_after(line_state, Channel.LINE_Y)
            slope_degrees = math.degrees(slope)
            # Font index per slot for this line (the hand, other hands, the plain font).
            line_fonts: list[int | None] = [None] * len(families)
            x = x0
            for word in line.words:
                word_dy = word.dy * size_px
                for slot, glyph, advance, scale, angle, rise, shade, char, dx in word.glyphs:
                    gx = x + dx * size_px
                    run = gx - x0
                    y = (
                        y0
                        + slope * run
                        + amplitude * sin(two_pi * run / wavelength + phase)
                        + rise * size_px
                        + word_dy
                    )
                    index = line_fonts[slot]
                    if index is None:
                        font_key = (slot, round(size_px, 3))
                        index = font_index.get(font_key)
                        if index is None:
                            index = font_offset + len(fonts)
                            font_index[font_key] = index
                            fonts.append(FontUse(families[slot], font_key[1]))
                        line_fonts[slot] = index
                    append(
                        new_mark(
                            mark_type,
                            (index, glyph, gx, y, angle + slope_degrees, scale, shade, char),
                        )
                    )
                    x += advance * size_px
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
    prepared: PreparedText | None = None,
) -> FrameLayout:
    """Fit ``blocks`` into ``frame`` in ``hand`` and place every glyph; ``prepared``: the
    caller's paragraphs from earlier layouts of the same note."""
    text = FrameText(blocks, hand, prepared)
    return text.place(frame, sizes, top_bias=top_bias, font_offset=font_offset)
