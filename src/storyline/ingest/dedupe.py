"""Exact and near-duplicate detection: one wire story on many sites is one article.

Near duplicates use MinHash LSH (datasketch), so the cost grows with the number of articles,
not with the number of pairs. Copies are grouped (union-find over exact and near matches) and
each group keeps one canonical article; the others stay as extra sources (``duplicate_of``).

Within one ingest chunk that is ``mark_duplicates``. Across chunks the engine keeps the same
LSH bands in its store (``signature``, ``band_keys``, ``as_copy``): a copy in a later chunk is
marked as a copy of the earlier chunk's article, which is already stored and stays canonical.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported where it is used: importing it imports scipy.integrate (+53 MB), and the
# pool workers, which import this module through the engine, never hash a text

from ..ids import content_id
from ..model import Article
from ..unionfind import UnionFind

__all__ = [
    "mark_duplicates",
    "canonical_rank",
    "is_originator",
    "copy_id",
    "signature",
    "remember_signature",
    "band_keys",
    "similarity",
    "as_copy",
]

_WORD = re.compile(r"\w+")
NUM_PERM = 128
SHINGLE = 5
_JUNK_KEEP = frozenset({"title", "caption", "credit", "subheading", "byline", "dateline"})


#: How many texts' MinHashes are kept (``_minhash``): more than one ingest chunk's articles.
RECENT_MINHASHES = 4096
_recent: dict[bytes, MinHash] = {}


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _minhash(text: str) -> MinHash:
    """The MinHash of a text's word 5-shingles. The engine asks for the ``signature`` of each
    article that ``mark_duplicates`` has just hashed: the latest texts' MinHashes are kept, by
    the text's digest (the text itself could be 100k characters), and not made twice."""
    key = _digest(text)
    if (m := _recent.get(key)) is not None:
        return m
    words = _WORD.findall(text.lower())
    m = _empty().copy()
    # a text under SHINGLE words is one gram (its words, or "" for none)
    grams = zip(*(words[k:] for k in range(SHINGLE)), strict=False) if len(words) >= SHINGLE else [words]
    m.update_batch(set(map(" ".join, grams)))
    _keep(key, m)
    return m


def _keep(key: bytes, m: MinHash) -> None:
    if len(_recent) >= RECENT_MINHASHES:
        del _recent[next(iter(_recent))]  # the oldest
    _recent[key] = m


def remember_signature(text: str, sig: bytes) -> None:
    """Take ``sig`` (a ``signature``'s bytes, made earlier) as the text's MinHash: ingest
    remembers the signatures of files it read before and does not hash their texts again."""
    e = _empty()
    # a shallow copy shares the permutations (only read) and takes its own hash values: the
    # constructor checks the permutations again, 2 ms a text
    m = copy.copy(e)
    m.hashvalues = np.frombuffer(sig, dtype=np.uint64).astype(e.hashvalues.dtype)
    _keep(_digest(text), m)


@cache
def _empty() -> MinHash:
    """A MinHash of nothing, copied for each text: a new MinHash draws its permutations again."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashfunc=_gram_hash)


def _gram_hash(gram: str) -> int:
    """datasketch's default hash (``sha1_hash32``: the first 4 bytes of the SHA-1 of the UTF-8
    bytes, little-endian), of the string itself: no list of encoded grams to make first."""
    return int.from_bytes(hashlib.sha1(gram.encode("utf-8")).digest()[:4], "little")


def signature(text: str) -> npt.NDArray[np.uint64]:
    """The MinHash values of a text's word 5-shingles (what ``mark_duplicates`` compares)."""
    return np.array(_minhash(text).hashvalues, dtype=np.uint64)


