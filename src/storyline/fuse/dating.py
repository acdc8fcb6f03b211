"""Publication dates for undated articles, from the other articles of their story (never the clock).

Most scraped articles state no date of their own, so "on Monday" stays unresolved in analysis.
Within a story, their date can be read off the other articles, in this order of strength:

1. a wire copy or duplicate that carries a date (the copy was published the same day);
2. the story's dated events the article reports: "met Xi on Monday" where another outlet dates
   that meeting 19 June means the article appeared on a day that makes "Monday" the 19th. Each
   such report gives the days it fits (resolved with the same rules as analysis); the day most
   reports fit wins, the earliest such day when several tie (news reports its events at once);
3. the story's time, when none of the article's own events is dated elsewhere: its weekday
   events are taken to be the weekday nearest the story's latest dated event;
4. a lower bound: the latest day the article itself dates an event that happened.

The inferred day is marked (``published_inferred``, ``published_evidence``, the range it could
span in ``published_earliest``/``published_latest``), and the article is analysed again against
it, so its relative dates resolve exactly as with a stated date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..analyse.time.dates import AWAITING, read
from ..model import Analysis, Article, Event
from .actors import merge_actors

__all__ = ["Inferred", "infer_dates", "date_articles"]

#: How far from a matched event the publication day is looked for: a week either way covers
#: every weekday and "last week"/"next week" reading (checked on the seeds).
_REACH = 8
#: Weights of a match between an undated article's event and a dated one: same parties, one
#: named party in common, or only the type (then the weekday must still fit).
_SAME_PARTIES, _SHARED_PARTY, _SAME_TYPE = 3, 2, 1


@dataclass(frozen=True)
class Inferred:
    """An undated article's publication date, as precise as its evidence allows."""

    article: str
    date: str | None  # YYYY-MM-DD: the day taken for resolving its relative dates
    earliest: str | None
    latest: str | None
    how: str


def _day(published: str | None) -> dt.date | None:
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def infer_dates(articles: Sequence[Article], analyses: Sequence[Analysis]) -> dict[str, Inferred]:
    """Inferred dates for the articles without a day-precise date of their own."""
    by_id = {a.id: a for a in articles}
    out: dict[str, Inferred] = {}
    copies = _dated_by_root(articles)
    for a in articles:
        if _day(a.published) is not None:
            continue
        copy = _from_copy(a, copies)
        if copy is not None:
            out[a.id] = copy
    undated = [an for an in analyses if an.article in by_id and _day(by_id[an.article].published) is None]
    if all(an.article in out for an in undated):
        return out  # nothing left to date from the story's events
    _, remap = merge_actors(analyses)
    dated = [
        _canon(e, remap)
        for an in analyses
        if an.article in by_id and _day(by_id[an.article].published) is not None
        for e in an.events
        if e.date and len(e.date) == 10 and e.granularity == "day" and e.mode in ("happened", "planned")
    ]
    groups = _DatedGroups(dated)
    for an in undated:
        if an.article in out:
            continue
        found = _from_events(an, groups, remap)
        bound = _lower_bound(an)
        if found is None:
            found = _from_story_time(an, dated)
        if found is not None and bound is not None and found.date is not None and found.date < bound:
            found = None  # the article itself dates a later event: the match was wrong
        if found is None and bound is not None:
            found = Inferred(
                an.article, None, bound, None, f"on or after {bound}, the latest day its text dates"
            )
        stated = by_id[an.article].published  # "2023-06": the day must lie in the stated month
        if found is not None and found.date is not None and stated and not found.date.startswith(stated):
            found = None
        if found is not None:
            out[an.article] = found
    return out


def _dated_by_root(articles: Sequence[Article]) -> dict[str, list[Article]]:
    """The dated articles under the article they copy (or themselves), in the given order."""
    out: dict[str, list[Article]] = {}
    for b in articles:
        if _day(b.published) is not None:
            out.setdefault(b.duplicate_of or b.id, []).append(b)
    return out


def _from_copy(a: Article, copies: dict[str, list[Article]]) -> Inferred | None:
    """The date of the first dated copy of ``a``'s original (or of the original itself)."""
    for b in copies.get(a.duplicate_of or a.id, ()):
        if b.id != a.id:
            day = (b.published or "")[:10]
            return Inferred(a.id, day, day, day, f"dated by its copy {b.source} ({day})")
    return None


def _canon(e: Event, remap: dict[str, str]) -> Event:
    return replace(
        e,
        source_actor=remap.get(e.source_actor, e.source_actor) if e.source_actor else None,
        target_actor=remap.get(e.target_actor, e.target_actor) if e.target_actor else None,
    )


