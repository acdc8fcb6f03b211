"""Claims: sentences that assert the same thing across articles, with the outlets that make them.

Each article's sentences are candidate claims. Sentences from different articles whose
content-word TF-IDF cosine passes ``CLAIM_THRESHOLD`` are linked (pairs come from an inverted
index, never all pairs) and linked sentences form one claim. A claim two independent sources
make is corroborated; the rest are listed per outlet by :func:`unique_by_outlet`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Analysis, Article, Claim, Evidence
from .similarity import Vector, candidate_pairs, cosine, idf_table, tfidf, tokens
from .sources import Sources

__all__ = [
    "CLAIM_THRESHOLD",
    "Sentence",
    "sentence_units",
    "group_claims",
    "unique_by_outlet",
]

# Tuned on the five seed articles: paraphrases of one fact across outlets ("arrived in Beijing
# on Sunday, the first visit by ..." / "began meetings in Beijing on Sunday") score 0.36-0.6;
# sentences that only share the story's actors ("Blinken ... Beijing") score under 0.3.
CLAIM_THRESHOLD = 0.42

_MIN_WORDS, _MAX_WORDS = 6, 90


@dataclass(frozen=True)
class Sentence:
    """A candidate claim: one sentence of one canonical article, with its vector."""

    article: str
    start: int
    end: int
    text: str
    vector: Vector

    def evidence(self) -> Evidence:
        return Evidence(self.article, self.start, self.end, self.text)


def sentence_units(
    articles: Sequence[Article], analyses: Sequence[Analysis], claim_like: bool = True
) -> list[Sentence]:
    """Sentences of the canonical articles (wire copies add sources, not sentences).

    A sentence span is cut at line breaks (a heading glued to its paragraph is two units), and a
    sentence repeated within one article (a teaser above the body) is kept once.
    """
    by_id = {a.article: a for a in analyses}
    raw: list[tuple[str, int, int, str, list[str]]] = []
    for art in articles:
        an = by_id.get(art.id)
        if art.duplicate_of is not None or an is None:
            continue
        seen: set[str] = set()
        for start, end in _pieces(art.text, an):
            text = art.text[start:end]
            if claim_like and not is_claim_like(text):
                continue
            key = " ".join(text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            raw.append((art.id, start, end, text, tokens(text)))
    idf = idf_table(r[4] for r in raw)
    return [Sentence(a, s, e, t, tfidf(toks, idf)) for a, s, e, t, toks in raw]


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
    parent = list(range(len(sentences)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = candidate_pairs(
        [s.vector for s in sentences],
        allow=lambda i, j: sentences[i].article != sentences[j].article,
    )
    numbers = [frozenset(_NUMBER.findall(s.text)) for s in sentences]
    emb = semantic([s.text for s in sentences]) if semantic is not None and sentences else None
    for i, j in sorted(pairs):
        if numbers[i] and numbers[j] and not numbers[i] & numbers[j]:
            continue  # "since 2018" and "since 2019" are two claims, however alike the words
        score = cosine(sentences[i].vector, sentences[j].vector)
        if emb is not None:
            # blend: MiniLM catches paraphrase with few shared words; lexical keeps numbers honest
            score = 0.5 * score + 0.5 * sum(x * y for x, y in zip(emb[i], emb[j], strict=True))
        if score >= threshold:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sentences)):
        groups[find(i)].append(i)
    claims = [_claim([sentences[i] for i in members], sources) for members in groups.values()]
    claims.sort(key=lambda c: (not c.corroborated, -len(c.outlets), c.id))
    return claims


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
    digest = hashlib.sha1(
        "|".join(f"{s.article}:{s.start}" for s in sorted(members, key=_order)).encode()
    ).hexdigest()[:12]
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


_SPACE = re.compile(r"\s")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_LINE = re.compile(r"\n")


def _pieces(text: str, analysis: Analysis) -> list[tuple[int, int]]:
    out = []
    for sp in analysis.sentences:
        start = sp.start
        for m in _LINE.finditer(text, sp.start, sp.end):
            out.append(_trim(text, start, m.start()))
            start = m.end()
        out.append(_trim(text, start, sp.end))
    return [(s, e) for s, e in out if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _SPACE.match(text[start]):
        start += 1
    while end > start and _SPACE.match(text[end - 1]):
        end -= 1
    return start, end
