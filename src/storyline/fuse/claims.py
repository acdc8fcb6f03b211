"""Claims: sentences that assert the same thing across articles, with the outlets that make them.

Each article's sentences are candidate claims. Sentences from different articles whose
content-word TF-IDF cosine passes ``CLAIM_THRESHOLD`` are linked (pairs come from an inverted
index, never all pairs) and linked sentences form one claim. A claim two independent sources
make is corroborated; the rest are listed per outlet by :func:`unique_by_outlet`.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from ..ids import derived_id
from ..model import Analysis, Article, Claim, Event
from ..sentences import SentenceSpan, pieces
from ..unionfind import UnionFind
from .similarity import (
    EXACT_PAIR_COSINES,
    IdfTable,
    PairCosines,
    Vector,
    candidate_blocks,
    cosine,
    idf_table,
    tfidf,
    tokens,
)
from .sources import Sources

__all__ = [
    "CLAIM_THRESHOLD",
    "Sentence",
    "sentence_units",
    "unit_sets",
    "group_claims",
    "unique_by_outlet",
]

# Tuned on the five seed articles and the demo corpus: paraphrases of one fact across outlets
# score 0.39-0.8 (with the event bonus below); sentences that share the story's actors but
# report different things ("Austin said ... in Brussels" / "Austin shook hands ... in
# Singapore") score under 0.40.
CLAIM_THRESHOLD = 0.40
# Bonus (or malus) per event signature two sentences share (or do not). Tuned on the seeds:
# the four reports of a postponed visit score 0.29-0.42 on words alone and share a
# "cancelled visit" signature; sentences naming the same defence ministers but reporting a
# handshake in one and a rebuff in the other score 0.40 and share no signature.
EVENT_WEIGHT = 0.07

# Minimum average score between two groups' members for them to merge. Tuned on the demo
# corpus: the postponement paraphrases average 0.3-0.45 among themselves, the chains that
# joined them to the January standoff averaged under 0.2.
COHESION = 0.25
_SAMPLE = 8

# Each sentence is indexed under its heaviest terms; 6 missed paraphrases whose rare shared
# words ("balloon", "postponed") were not among the six heaviest of a 40-word sentence.
CANDIDATE_KEYS = 12

_MIN_WORDS, _MAX_WORDS = 6, 90


@dataclass(frozen=True)
class Sentence(SentenceSpan):
    """A candidate claim: the shared sentence unit of one canonical article, with its vector."""

    vector: Vector
    # what analysis found in it: event signatures ("CONSULT/cancelled", "CONSULT@2023-06-18")
    marks: frozenset[str] = frozenset()
    quoted: str = ""  # the words of the direct quotes inside it


def sentence_units(
    articles: Sequence[Article], analyses: Sequence[Analysis], claim_like: bool = True
) -> list[Sentence]:
    """Sentences of the canonical articles (wire copies add sources, not sentences).

    A sentence span is cut at line breaks (a heading glued to its paragraph is two units), and a
    sentence repeated within one article (a teaser above the body) is kept once.
    """
    claims, every = _raw_units(articles, analyses, claims=claim_like, every=not claim_like)
    return _vectorise(claims if claim_like else every)


def unit_sets(
    articles: Sequence[Article], analyses: Sequence[Analysis]
) -> tuple[list[Sentence], list[Sentence]]:
    """``sentence_units`` both ways at once (the claim-like units, every unit): fusion needs
    both, and each sentence's terms and marks are found once for the two."""
    claims, every = _raw_units(articles, analyses, claims=True, every=True)
    return _vectorise(claims), _vectorise(every)


_Raw = tuple[str, int, int, str, list[str], frozenset[str], str]


