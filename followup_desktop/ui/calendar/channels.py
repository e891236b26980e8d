"""How channels look everywhere in the calendar: a symbol, a colour and a label."""

from __future__ import annotations

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS

CHANNEL_ORDER = ("call", "email", "note")
CHANNEL_SYMBOLS = {"call": "☎", "email": "✉", "note": "✎"}
#: Drag-and-drop payload: follow-up ids as ASCII, comma-separated.
FOLLOW_UP_MIME = "application/x-followup-desk-follow-ups"


def channel_text(channel: str) -> str:
    return f"{CHANNEL_SYMBOLS.get(channel, '•')} {CHANNEL_LABELS.get(channel, channel)}"


def encode_ids(ids: list[int]) -> bytes:
    return ",".join(str(i) for i in ids).encode("ascii")


def decode_ids(data: bytes | bytearray | memoryview) -> list[int]:
    ids = []
    for part in bytes(data).decode("ascii", "replace").split(","):
        if part.strip().isdigit():
            ids.append(int(part))
    return ids
