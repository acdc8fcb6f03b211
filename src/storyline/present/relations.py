"""Relations index: per pair of states, how many events per period and how friendly on average.

An event counts for a dyad when its source and target actors belong to two different countries
(``Actor.country``, ISO-3). The dyad is undirected and named by its two codes in alphabetical
order ("CHN-USA"). Score is the mean intensity (−10 conflict … +10 cooperation) of the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Actor, Event, RelationPoint, Story
from .timeline import granularity_of, period_bounds

__all__ = ["build_relations", "describe_direction", "choose_period", "period_key", "PERIODS"]

PERIODS = ("day", "week", "month")
# planned visits and talks signal intent and are coded as such; cancelled, denied and
# hypothetical events did not happen, so they would pull the mean towards something not done
_COUNTED_MODES = ("happened", "planned")
# a change of mean intensity smaller than this between the first and last periods reads as
# "steady": one cooperative visit (+4) among three neutral statements (0) moves a mean by ~1,
# which a reader would not call a change of direction
TREND_THRESHOLD = 1.5
# auto period: a story spanning at most this many days is shown per day, then per week
_AUTO_DAY_SPAN = 14
_AUTO_WEEK_SPAN = 120
_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class _Dated:
    dyad: str
    date: str
    granularity: str
    intensity: float


def build_relations(story: Story, period: str = "auto") -> tuple[tuple[RelationPoint, ...], dict[str, str]]:
    """The series for every dyad, and a one-sentence reading of each dyad's direction."""
    dated = _dyad_events(story.events, {a.id: a for a in story.actors})
    if period == "auto":
        period = choose_period([d.date for d in dated])
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)} or auto, got {period!r}")
    buckets: dict[tuple[str, str], list[float]] = {}
    coarse: dict[str, int] = {}
    for d in dated:
        if _ORDER[d.granularity] > _ORDER[period]:
            coarse[d.dyad] = coarse.get(d.dyad, 0) + 1  # cannot be placed in one period honestly
            continue
        buckets.setdefault((d.dyad, period_key(d.date, period)), []).append(d.intensity)
    points = tuple(
        RelationPoint(dyad=dyad, period=key, score=round(sum(v) / len(v), 2), events=len(v))
        for (dyad, key), v in sorted(buckets.items())
    )
    series: dict[str, list[RelationPoint]] = {d.dyad: [] for d in dated}
    for p in points:
        series[p.dyad].append(p)
    readings = {
        dyad: describe_direction(dyad, series[dyad], period, coarse.get(dyad, 0)) for dyad in sorted(series)
    }
    return points, readings


def choose_period(dates: Sequence[str]) -> str:
    """Day for a story of a fortnight, week up to four months, month beyond."""
    if not dates:
        return "month"
    starts = [period_bounds(d)[0] for d in dates]
    span = (max(starts) - min(starts)).days
    if span <= _AUTO_DAY_SPAN:
        return "day"
    return "week" if span <= _AUTO_WEEK_SPAN else "month"


def period_key(date: str, period: str) -> str:
    """``2025-03-10`` → "2025-03-10" (day), "2025-W11" (ISO week), "2025-03" (month)."""
    if period == "month":
        return date[:7]
    day = dt.date.fromisoformat(date[:10])
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return day.isoformat()


def describe_direction(dyad: str, series: Sequence[RelationPoint], period: str, coarse: int = 0) -> str:
    """A plain sentence: how many events, the overall tone, and whether it warmed or cooled."""
    total = sum(p.events for p in series)
    pair = dyad.replace("-", "–")
    if total == 0:
        return f"{pair}: {coarse} event(s), all dated less precisely than a {period}; no series."
    mean = sum(p.score * p.events for p in series) / total
    tone = "cooperative" if mean >= 1 else "hostile" if mean <= -1 else "neutral"
    text = f"{pair}: {total} event(s) over {len(series)} {period}(s), {tone} on average ({mean:+.1f})"
    if len(series) < 2:
        text += "; one period only, so no direction yet"
    else:
        first, last = series[0], series[-1]
        change = last.score - first.score
        if change >= TREND_THRESHOLD:
            trend = "warming"
        elif change <= -TREND_THRESHOLD:
            trend = "cooling"
        else:
            trend = "steady"
        text += f"; {trend}: {first.score:+.1f} in {first.period} → {last.score:+.1f} in {last.period}"
    if coarse:
        text += f" ({coarse} event(s) dated only to a coarser period are left out of the series)"
    return text + "."


def _dyad_events(events: Sequence[Event], actors: dict[str, Actor]) -> list[_Dated]:
    """Events between two states, one per happening: unmerged copies from several articles
    (same type, actors, date and mode, as the timeline merges them) count once."""
    out = []
    seen: set[tuple[str | None, ...]] = set()
    for e in events:
        key = (e.type, e.source_actor, e.target_actor, e.date, e.mode)
        if key in seen:
            continue
        seen.add(key)
        if e.mode not in _COUNTED_MODES or e.date is None:
            continue
        gran = granularity_of(e.date, e.granularity)
        src = actors.get(e.source_actor or "")
        tgt = actors.get(e.target_actor or "")
        if gran is None or src is None or tgt is None or not src.country or not tgt.country:
            continue
        if src.country == tgt.country:
            continue  # domestic: not a relation between states
        dyad = "-".join(sorted((src.country, tgt.country)))
        out.append(_Dated(dyad, e.date, gran, e.intensity))
    return out