def _weight(mine: Event, other: Event) -> int:
    if mine.type != other.type:
        return 0
    a = {x for x in (mine.source_actor, mine.target_actor) if x}
    b = {x for x in (other.source_actor, other.target_actor) if x}
    if a and a == b:
        return _SAME_PARTIES
    named = {x for x in a & b if not x.startswith("unnamed:")}
    return _SHARED_PARTY if named else _SAME_TYPE


def _awaiting(e: Event, an: Analysis) -> tuple[str, str] | None:
    """(words, tense) of the relative expression an event of an undated article waits on."""
    for n in e.notes:
        m = AWAITING.match(n)
        if m:
            start, end = int(m.group("start")), int(m.group("end"))
            ref = next((t for t in an.timerefs if t.span.start == start and t.span.end == end), None)
            how = ref.how or "" if ref is not None else ""
            if e.mode == "planned" or "future clause" in how:
                return m.group("text"), "future"
            return m.group("text"), "present" if "present clause" in how else "past"
    return None


@lru_cache(maxsize=4096)
def _fits(words: str, tense: str, target: dt.date) -> tuple[tuple[dt.date, ...], dt.date]:
    """Publication days on which ``words`` in a clause of ``tense`` name ``target`` (a day or a
    range holding it), and the first day the words name (``target`` itself for a day)."""
    days = []
    start = target
    for k in range(-_REACH, _REACH + 1):
        pub = target + dt.timedelta(days=k)
        for late in (False, True):
            r = read(words, pub, tense, late=late)
            if r.date is None or r.granularity != "day":
                continue
            end = r.end or r.date
            if r.date <= target.isoformat() <= end:
                days.append(pub)
                start = min(start, dt.date.fromisoformat(r.date))
                break
    return tuple(days), start


class _DatedGroups:
    """The story's dated events by type and day, each day's group reduced to what a match can
    use: its first event, and its first event per set of parties and per named party.

    An undated article's event is matched against each day's group instead of each dated event
    (a big story has thousands; matching every undated report against every one was quadratic).
    All events of one group fit the same publication days, so the best-weighted, earliest of
    them stands for the group, and the earliest group's wins a tie, as one event after another
    would."""

    def __init__(self, dated: Sequence[Event]) -> None:
        self.days: dict[str, dict[str, _DayGroup]] = {}
        for k, o in enumerate(dated):
            day = self.days.setdefault(o.type, {})
            group = day.get(o.date or "")
            if group is None:
                group = day[o.date or ""] = _DayGroup(k, o)
            group.add(k, o)

    def best(self, mine: Event) -> list[tuple[int, int, Event]]:
        """(weight, index, event) of the event of each day's group of ``mine``'s type that
        matches it best (earliest among equals), in the order of those events."""
        parties = frozenset(x for x in (mine.source_actor, mine.target_actor) if x)
        named = [x for x in parties if not x.startswith("unnamed:")]
        out = []
        for group in self.days.get(mine.type, {}).values():
            same = group.parties.get(parties) if parties else None
            if same is not None:
                out.append((_SAME_PARTIES, *same))
                continue
            shared = [group.named[x] for x in named if x in group.named]
            if shared:
                out.append((_SHARED_PARTY, *min(shared, key=lambda ko: ko[0])))
            else:
                out.append((_SAME_TYPE, *group.first))
        out.sort(key=lambda wko: wko[1])
        return out


class _DayGroup:
    """Dated events of one type and day (see :class:`_DatedGroups`)."""

    def __init__(self, k: int, o: Event) -> None:
        self.first = (k, o)
        self.parties: dict[frozenset[str], tuple[int, Event]] = {}
        self.named: dict[str, tuple[int, Event]] = {}

    def add(self, k: int, o: Event) -> None:
        parties = frozenset(x for x in (o.source_actor, o.target_actor) if x)
        self.parties.setdefault(parties, (k, o))
        for x in parties:
            if not x.startswith("unnamed:"):
                self.named.setdefault(x, (k, o))


