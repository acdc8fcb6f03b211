"""Event merging: one real-world event, however many articles report it and in whatever words.

Blocking: events are grouped by the (unordered) pair of actors they involve plus their type;
inside a block they are swept in date order and only neighbours within ``WINDOW_DAYS`` are
compared, so the cost stays near-linear. An undated report ("Blinken is expected to meet Xi")
joins a dated one when that date falls near its article's publication date.
The merged event keeps the most precise date and place any report gives, the union of the
evidence, and every article and outlet; reports that disagree on date or place become conflicts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..ids import derived_id
from ..model import Conflict, Event, Evidence
from ..unionfind import UnionFind
from .conflicts import conflict_id
from .sources import Sources

__all__ = ["WINDOW_DAYS", "merge_events"]

# Reports of one meeting differ by a day at most (time zones, "overnight", a dateline one day
# after the event). Two days was tried on the seeds: it merged a Wednesday phone call with a
# Friday departure (same actors, same type) and reported a false date conflict.
WINDOW_DAYS = 1
# An undated planned/expected event is the same as a dated one of the same pair and type when
# that date lies this close to the undated report's publication date (near-term expectations).
UNDATED_AHEAD_DAYS, UNDATED_BEHIND_DAYS = 30, 7
# An undated report of something that happened is about the day or two before publication
# (on the seeds, a 4-day window joined Sunday's meeting to a Wednesday phone call).
UNDATED_HAPPENED_DAYS = 2
_PRECISION = {"day": 3, "minute": 3, "month": 2, "year": 1}


def merge_events(
    events: Sequence[Event], sources: Sources, remap: dict[str, str] | None = None
) -> tuple[list[Event], list[Conflict]]:
    """Merge reports of the same event; return merged events and the disagreements found."""
    remap = remap or {}
    evs = [_remapped(e, remap) for e in events]
    sets = UnionFind(len(evs))
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, e in enumerate(evs):
        actors = tuple(sorted({a for a in (e.source_actor, e.target_actor) if a}))
        if actors:
            blocks[(e.type, *actors)].append(i)
    for members in blocks.values():
        starts = {i: _start(evs[i]) for i in members}
        dated = sorted((i for i in members if starts[i] is not None), key=starts.__getitem__)  # type: ignore[arg-type]
        _sweep(sets, [(i, starts[i]) for i in dated], lambda i: _end(evs[i]))  # type: ignore[misc]
        window = _Window([evs[j] for j in dated], [starts[j] for j in dated], sources)  # type: ignore[misc]
        # undated reports by (mode, place): the candidates ``_same_undated`` accepts, in order
        alike: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j in members:
            if evs[j].date is None:
                alike[_undated_key(evs[j])].append(j)
        for i in members:
            if starts[i] is None:
                match = window.match(evs[i])
                target = (
                    dated[match]
                    if match is not None
                    # two undated reports are one event only when place and mode agree too
                    else next((j for j in alike.get(_undated_key(evs[i]), ()) if j != i), None)
                )
                if target is not None:
                    sets.union(i, target)
    merged: list[Event] = []
    conflicts: list[Conflict] = []
    for group in sets.groups():
        ev, found = _merge([evs[i] for i in group], sources)
        merged.append(ev)
        conflicts.extend(found)
    merged.sort(key=lambda e: (e.date or "9999", e.id))
    return merged, conflicts


def _sweep(sets: UnionFind, dated: list[tuple[int, dt.date]], end: Callable[[int], dt.date]) -> None:
    """Join each dated report (index and start, in start order) to the reports before it whose
    period (``end``: its last day) ends at most ``WINDOW_DAYS`` before it starts.

    Only the earlier report reaching furthest is joined: any earlier report within reach of this
    one is within reach of every later-starting earlier one too, so those already share a set,
    and the sets are those of joining every such pair (which was quadratic in a block of
    thousands of reports of one pair's meetings on a few days)."""
    far: tuple[int, dt.date] | None = None  # (index, last day) of the report reaching furthest
    for k, (i, start) in enumerate(dated):
        if far is not None and (start - far[1]).days <= WINDOW_DAYS:
            sets.union(i, far[0])
        if k + 1 < len(dated):  # the last report's end is never needed (nor worked out)
            last = end(i)
            if far is None or last > far[1]:
                far = (i, last)


def _undated_key(e: Event) -> tuple[str, str]:
    """What two undated reports must share to be one event (see ``_same_undated``)."""
    return e.mode, (e.place or "").lower()


def _same_undated(a: Event, b: Event) -> bool:
    return b.date is None and a.mode == b.mode and (a.place or "").lower() == (b.place or "").lower()


def _start(e: Event) -> dt.date | None:
    if not e.date:
        return None
    parts = e.date.split("-")
    try:
        return dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2][:2]) if len(parts) > 2 else 1
        )
    except (ValueError, IndexError):
        return None


