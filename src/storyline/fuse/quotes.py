"""One quote, several sources: the same words in several articles become one quote.

Wire copies and two outlets quoting one press conference repeat a quote with different marks,
case and trailing punctuation, and sometimes one outlet quotes only part of what another
printed. ``Story.quotes`` stays the per-article list (every quote keeps its own article and
span); fusion marks each repeat with ``same_as`` (the id of the quote it repeats) and gives
that canonical quote ``sources`` (every span, in every article, where the words are printed)
and ``outlets``. Wire copies (``Article.duplicate_of``) are not analysed, so their spans are
found by searching the copy's text for the canonical article's quoted words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..analyse.quotes.extract import same_quote_key
from ..model import Evidence, Quote
from .sources import Sources

__all__ = ["fuse_quotes", "find_in_copy"]

# Below this many words, identical words are not enough: "productive" or "a betrayal" quoted
# by two outlets may come from two speakers. Set by hand: the shortest partial quotes that
# news quotes from one speaker across outlets ("long overdue", "within days") are 2-4 words.
_SHORT_WORDS = 5
# A quote whose words lie inside a longer quote (one outlet printed part of the sentence)
# joins it only from this many words up, so that a stock phrase does not glue two quotes.
_MIN_PART_WORDS = 5


def fuse_quotes(quotes: Sequence[Quote], sources: Sources) -> list[Quote]:
    """The quotes in their given order, repeats marked ``same_as``, canonical ones sourced."""
    keys = [same_quote_key(q) for q in quotes]
    canon_of = _group(quotes, keys)
    members: dict[int, list[int]] = {}
    for i, c in enumerate(canon_of):
        members.setdefault(c, []).append(i)
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        c = canon_of[i]
        if c != i:
            out.append(replace(q, same_as=quotes[c].id))
            continue
        spans = [_evidence(quotes[k]) for k in members[i]]
        for k in members[i]:
            spans += _copies(quotes[k], sources)
        spans = list(dict.fromkeys(spans))
        out.append(
            replace(q, sources=tuple(spans), outlets=sources.outlets(dict.fromkeys(s.article for s in spans)))
        )
    return out


def _group(quotes: Sequence[Quote], keys: list[str]) -> list[int]:
    """Index of each quote's canonical quote: the first of its group, preferring a quote
    with a resolved speaker, then a direct one, then the longest words.

    A quote joins the first head (in that order) it repeats. Only heads that can match are
    tried: those with the same key, and those whose words contain the quote's first
    ``_MIN_PART_WORDS`` words (a word n-gram index), so the cost stays near-linear.
    """
    order = sorted(
        range(len(quotes)), key=lambda i: (quotes[i].speaker is None, not quotes[i].direct, -len(keys[i]), i)
    )
    canon_of = list(range(len(quotes)))
    rank: dict[int, int] = {}  # head -> its place among heads (earlier heads win)
    exact: dict[str, list[int]] = defaultdict(list)
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in order:
        if not keys[i]:
            continue  # no words: repeats nothing, and nothing repeats it
        words = keys[i].split()
        candidates = exact.get(keys[i], [])
        if len(words) >= _MIN_PART_WORDS:
            candidates = [*candidates, *grams.get(tuple(words[:_MIN_PART_WORDS]), [])]
        head = min(
            (h for h in candidates if _same(quotes[h], keys[h], quotes[i], keys[i])),
            key=rank.__getitem__,
            default=None,
        )
        if head is not None:
            canon_of[i] = head
            continue
        rank[i] = len(rank)
        exact[keys[i]].append(i)
        for gram in dict.fromkeys(_ngrams(words, _MIN_PART_WORDS)):
            grams[gram].append(i)
    return canon_of


def _ngrams(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[k : k + n]) for k in range(len(words) - n + 1)]


def _same(a: Quote, ka: str, b: Quote, kb: str) -> bool:
    """Same words (short ones from the same speaker too), or b printed as part of a."""
    if not kb or (a.article == b.article and a.start == b.start):
        return False
    agree = a.speaker is None or b.speaker is None or a.speaker == b.speaker
    words = len(kb.split())
    if ka == kb:
        return agree or words >= _SHORT_WORDS
    return words >= _MIN_PART_WORDS and agree and f" {kb} " in f" {ka} "


def _evidence(q: Quote) -> Evidence:
    return Evidence(q.article, q.start, q.end, q.text)


def _copies(q: Quote, sources: Sources) -> list[Evidence]:
    """Where each wire copy of the quote's article prints the quote's words."""
    out = []
    original = sources.by_id.get(q.article)
    for cid in sources.copies.get(q.article, ()):
        copy = sources.by_id.get(cid)
        if copy is None:
            continue
        near = q.start / max(1, len(original.text)) if original is not None else 0.0
        found = find_in_copy(q.text, copy.text, near)
        if found is not None:
            s, e = found
            out.append(Evidence(cid, s, e, copy.text[s:e]))
    return out


_MARKS = "\"'“”‘’„«»"


def find_in_copy(words: str, text: str, near: float = 0.0) -> tuple[int, int] | None:
    """The span of ``words`` in ``text``: exact, else with any quote marks and apostrophes and
    any run of spaces (a copy re-typeset by another site); the occurrence nearest ``near``
    (a fraction of the text) when the words recur."""
    hits = [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]
    if not hits:
        marks = f"[{re.escape(_MARKS)}]"
        tokens = ["".join(marks if c in _MARKS else re.escape(c) for c in t) for t in words.split()]
        if not tokens:
            return None
        hits = [(m.start(), m.end()) for m in re.finditer(r"\s+".join(tokens), text)]
    if not hits:
        return None
    target = near * len(text)
    return min(hits, key=lambda h: abs(h[0] - target))
