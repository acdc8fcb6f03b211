"""Conflicts: where sources disagree, with the words on both sides and a verdict in plain words.

Where conflicts come from:

* text facts across articles: two related sentences (same topic by TF-IDF cosine, naming the
  same people or places) that state a precedent ("first ... since 2018"), a duration (hours and
  minutes compared as minutes), a count or a part of a month differently; a wire copy's own
  sentences count as its outlet's claims (:func:`copy_sentences`);
* claims about people and outcomes: rankings of visitors naming different people
  (:mod:`.superlatives`), quotes given to different speakers or worded differently
  (:mod:`.attributions`), an agreement reached in one report and not in another (:mod:`.outcomes`);
* one article against itself or the calendar: a chronology entry its text, its list or the record
  of a known meeting contradicts (:mod:`.chronology`), a weekday beside a date that falls on
  another (:mod:`.weekdays`);
* what is known: titles against the knowledge file on the article's date, or on the dates its
  other titles leave (:mod:`.offices`, and ``title-conflict:`` notes from analysis), a person's
  "first trip since" against the record of visits (:mod:`.visits`), ``date-inconsistent:`` notes
  on events; merged events whose reports give different dates or places (:mod:`.events`).

Each candidate gets a verdict: "conflict" when both cannot be true, "needs checking" when both
hold only under a condition the coverage does not show, "compatible" when the two statements only
look alike (different groups, approximate words, a day's time-zone slack). Compatible look-alikes
are kept, so a reader sees that they were weighed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..ids import derived_id
from ..knowledge import load_knowledge
from ..model import Actor, Article, Conflict, Event, Evidence, Quote
from ..sentences import pieces, split_spans
from ..words import HONORIFIC_PATTERN
from .attributions import quote_conflicts
from .chronology import chronology_conflicts, dated_sentence_conflicts
from .claims import Sentence
from .offices import office_conflicts
from .outcomes import outcome_conflicts
from .quantities import MONTHS, Fact, broader, extract_facts
from .similarity import candidate_pairs, cosine, idf_table, tfidf, tokens
from .superlatives import superlative_conflicts
from .visits import visit_conflicts
from .weekdays import weekday_conflicts

__all__ = ["find_conflicts", "fact_conflicts", "note_conflicts", "conflict_id"]

TITLE_NOTE = "title-conflict:"
DATE_NOTE = "date-inconsistent:"

# Minimum cosine between two sentences for their facts to be about the same thing. Tuned on
# the seeds: the three "first ... since" sentences about Blinken's arrival score 0.15-0.41
# against each other, while sentences about other meetings with durations ("90-minute talks"
# in New York vs the "three-hour session" in Beijing) stay under 0.12.
RELATED = {"precedent": 0.15, "duration": 0.3, "count": 0.3, "period": 0.15, "start": 0.0}
_MEASURES = ("duration", "count")
# A duration pair less alike than RELATED["duration"] is still one meeting when both name the
# same two people (distinctive names, with the sentence before) and no other place or day. Tuned on
# paraphrases of one meeting written for tests ("held 95 minutes of talks in Lima" / "The
# meeting between Ruiz and Salas ... lasted two hours": 0.20-0.29); the seeds' two meetings of
# Blinken and Wang (New York, 90 minutes / Beijing, three hours) differ in place.
RELATED_NAMED = 0.15
_DAY = 1440.0  # minutes
# Facts sharing one key compared pair by pair up to this many (45k pairs); a larger group
# (a generic key such as "precedent" over a big story) is compared only on the pairs whose
# sentences share a heavy term or the fact's own words, so its cost stays linear.
_MAX_GROUP = 300
_BLOCK_KEYS = 12  # index terms per fact in a large group, as for claims (CANDIDATE_KEYS)

_UPPER = ("more than", "over", "at least")
_LOWER = ("nearly", "almost", "less than", "under", "up to")
_ABOUT = ("about", "around", "roughly", "some")


def find_conflicts(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    actors: Sequence[Actor] = (),
    events: Sequence[Event] = (),
    notes: list[str] | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Conflict]:
    """Every conflict the story's text, chronologies, quotes and analysis notes reveal, deduplicated.

    ``notes`` receives a line for each way the search was narrowed (see :func:`fact_conflicts`).
    """
    sentences = [*sentences, *copy_sentences(articles, sentences)]
    names = _distinctive_names(sentences)
    found = [
        *fact_conflicts(sentences, {a.id: a for a in articles}, notes, names),
        *superlative_conflicts(sentences, actors),
        *quote_conflicts(quotes),
        *weekday_conflicts(articles),
        *visit_conflicts(articles, sentences, actors),
        *outcome_conflicts(sentences, names),
        *(c for a in articles if a.duplicate_of is None for c in chronology_conflicts(a)),
        *(c for a in articles if a.duplicate_of is None for c in dated_sentence_conflicts(a)),
        *office_conflicts(articles, actors),
    ]
    # a title the analysis already flagged on the article's date is the same finding once
    titled = {(s.article, s.start, s.end) for c in found if c.kind == "title" for s in c.sides[:1]}
    for c in note_conflicts(articles, actors, events):
        if not (c.kind == "title" and any((s.article, s.start, s.end) in titled for s in c.sides)):
            found.append(c)
    out: dict[str, Conflict] = {}
    for c in found:
        key = "|".join(sorted(f"{s.article}:{s.start}:{s.end}" for s in c.sides)) + c.kind
        out.setdefault(key, c)
    rank = {"conflict": 0, "needs checking": 1}
    return sorted(out.values(), key=lambda c: (rank.get(c.verdict, 2), c.kind, c.id))


def copy_sentences(articles: Sequence[Article], sentences: Sequence[Sentence]) -> list[Sentence]:
    """A wire copy's own sentences: the copy is its outlet's claim too, but is never analysed.

    Split with the shared punctuation splitter; a sentence the story's analysed text already
    holds word for word adds nothing and is left out (it would only repeat the original's facts).
    """
    have = {" ".join(s.text.split()) for s in sentences}
    raw: list[tuple[str, int, int, str]] = []
    for art in articles:
        if art.duplicate_of is None:
            continue
        for start, end in pieces(art.text, split_spans(art.text)):
            text = art.text[start:end]
            if " ".join(text.split()) not in have:
                raw.append((art.id, start, end, text))
    if not raw:
        return []
    idf = idf_table([*(tokens(s.text) for s in sentences), *(tokens(r[3]) for r in raw)])
    return [Sentence(a, st, e, t, tfidf(tokens(t), idf)) for a, st, e, t in raw]


def fact_conflicts(
    sentences: Sequence[Sentence],
    articles: dict[str, Article],
    notes: list[str] | None = None,
    names: Sequence[frozenset[str]] | None = None,
) -> list[Conflict]:
    """Facts of one kind in related sentences of different articles that disagree.

    A key shared by more than ``_MAX_GROUP`` facts is compared on blocked pairs only, and
    ``notes`` (when given) says so: fewer pairs are tried, none is dropped unannounced.
    ``names``: :func:`_distinctive_names` of ``sentences``, when the caller has them already.
    """
    groups: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for i, s in enumerate(sentences):
        art = articles.get(s.article)
        year = int(art.published[:4]) if art is not None and art.published else None
        for f in extract_facts(s.text, year):
            # precedents about different groups are still worth comparing (they often look alike)
            if f.kind == "period" and _several_days(s.text, year):
                continue  # a sentence dating a sequence ("set for the 20th, postponed on the 15th")
            key = f.kind if f.kind in ("precedent", "start") else f"{f.kind}:{f.key}"
            groups[key].append((i, f))
    names = _distinctive_names(sentences) if names is None else names
    places = _places(sentences)
    visits = _visit_years(sentences)
    prev = _previous(sentences)
    out: list[Conflict] = []
    for key, members in groups.items():
        if len(members) > _MAX_GROUP and notes is not None:
            notes.append(
                f"conflicts: {len(members)} '{key}' facts, more than {_MAX_GROUP}: compared only "
                "where their sentences share a heavy term or the fact's words"
            )
        seen: set[tuple[str, str]] = set()
        for x, y in _fact_pairs(members, sentences):
            (i, fi), (j, fj) = members[x], members[y]
            si, sj = sentences[i], sentences[j]
            if si.article == sj.article:
                continue
            related = _related(sentences, prev, i, j, fi.kind in _MEASURES)
            ni = _names(names, prev, i) if fi.kind in _MEASURES else names[i]
            nj = _names(names, prev, j) if fi.kind in _MEASURES else names[j]
            if related < RELATED[fi.kind] and not (
                # one meeting in other words: same people, no other place, a named kind of event
                fi.kind == "duration"
                and fi.key != "unspecified"
                and related >= RELATED_NAMED
                and len(ni & nj) >= 2
                and not _other_places(places, prev, i, j)
                and not _other_days(sentences, prev, i, j)  # "on Sunday" / "on Monday": two sessions
            ):
                continue
            if fi.kind == "start" and not _same_topic(fi.key, fj.key):
                continue
            if fi.kind == "duration" and (fi.value >= _DAY) != (fj.value >= _DAY):
                continue  # "two days of talks" is a programme, "90 minutes" one of its sessions
            if fi.kind not in ("precedent", "start") and not ni & nj:
                continue  # a date or number only clashes about the same named people or places
            texts = (si.text[fi.start : fi.end], sj.text[fj.start : fj.end])
            if (texts[0].lower(), texts[1].lower()) in seen:
                continue
            seen.add((texts[0].lower(), texts[1].lower()))
            documented = fi.kind == "precedent" and _documented(visits, i, j, fi, fj)
            judged = _judge(fi, fj, *texts, documented=documented)
            if judged is not None:
                verdict, why = judged
                sides = (_fact_ev(si, fi), _fact_ev(sj, fj))
                out.append(Conflict(conflict_id(sides), _KIND[fi.kind], why, sides, verdict))
    return out


def _fact_pairs(members: list[tuple[int, Fact]], sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Pairs (x < y, in order) of a key's facts to compare: every pair of a small group; for a
    large one, the pairs an inverted index over each fact's sentence terms and own words joins."""
    n = len(members)
    if n <= _MAX_GROUP:
        return [(x, y) for x in range(n) for y in range(x + 1, n)]
    vectors = [
        {**sentences[i].vector, **dict.fromkeys((f"~{t}" for t in tokens(f.key)), 1.0)} for i, f in members
    ]
    pairs = candidate_pairs(
        vectors,
        keys=_BLOCK_KEYS,
        allow=lambda x, y: sentences[members[x][0]].article != sentences[members[y][0]].article,
    )
    return sorted(pairs)


_NAME = re.compile(r"(?<=[\w,;:’'\"”)] )[A-Z][a-zA-Z]+")
_TITLED = re.compile(rf"\b(?:{HONORIFIC_PATTERN})\.? ([A-Z][a-zA-Z]+)")  # "Mr. Blinken", even first
_NOT_NAMES = frozenset(
    tokens(" ".join(MONTHS)) + tokens("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
)
_COMMON_NAME = 0.3  # a name in more than this share of the story's sentences is its backdrop


def _distinctive_names(sentences: Sequence[Sentence]) -> list[frozenset[str]]:
    """Per sentence, the names in it that are not the whole story's backdrop. A capital at the
    start of a sentence is a name only when the story writes that word capitalised elsewhere
    ("Brandt and the union leaders met ..." after "talks with Brandt")."""
    terms: dict[str, frozenset[str]] = {}  # a story repeats its names: each is tokenised once

    def words(name: str) -> frozenset[str]:
        if name not in terms:
            terms[name] = frozenset(tokens(name))
        return terms[name]

    raw = [
        frozenset(
            t
            for m in (*_NAME.finditer(s.text), *_TITLED.finditer(s.text))
            for t in words(m.group(m.lastindex or 0))
        )
        - _NOT_NAMES
        for s in sentences
    ]
    known = frozenset(t for r in raw for t in r)
    raw = [r | (words(_first_word(s.text)) & known) for r, s in zip(raw, sentences, strict=True)]
    df: Counter[str] = Counter(t for r in raw for t in r)
    common = {t for t, c in df.items() if len(sentences) >= 10 and c > _COMMON_NAME * len(sentences)}
    return [r - common for r in raw]


def _places(sentences: Sequence[Sentence]) -> list[frozenset[str]]:
    """Per sentence, the countries of the cities and states it names (knowledge file)."""
    kn = load_knowledge()
    out = []
    for s in sentences:
        words = re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", s.text)
        found = set()
        for w in words:
            for cand in (w, w.split()[0]):
                c = kn.city(cand) or kn.country(cand)
                if c is not None:
                    found.add(cand.lower())
                    break
        out.append(frozenset(found))
    return out


def _other_places(places: list[frozenset[str]], prev: list[int | None], i: int, j: int) -> bool:
    """Whether the two sentences (each with the one before) name places and none in common."""
    pi, pj = _names(places, prev, i), _names(places, prev, j)
    return bool(pi and pj and not pi & pj)


_DAY_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b"
)


def _other_days(sentences: Sequence[Sentence], prev: list[int | None], i: int, j: int) -> bool:
    """Whether the two sentences (each with the one before) name days and none in common."""

    def days(k: int) -> set[str]:
        p = prev[k]
        text = sentences[k].text + (" " + sentences[p].text if p is not None else "")
        return set(_DAY_WORDS.findall(text))

    di, dj = days(i), days(j)
    return bool(di and dj and not di & dj)


def _first_word(text: str) -> str:
    m = re.match(r"\W*([A-Z][a-zA-Z]+)", text)
    return m.group(1) if m else ""


_KIND = {"precedent": "number", "duration": "number", "count": "number", "period": "date", "start": "date"}


def _previous(sentences: Sequence[Sentence]) -> list[int | None]:
    """Index of the sentence before each one in its article (None for an article's first)."""
    order = sorted(range(len(sentences)), key=lambda i: (sentences[i].article, sentences[i].start))
    out: list[int | None] = [None] * len(sentences)
    for a, b in itertools.pairwise(order):
        if sentences[a].article == sentences[b].article:
            out[b] = a
    return out


def _related(sentences: Sequence[Sentence], prev: list[int | None], i: int, j: int, context: bool) -> float:
    """Topic similarity of two sentences, each read with the one before it: a sentence that
    goes on about its predecessor's subject ("The palace meeting lasted 90 minutes") names it
    there, not in itself. Only for measures (durations, counts): dates and precedents are
    compared within their own sentences, where context joined unrelated months."""
    pi, pj = (prev[i], prev[j]) if context else (None, None)
    ci = [i] if pi is None else [i, pi]
    cj = [j] if pj is None else [j, pj]
    return max(cosine(sentences[x].vector, sentences[y].vector) for x in ci for y in cj)


def _names(names: Sequence[frozenset[str]], prev: list[int | None], i: int) -> frozenset[str]:
    p = prev[i]
    return names[i] if p is None else names[i] | names[p]


def _same_topic(a: str, b: str) -> bool:
    """Two start dates are about one thing when the words around them share two content words
    ("negotiations on the hotline began" / "a hotline ... negotiators have been discussing")."""
    return len(set(tokens(a)) & set(tokens(b))) >= 2


def _several_days(text: str, year: int | None) -> bool:
    days = {f.detail for f in extract_facts(text, year) if f.kind == "period" and f.detail.isdigit()}
    return len(days) > 1


def _judge(a: Fact, b: Fact, ta: str, tb: str, documented: bool = False) -> tuple[str, str] | None:
    """(verdict, explanation) for two facts of one kind, or None when they agree.

    ``documented``: for precedents of nested groups, whether the coverage itself names a visit
    in the wider group's year (what makes "first X since 2019" and "first Y since 2018" fit).
    """
    if a.kind == "precedent":
        if a.value == b.value:
            return None
        said = f"'{ta}' (since {a.value:.0f}) and '{tb}' (since {b.value:.0f})"
        if a.key == b.key:
            return (
                "conflict",
                f"Both count precedents for the same group ({a.key}) but name different years: {said}.",
            )
        wider, narrower = (
            (a, b) if broader(a.key, b.key) else (b, a) if broader(b.key, a.key) else (None, None)
        )
        if wider is None or narrower is None:
            return "compatible", (
                f"These look alike but measure different groups, '{a.key}' and '{b.key}': "
                f"{said} can both be true."
            )
        if wider.value < narrower.value:
            return "conflict", (
                f"{said}: a {narrower.key} is also a {wider.key}, so a {narrower.key}'s visit in "
                f"{narrower.value:.0f} would be a {wider.key}'s too; both cannot be right."
            )
        why = (
            f"These look alike but measure different groups, '{a.key}' and '{b.key}' ({wider.key} is "
            f"the wider group, so its last precedent can be more recent): {said}"
        )
        if documented:
            return (
                "compatible",
                f"{why} can both be true, and the coverage names such a visit in {wider.value:.0f}.",
            )
        return "needs checking", (
            f"{why} can both be true only if a {wider.key} who was not a {narrower.key} went in "
            f"{wider.value:.0f}; none of these reports names one, so check the record."
        )
    if a.kind == "start":
        if a.value == b.value:
            return None
        return "conflict", (
            f"Reports say it began in different years: '{ta}' ({a.value:.0f}) and '{tb}' "
            f"({b.value:.0f}); both cannot be right."
        )
    if a.kind in ("duration", "count"):
        if a.value == b.value or _reconciled(a, b) or _reconciled(b, a):
            return None if a.qualifier == b.qualifier else ("compatible", _approx(ta, tb))
        return "conflict", f"The same {a.key} is given as '{ta}' in one report and '{tb}' in the other."
    return _judge_period(a, b, ta, tb)


_VISIT = re.compile(r"\b(?:visit|visits|visited|trip|travell?ed|toured|tours)\b", re.I)


def _visit_years(sentences: Sequence[Sentence]) -> dict[str, set[int]]:
    """Year -> the sentences reporting a visit that year (not themselves precedents): the
    intermediate visits that can reconcile two precedents. Built once per story."""
    out: dict[str, set[int]] = defaultdict(set)
    for k, s in enumerate(sentences):
        if not _VISIT.search(s.text):
            continue
        years = set(re.findall(r"\b(?:19|20)\d\d\b", s.text))
        if years and not any(f.kind == "precedent" for f in extract_facts(s.text, None)):
            for y in years:
                out[y].add(k)
    return out


def _documented(visits: dict[str, set[int]], i: int, j: int, a: Fact, b: Fact) -> bool:
    """Whether a sentence other than the two reports a visit in the later precedent year."""
    return bool(visits.get(str(int(max(a.value, b.value))), set()) - {i, j})


def _reconciled(a: Fact, b: Fact) -> bool:
    """Whether ``a``'s qualifier makes room for ``b``'s value."""
    q = a.qualifier or ""
    if q in _UPPER:
        return b.value >= a.value
    if q in _LOWER:
        return a.value * 0.75 <= b.value <= a.value
    if q in _ABOUT:
        return abs(b.value - a.value) <= 0.2 * a.value
    return False


def _approx(ta: str, tb: str) -> str:
    return f"'{ta}' and '{tb}' differ only within the approximation one of them states."


_PART = {"early": 0, "mid": 1, "late": 2}


def _judge_period(a: Fact, b: Fact, ta: str, tb: str) -> tuple[str, str] | None:
    if a.detail.isdigit() and b.detail.isdigit():
        gap = abs(int(a.detail) - int(b.detail))
        if gap == 0:
            return None
        if gap == 1:
            return (
                "compatible",
                f"'{ta}' and '{tb}' are a day apart: time zones or an overnight event allow both.",
            )
        return "conflict", f"The same event is dated '{ta}' in one report and '{tb}' in the other."
    pa, pb = _part(a.detail), _part(b.detail)
    if pa == pb:
        return None
    if abs(pa - pb) == 1:
        return "compatible", (
            f"'{ta}' and '{tb}' name neighbouring parts of the month; such words have no sharp "
            "boundary, so both can describe the same dates."
        )
    return "conflict", f"'{ta}' and '{tb}' place the same event in different parts of the month."


def _part(detail: str) -> int:
    if detail.isdigit():
        day = int(detail)
        return 0 if day <= 10 else 1 if day <= 20 else 2
    return _PART[detail]


def note_conflicts(
    articles: Sequence[Article], actors: Iterable[Actor], events: Iterable[Event]
) -> list[Conflict]:
    """Conflicts the analysis recorded as notes: titles on actors, dates on events."""
    text = {a.id: a.text for a in articles}
    out = []
    for actor in actors:
        for note in actor.notes:
            if note.startswith(TITLE_NOTE):
                spans = [r.span for r in actor.roles if r.span is not None and r.source == "text"]
                spans = spans or list(actor.mentions[:1])
                sides = tuple(
                    Evidence(s.article, s.start, s.end, text.get(s.article, "")[s.start : s.end])
                    for s in spans
                )
                desc = f"{actor.name}: {note[len(TITLE_NOTE) :].strip()}"
                out.append(Conflict(conflict_id(sides, desc), "title", desc, sides, "conflict"))
    for ev in events:
        for note in ev.notes:
            if note.startswith(DATE_NOTE):
                desc = note[len(DATE_NOTE) :].strip()
                out.append(Conflict(conflict_id(ev.evidence, desc), "date", desc, ev.evidence, "conflict"))
    return out


def conflict_id(sides: Sequence[Evidence], salt: str = "") -> str:
    key = "|".join(f"{s.article}:{s.start}:{s.end}" for s in sides) + salt
    return derived_id(key, prefix="conflict-")


def _fact_ev(s: Sentence, f: Fact) -> Evidence:
    return Evidence(s.article, s.start + f.start, s.start + f.end, s.text[f.start : f.end])
