"""The one way every search of the app compares text: folded, without case or accents."""

from __future__ import annotations

# Defined beside the store, whose search indexes are kept in the same folded form.
from followup_desktop.db.text_fold import fold_for_search

__all__ = ["fold_for_search", "folded_words", "matches_all"]


def folded_words(text: str) -> list[str]:
    """The words typed in a search box, folded."""
    return fold_for_search(text).split()


def matches_all(words: list[str], folded_text: str) -> bool:
    """Each of the (folded) ``words`` is somewhere in the (folded) text."""
    return all(word in folded_text for word in words)
