"""Show the user's own text literally where Qt would otherwise guess it is markup (tooltips)."""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed.

    Qt renders any tooltip that looks like HTML as rich text, so a contact named
    ``<b>Ann</b>`` would turn bold (and ``<img>`` would try to load a file). Such text is
    escaped and wrapped so that it shows literally, line breaks included.
    """
    if not Qt.mightBeRichText(text):
        return text
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"
