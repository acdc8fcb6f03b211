"""Story clustering: a mixed folder of articles becomes several stories, each fused on its own.

Single-pass centroid clustering in date order (the classic topic-detection-and-tracking
scheme): each article joins the most similar active story or starts a new one. Articles are
TF-IDF vectors of their title, text and resolved actor names (actors weigh double: a shared
protagonist is strong evidence of one story). Candidate stories come from an inverted index
over each story's heaviest terms, and only stories seen within ``WINDOW_DAYS`` compete: a story
that falls out of the window leaves the index and keeps only its member list, so the index, the
cost per article and the memory of live centroids stay bounded however long the corpus runs, and
the whole pass is O(n log n) (the sorts).
Wire copies follow their original.

A fixed threshold alone chains stories together once many run at the same time: among 30 live
stories that share countries, titles and topic words, the best unrelated one often scores above
it (generated corpus of 10,000 articles, ~10 new stories a week: 1,000 stories came out as 62,
the largest of 1,029 articles). So a match must also beat the article's *background*: the best
score it reaches with articles dated too far away to share its story (``BACKGROUND_GAP_DAYS``
either side; the ``BACKGROUND_ARTICLES`` nearest such) by ``BACKGROUND_MARGIN``. Far articles
already in the candidate story (a story running for months), far articles nearly the same as
this one (``BACKGROUND_CAP``: a long story's later report, not chance) and far articles as like
the story as the article is (its later reports) do not count. The same corpus then gives 961
stories, 8 of them split. A corpus that spans less than the gap (one event's coverage) has no
background, and only the threshold decides, as before.

A re-run over a grown corpus can keep the last run's stories (``previous``): its articles stay
in the stories they were in, and only the new ones are placed, by the same test against the
centroids of the stories near their dates. A fresh pass over the grown corpus would shift every
IDF weight and, with them, a few memberships everywhere (1% new generated articles changed 20 of
115 stories, 17 of them holding no new article), and each changed story is fused again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
import os
import re
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Analysis, Article
from .similarity import Vector, cosine, tokens

__all__ = [
    "BACKGROUND_CAP",
    "BACKGROUND_MARGIN",
    "CLUSTER_THRESHOLD",
    "WINDOW_DAYS",
    "cluster_stories",
    "cluster_stream",
]

# Tuned on tests/fixtures/fusion/mixed_corpus.json (four stories, two in one country naming the
# same officials) together with the five seed articles (one story): every threshold from 0.08
# to 0.15 gives the right stories; an article scores at most 0.08 against another story's
# centroid. 0.12 sits in the middle of that range.
CLUSTER_THRESHOLD = 0.12
# A story that has had no article for this long is closed: a later article starts a new one.
WINDOW_DAYS = 21
_ARTICLE_TERMS = 100  # terms kept per article vector
_CENTROID_TERMS = 80  # terms kept per story centroid
_INDEX_TERMS = 30  # an article looks up stories through its heaviest terms
_MAX_STORIES_PER_TERM = 50  # a term shared by more live stories than this identifies none
# Articles this many days from an article's date cannot be in its story (two windows: a story
# closes after ``WINDOW_DAYS`` without an article); the nearest ``BACKGROUND_ARTICLES`` of them
# show what the article scores with unrelated coverage of its time, and a story must beat the
# best of those by ``BACKGROUND_MARGIN`` (measured on the generated corpus: same-story articles
# score 0.65-0.88 with their story, unrelated ones up to 0.28; the seed articles, one event's
# coverage by five outlets, score 0.40-0.54 with the others' centroid).
BACKGROUND_GAP_DAYS = 2 * WINDOW_DAYS
BACKGROUND_ARTICLES = 60
BACKGROUND_MARGIN = 0.10
BACKGROUND_CAP = 0.5  # a far article scoring this much is the same long story, not background


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)  # article numbers (see _Bags)
    total: dict[str, float] = field(default_factory=dict)
    centroid: Vector = field(default_factory=dict)
    last: dt.date | None = None
    first: dt.date | None = None
    indexed: set[str] = field(default_factory=set)  # the index terms that point at it


def cluster_stories(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    threshold: float = CLUSTER_THRESHOLD,
    window_days: int = WINDOW_DAYS,
) -> list[list[str]]:
    """Article ids per story (wire copies with their original), stories in order of first article."""
    by_id = {an.article: an for an in analyses}
    return cluster_stream(((a, by_id.get(a.id)) for a in articles), threshold, window_days)


@dataclass(frozen=True)
class Bag:
    """All clustering reads of one article: its id, date and copy link, and its term counts
    (``bag_of``; in the order a ``Counter`` of its tokens lists them). The engine keeps the
    counts in its store, so that a re-run does not read and tokenise every text again."""

    id: str
    published: str | None
    duplicate_of: str | None
    counts: dict[str, int]


def bag_of(article: Article, analysis: Analysis | None) -> Bag:
    """An article's ``Bag``: its title, text and resolved actors as term counts."""
    return Bag(
        article.id, article.published, article.duplicate_of, dict(Counter(_features(article, analysis)))
    )


