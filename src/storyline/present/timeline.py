"""Timeline: every dated event in order, merged across articles, dated only as precisely as known.

An event dated "in February 2023" stays a month-level entry ("Feb 2023"); it is never given a
made-up day. Entries sort by their ISO prefix, so a coarser date sorts at the start of the period
it covers ("2023-02" before "2023-02-10"), which is where a reader looks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ..model import Article, Event, Story, TimelineEntry

__all__ = ["build_timeline", "format_date", "granularity_of", "period_bounds", "outlet_of"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_GRANULARITY_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
# modes shown on the timeline; denied and hypothetical events did not (or may not) take place at
# a date, so they would mislead on a time axis
_TIMELINE_MODES = ("happened", "planned", "cancelled")


def build_timeline(story: Story) -> tuple[TimelineEntry, ...]:
    """One entry per distinct dated happening, in date order, with every article that reports it.

    Events the fuse stage did not merge (same type, actors, date and mode, from different
    articles) are merged here, so the timeline never shows one happening twice.
    """
    duplicates = {a.id: a.duplicate_of for a in story.articles if a.duplicate_of}
    groups: dict[tuple[str, str, str, str | None, str | None, str], list[Event]] = {}
    for e in story.events:
        gran = granularity_of(e.date, e.granularity)
        if e.date is None or gran is None or e.mode not in _TIMELINE_MODES:
            continue
        key = (e.date, gran, e.type, e.source_actor, e.target_actor, e.mode)
        groups.setdefault(key, []).append(e)
    entries = []
    for (date, gran, _type, _src, _tgt, mode), events in groups.items():
        articles = _articles_of(events, duplicates)
        entries.append(
            TimelineEntry(
                date=date,
                granularity=gran,
                title=_title(events),
                events=tuple(e.id for e in events),
                articles=articles,
                mode=mode,
            )
        )
    entries.sort(key=lambda t: (t.date, _mode_rank(t.mode), t.title))
    return tuple(entries)


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


def _articles_of(events: Iterable[Event], duplicates: dict[str, str]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for e in events:
        for ev in e.evidence:
            ids[ev.article] = None
        for a in e.articles:  # set by fuse when it merged reports
            ids[a] = None
    # wire copies report the same happening: they are sources of the entry too
    for dup, canon in duplicates.items():
        if canon in ids:
            ids[dup] = None
    return tuple(ids)


def _title(events: Sequence[Event]) -> str:
    """The most common summary among the merged events (ties: the shortest, then the first)."""
    counts: dict[str, int] = {}
    for e in events:
        if e.summary:
            counts[e.summary] = counts.get(e.summary, 0) + 1
    if not counts:
        return events[0].type
    return min(counts, key=lambda s: (-counts[s], len(s)))


def _mode_rank(mode: str) -> int:
    return _TIMELINE_MODES.index(mode) if mode in _TIMELINE_MODES else len(_TIMELINE_MODES)
