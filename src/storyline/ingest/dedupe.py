"""Exact and near-duplicate detection: one wire story on many sites is one article.

Near duplicates use MinHash LSH (datasketch), so the cost grows with the number of articles,
not with the number of pairs. Copies are grouped (union-find over exact and near matches) and
each group keeps one canonical article; the others stay as extra sources (``duplicate_of``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from datasketch import MinHash, MinHashLSH

from ..ids import content_id
from ..model import Article
from ..unionfind import UnionFind

__all__ = ["mark_duplicates", "canonical_rank", "copy_id"]

_WORD = re.compile(r"\w+")
NUM_PERM = 128
SHINGLE = 5
_JUNK_KEEP = frozenset({"title", "caption", "credit", "subheading", "byline", "dateline"})


def _minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM)
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def canonical_rank(a: Article, position: int) -> tuple[int, int, int, int]:
    """Sort key, best first: the originator (its byline/dateline names its own outlet), then the
    copy with least page junk, then the longest text, then input order (stable across runs)."""
    outlet = (a.outlet or "").lower()
    origin = bool(outlet) and any(
        r.reason in ("byline", "dateline") and outlet in r.text.lower() for r in a.removed
    )
    junk = sum(1 for r in a.removed if r.reason not in _JUNK_KEEP)
    return (0 if origin else 1, junk, -len(a.text), position)


def mark_duplicates(articles: Sequence[Article], threshold: float) -> list[Article]:
    """Return the articles, in input order, with ``duplicate_of`` set on exact and near copies."""
    sets = UnionFind(len(articles))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    first_of: dict[str, int] = {}
    for i, a in enumerate(articles):
        if a.id in first_of:
            sets.union(i, first_of[a.id])
            continue
        first_of[a.id] = i
        m = _minhash(a.text)
        for h in lsh.query(m):
            if hashes[h].jaccard(m) >= threshold:  # LSH candidates are checked, not trusted
                sets.union(i, int(h))
        lsh.insert(str(i), m)
        hashes[str(i)] = m
    out = list(articles)
    for members in sets.groups():
        if len(members) == 1:
            continue
        best = min(members, key=lambda i: canonical_rank(articles[i], i))
        taken = {articles[best].id}
        for i in members:
            if i != best:
                a = articles[i]
                # two copies with the same text share a content hash: the second needs its own key
                own = copy_id(a) if a.id in taken else a.id
                taken.add(own)
                out[i] = replace(a, id=own, duplicate_of=articles[best].id)
    return out


def copy_id(a: Article) -> str:
    """Id of a byte-identical copy: its content hash is the original's, and every record needs its
    own key (downstream indexes articles by id), or the copy's source would vanish."""
    return content_id(a.id, a.source, a.record or "")
