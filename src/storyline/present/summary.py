"""Extractive multi-document summary: central, covering the main events, not repeating itself.

Sentences come from every original (non-duplicate) article. Each is scored by

- centrality: LexRank over TF-IDF cosine similarity, with edges between different outlets weighted
  more, so what several outlets say outranks what one says at length. The similarity matrix is
  never built: with unit TF-IDF rows V it is V·Vᵀ, so each power-iteration step is two sparse
  products, linear in the words rather than quadratic in the sentences;
- position: news puts the essentials first (the lead), a prior every news summariser uses;
- coverage: sentences that carry evidence for events reported by many articles.

Selection is greedy (maximal marginal relevance): each pick must add an event not yet covered or
be central, and may not repeat a sentence already picked. Every output sentence is a verbatim
slice of its article and cites that span, plus the spans of other outlets that say the same.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS

from ..fuse.similarity import Vector, cosine, idf_table, tfidf
from ..model import Analysis, Article, Citation, Span, Story, SummarySentence
from ..sentences import SentenceSpan, pieces, split_spans

__all__ = ["extractive_summary", "candidate_sentences", "dangling", "Sentence"]

# a candidate has 8-70 words: shorter lines are headlines, bylines and captions, longer ones are
# run-together paragraphs the sentence splitter failed on (checked on the demo corpus and fixtures)
MIN_WORDS = 8
MAX_WORDS = 70
# cosine above which two sentences say the same thing: wire rewrites of one sentence score
# 0.55-0.9 on the demo corpus, different facts about the same visit stay below 0.4
SAME_SENTENCE = 0.5
# MMR trade-off between relevance and novelty, and the weight of not-yet-covered events;
# 0.7 is the usual MMR setting, coverage 0.5 makes an uncovered multi-source event worth about
# as much as the most central sentence
MMR_LAMBDA = 0.7
COVERAGE_WEIGHT = 0.5
POSITION_WEIGHT = 0.3
CROSS_OUTLET_WEIGHT = 1.0
SAME_ARTICLE_WEIGHT = 0.3
DAMPING = 0.85
MAX_CITATIONS = 4
# candidates per article: news puts what matters first, and the position prior gives sentence 25
# a twelfth of the lead's bonus; the cap bounds a long article's weight and the cost. Checked on
# examples/demo (at most 22 candidates an article: same summary) and the seeds (up to 46: 7 of 8
# picks the same, one soft lead swapped for a dated fact)
MAX_PER_ARTICLE = 25
LEXRANK_ROUNDS = 50

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
# "JAKARTA (Pacific Wire) — " or "LONDON, March 3 (Reuters) - ": a dateline is not part of the sentence
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:,[^()\n—–-]{0,30})?(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")
_SENT_END = re.compile(r"""[.!?]["'”’)]*$""")


# sentence openers that refer back: personal pronouns, demonstratives and linking adverbs
_LEANING = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "this",
        "these",
        "those",
        "that",
        "such",
        "but",
        "and",
        "also",
        "yet",
        "however",
        "still",
        "instead",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "thus",
        "therefore",
    }
)
_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
_HOWEVER = re.compile(r",\s*(?:however|though|too|nevertheless|instead)\s*,", re.I)


@dataclass(frozen=True)
class Sentence(SentenceSpan):
    """A summary candidate: the shared sentence unit plus its place among the article's."""

    index: int  # position among the article's candidates


