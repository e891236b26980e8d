"""Text folded for search: case and accents set aside, so "nunez" finds "Núñez"."""

from __future__ import annotations

import unicodedata

#: Letters that Unicode does not decompose into a base letter and a mark, spelt out as their
#: readers would type them without the special key.
_SPELT_OUT = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
    }
)

#: The name of the same function in SQL, on every connection the store opens.
SQL_NAME = "search_fold"


def fold_for_search(text: str) -> str:
    """``text`` without case or accents (compatibility forms decomposed, marks dropped).

    Both what is searched and what is typed go through this one function, so they always
    compare alike. It is deterministic, as SQLite requires of a function its indexes use.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELT_OUT))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold()


def sql_fold(value: object) -> object:
    """The SQL function: text folded, anything else (NULL) as it is."""
    return fold_for_search(value) if isinstance(value, str) else value
