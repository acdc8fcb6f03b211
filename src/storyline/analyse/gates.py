"""Cheap lookaheads that let a regex give up early at positions where no match can start.

Python's ``re`` tries every branch of an alternation at every position (it builds no trie), so a
pattern of several hundred names, or of fifty date forms, costs its full length at each character
of an article. A lookahead that states a necessary condition for any match to start there
rejects most positions in one or two steps; as it only restates what the pattern already
requires, the matches are exactly the same.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["first_chars", "quote_s_within", "can_start", "longest_first"]


def first_chars(words: Iterable[str]) -> str:
    """A lookahead that holds only where one of ``words`` begins: their first characters as a class
    (never empty: with no words it is a class no character is in)."""
    chars = sorted({w[0] for w in words if w})
    if not chars:
        return "(?!)"
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def longest_first(words: Iterable[str]) -> str:
    """A group matching what ``(?:w1|w2|...)`` with ``words`` sorted longest first matches, case
    sensitive, written as a trie ("Ir(?:an|aq)" for "Iran|Iraq").

    ``re`` tries a plain alternation's words one by one at each position; the trie reads each
    character once. The words that match at a position are prefixes of one another (the text
    picks the one path through the trie), and the trie tries the longer before the shorter, as
    the sorted alternation does, so the matches are the same. Not for a pattern compiled with
    ``re.I``: there the text no longer picks one path.
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _trie(root) + ")"


def _trie(node: dict[str, Any]) -> str:
    """The pattern of one trie node: its branches, made optional where a word also ends there
    (greedy, so the longer words are tried first)."""
    branches = [re.escape(ch) + _trie(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def quote_s_within(words: Iterable[str]) -> str:
    """A lookahead that holds only where an apostrophe-s ("'s" or "’s") follows within the length
    of one of ``words``: the start of a possessive made of one of them ("Russia's")."""
    lengths = [len(w) for w in words if w]
    if not lengths:
        return "(?!)"
    return rf"(?=[\s\S]{{{min(lengths)},{max(lengths)}}}?['’][sS])"


def can_start(pattern: str) -> str:
    """A lookahead that holds only where a match of ``pattern`` can begin: the characters its first
    consumed character may be, read off the parsed pattern (zero-width items such as ``\\b`` and
    lookarounds are looked through; optional items add the next item's characters).

    Put before one branch of a long alternation, it turns a branch that cannot match here into a
    one-step failure instead of a walk through its leading optional groups; a branch that can
    still starts exactly as before, so the alternation matches the same. Where the reading is not
    certain (a negated class, ``.``, a backreference, a flag other than ``i``, a pattern that can
    match the empty string, a Python whose ``re`` internals differ) it gives ``""``: no gate.
    """
    try:
        sre = importlib.import_module("re._constants")  # CPython's own parser of patterns
        parsed = importlib.import_module("re._parser").parse(pattern)
        found: set[tuple[bool, str]] = set()
        if _first(parsed.data, bool(parsed.state.flags & sre.SRE_FLAG_IGNORECASE), found, sre):
            return ""
    except Exception:  # an internals change, or an item ``_first`` does not read: no gate
        return ""
    exact = "".join(sorted(c for folded, c in found if not folded))
    folded = "".join(sorted(c for f, c in found if f))
    either = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])
    return "(?=" + "|".join(either) + ")"


class _Unread(Exception):
    """A pattern item ``can_start`` does not read."""


def _first(items: list[tuple[Any, Any]], folded: bool, found: set[tuple[bool, str]], sre: Any) -> bool:
    """Add to ``found`` the character-class parts (with whether case is folded) that the first
    character consumed by the item sequence ``items`` may match; return whether the sequence can
    match without consuming any."""
    categories = {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
    for op, av in items:
        if op is sre.LITERAL:
            found.add((folded, re.escape(chr(av))))
            return False
        if op is sre.IN:
            for item, value in av:
                if item is sre.LITERAL:
                    found.add((folded, re.escape(chr(value))))
                elif item is sre.RANGE:
                    found.add((folded, re.escape(chr(value[0])) + "-" + re.escape(chr(value[1]))))
                elif item is sre.CATEGORY and value in categories:
                    found.add((folded, categories[value]))
                else:
                    raise _Unread(item)
            return False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the first character is the next item's
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            if (add | remove) & ~sre.SRE_FLAG_IGNORECASE:
                raise _Unread(op)
            inner = (folded or bool(add & sre.SRE_FLAG_IGNORECASE)) and not remove & sre.SRE_FLAG_IGNORECASE
            if not _first(sub.data, inner, found, sre):
                return False
            continue
        if op is sre.BRANCH:
            empty = False
            for branch in av[1]:
                empty = _first(branch.data, folded, found, sre) or empty
            if not empty:
                return False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, _, sub = av
            if not _first(sub.data, folded, found, sre) and least > 0:
                return False
            continue
        if op is sre.ATOMIC_GROUP:
            if not _first(av.data, folded, found, sre):
                return False
            continue
        raise _Unread(op)
    return True