def _raw_units(
    articles: Sequence[Article], analyses: Sequence[Analysis], *, claims: bool, every: bool
) -> tuple[list[_Raw], list[_Raw]]:
    """The units before weighting: the claim-like ones (when ``claims``) and all (``every``),
    each deduplicated within its article."""
    by_id = {a.article: a for a in analyses}
    claim_raw: list[_Raw] = []
    every_raw: list[_Raw] = []
    for art in articles:
        an = by_id.get(art.id)
        if art.duplicate_of is not None or an is None:
            continue
        seen_claim: set[str] = set()
        seen: set[str] = set()
        anchors = _Anchors(an)
        for start, end in pieces(art.text, ((sp.start, sp.end) for sp in an.sentences)):
            text = art.text[start:end]
            new_claim = claims and is_claim_like(text)
            key = " ".join(text.lower().split())
            new_claim = new_claim and key not in seen_claim
            new = every and key not in seen
            if not (new_claim or new):
                continue
            row = (
                art.id, start, end, text, tokens(text) + anchors.terms(start, end),
                anchors.marks(start, end), anchors.quoted(start, end),
            )  # fmt: skip
            if new_claim:
                seen_claim.add(key)
                claim_raw.append(row)
            if new:
                seen.add(key)
                every_raw.append(row)
    return claim_raw, every_raw


def _vectorise(raw: list[_Raw]) -> list[Sentence]:
    """The units with their TF-IDF vectors, IDF taken over these units."""
    idf = idf_table(r[4] for r in raw)
    return [Sentence(a, s, e, t, tfidf(toks, idf), m, q) for a, s, e, t, toks, m, q in raw]


class _Anchors:
    """What analysis resolved inside a span: actor ids and dates, as extra terms.

    Outlets name one person or day in different words ("Mr. Blinken" / "the secretary of
    state", "Sunday" / "June 18"); their resolved ids are the same term, and IDF weighs a
    protagonist every sentence names low and a rarely named actor or date high.
    """

    def __init__(self, analysis: Analysis) -> None:
        items: list[tuple[int, int, str]] = []
        for m in analysis.mentions:
            if m.actor:
                items.append((m.span.start, m.span.end, "@" + m.actor))
        for t in analysis.timerefs:
            if t.date and t.granularity in ("day", "month"):
                items.append((t.span.start, t.span.end, "#" + t.date[:10]))
                if t.granularity == "day":
                    items.append((t.span.start, t.span.end, "#" + t.date[:7]))
        items.sort()
        self.items = items
        self.starts = [i[0] for i in items]
        self.events = sorted(
            (e.evidence[0].start, e.evidence[0].end, m)
            for e in analysis.events
            if e.evidence
            for m in _signatures(e)
        )
        self.event_starts = [e[0] for e in self.events]
        self.quotes = sorted((q.start, q.end, q.text) for q in analysis.quotes)
        self.quote_starts = [q[0] for q in self.quotes]

    def marks(self, start: int, end: int) -> frozenset[str]:
        """Signatures of the events reported in the span (their evidence starts inside it)."""
        lo = bisect.bisect_left(self.event_starts, start)
        hi = bisect.bisect_left(self.event_starts, end, lo)
        return frozenset(m for _, _, m in self.events[lo:hi])

    def quoted(self, start: int, end: int) -> str:
        """The words of the quotes inside the span (a quote ends after it starts, so only those
        starting in it can be: an article's every quote was tried for each of its sentences)."""
        lo = bisect.bisect_left(self.quote_starts, start)
        hi = bisect.bisect_right(self.quote_starts, end, lo)
        return " ".join(t for _, e, t in self.quotes[lo:hi] if e <= end)

    def terms(self, start: int, end: int) -> list[str]:
        k = bisect.bisect_left(self.starts, start)
        out = []
        while k < len(self.items) and self.items[k][0] < end:
            if self.items[k][1] <= end:
                out.append(self.items[k][2])
            k += 1
        return list(dict.fromkeys(out))


def _signatures(e: Event) -> list[str]:
    """What identifies an event across wordings: a non-factual mode with its type (a cancelled
    visit), and a type with its exact day."""
    out = []
    if e.mode != "happened":
        out.append(f"{e.type}/{e.mode}")
    if e.date and e.granularity == "day":
        out.append(f"{e.type}@{e.date[:10]}")
    return out


