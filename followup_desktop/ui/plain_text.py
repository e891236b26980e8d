"""Show the user's own text literally, and only as much of it as Qt can lay out at once.

Qt lays out a line whole before it can shorten it with "…" (about half a microsecond per
character, and far more for a line it must break inside a word), so a line of a megabyte froze
the window for minutes. Every list row, label and tooltip showing user text goes through here
and gets at most ``LINE_LIMIT`` characters a line; what is cut ends in "…" and the stored text is
never touched.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt

from followup_desktop.services.user_text import ELLIPSIS, LINE_LIMIT, SHOWN_LIMIT, shortened

__all__ = ["LINE_LIMIT", "TOOLTIP_LIMIT", "plain_tooltip", "shown_line", "shown_lines"]

#: Characters a tooltip shows at most: a 10,000-character name whole, and no more than a
#: screenful of lines.
TOOLTIP_LIMIT = SHOWN_LIMIT
TOOLTIP_LINES = 40
#: Tooltips longer than this are wrapped (Qt leaves a plain tooltip on one line).
_WRAP_AFTER = 100


def shown_line(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters (with "…"), its directional marks kept to it."""
    return shortened(text, limit)


def shown_lines(text: str, *, max_lines: int = 0, line_limit: int = LINE_LIMIT) -> str:
    """Each line of ``text`` cut to ``line_limit`` characters, and at most ``max_lines`` lines
    (all when 0), the last one ending in "…" when lines were left out."""
    lines = text.split("\n", max_lines) if max_lines else text.split("\n")
    cut = len(lines) > max_lines > 0
    shown = [shortened(line, line_limit) for line in lines[: max_lines or None]]
    if cut and not shown[-1].endswith(ELLIPSIS):
        shown[-1] += ELLIPSIS
    return "\n".join(shown)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed, wrapped, and no longer than a screenful.

    Qt renders any tooltip that looks like HTML as rich text, so a contact named
    ``<b>Ann</b>`` would turn bold (and ``<img>`` would try to load a file). Such text, and
    long text (which Qt would leave on one line wider than the screen), is escaped and wrapped
    so that it shows literally, line breaks included.
    """
    text = shown_lines(
        shortened(text, TOOLTIP_LIMIT), max_lines=TOOLTIP_LINES, line_limit=TOOLTIP_LIMIT
    )
    if len(text) <= _WRAP_AFTER and not Qt.mightBeRichText(text):
        return text
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"