def _end(e: Event) -> dt.date:
    """Last day a date of the event's granularity covers ("2023-06" runs to the 30th), or the
    last day of its range ("this week": Monday to Sunday)."""
    start = _start(e)
    assert start is not None
    if e.end:
        last = _start(replace(e, date=e.end))
        if last is not None and last >= start:
            return last
    parts = (e.date or "").split("-")
    if len(parts) == 1:
        return dt.date(start.year, 12, 31)
    if len(parts) == 2:
        nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def _undated_match(e: Event, dated: list[Event], sources: Sources) -> int | None:
    """Index of the dated report an undated one refers to, judged from its publication date."""
    pub = _published(e, sources)
    if pub is None:
        return None
    # news reports what happened as the latest thing: an undated past-tense report is about
    # the last day or two; an expectation looks ahead. The closest fitting date wins.
    behind, ahead = _reach(e)
    best: tuple[int, int] | None = None
    for k, d in enumerate(dated):
        start = _start(d)
        if not _places_fit(e.place, d.place):
            continue  # 'at the Munich conference' is not the press conference held on Friday
        if start is not None and -behind <= (start - pub).days <= ahead:
            gap = abs((start - pub).days)
            if best is None or gap < best[0]:
                best = (gap, k)
    return None if best is None else best[1]


def _reach(e: Event) -> tuple[int, int]:
    """Days before and after its publication an undated report's event may lie."""
    return (UNDATED_HAPPENED_DAYS, 1) if e.mode == "happened" else (UNDATED_BEHIND_DAYS, UNDATED_AHEAD_DAYS)


class _Window:
    """:func:`_undated_match` over one block's dated reports (sorted by start), by looking up
    the start days nearest the publication day instead of scanning every report."""

    def __init__(self, dated: list[Event], starts: list[dt.date], sources: Sources) -> None:
        self.dated, self.starts, self.sources = dated, starts, sources
        self.found: dict[tuple[str | None, dt.date, int, int], int | None] = {}

    def match(self, e: Event) -> int | None:
        """The same index as ``_undated_match(e, dated, sources)``: the fitting report closest
        to the publication day, the first in order among equally close ones (days before the
        publication day sort first)."""
        pub = _published(e, self.sources)
        if pub is None:
            return None
        behind, ahead = _reach(e)
        key = (e.place, pub, behind, ahead)
        if key not in self.found:
            self.found[key] = self._closest(e.place, pub, behind, ahead)
        return self.found[key]

    def _closest(self, place: str | None, pub: dt.date, behind: int, ahead: int) -> int | None:
        for gap in range(max(behind, ahead) + 1):
            for side in (-gap, gap) if gap else (0,):
                if not -behind <= side <= ahead:
                    continue
                try:
                    day = pub + dt.timedelta(days=side)
                except OverflowError:  # past the calendar's end: no report starts there
                    continue
                k = bisect.bisect_left(self.starts, day)
                while k < len(self.starts) and self.starts[k] == day:
                    if _places_fit(place, self.dated[k].place):
                        return k
                    k += 1
        return None


def _places_fit(undated: str | None, dated: str | None) -> bool:
    """An undated report that names its place (a capitalised name in it) joins only a dated
    report naming the same or an enclosing place: with nothing else to go by, the place is what
    tells two happenings apart."""
    if not undated or not any(w[:1].isupper() for w in undated.split()):
        return True
    if not dated:
        return False
    a, b = undated.lower(), dated.lower()
    return a in b or b in a or bool(_name_words(undated) & _name_words(dated))