def is_claim_like(text: str) -> bool:
    """A declarative sentence of reasonable length, not a heading, question or page furniture."""
    words = text.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or text.rstrip().endswith("?"):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    # headings and menus are Title Cased; prose has mostly lower-case words
    return lower >= len(words) * 0.4


def group_claims(
    sentences: Sequence[Sentence],
    sources: Sources,
    threshold: float = CLAIM_THRESHOLD,
    semantic: Callable[[Sequence[str]], list[list[float]]] | None = None,
) -> list[Claim]:
    """Link same-assertion sentences across articles; one claim per linked group."""
    sets = UnionFind(len(sentences))
    # event signatures are index keys too: a shared "cancelled visit" makes a pair a candidate
    # (the pairs come a block at a time: a big story has millions)
    blocks = candidate_blocks(
        [{**s.vector, **dict.fromkeys(s.marks, 1.0)} for s in sentences],
        keys=CANDIDATE_KEYS,
        groups=[s.article for s in sentences],
    )
    numbers = [frozenset(_NUMBER.findall(s.text)) for s in sentences]
    firsts = [_precedent_kind(s.text) for s in sentences]
    quoted = [_vec(s.quoted) if s.quoted else None for s in sentences]
    emb = semantic([s.text for s in sentences]) if semantic is not None and sentences else None

    def score(i: int, j: int) -> float:
        a, b = sentences[i], sentences[j]
        if numbers[i] and numbers[j] and not numbers[i] & numbers[j]:
            return 0.0  # "since 2018" and "since 2019" are two claims, however alike the words
        if firsts[i] != firsts[j] and firsts[i] and firsts[j]:
            return 0.0  # "his first trip as secretary" and "the first secretary since 2018" differ
        qa, qb = quoted[i], quoted[j]
        if qa is not None and qb is not None and cosine(qa, qb) < threshold:
            return 0.0  # one speaker's two different statements share the attribution, not the claim
        value = cosine(a.vector, b.vector) + _structure(a.marks, b.marks)
        if emb is not None:
            # blend: MiniLM catches paraphrase with few shared words; lexical keeps numbers honest
            value = 0.5 * value + 0.5 * sum(x * y for x, y in zip(emb[i], emb[j], strict=True))
        return value

    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    ranked: Iterable[tuple[int, int]]
    if emb is None and EXACT_PAIR_COSINES:
        ranked = _ranked(blocks, _Bulk(sentences, numbers, firsts, quoted), threshold)
    else:
        # only pairs at the threshold can link: sorting the rest (most of a big story's) is waste
        scored = sorted(
            (
                (v, i, j)
                for i, j in _may_link(blocks, sentences, threshold, emb is None)
                if (v := score(i, j)) >= threshold
            ),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        ranked = [(i, j) for _, i, j in scored]
        del scored
    # Groups that failed the cohesion check, by root and sampled size: a big story tries the
    # same two groups again for each of their linked pairs (a member list only grows at its end,
    # so root and sampled size fix the sample).
    apart: set[tuple[int, int, int, int]] = set()
    for i, j in ranked:
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj:
            continue
        tried = (ri, rj, min(len(members[ri]), _SAMPLE), min(len(members[rj]), _SAMPLE))
        if tried in apart:
            continue
        if not _cohesive(members[ri], members[rj], sentences, score):
            apart.add(tried)
            continue
        sets.union(ri, rj)
        members[rj].extend(members.pop(ri))
    claims = [_claim([sentences[i] for i in group], sources) for group in sets.groups()]
    claims.sort(key=lambda c: (not c.corroborated, -len(c.outlets), c.id))
    return claims


def _may_link(
    blocks: Iterable[np.ndarray], sentences: Sequence[Sentence], threshold: float, bound: bool
) -> Iterator[tuple[int, int]]:
    """The candidate pairs (blocks of (m, 2) arrays) whose score can reach ``threshold``: cosine
    and the event bonus or malus, in bulk. Exact: a pair left out scores under the threshold (a
    margin covers rounding), and the ones kept are scored as before. ``bound`` is False with
    semantic embeddings, whose blend this bound does not cover."""
    bulk = _Bulk(sentences, (), (), ()) if bound else None
    for pairs in blocks:
        if bulk is not None:
            # a score is 0.0 (a rule ruled the pair out) or cosine plus structure
            best = np.maximum(bulk.lexical(pairs), 0.0)
            pairs = pairs[best >= threshold - 1e-9]
        yield from zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)


