"""Timeline: every dated event in order, merged across articles, dated only as precisely as known.

An event dated "in February 2023" stays a month-level entry ("Feb 2023"); it is never given a
made-up day. Entries sort by their ISO prefix, so a coarser date sorts at the start of the period
it covers ("2023-02" before "2023-02-10"), which is where a reader looks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from ..model import Actor, Article, Event, Story, TimelineEntry
from .headline import event_title, place_names

__all__ = ["build_timeline", "format_date", "granularity_of", "period_bounds", "outlet_of"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_GRANULARITY_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
# modes shown on the timeline; denied and hypothetical events did not (or may not) take place at
# a date, so they would mislead on a time axis
_TIMELINE_MODES = ("happened", "planned", "cancelled")


def build_timeline(story: Story) -> tuple[TimelineEntry, ...]:
    """One entry per distinct dated happening, in date order, with every article that reports it.

    Events the fuse stage did not merge are merged here, so the timeline never shows one
    happening twice: same type, date and mode, and actors that agree (equal, one side unknown,
    or a person and the state they belong to: "Marlowe's visit" and "Australia's visit").
    """
    copies = _Copies(story.articles)
    actors = {a.id: a for a in story.actors}
    places = place_names(actors)
    articles = {a.id: a for a in story.articles}
    groups: dict[tuple[str, str, str, str], list[list[Event]]] = {}
    for e in sorted(story.events, key=lambda e: (-_specificity(e, actors), e.id)):
        gran = granularity_of(e.date, e.granularity)
        if e.date is None or gran is None or e.mode not in _TIMELINE_MODES:
            continue
        bucket = groups.setdefault((e.date, gran, e.type, e.mode), [])
        home = next((g for g in bucket if _same_happening(g[0], e, actors)), None)
        if home is None:
            bucket.append([e])
        else:
            home.append(e)
    entries = []
    for (date, gran, _type, mode), bucket in groups.items():
        for events in bucket:
            entries.append(
                TimelineEntry(
                    date=date,
                    granularity=gran,
                    title=_title(events, actors, articles, places),
                    events=tuple(sorted(e.id for e in events)),
                    articles=_articles_of(sorted(events, key=lambda e: e.id), copies),
                    mode=mode,
                )
            )
    entries.sort(key=lambda t: (t.date, _mode_rank(t.mode), t.title))
    return tuple(entries)


def _specificity(e: Event, actors: Mapping[str, Actor]) -> int:
    """How much an event says about who: a named person counts more than a state."""
    score = 0
    for aid in (e.source_actor, e.target_actor):
        a = actors.get(aid or "")
        if a is not None:
            score += 2 if a.kind == "person" else 1
    return score


def _same_happening(head: Event, e: Event, actors: Mapping[str, Actor]) -> bool:
    return _agree(head.source_actor, e.source_actor, actors) and _agree(
        head.target_actor, e.target_actor, actors
    )


def _agree(a: str | None, b: str | None, actors: Mapping[str, Actor]) -> bool:
    if a is None or b is None or a == b:
        return True
    x, y = actors.get(a), actors.get(b)
    if x is None or y is None:
        return False
    # a person and the state they act for: "Australia postponed the visit" / "Marlowe's visit"
    for person, state in ((x, y), (y, x)):
        if (
            person.kind == "person"
            and state.kind == "state"
            and person.country
            and person.country == state.country
        ):
            return True
    return False


def granularity_of(date: str | None, stated: str | None) -> str | None:
    """The granularity a date string can honestly carry: the coarser of what is stated and written."""
    if date is None:
        return None
    written = _GRANULARITY_BY_LENGTH.get(len(date))
    if written is None:
        return None
    order = ("year", "month", "day")
    if stated in order and order.index(stated) < order.index(written):
        return stated
    return written


def format_date(date: str | None, granularity: str | None = None) -> str:
    """``2023-02-14`` → "14 Feb 2023"; month-level → "Feb 2023"; year-level → "2023"."""
    gran = granularity_of(date, granularity)
    if date is None or gran is None:
        return "undated"
    year = date[:4]
    if gran == "year":
        return year
    month = _MONTHS[int(date[5:7]) - 1]
    if gran == "month":
        return f"{month} {year}"
    return f"{int(date[8:10])} {month} {year}"


def period_bounds(date: str, granularity: str | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of the period a date covers (a day, a month or a year)."""
    gran = granularity_of(date, granularity)
    year = int(date[:4])
    if gran == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(date[5:7])
    if gran == "month":
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    day = dt.date(year, month, int(date[8:10]))
    return day, day


def outlet_of(article: Article) -> str:
    """The name a reader knows the source by: outlet, else host of the URL, else the file name."""
    if article.outlet:
        return article.outlet
    ref = article.url or article.source
    if "://" in ref:
        return ref.split("://", 1)[1].split("/", 1)[0]
    return ref.rsplit("/", 1)[-1]


class _Copies:
    """The story's wire copies (``duplicate_of``), in the story's order and by original."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.duplicates = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
        self.order = {dup: k for k, dup in enumerate(self.duplicates)}
        self.of: dict[str, list[str]] = {}
        for dup, canon in self.duplicates.items():
            self.of.setdefault(canon, []).append(dup)
        # a copy of a copy: whether a copy counts then depends on the order they are added in
        self.chained = any(canon in self.duplicates for canon in self.of)


def _articles_of(events: Iterable[Event], copies: _Copies) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for e in events:
        for ev in e.evidence:
            ids[ev.article] = None
        for a in e.articles:  # set by fuse when it merged reports
            ids[a] = None
    # wire copies report the same happening: they are sources of the entry too, in the story's
    # order (looked up by original: asking every copy of a big story for every entry was quadratic)
    if copies.chained:
        for dup, canon in copies.duplicates.items():
            if canon in ids:
                ids[dup] = None
    else:
        found = [dup for canon in ids for dup in copies.of.get(canon, ())]
        for dup in sorted(found, key=copies.order.__getitem__):
            ids[dup] = None
    return tuple(ids)


def _title(
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article],
    places: frozenset[str],
) -> str:
    """The headline of the most specific event (they come sorted most specific first)."""
    return event_title(events[0], actors, articles, places)


def _mode_rank(mode: str) -> int:
    return _TIMELINE_MODES.index(mode) if mode in _TIMELINE_MODES else len(_TIMELINE_MODES)
