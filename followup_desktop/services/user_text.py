"""User text inside the app's own sentences: kept from reordering them, and cut to a size."""

from __future__ import annotations

import re

#: Right-to-left embeddings and overrides, each closed by POP DIRECTIONAL FORMATTING.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_POP_EMBEDDING = "\u202c"
#: Left-to-right, right-to-left and first-strong isolates, each closed by POP DIRECTIONAL
#: ISOLATE.
_ISOLATES = frozenset("\u2066\u2067\u2068")
FIRST_STRONG_ISOLATE = "\u2068"
POP_ISOLATE = "\u2069"
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Characters that can reorder the text around them: right-to-left letters and Arabic digits
#: (Unicode bidirectional classes R, AL and AN), the right-to-left and Arabic letter marks, and
#: the explicit embeddings, overrides and isolates. Text without any is shown as it is.
_REORDERING = re.compile(
    "[\u0590-\u08ff\u200f\u061c\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
#: Paragraph separators (bidirectional class B): each ends every embedding and isolate, so
#: each paragraph of a text is balanced and isolated on its own.
_PARAGRAPHS = re.compile("([\n\r\x1c-\x1e\x85\u2029])")
ELLIPSIS = "…"
ZERO_WIDTH_SPACE = "\u200b"
#: ``breakable`` lets a label wrap a run without spaces after this many characters.
_BREAK_EVERY = 30
_UNBROKEN = re.compile(rf"\S{{{_BREAK_EVERY + 1},}}")
#: Characters of one line of user text handed to Qt to lay out: wider than any screen (a
#: character is at least two pixels wide, marks and joiners aside), laid out in about a
#: millisecond. Qt lays a line out whole before shortening it, so a megabyte took minutes.
LINE_LIMIT = 2_000
#: Characters of one piece of user text that a sentence of the app holds: more than a list
#: line or a tooltip shows (a tooltip shows a 10,000-character name whole), and little enough
#: to look through for direction marks at once (a megabyte took 15 ms, on every repaint).
SHOWN_LIMIT = 12_000


def needs_isolation(text: str) -> bool:
    """Whether ``text`` holds anything that could reorder the app's text beside it."""
    return _REORDERING.search(text) is not None


def balanced(text: str) -> str:
    """``text`` with its directional formatting kept to itself.

    A closing mark with nothing to close is dropped (it would close the app's own isolate), and
    every embedding, override or isolate still open at the end of a paragraph is closed there.
    """
    if _CONTROLS.search(text) is None:
        return text
    return "".join(_balanced_paragraph(part) for part in _PARAGRAPHS.split(text))


def _balanced_paragraph(text: str) -> str:
    opened: list[str] = []
    pieces: list[str] = []
    start = 0
    for found in _CONTROLS.finditer(text):
        mark = found.group()
        keep = True
        if mark in _EMBEDDINGS or mark in _ISOLATES:
            opened.append(mark)
        elif mark == _POP_EMBEDDING:
            # Closes the innermost embedding, never across an isolate.
            if opened and opened[-1] in _EMBEDDINGS:
                opened.pop()
            else:
                keep = False
        elif any(m in _ISOLATES for m in opened):
            # Closes the innermost isolate and the embeddings opened inside it.
            while opened.pop() not in _ISOLATES:
                pass
        else:
            keep = False
        if not keep:
            pieces.append(text[start : found.start()])
            start = found.end()
    pieces.append(text[start:])
    pieces.extend(POP_ISOLATE if mark in _ISOLATES else _POP_EMBEDDING for mark in opened[::-1])
    return "".join(pieces)


def isolated(text: str) -> str:
    """``text`` ready to stand inside the app's own sentence without reordering it.

    Text that could reorder its surroundings (right-to-left letters, directional marks and
    overrides) is balanced and set in a first-strong isolate (U+2068 … U+2069), paragraph by
    paragraph; any other text is returned unchanged. Text longer than ``SHOWN_LIMIT`` is cut
    there first (with "…"): no sentence of the app shows more of it.
    """
    text = shortened(text, SHOWN_LIMIT)
    if not needs_isolation(text):
        return text
    return "".join(
        f"{FIRST_STRONG_ISOLATE}{_balanced_paragraph(part)}{POP_ISOLATE}"
        if index % 2 == 0 and needs_isolation(part)
        else part
        for index, part in enumerate(_PARAGRAPHS.split(text))
    )


def breakable(text: str) -> str:
    """``text`` with a zero-width space in every 30 characters of a run without spaces, so that
    a label that wraps at word boundaries wraps it too (for text that is only shown)."""
    return _UNBROKEN.sub(lambda run: ZERO_WIDTH_SPACE.join(_chunks(run.group())), text)


def _chunks(text: str) -> list[str]:
    return [text[start : start + _BREAK_EVERY] for start in range(0, len(text), _BREAK_EVERY)]


def shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` and an ellipsis when it is longer, balanced."""
    if len(text) <= limit:
        return text
    return balanced(text[: max(0, limit - 1)]) + ELLIPSIS