def extractive_summary(
    story: Story, analyses: Sequence[Analysis] = (), n: int = 8
) -> tuple[SummarySentence, ...]:
    """The ``n`` best sentences of the story, in reading order, each citing its spans."""
    articles = [a for a in story.articles if a.duplicate_of is None]
    spans = {an.article: an.sentences for an in analyses}
    sents = [
        s
        for a in articles
        for s in candidate_sentences(a, spans.get(a.id, ()))[:MAX_PER_ARTICLE]
        if not dangling(s.text)
    ]
    if not sents:
        return ()
    terms = [_terms(s.text) for s in sents]
    idf = idf_table(terms)
    vectors = [tfidf(t, idf) for t in terms]
    central = _lexrank(sents, vectors)
    events = _event_weights(story)
    covers = _covered_events(sents, events)
    chosen, rows = _select(sents, vectors, central, covers, events, n)
    order = {a.id: (a.published or "9999", i) for i, a in enumerate(articles)}
    chosen.sort(key=lambda i: (order[sents[i].article], sents[i].start))
    # the story opens on its best article lead (the first sentence of some article), as a news
    # story does; the rest follow in reading order
    leads = [i for i in chosen if sents[i].index == 0]
    if leads:
        lead = max(leads, key=lambda i: central[i])
        chosen.remove(lead)
        chosen.insert(0, lead)
    return tuple(_with_citations(i, sents, rows[i]) for i in chosen)


