"""What the Unicode bidirectional algorithm has open at a point of a text (rules X1 to X8)."""

from __future__ import annotations

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO
POP_EMBEDDING = "\u202c"  # PDF
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI
POP_ISOLATE = "\u2069"  # PDI
PARAGRAPH_SEPARATORS = "\n\r\x1c\x1d\x1e\x85\u2029"
#: Item views lay a row's lines out as one paragraph, broken with U+2028 (not a separator).
LINE_SEPARATOR = "\u2028"


def open_at(text: str, position: int) -> list[str]:
    """The embeddings, overrides and isolates still in force before ``text[position]``."""
    stack: list[str] = []
    for mark in text[:position]:
        if mark in PARAGRAPH_SEPARATORS:
            stack.clear()
        elif mark in EMBEDDINGS or mark in ISOLATES:
            stack.append(mark)
        elif mark == POP_EMBEDDING:
            # X7: closes an embedding, never an isolate; unmatched, it does nothing.
            if stack and stack[-1] in EMBEDDINGS:
                stack.pop()
        elif mark == POP_ISOLATE and any(m in ISOLATES for m in stack):
            # X6a: closes the innermost isolate and everything opened inside it.
            while stack.pop() not in ISOLATES:
                pass
    return stack


def leaks_into(text: str, app_text: str) -> list[str]:
    """What user text left open where the app's own ``app_text`` starts (its last occurrence)
    in the composed ``text``, as a row of an item view lays it out."""
    laid_out = text.replace("\n", LINE_SEPARATOR)
    position = laid_out.rindex(app_text.replace("\n", LINE_SEPARATOR))
    return open_at(laid_out, position)