def cluster_stream(
    items: Iterable[tuple[Article, Analysis | None]],
    threshold: float = CLUSTER_THRESHOLD,
    window_days: int = WINDOW_DAYS,
    previous: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """``cluster_stories`` over articles read one at a time (see ``cluster_bags``)."""
    return cluster_bags((bag_of(a, an) for a, an in items), threshold, window_days, previous)


def cluster_bags(
    items: Iterable[Bag],
    threshold: float = CLUSTER_THRESHOLD,
    window_days: int = WINDOW_DAYS,
    previous: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """``cluster_stories`` over articles' bags read one at a time (the engine pages them from
    the store): each bag's counts go to a temporary file as it arrives, so memory grows by its
    id and date and by the new words it brings, not by its text.

    ``previous``: article id -> the story the last run put it in. When it names at least half of
    the original articles, those keep their stories and only the others are placed (a corpus
    that more than doubled is clustered afresh: its IDF weights say more than the old stories)."""
    bags = _Bags()
    try:
        return _cluster(bags, items, threshold, window_days, previous)
    finally:
        bags.close()


def _cluster(
    bags: _Bags,
    items: Iterable[Bag],
    threshold: float,
    window_days: int,
    previous: Mapping[str, str] | None,
) -> list[list[str]]:
    for bag in items:
        bags.add(bag)
    ids = set(bags.ids)
    canon = [k for k, dup in enumerate(bags.duplicate_of) if dup is None or dup not in ids]
    idf = bags.idf(canon)
    order = sorted(canon, key=lambda k: (bags.published[k], bags.ids[k]))
    known = sum(1 for k in canon if bags.ids[k] in previous) if previous else 0
    if previous and 2 * known >= len(canon):
        groups = _extend(bags, order, idf, previous, threshold, window_days)
    else:
        groups = _single_pass(bags, order, idf, threshold, window_days)
    copies: dict[str, list[str]] = defaultdict(list)
    for aid, dup in zip(bags.ids, bags.duplicate_of, strict=True):
        if dup is not None and dup in ids:
            copies[dup].append(aid)
    return [[m for k in g for m in (bags.ids[k], *copies.get(bags.ids[k], ()))] for g in groups]


def _single_pass(
    bags: _Bags, order: list[int], idf: list[float], threshold: float, window_days: int
) -> list[list[int]]:
    """Each article, in date order, joins the most similar live story or starts one."""
    stories: list[_Story] = []
    index: dict[str, set[int]] = defaultdict(set)
    live: list[tuple[dt.date, int]] = []  # (a story's last date when pushed, story): a heap
    background = _Background(bags, order, idf, window_days)
    for k in order:
        vec, when = bags.vector(k, idf), _date(bags.published[k])
        if when is not None:
            _close(stories, live, index, when, window_days)
        best = _best(vec, when, stories, index, threshold, window_days, background)
        if best < 0:
            best = len(stories)
            stories.append(_Story())
        _add(stories[best], best, k, vec, when, index)
        background.story_of[k] = best
        if when is not None:
            heapq.heappush(live, (when, best))
    return [st.members for st in stories]


def _extend(
    bags: _Bags,
    order: list[int],
    idf: list[float],
    previous: Mapping[str, str],
    threshold: float,
    window_days: int,
) -> list[list[int]]:
    """The last run's stories, kept, with each new article (in date order) joining the most
    similar story whose dates it falls within ``window_days`` of, or starting one. Stories come
    out in order of their first article, members in date order, as the single pass gives them."""
    rank = {k: r for r, k in enumerate(order)}
    label_of: dict[str, int] = {}
    groups: list[list[int]] = []
    new: list[int] = []
    for k in order:
        label = previous.get(bags.ids[k])
        if label is None:
            new.append(k)
            continue
        if label not in label_of:
            label_of[label] = len(groups)
            groups.append([])
        groups[label_of[label]].append(k)
    if new:
        _place(bags, groups, new, idf, threshold, window_days, order)
    for members in groups:
        members.sort(key=rank.__getitem__)
    groups.sort(key=lambda members: rank[members[0]])
    return groups


def _place(
    bags: _Bags,
    groups: list[list[int]],
    new: list[int],
    idf: list[float],
    threshold: float,
    window_days: int,
    order: Sequence[int],
) -> None:
    """Add each new article (in date order) to the kept story it is most like among those live
    at its date, or to a story of its own (appended to ``groups``). A sweep, as in the single
    pass: a kept story opens (its centroid built, its terms indexed) when the sweep comes within
    ``window_days`` of its first article and closes after its last, so a term's cap counts only
    live stories and only those hold weights. Kept stories without a dated article are open
    throughout (undated articles come first, as in the single pass). ``order``: every article in
    date order, for the background test."""
    stories = [_Story() for _ in groups]
    index: dict[str, set[int]] = defaultdict(set)
    live: list[tuple[dt.date, int]] = []
    spans = []
    for members in groups:
        dated = [d for k in members if (d := _date(bags.published[k])) is not None]
        spans.append((min(dated), max(dated)) if dated else None)

    def open_story(g: int) -> None:
        st = stories[g]
        for k in groups[g]:
            _add(st, g, k, bags.vector(k, idf), _date(bags.published[k]), index)
        span = spans[g]
        st.first = span[0] if span else None
        if st.last is not None:
            heapq.heappush(live, (st.last, g))

    for g, span in enumerate(spans):
        if span is None:
            open_story(g)
    later = sorted((span[0] - dt.timedelta(days=window_days), g) for g, span in enumerate(spans) if span)
    background = _Background(bags, order, idf, window_days)
    upcoming = 0
    for k in new:
        vec, when = bags.vector(k, idf), _date(bags.published[k])
        if when is not None:
            while upcoming < len(later) and later[upcoming][0] <= when:
                g = later[upcoming][1]
                span = spans[g]
                if span is not None and (when - span[1]).days <= window_days:
                    open_story(g)  # else it ended before this date: never a candidate again
                upcoming += 1
            _close(stories, live, index, when, window_days)
        best = _best(vec, when, stories, index, threshold, window_days, background)
        if best < 0:
            best = len(stories)
            stories.append(_Story())
            groups.append([])
        _add(stories[best], best, k, vec, when, index)
        groups[best].append(k)
        background.story_of[k] = best
        st = stories[best]
        if when is not None:
            if st.first is None or when < st.first:
                st.first = when
            heapq.heappush(live, (when, best))


def _best(
    vec: Vector,
    when: dt.date | None,
    stories: list[_Story],
    index: dict[str, set[int]],
    threshold: float,
    window_days: int,
    background: _Background,
) -> int:
    """The candidate story most similar to ``vec`` (at least ``threshold``; ties to the earlier
    story) among those within ``window_days`` of ``when``, if it also beats the article's
    background; -1 when none."""
    best, best_score = -1, threshold
    for c in _candidates(vec, index):
        st = stories[c]
        if when and st.last and (when - st.last).days > window_days:
            continue  # (dates ascend in the single pass: ``when`` is never before ``last``)
        if when and st.first and (st.first - when).days > window_days:
            continue  # a new article well before a kept story
        score = cosine(vec, st.centroid)
        if score >= best_score and (score > best_score or best < 0 or c < best):
            best, best_score = c, score
    if best >= 0 and background.beats(when, vec, best, best_score, stories[best].centroid):
        return -1
    return best


class _Background:
    """What an article scores with coverage that cannot be its story: the articles nearest in
    date to it but more than ``BACKGROUND_GAP_DAYS`` away, before and after (the nearer side
    topping up a short one). Their vectors are made when they enter that band and dropped when
    they leave it, so memory is bounded by the band, not the corpus."""

    def __init__(self, bags: _Bags, order: Sequence[int], idf: list[float], window_days: int) -> None:
        self.bags, self.idf = bags, idf
        self.gap = 2 * window_days  # BACKGROUND_GAP_DAYS at the default window
        dated = [(k, d) for k in order if (d := _date(bags.published[k])) is not None]
        self.dated = [k for k, _ in dated]
        self.days = [d.toordinal() for _, d in dated]
        self.vectors: dict[int, Vector] = {}
        self.story_of = array("i", [-1]) * len(bags.ids)  # each placed article's story

    def beats(self, when: dt.date | None, vec: Vector, story: int, score: float, centroid: Vector) -> bool:
        """True when some far article outside ``story`` scores within ``BACKGROUND_MARGIN`` of
        the story's ``score`` (and under ``BACKGROUND_CAP``): the match is no better than
        unrelated coverage, and the article starts its own story."""
        if when is None or not self.dated:
            return False
        day = when.toordinal()
        lo = bisect.bisect_left(self.days, day - self.gap)
        hi = bisect.bisect_right(self.days, day + self.gap)
        half = BACKGROUND_ARTICLES // 2
        before = max(0, lo - half)
        after = min(len(self.dated), hi + half)
        short = BACKGROUND_ARTICLES - (lo - before) - (after - hi)
        if short > 0:  # one side runs out: the other gives more
            before = max(0, before - short)
            after = min(len(self.dated), after + short)
        far = self.dated[before:lo] + self.dated[hi:after]
        if not far:
            return False
        if len(self.vectors) > 4 * BACKGROUND_ARTICLES:
            keep = set(far)
            self.vectors = {j: v for j, v in self.vectors.items() if j in keep}
        bar = score - BACKGROUND_MARGIN
        for j in far:
            if self.story_of[j] == story:
                continue
            v = self.vectors.get(j)
            if v is None:
                v = self.vectors[j] = self.bags.vector(j, self.idf)
            if bar <= cosine(vec, v) < BACKGROUND_CAP and cosine(v, centroid) < bar:
                return True
        return False


class _Bags:
    """Every article's term counts as (term number, count) pairs, in the order a ``Counter`` of
    its tokens lists them, so the TF-IDF vector made from them is exactly the one
    :func:`similarity.tfidf` makes from the tokens. The pairs go to a temporary file, read back
    an article at a time: 10,000 generated articles' pairs were 36 MB of the driver, and a
    10^5-article corpus's would be ~360 MB; what stays in memory is the vocabulary and, per
    article, its id, date and where its pairs are."""

    _FLUSH = 1 << 18  # pairs buffered before they are written

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.published: list[str] = []
        self.duplicate_of: list[str | None] = []
        self.terms: list[str] = []
        self.number: dict[str, int] = {}
        self.file = tempfile.TemporaryFile(prefix="storyline-terms-")  # noqa: SIM115 (see close)
        self.pending = array("I")  # term, count, term, count ... not yet written
        self.written = 0  # pairs in the file
        self.bounds = array("Q", [0])  # article k's pairs: bounds[k] to bounds[k + 1]

    def add(self, bag: Bag) -> None:
        self.ids.append(bag.id)
        self.published.append(bag.published or "")
        self.duplicate_of.append(bag.duplicate_of)
        counts = bag.counts
        for term, count in counts.items():
            n = self.number.get(term)
            if n is None:
                n = self.number[term] = len(self.terms)
                self.terms.append(term)
            self.pending.append(n)
            self.pending.append(count)
        self.bounds.append(self.bounds[-1] + len(counts))
        if len(self.pending) >= 2 * self._FLUSH:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            os.pwrite(self.file.fileno(), self.pending.tobytes(), self.written * _PAIR_BYTES)
            self.written += len(self.pending) // 2
            self.pending = array("I")

    def pairs(self, k: int) -> array[int]:
        """Article ``k``'s (term, count) pairs, flat."""
        self._flush()
        lo, hi = self.bounds[k], self.bounds[k + 1]
        out = array("I")
        out.frombytes(os.pread(self.file.fileno(), (hi - lo) * _PAIR_BYTES, lo * _PAIR_BYTES))
        return out

    def close(self) -> None:
        self.file.close()

    def idf(self, members: list[int]) -> list[float]:
        """Smoothed IDF per term number over ``members`` (as :func:`similarity.idf_table`)."""
        df = [0] * len(self.terms)
        for k in members:
            for n in self.pairs(k)[0::2]:
                df[n] += 1
        total = len(members)
        return [math.log((1 + total) / (1 + c)) + 1.0 if c else 0.0 for c in df]

    def vector(self, k: int, idf: list[float]) -> Vector:
        """The article's L2-normalised TF-IDF vector over its heaviest ``_ARTICLE_TERMS`` terms."""
        flat = self.pairs(k)
        vec = {
            self.terms[n]: (1.0 + math.log(c)) * idf[n] for n, c in zip(flat[0::2], flat[1::2], strict=True)
        }
        if len(vec) > _ARTICLE_TERMS:
            vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:_ARTICLE_TERMS])
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}