class _Bulk:
    """What scoring pairs in bulk needs of the sentences, indexed once for all blocks of pairs:
    cosines of their vectors, of their event signatures, numbers and quoted words (shared
    signatures and numbers are counted as sums of ones)."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        numbers: Sequence[frozenset[str]],
        firsts: Sequence[str],
        quoted: Sequence[Vector | None],
    ) -> None:
        self.vectors = PairCosines([s.vector for s in sentences])
        self.marks, self.has_marks = _ones([s.marks for s in sentences])
        self.numbers, self.has_numbers = _ones(numbers)
        self.kinds = np.array(firsts)
        self.quoted = PairCosines([q or {} for q in quoted])
        self.has_quotes = np.array([q is not None for q in quoted])

    def lexical(self, pairs: np.ndarray) -> np.ndarray:
        """Cosine plus :func:`_structure`, as ``score`` adds them."""
        values: np.ndarray = self.vectors(pairs) + self.structure(pairs)
        return values

    def structure(self, pairs: np.ndarray) -> np.ndarray:
        """:func:`_structure` of many pairs at once."""
        has = self.has_marks
        both = has[pairs[:, 0]] & has[pairs[:, 1]]
        shared = np.zeros(len(pairs))
        shared[both] = self.marks(pairs[both])
        return np.where(both, np.where(shared > 0, EVENT_WEIGHT * shared, -EVENT_WEIGHT), 0.0)

    def disjoint_numbers(self, pairs: np.ndarray) -> np.ndarray:
        """Per pair, whether both have numbers and share none."""
        has = self.has_numbers
        both = has[pairs[:, 0]] & has[pairs[:, 1]]
        out = np.zeros(len(pairs), bool)
        out[both] = self.numbers(pairs[both]) == 0
        return out


def _ones(sets: Sequence[frozenset[str]]) -> tuple[PairCosines, np.ndarray]:
    """Sets as vectors of ones (their pair cosines count shared members), and which are non-empty."""
    return PairCosines([dict.fromkeys(x, 1.0) for x in sets]), np.array([bool(x) for x in sets])


def _ranked(blocks: Iterable[np.ndarray], bulk: _Bulk, threshold: float) -> Iterator[tuple[int, int]]:
    """The candidate pairs (blocks of (m, 2) arrays) that score at least ``threshold``, best
    first and ties in index order: what sorting :func:`group_claims`'s lexical scores gives, with
    the scores made in bulk. Exact: with ``EXACT_PAIR_COSINES`` the bulk cosines are the same
    floats, and each rule that zeroes a score is applied as ``score`` applies it. Only the pairs
    that pass are kept, as arrays, and handed out a slice at a time."""
    kept, best = [np.zeros((0, 2), np.int64)], [np.zeros(0)]
    for pairs in blocks:
        passed, values = _passing(pairs, bulk, threshold)
        kept.append(passed)
        best.append(values)
    pairs, values = np.concatenate(kept), np.concatenate(best)
    del kept, best
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -values))
    first, second = pairs[order, 0], pairs[order, 1]
    del pairs, values, order
    for c in range(0, len(first), _SLICE):
        yield from zip(first[c : c + _SLICE].tolist(), second[c : c + _SLICE].tolist(), strict=True)


#: Ranked pairs turned into Python ints at a time (a big story ranks over a million).
_SLICE = 1 << 16


def _passing(pairs: np.ndarray, bulk: _Bulk, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of one block that score at least ``threshold``, with their scores."""
    values = bulk.lexical(pairs)
    if threshold > 0:  # a zeroed score cannot pass: the rules matter only to pairs that do
        pairs, values = pairs[values >= threshold], values[values >= threshold]
    first, second = pairs[:, 0], pairs[:, 1]
    kinds = bulk.kinds
    values[(kinds[first] != kinds[second]) & (kinds[first] != "") & (kinds[second] != "")] = 0.0
    values[bulk.disjoint_numbers(pairs)] = 0.0
    has_quotes = bulk.has_quotes
    both = np.flatnonzero(has_quotes[first] & has_quotes[second])
    alike = bulk.quoted(pairs[both])
    values[both[alike < threshold]] = 0.0  # one speaker's two statements, as in ``score``
    keep = values >= threshold
    return pairs[keep], values[keep]


