"""Seeded, repeatable noise for the hand's natural variation: same seed and key, same value."""

from __future__ import annotations

MASK64 = _MASK = (1 << 64) - 1
_SCALE = 2.0 / float(1 << 53)
#: splitmix64's constants; the layout's per-character loop writes ``_mix`` out with them.
SPLITMIX_GOLDEN = 0x9E3779B97F4A7C15
SPLITMIX_1 = 0xBF58476D1CE4E5B9
SPLITMIX_2 = 0x94D049BB133111EB


def _mix(value: int) -> int:
    # splitmix64 finaliser: cheap, well spread, and identical on every platform and run
    # (Python's hash() of str is salted per process, so it cannot be used here).
    value = (value + SPLITMIX_GOLDEN) & _MASK
    value = ((value ^ (value >> 30)) * SPLITMIX_1) & _MASK
    value = ((value ^ (value >> 27)) * SPLITMIX_2) & _MASK
    return value ^ (value >> 31)


def noise(seed: int, *keys: int) -> float:
    """A value in [-1, 1) fixed by ``seed`` and ``keys``."""
    state = _mix(seed & _MASK)
    for key in keys:
        state = _mix(state ^ (key & _MASK))
    return (state >> 11) * _SCALE - 1.0


def noise_after(state: int, key: int) -> float:
    """``noise(seed, *keys, key)`` when ``state`` is ``noise_bits(seed, *keys)``: one step."""
    return (_mix(state ^ (key & _MASK)) >> 11) * _SCALE - 1.0


def noise_bits(seed: int, *keys: int) -> int:
    """64 well-mixed bits fixed by ``seed`` and ``keys``; ``lane`` splits them into values."""
    state = _mix(seed & _MASK)
    for key in keys:
        state = _mix(state ^ (key & _MASK))
    return state


def next_bits(state: int, key: int) -> int:
    """Bits for ``key`` under a state from ``noise_bits``: one mixing step instead of several."""
    return _mix(state ^ (key & _MASK))


_LANE_BITS = 12
_LANE_MASK = (1 << _LANE_BITS) - 1
_LANE_SCALE = 2.0 / (1 << _LANE_BITS)


def lane(bits: int, index: int) -> float:
    """The ``index``-th (0 to 4) value in [-1, 1) packed in ``bits``: five values for one hash."""
    return ((bits >> (_LANE_BITS * index)) & _LANE_MASK) * _LANE_SCALE - 1.0


class Channel:
    """Keys that keep the different kinds of variation independent of each other."""

    LINE_X = 1
    LINE_SLOPE = 2
    LINE_PHASE = 3
    LINE_WAVELENGTH = 4
    LINE_Y = 5
    GLYPH_Y = 11
    GLYPH_ANGLE = 12
    GLYPH_SCALE = 13
    GLYPH_SPACING = 14
    GLYPH_SHADE = 15
    WORD_GAP = 16
    #: The accents and strokes of a letter put together from several glyphs.
    PIECE = 17