def _name_words(place: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\b[A-Z][\w’'-]+", place)}


def _published(e: Event, sources: Sources) -> dt.date | None:
    for ev in e.evidence:
        p = sources.published(ev.article)
        if p:
            try:
                return dt.date.fromisoformat(p[:10])
            except ValueError:
                continue
    return None


def _remapped(e: Event, remap: dict[str, str]) -> Event:
    """The event with its actors' merged ids; the event itself when that changes nothing (a copy
    of every report cost ~5k ``replace`` calls a 200-article run)."""
    source = remap.get(e.source_actor, e.source_actor) if e.source_actor else None
    target = remap.get(e.target_actor, e.target_actor) if e.target_actor else None
    if source == e.source_actor and target == e.target_actor:
        return e
    return replace(e, source_actor=source, target_actor=target)


def _merge(group: list[Event], sources: Sources) -> tuple[Event, list[Conflict]]:
    if len(group) == 1:
        e = group[0]
        arts = sources.with_copies(dict.fromkeys(v.article for v in e.evidence))
        return replace(e, articles=tuple(arts), outlets=sources.outlets(arts)), []
    # a day beats a range of days ("this weekend") of the same precision (issue 16)
    best = max(
        group,
        key=lambda e: (
            _PRECISION.get(e.granularity or "", 0),
            e.end is None,
            e.mode == "happened",
            -len(e.evidence),
        ),
    )
    places = Counter(e.place for e in group if e.place)
    place = max(places, key=lambda p: (places[p], len(p))) if places else None
    evidence = tuple(dict.fromkeys(v for e in group for v in e.evidence))
    arts = sources.with_copies(dict.fromkeys(v.article for v in evidence))
    modes = {e.mode for e in group}
    mode = "happened" if "happened" in modes else best.mode
    ids = sorted(e.id for e in group)
    note = f"merged {len(group)} reports: {', '.join(ids)}"
    # a planned report of what later happened joins it; each report's own mode stays on record
    reported = sorted({f"{v.article}: {e.mode}" for e in group for v in e.evidence[:1]})
    mode_note = "modes as reported: " + "; ".join(reported) if len(modes) > 1 else None
    merged = replace(
        best,
        id=derived_id(ids, prefix="event-"),
        place=place or best.place,
        mode=mode,
        intensity=round(sum(e.intensity for e in group) / len(group), 2),
        evidence=evidence,
        notes=(
            *tuple(dict.fromkeys(n for e in group for n in e.notes)),
            note,
            *((mode_note,) if mode_note else ()),
        ),
        articles=tuple(arts),
        outlets=sources.outlets(arts),
    )
    return merged, _disagreements(group)


def _disagreements(group: list[Event]) -> list[Conflict]:
    """Different day dates or unrelated places among reports of one event."""
    out: list[Conflict] = []
    days = {e.date: e for e in group if e.date and _PRECISION.get(e.granularity or "", 0) == 3}
    ordered = sorted(days)
    for a, b in itertools.pairwise(ordered):
        ea, eb = days[a], days[b]
        gap = (_start(eb) - _start(ea)).days  # type: ignore[operator]
        dsides = (_date_side(ea), _date_side(eb))
        what = f"Reports date the same {ea.type.lower()} {a} and {b}"
        if _start(eb) <= _end(ea):  # type: ignore[operator]
            why = f"{what}: {a} is the start of a range ({ea.date_text or a} to {ea.end}) that holds {b}."
            out.append(Conflict(conflict_id(dsides), "date", why, dsides, "compatible"))
        elif gap <= 1:
            why = f"{what}: a day apart, which time zones or an overnight meeting allow."
            out.append(Conflict(conflict_id(dsides), "date", why, dsides, "compatible"))
        else:
            why = f"{what}, {gap} days apart; both cannot be right."
            out.append(Conflict(conflict_id(dsides), "date", why, dsides, "conflict"))
    # places are compared only when every report agrees on the day (else the group may hold a
    # plan and its outcome) and only proper-noun places ("the sidelines of ..." is no place name)
    same_day = len(days) == 1 and all(e.date in days for e in group)
    placed = {e.place: e for e in group if same_day and e.place and e.place[:1].isupper()}
    names = sorted(placed)
    for x, p in enumerate(names):
        for q in names[x + 1 :]:
            if p.lower() in q.lower() or q.lower() in p.lower():
                continue
            ep, eq = placed[p], placed[q]
            sides: tuple[Evidence, ...] = ()
            if ep.evidence and eq.evidence:
                sides = (ep.evidence[0], eq.evidence[0])
            # one report naming both places (a venue and its city) shows they nest, not clash
            nested = any(p in v.text and q in v.text for e in group for v in e.evidence)
            verdict = "compatible" if nested else "conflict"
            why = f"Reports place the event in {p} and in {q}; " + (
                "one report names both, so one lies within the other."
                if nested
                else "no report reconciles them."
            )
            out.append(Conflict(conflict_id(sides, p + q), "place", why, sides, verdict))
    return out


def _date_side(e: Event) -> Evidence:
    ev = e.evidence[0] if e.evidence else Evidence("", 0, 0, "")
    if e.date_text and e.date_text in ev.text:
        k = ev.text.index(e.date_text)
        return Evidence(ev.article, ev.start + k, ev.start + k + len(e.date_text), e.date_text)
    return ev
