"""Cheap lookaheads that let a regex give up early at positions where no match can start.

Python's ``re`` tries every branch of an alternation at every position (it builds no trie), so a
pattern of several hundred names, or of fifty date forms, costs its full length at each character
of an article. A lookahead that states a necessary condition for any match to start there
rejects most positions in one or two steps; as it only restates what the pattern already
requires, the matches are exactly the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["first_chars", "quote_s_within"]


def first_chars(words: Iterable[str]) -> str:
    """A lookahead that holds only where one of ``words`` begins: their first characters as a class
    (never empty: with no words it is a class no character is in)."""
    chars = sorted({w[0] for w in words if w})
    if not chars:
        return "(?!)"
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def quote_s_within(words: Iterable[str]) -> str:
    """A lookahead that holds only where an apostrophe-s ("'s" or "’s") follows within the length
    of one of ``words``: the start of a possessive made of one of them ("Russia's")."""
    lengths = [len(w) for w in words if w]
    if not lengths:
        return "(?!)"
    return rf"(?=[\s\S]{{{min(lengths)},{max(lengths)}}}?['’][sS])"