def _from_events(an: Analysis, dated: _DatedGroups, remap: dict[str, str]) -> Inferred | None:
    score: Counter[dt.date] = Counter()
    support: dict[dt.date, list[str]] = {}
    reported: list[dt.date] = []  # days of matched events the article reports as past
    announced: list[dt.date] = []  # days of matched events it reports as still ahead
    for e in an.events:
        waiting = _awaiting(e, an)
        if waiting is None:
            continue
        words, tense = waiting
        mine = _canon(e, remap)
        best: dict[dt.date, tuple[int, str]] = {}
        for w, _, o in dated.best(mine):
            target = dt.date.fromisoformat(o.date or "")
            fits, start = _fits(words, tense, target)
            if fits and tense in ("future", "present"):
                announced.append(start)  # "lands this weekend": written before the weekend began
            elif fits and start == target:  # a past range ("this week") says nothing of after
                reported.append(target)
            for day in fits:
                if w > best.get(day, (0, ""))[0]:
                    best[day] = (w, f"'{words}' = {o.date} ({o.summary[:60]})")
        for day, (w, why) in best.items():
            score[day] += w
            support.setdefault(day, []).append(why)
    if not score:
        return None
    top = max(score.values())
    days = sorted(d for d, s in score.items() if s == top)
    # news appears right after what it reports and before what it announces: the first day on
    # or after the reported events, else the last day before the announced ones
    after = [d for d in days if not reported or d >= max(reported)]
    before = [d for d in days if announced and d < min(announced)]
    chosen = after[0] if reported and after else before[-1] if before else days[0]
    evidence = "; ".join(support[chosen][:3])
    span = f" (fits {days[0]}..{days[-1]})" if len(days) > 1 else ""
    return Inferred(
        an.article,
        chosen.isoformat(),
        days[0].isoformat(),
        days[-1].isoformat(),
        f"from the story's dated events it reports: {evidence}{span}",
    )


def _from_story_time(an: Analysis, dated: Sequence[Event]) -> Inferred | None:
    """Weekday events nobody else dates: the weekday nearest the story's latest dated event."""
    happened = [o.date for o in dated if o.mode == "happened" and o.date]
    if not happened:
        return None
    latest = dt.date.fromisoformat(max(happened))
    days: Counter[dt.date] = Counter()
    for e in an.events:
        waiting = _awaiting(e, an)
        if waiting is None or e.mode != "happened":
            continue
        words, tense = waiting
        here = read(words, latest, tense)
        if here.date is None or here.granularity != "day" or "weekday" not in here.how:
            continue
        wanted = dt.date.fromisoformat(here.date).weekday()
        near = min(
            (latest + dt.timedelta(days=k) for k in range(-3, 4)),
            key=lambda d: (d.weekday() != wanted, abs((d - latest).days)),
        )
        days[near] += 1
    if not days:
        return None
    day, _ = days.most_common(1)[0]
    return Inferred(
        an.article,
        day.isoformat(),
        day.isoformat(),
        None,
        f"from the story's time: its weekday events taken as the {day:%A} nearest the story's "
        f"latest dated event ({latest}); weak evidence",
    )


def _lower_bound(an: Analysis) -> str | None:
    days = [
        e.date
        for e in an.events
        if e.date and len(e.date) == 10 and e.mode == "happened" and e.granularity == "day"
    ]
    days += [
        t.date
        for t in an.timerefs
        if t.date
        and len(t.date) == 10
        and (t.how or "").startswith("explicit date")
        and "future" not in (t.how or "")
    ]
    return max(days) if days else None


def date_articles(
    articles: Sequence[Article], analyses: Sequence[Analysis], parses: Mapping[str, bytes] | None = None
) -> tuple[list[Article], list[Analysis]]:
    """Articles with inferred dates marked, and the analyses of those dated to a day redone.

    Runs in rounds: an article dated in one round dates its events, which may date another.
    ``parses``: article id -> its kept parse (``analyse.analyse_keeping_parses``); an article
    with one is analysed again from it, without a second spaCy pass.
    """
    arts = list(articles)
    ans = list(analyses)
    for _ in range(3):
        found = infer_dates(arts, ans)
        arts = [_mark(a, found[a.id]) if a.id in found else a for a in arts]
        redo = [a for a in arts if a.id in found and found[a.id].date is not None]
        if not redo:
            break
        from ..analyse import analyse_articles, analyse_parsed  # spaCy only when an article was dated

        kept = parses or {}
        fresh = {a.id: analyse_parsed(a, kept[a.id]) for a in redo if a.id in kept}
        unparsed = [a for a in redo if a.id not in kept]
        if unparsed:
            fresh.update((an.article, an) for an in analyse_articles(unparsed))
        ans = [fresh.get(an.article, an) for an in ans]
    return arts, ans


def _mark(a: Article, inf: Inferred) -> Article:
    return replace(
        a,
        published=inf.date,
        published_precision="day" if inf.date else None,
        published_source="inferred",
        published_inferred=True,
        published_evidence=inf.how,
        published_earliest=inf.earliest,
        published_latest=inf.latest,
    )
