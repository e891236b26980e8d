"""Split a letter's text into the parts of a card: greeting, body, closing and signature."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_GREETING_WORDS = re.compile(
    r"^(dear|hi|hello|hey|good (morning|afternoon|evening)|greetings|to)\b", re.IGNORECASE
)
_MAX_GREETING = 60
_MAX_CLOSING = 40
_MAX_SIGNATURE_LINES = 5


@dataclass(frozen=True)
class NoteText:
    """The parts of a note; ``paragraphs`` keep the writer's own line breaks."""

    greeting: str = ""
    paragraphs: list[str] = field(default_factory=list)
    closing: str = ""
    signature: str = ""
    #: Lines under the signature (an e-mail address, a phone number).
    signature_extra: list[str] = field(default_factory=list)


def _is_greeting(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _MAX_GREETING:
        return False
    return line.endswith((",", "!", ":")) and (
        bool(_GREETING_WORDS.match(line)) or len(line.split()) <= 4
    )


def _is_closing(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= _MAX_CLOSING and line.endswith((",", "!"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each with trailing spaces removed."""
    blocks: list[list[str]] = [[]]
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(block) for block in blocks if block]


def parse_note_text(text: str) -> NoteText:
    """Find the greeting, closing and signature the way a reader of the card would."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return NoteText()
    greeting = ""
    first_lines = paragraphs[0].split("\n")
    if _is_greeting(first_lines[0]) and (len(paragraphs) > 1 or len(first_lines) > 1):
        greeting = first_lines[0]
        rest = "\n".join(first_lines[1:])
        paragraphs = ([rest] if rest else []) + paragraphs[1:]
    closing, signature, extra = "", "", []
    if paragraphs:
        last_lines = paragraphs[-1].split("\n")
        # "Warm regards,\nJordan" as one paragraph, or "Warm regards," then "Jordan" apart.
        if (
            len(last_lines) >= 2
            and len(last_lines) <= _MAX_SIGNATURE_LINES
            and _is_closing(last_lines[0])
        ):
            closing, signature, extra = last_lines[0], last_lines[1], last_lines[2:]
            paragraphs = paragraphs[:-1]
        elif (
            len(paragraphs) >= 2
            and len(last_lines) <= _MAX_SIGNATURE_LINES - 1
            and paragraphs[-2].count("\n") == 0
            and _is_closing(paragraphs[-2])
        ):
            closing, signature, extra = paragraphs[-2], last_lines[0], last_lines[1:]
            paragraphs = paragraphs[:-2]
    return NoteText(greeting, paragraphs, closing, signature, extra)
