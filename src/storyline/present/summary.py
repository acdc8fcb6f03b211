"""Extractive multi-document summary: central, covering the main events, not repeating itself.

Sentences come from every original (non-duplicate) article. Each is scored by

- centrality: LexRank over TF-IDF cosine similarity, with edges between different outlets weighted
  more, so what several outlets say outranks what one says at length;
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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Analysis, Article, Citation, Span, Story, SummarySentence

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

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
# "JAKARTA (Pacific Wire) — " or "LONDON, March 3 (Reuters) - ": a dateline is not part of the sentence
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:,[^()\n—–-]{0,30})?(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")
_SENT_END = re.compile(r"""[.!?]["'”’)]*$""")
_FALLBACK_SPLIT = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])|\n+""")


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
class Sentence:
    article: str
    start: int
    end: int
    text: str
    index: int  # position among the article's candidates


def extractive_summary(
    story: Story, analyses: Sequence[Analysis] = (), n: int = 8
) -> tuple[SummarySentence, ...]:
    """The ``n`` best sentences of the story, in reading order, each citing its spans."""
    articles = [a for a in story.articles if a.duplicate_of is None]
    spans = {an.article: an.sentences for an in analyses}
    sents = [s for a in articles for s in candidate_sentences(a, spans.get(a.id, ())) if not dangling(s.text)]
    if not sents:
        return ()
    vectors = _tfidf([_terms(s.text) for s in sents])
    sim = [[_cosine(u, v) for v in vectors] for u in vectors]
    central = _lexrank(sents, sim)
    events = _event_weights(story)
    covers = [_covered_events(s, events) for s in sents]
    chosen = _select(sents, sim, central, covers, events, n)
    order = {a.id: (a.published or "9999", i) for i, a in enumerate(articles)}
    chosen.sort(key=lambda i: (order[sents[i].article], sents[i].start))
    # the story opens on its best article lead (the first sentence of some article), as a news
    # story does; the rest follow in reading order
    leads = [i for i in chosen if sents[i].index == 0]
    if leads:
        lead = max(leads, key=lambda i: central[i])
        chosen.remove(lead)
        chosen.insert(0, lead)
    return tuple(_with_citations(i, sents, sim) for i in chosen)


def candidate_sentences(article: Article, spans: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences worth quoting, as exact slices of ``article.text`` (dateline and spaces trimmed)."""
    text = article.text
    raw = [(s.start, s.end) for s in spans] if spans else _fallback_spans(text)
    out: list[Sentence] = []
    for start, end in raw:
        # the splitter may run a headline into the lead: cut at line breaks too
        pos = start
        for piece in re.split(r"(\n+)", text[start:end]):
            s, e = pos, pos + len(piece)
            pos = e
            s, e = _trim(text, s, e)
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


def _fallback_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, used when no analysis (spaCy sentences) is at hand."""
    out, start = [], 0
    for m in _FALLBACK_SPLIT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    m = _DATELINE.match(text, s, e)
    if m:
        s = m.end()
    return s, e


def _terms(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'’-")
        if len(w) > 2 and w not in STOP_WORDS:
            out.append(w[:-1] if w.endswith("s") and len(w) > 4 else w)  # crude plural folding
    return out


def _tfidf(docs: Sequence[list[str]]) -> list[dict[str, float]]:
    df = Counter(t for d in docs for t in set(d))
    n = len(docs)
    vecs = []
    for d in docs:
        tf = Counter(d)
        v = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    return vecs


def _cosine(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(t, 0.0) for t, x in u.items())


def _lexrank(sents: Sequence[Sentence], sim: Sequence[Sequence[float]]) -> list[float]:
    """Continuous LexRank (power iteration), normalised so the most central sentence scores 1."""
    n = len(sents)
    w = [
        [
            0.0
            if i == j
            else sim[i][j]
            * (SAME_ARTICLE_WEIGHT if sents[i].article == sents[j].article else CROSS_OUTLET_WEIGHT)
            for j in range(n)
        ]
        for i in range(n)
    ]
    out_sum = [sum(row) or 1.0 for row in w]
    rank = [1.0 / n] * n
    for _ in range(50):
        new = [
            (1 - DAMPING) / n + DAMPING * sum(rank[j] * w[j][i] / out_sum[j] for j in range(n))
            for i in range(n)
        ]
        done = max(abs(a - b) for a, b in zip(new, rank, strict=True)) < 1e-9
        rank = new
        if done:
            break
    top = max(rank) or 1.0
    return [r / top for r in rank]


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
    s: Sentence, events: Mapping[str, tuple[float, tuple[tuple[str, int, int], ...]]]
) -> set[str]:
    return {
        eid
        for eid, (_, spans) in events.items()
        if any(a == s.article and st < s.end and en > s.start for a, st, en in spans)
    }


def _select(
    sents: Sequence[Sentence],
    sim: Sequence[Sequence[float]],
    central: Sequence[float],
    covers: Sequence[set[str]],
    events: Mapping[str, tuple[float, tuple[tuple[str, int, int], ...]]],
    n: int,
) -> list[int]:
    top_weight = max((w for w, _ in events.values()), default=1.0)
    relevance = [c + POSITION_WEIGHT / (1 + s.index) for c, s in zip(central, sents, strict=True)]
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < n:
        best, best_score = -1, -math.inf
        for i in range(len(sents)):
            if i in chosen:
                continue
            redundancy = max((sim[i][j] for j in chosen), default=0.0)
            if redundancy >= SAME_SENTENCE:
                continue
            gain = sum(events[e][0] for e in covers[i] - covered) / top_weight
            score = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy + COVERAGE_WEIGHT * gain
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
        covered |= covers[best]
    return chosen


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def _with_citations(i: int, sents: Sequence[Sentence], sim: Sequence[Sequence[float]]) -> SummarySentence:
    s = sents[i]
    cites = [Citation(s.article, s.start, s.end)]
    seen = {s.article}
    others = sorted(range(len(sents)), key=lambda j: -sim[i][j])
    for j in others:
        if len(cites) >= MAX_CITATIONS or sim[i][j] < SAME_SENTENCE:
            break
        # a sentence giving other figures is a disagreement, not support (40 vs 25 vessels)
        if sents[j].article not in seen and _numbers(sents[j].text) == _numbers(s.text):
            seen.add(sents[j].article)
            cites.append(Citation(sents[j].article, sents[j].start, sents[j].end))
    return SummarySentence(s.text, tuple(cites))