def candidate_sentences(article: Article, spans: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences worth quoting, as exact slices of ``article.text`` (dateline and spaces trimmed)."""
    text = article.text
    raw = [(s.start, s.end) for s in spans] if spans else split_spans(text)
    out: list[Sentence] = []
    # the splitter may run a headline into the lead: pieces cut at line breaks too
    for s, e in pieces(text, raw):
        m = _DATELINE.match(text, s, e)
        if m:
            s = m.end()
        if e <= s or not _SENT_END.search(text[s:e]):
            continue
        words = len(_WORD.findall(text[s:e]))
        if MIN_WORDS <= words <= MAX_WORDS and text[s:e] != article.title:
            out.append(Sentence(article.id, s, e, text[s:e], len(out)))
    return out


def dangling(text: str) -> bool:
    """A sentence that leans on one before it: opens on a pronoun or a linking word.

    Out of its article such a sentence names nobody ("She arrived ...") or answers a sentence
    the reader has not seen ("But ...", "..., however, ..."), so a summary cannot use it.
    """
    words = text.split()
    # a sentence opening on a quotation is the speaker's words, attributed in the same sentence
    first = words[0].strip("(").lower() if words else ""
    if first in _LEANING:
        return True
    if _HOWEVER.search(" ".join(words[:6])):
        return True
    # "On Sunday evening she held ...": a pronoun subject after an opener that names nobody
    for i, w in enumerate(words[1:6], start=1):
        if w in ("he", "she", "they"):
            return not any(x[:1].isupper() and x.strip(",") not in _CALENDAR for x in words[1:i])
    return False


def _terms(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'’-")
        if len(w) > 2 and w not in STOP_WORDS:
            out.append(w[:-1] if w.endswith("s") and len(w) > 4 else w)  # crude plural folding
    return out


def _lexrank(sents: Sequence[Sentence], vectors: Sequence[Vector]) -> list[float]:
    """Continuous LexRank (power iteration), normalised so the most central sentence scores 1.

    The weight of i→j is cos(i, j), times ``SAME_ARTICLE_WEIGHT`` within an article, and 0 for
    i = j. With unit rows V, W·y = V·(Vᵀ·y) less the same-article part (the same product per
    article) less the diagonal, so no n×n matrix is ever formed (exact, not an approximation).
    Blocking on rare terms is no shortcut here: centrality comes from the many small overlaps on
    the story's common words, which such blocking drops (it changed 3 of 8 picks on the demo).
    """
    n = len(sents)
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, v in enumerate(vectors):
        for term, weight in v.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(weight)
    r, c = np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp)
    x = np.array(vals, dtype=np.float64)
    art_of = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in sents))}
    art = np.array([art_of[s.article] for s in sents], dtype=np.intp)
    # one slot per (article, term) present, for the per-article products
    _, slot = np.unique(art[r] * max(len(vocab), 1) + c, return_inverse=True)
    self_sim = np.bincount(r, weights=x * x, minlength=n)

    def w_dot(y: NDArray[np.float64]) -> NDArray[np.float64]:
        xy = x * y[r]
        full = np.bincount(r, weights=x * np.bincount(c, weights=xy)[c], minlength=n)
        same = np.bincount(r, weights=x * np.bincount(slot, weights=xy)[slot], minlength=n)
        out = CROSS_OUTLET_WEIGHT * full + (SAME_ARTICLE_WEIGHT - CROSS_OUTLET_WEIGHT) * same
        return np.maximum(out - SAME_ARTICLE_WEIGHT * self_sim * y, 0.0)

    out_sum = w_dot(np.ones(n))
    out_sum[out_sum < 1e-12] = 1.0  # no neighbour (the dense form's ``sum(row) or 1.0``)
    rank = np.full(n, 1.0 / n)
    for _ in range(LEXRANK_ROUNDS):
        new = (1 - DAMPING) / n + DAMPING * w_dot(rank / out_sum)
        done = float(np.max(np.abs(new - rank))) < 1e-9
        rank = new
        if done:
            break
    top = float(rank.max()) or 1.0
    return [float(v) / top for v in rank]


def _event_weights(story: Story) -> dict[str, tuple[float, tuple[tuple[str, int, int], ...]]]:
    """Event id → (weight = articles reporting it, evidence spans)."""
    out = {}
    for e in story.events:
        if not e.evidence:
            continue
        spans = tuple((ev.article, ev.start, ev.end) for ev in e.evidence)
        out[e.id] = (float(len({ev.article for ev in e.evidence})), spans)
    return out


def _covered_events(
    sents: Sequence[Sentence], events: Mapping[str, tuple[float, tuple[tuple[str, int, int], ...]]]
) -> list[set[str]]:
    """For each sentence, the events with evidence inside it (spans indexed by article)."""
    by_article: dict[str, list[tuple[str, int, int]]] = {}
    for eid, (_, spans) in events.items():
        for article, start, end in spans:
            by_article.setdefault(article, []).append((eid, start, end))
    return [
        {eid for eid, st, en in by_article.get(s.article, ()) if st < s.end and en > s.start} for s in sents
    ]


def _select(
    sents: Sequence[Sentence],
    vectors: Sequence[Vector],
    central: Sequence[float],
    covers: Sequence[set[str]],
    events: Mapping[str, tuple[float, tuple[tuple[str, int, int], ...]]],
    n: int,
) -> tuple[list[int], dict[int, list[float]]]:
    """The picks, and each pick's similarity to every candidate (one row per pick, not a matrix)."""
    top_weight = max((w for w, _ in events.values()), default=1.0)
    relevance = [c + POSITION_WEIGHT / (1 + s.index) for c, s in zip(central, sents, strict=True)]
    redundancy = [0.0] * len(sents)  # highest similarity to a pick so far
    chosen: list[int] = []
    rows: dict[int, list[float]] = {}
    covered: set[str] = set()
    while len(chosen) < n:
        best, best_score = -1, -math.inf
        for i in range(len(sents)):
            if i in rows or redundancy[i] >= SAME_SENTENCE:
                continue
            gain = sum(events[e][0] for e in covers[i] - covered) / top_weight
            score = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy[i] + COVERAGE_WEIGHT * gain
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
        covered |= covers[best]
        rows[best] = row = [cosine(vectors[best], v) for v in vectors]
        redundancy = [max(r, x) for r, x in zip(redundancy, row, strict=True)]
    return chosen, rows


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def _with_citations(i: int, sents: Sequence[Sentence], sim: Sequence[float]) -> SummarySentence:
    """``sim``: the pick's similarity to every candidate."""
    s = sents[i]
    cites = [Citation(s.article, s.start, s.end)]
    seen = {s.article}
    others = sorted(range(len(sents)), key=lambda j: -sim[j])
    for j in others:
        if len(cites) >= MAX_CITATIONS or sim[j] < SAME_SENTENCE:
            break
        # a sentence giving other figures is a disagreement, not support (40 vs 25 vessels)
        if sents[j].article not in seen and _numbers(sents[j].text) == _numbers(s.text):
            seen.add(sents[j].article)
            cites.append(Citation(sents[j].article, sents[j].start, sents[j].end))
    return SummarySentence(s.text, tuple(cites))