def similarity(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """Estimated Jaccard similarity of two signatures (as ``MinHash.jaccard``)."""
    return float(np.count_nonzero(a == b)) / len(a)


@cache
def _bands(threshold: float) -> tuple[int, int]:
    """The (bands, rows) split datasketch's LSH picks for ``threshold`` (25 x 5 at 0.5)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(sig: npt.NDArray[np.uint64], threshold: float) -> list[tuple[int, int]]:
    """(band, key) pairs: two texts that share one are candidates, as in the LSH index."""
    b, r = _bands(threshold)
    return [
        (
            i,
            int.from_bytes(
                hashlib.blake2b(sig[i * r : (i + 1) * r].tobytes(), digest_size=8).digest(),
                "little",
                signed=True,
            ),
        )
        for i in range(b)
    ]


def as_copy(copy: Article, original: Article) -> Article:
    """``copy`` marked as a copy of ``original`` found in an earlier chunk: it takes the
    original's wire agency when it names none and its date when it has none."""
    wire = copy.wire_source or original.wire_source
    return _inherit(replace(copy, duplicate_of=original.id, wire_source=wire), original)


def canonical_rank(a: Article, position: int) -> tuple[int, str, int, int, int]:
    """Sort key, best first: the originator (the agency its own dateline names, or a byline or
    dateline naming its own outlet), then the earliest dated copy (undated last), then the copy
    with least page junk, then the longest text, then input order (stable across runs)."""
    junk = sum(1 for r in a.removed if r.reason not in _JUNK_KEEP)
    return (0 if is_originator(a) else 1, a.published or "~", junk, -len(a.text), position)


def is_originator(a: Article) -> bool:
    """The copy published by the agency that wrote it: its outlet is its dateline's agency."""
    outlet = _key(a.outlet)
    if not outlet:
        return False
    if a.wire_source and _same_name(outlet, _key(a.wire_source)):
        return True
    return any(
        r.reason in ("byline", "dateline") and outlet in r.text.lower() for r in (*a.removed, *a.marked)
    )


def _key(name: str | None) -> str:
    return " ".join(_WORD.findall((name or "").lower()))


def _same_name(a: str, b: str) -> bool:
    """Keys of one agency: "yonhap" and "yonhap news agency" (one starts the other), "afp" and
    "agence france presse" (one is the other's initials)."""
    if not (a and b):
        return False
    if a == b or a.startswith(b + " ") or b.startswith(a + " "):
        return True
    return _initials(a) == b.replace(" ", "") or _initials(b) == a.replace(" ", "")


def _initials(name: str) -> str:
    words = name.split()
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def mark_duplicates(articles: Sequence[Article], threshold: float) -> list[Article]:
    """Return the articles, in input order, with ``duplicate_of`` set on exact and near copies.

    A copy keeps its own outlet; it inherits the original's date when it has none (marked
    ``published_source="inherited"``) and the group's wire agency when its text names none.
    """
    from datasketch import MinHashLSH

    sets = UnionFind(len(articles))
    # the bands given, not worked out again (datasketch integrates the error curves each time)
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))
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
        original = articles[best]
        wire = original.wire_source or next(
            (articles[i].wire_source for i in members if articles[i].wire_source), None
        )
        if wire and not original.wire_source:
            out[best] = replace(original, wire_source=wire)
        taken = {original.id}
        for i in members:
            if i != best:
                a = articles[i]
                # two copies with the same text share a content hash: the second needs its own key
                own = copy_id(a) if a.id in taken else a.id
                taken.add(own)
                out[i] = _inherit(
                    replace(a, id=own, duplicate_of=original.id, wire_source=a.wire_source or wire), original
                )
    return out


def _inherit(copy: Article, original: Article) -> Article:
    """A reprint without a date of its own was published no earlier than its original."""
    if copy.published or not original.published:
        return copy
    return replace(
        copy,
        published=original.published,
        published_precision=original.published_precision,
        published_source="inherited",
        notes=(*copy.notes, f"published date inherited from the original {original.id} ({original.source})"),
    )


def copy_id(a: Article) -> str:
    """Id of a byte-identical copy: its content hash is the original's, and every record needs its
    own key (downstream indexes articles by id), or the copy's source would vanish."""
    return content_id(a.id, a.source, a.record or "")