def _cohesive(
    a: list[int], b: list[int], sentences: Sequence[Sentence], score: Callable[[int, int], float]
) -> bool:
    """Whether two groups may join: on average their members must still be alike.

    Linking on one pair alone chains topics ("the visit was postponed" - "postponed after the
    standoff" - "the standoff near the reef"); the average over cross pairs (at most
    ``_SAMPLE`` per side, so the check is bounded) stops the chain.
    """
    cross = [
        score(i, j) for i in a[:_SAMPLE] for j in b[:_SAMPLE] if sentences[i].article != sentences[j].article
    ]
    return not cross or sum(cross) / len(cross) >= COHESION


def _structure(a: frozenset[str], b: frozenset[str]) -> float:
    """Agreement of the events analysis found: each shared signature adds ``EVENT_WEIGHT``;
    sentences that both report events but share none lose it (same names, other happening)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return EVENT_WEIGHT * shared if shared else -EVENT_WEIGHT


_PRECEDENT_SINCE = re.compile(r"\bfirst\b[^.;:!?]{0,90}?\b(?:since|in\s+(?:\w+\s+){0,3}years?)\b", re.I)
_PRECEDENT_AS = re.compile(r"\bfirst\b[^.;:!?]{0,60}?\bas\s+(?:the\s+)?[a-z]+", re.I)


def _precedent_kind(text: str) -> str:
    """'since': a group's first in a span of time; 'as': someone's own first in an office."""
    if _PRECEDENT_SINCE.search(text):
        return "since"
    if _PRECEDENT_AS.search(text):
        return "as"
    return ""


def _vec(text: str) -> Vector:
    toks = tokens(text)
    return tfidf(toks, IdfTable(dict.fromkeys(toks, 1.0)))


def unique_by_outlet(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Claims only one independent source makes, grouped under that outlet."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.corroborated and c.outlets:
            out[c.outlets[0]].append(c)
    return dict(out)


def _claim(members: list[Sentence], sources: Sources) -> Claim:
    articles = list(dict.fromkeys(s.article for s in members))
    # the representative is the sentence closest to the group's centroid (linear, unlike a medoid)
    centroid: Vector = {}
    for s in members:
        for t, v in s.vector.items():
            centroid[t] = centroid.get(t, 0.0) + v
    rep = max(members, key=lambda s: (cosine(s.vector, centroid), -s.start))
    digest = derived_id(f"{s.article}:{s.start}" for s in sorted(members, key=_order))
    return Claim(
        id=f"claim-{digest}",
        text=rep.text,
        articles=tuple(sources.with_copies(articles)),
        evidence=tuple(s.evidence() for s in sorted(members, key=_order)),
        outlets=sources.outlets(articles),
        corroborated=sources.independent(articles) >= 2,
    )


def _order(s: Sentence) -> tuple[str, int]:
    return (s.article, s.start)


_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
