"""Exact and near-duplicate detection: one wire story on many sites is one article.

Near duplicates use MinHash LSH (datasketch), so the cost grows with the number of articles,
not with the number of pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from datasketch import MinHash, MinHashLSH

from ..model import Article

__all__ = ["mark_duplicates"]

_WORD = re.compile(r"\w+")
NUM_PERM = 128
SHINGLE = 5


def _minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM)
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def mark_duplicates(articles: Sequence[Article], threshold: float) -> list[Article]:
    """Return the articles with ``duplicate_of`` set on exact and near copies.

    The canonical copy is the earliest one in input order (stable across runs).
    """
    out: list[Article] = []
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_id: dict[str, str] = {}
    hashes: dict[str, MinHash] = {}
    for i, a in enumerate(articles):
        key = f"{i}"
        if a.id in by_id:
            out.append(replace(a, duplicate_of=by_id[a.id]))
            continue
        m = _minhash(a.text)
        hits = [h for h in lsh.query(m) if hashes[h].jaccard(m) >= threshold]
        if hits:
            first = out[int(min(hits, key=int))]
            out.append(replace(a, duplicate_of=first.duplicate_of or first.id))
        else:
            out.append(a)
        by_id.setdefault(a.id, a.id)
        lsh.insert(key, m)
        hashes[key] = m
    return out