_PAIR_BYTES = 2 * array("I").itemsize


# Capitalised words not opening a sentence: names of people, places and organisations.
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+(?:[ -][A-Z][a-zA-Z]+)*)", re.M)


def _features(article: Article, analysis: Analysis | None) -> list[str]:
    """Content words, with names counted three times: who and where identify a story."""
    toks = tokens(f"{article.title or ''}\n{article.text}")
    for m in _PROPER.finditer(article.text):
        toks.extend(tokens(m.group(1)) * 2)
    if analysis is not None:
        for actor in analysis.actors:
            if actor.kind in ("person", "organisation", "state", "place"):
                toks.extend(tokens(actor.name))
    return toks


def _candidates(vec: Vector, index: dict[str, set[int]]) -> set[int]:
    out: set[int] = set()
    for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:_INDEX_TERMS]:
        stories = index.get(t)
        if stories and len(stories) <= _MAX_STORIES_PER_TERM:
            out |= stories
    return out


def _close(
    stories: list[_Story],
    live: list[tuple[dt.date, int]],
    index: dict[str, set[int]],
    when: dt.date,
    days: int,
) -> None:
    """Take the stories whose last article is more than ``days`` before ``when`` out of the
    index: articles come in date order, so none can join them again (undated stories stay).
    A closed story keeps its members and drops its term weights."""
    while live and (when - live[0][0]).days > days:
        last, c = heapq.heappop(live)
        st = stories[c]
        if st.last != last or not st.indexed:
            continue  # it has a later article (pushed again), or was closed already
        for t in st.indexed:
            index[t].discard(c)
            if not index[t]:
                del index[t]
        st.indexed, st.total, st.centroid = set(), {}, {}


def _add(
    st: _Story, k: int, member: int, vec: Vector, when: dt.date | None, index: dict[str, set[int]]
) -> None:
    st.members.append(member)
    for t, v in vec.items():
        st.total[t] = st.total.get(t, 0.0) + v
    top = sorted(st.total.items(), key=lambda kv: (-kv[1], kv[0]))[:_CENTROID_TERMS]
    st.total = dict(top)  # bounded: a long story's centroid keeps its heaviest terms only
    norm = sum(v * v for _, v in top) ** 0.5 or 1.0
    st.centroid = {t: v / norm for t, v in top}
    for t, _ in top:
        index[t].add(k)
        st.indexed.add(t)
    if when and (st.last is None or when > st.last):
        st.last = when


def _date(published: str) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
