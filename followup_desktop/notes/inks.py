"""Ink colours a note can be written in: a ballpoint blue by default, black, a fountain-pen blue."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ink:
    key: str
    label: str
    #: The colour where the pen pressed fully, as #rrggbb.
    colour: str


INKS: dict[str, Ink] = {
    ink.key: ink
    for ink in (
        Ink("ballpoint-blue", "Ballpoint blue", "#1c3a8a"),
        Ink("black", "Black", "#1e1e24"),
        Ink("fountain-blue", "Fountain-pen blue", "#1f4fb8"),
    )
}
DEFAULT_INK = "ballpoint-blue"


def ink_colour(key: str) -> str:
    """The colour of ink ``key``; unknown keys get the default blue."""
    return (INKS.get(key) or INKS[DEFAULT_INK]).colour
