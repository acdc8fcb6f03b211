"""Event merging: reports of one meeting from several outlets become one event."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from storyline.fuse.events import (
    WINDOW_DAYS,
    _end,
    _start,
    _sweep,
    _undated_match,
    _Window,
    merge_events,
)
from storyline.fuse.sources import Sources
from storyline.model import Event, Evidence
from storyline.unionfind import UnionFind

from .helpers import article

TEXTS = {
    "wsj": "Blinken is expected to meet Xi during the trip to Beijing.",
    "nyt": "Blinken met Xi on Monday at the Great Hall of the People in Beijing for 35 minutes.",
    "ap": "Blinken and Xi met in Beijing on Monday.",
    "ap-copy": "Blinken and Xi met in Beijing on Monday. ",
    "old": "Blinken and Xi met in Beijing in 2018.",
}
PUBLISHED = {
    "wsj": "2023-06-17",
    "nyt": "2023-06-19",
    "ap": "2023-06-19",
    "ap-copy": "2023-06-19",
    "old": "2023-06-19",
}
OUTLETS = {"wsj": "Journal", "nyt": "Times", "ap": "AP", "ap-copy": "Herald", "old": "Archive"}
SOURCES = Sources(
    [
        article(k, t, OUTLETS[k], PUBLISHED[k], copy_of="ap" if k == "ap-copy" else None)
        for k, t in TEXTS.items()
    ]
)


def _event(
    key: str,
    date: str | None,
    gran: str | None,
    *,
    place: str | None = "Beijing",
    mode: str = "happened",
    src: str = "per:blinken",
    tgt: str = "per:xi",
    typ: str = "CONSULT",
) -> Event:
    ev = Evidence(key, 0, len(TEXTS[key]), TEXTS[key])
    return Event(f"{key}-{date}", typ, src, tgt, date, gran, None, place, 4.0, mode, f"{key} report", (ev,))


def test_reports_of_one_meeting_become_one_event() -> None:
    events, _ = merge_events(
        [
            _event("wsj", None, None, mode="planned"),
            _event("nyt", "2023-06-19", "day", place="Great Hall of the People"),
            _event("ap", "2023-06-19", "day", src="per:xi", tgt="per:blinken"),
        ],
        SOURCES,
    )
    [e] = events
    assert (e.outlets, e.articles) == (("Journal", "Times", "AP", "Herald"), ("wsj", "nyt", "ap", "ap-copy"))


def test_merged_event_keeps_most_precise_date_and_mode() -> None:
    events, _ = merge_events(
        [_event("wsj", "2023-06", "month", mode="planned"), _event("nyt", "2023-06-19", "day")], SOURCES
    )
    assert [(e.date, e.granularity, e.mode) for e in events] == [("2023-06-19", "day", "happened")]


def test_merged_event_keeps_union_of_evidence() -> None:
    events, _ = merge_events([_event("nyt", "2023-06-19", "day"), _event("ap", "2023-06-19", "day")], SOURCES)
    assert [v.article for v in events[0].evidence] == ["nyt", "ap"]


def test_distant_dates_are_different_events() -> None:
    events, _ = merge_events([_event("old", "2018-06-14", "day"), _event("ap", "2023-06-19", "day")], SOURCES)
    assert len(events) == 2


def test_different_actor_pairs_are_different_events() -> None:
    events, _ = merge_events(
        [_event("nyt", "2023-06-19", "day"), _event("ap", "2023-06-19", "day", tgt="per:wang")], SOURCES
    )
    assert len(events) == 2


def test_actor_ids_are_remapped_before_blocking() -> None:
    events, _ = merge_events(
        [_event("nyt", "2023-06-19", "day"), _event("ap", "2023-06-19", "day", tgt="local:xi")],
        SOURCES,
        {"local:xi": "per:xi"},
    )
    assert len(events) == 1


def test_undated_plan_far_from_a_dated_meeting_stays_apart() -> None:
    events, _ = merge_events(
        [_event("wsj", None, None, mode="planned"), _event("old", "2018-06-14", "day")], SOURCES
    )
    assert len(events) == 2


def test_reports_a_day_apart_are_a_compatible_date_difference() -> None:
    _, conflicts = merge_events(
        [_event("nyt", "2023-06-19", "day"), _event("ap", "2023-06-18", "day")], SOURCES
    )
    assert [(c.kind, c.verdict) for c in conflicts] == [("date", "compatible")]


def test_reports_two_days_apart_are_two_events() -> None:
    events, conflicts = merge_events(
        [_event("nyt", "2023-06-19", "day"), _event("ap", "2023-06-17", "day")], SOURCES
    )
    assert (len(events), conflicts) == (2, [])


def test_a_day_inside_another_reports_range_is_compatible() -> None:
    """'earlier this week' (Monday to Sunday) holds 'Wednesday': no conflict between them."""
    week = replace(_event("ap", "2023-06-12", "day"), end="2023-06-18", date_text="this week")
    events, conflicts = merge_events([week, _event("nyt", "2023-06-14", "day")], SOURCES)
    assert len(events) == 1
    assert [(c.kind, c.verdict) for c in conflicts] == [("date", "compatible")]
    assert "holds 2023-06-14" in conflicts[0].description


def test_an_undated_report_naming_another_place_stays_apart() -> None:
    """'at the Munich conference' (undated) is not Friday's press conference in Beijing."""
    dated = _event("nyt", "2023-06-19", "day", place=None)
    events, _ = merge_events([dated, _event("ap", None, None, place="the Munich conference")], SOURCES)
    assert len(events) == 2
    events, _ = merge_events([dated, _event("ap", None, None, place=None)], SOURCES)
    assert len(events) == 1


def test_venue_and_city_named_together_are_compatible_places() -> None:
    _, conflicts = merge_events(
        [
            _event("nyt", "2023-06-19", "day", place="Great Hall of the People"),
            _event("ap", "2023-06-19", "day"),
        ],
        SOURCES,
    )
    assert [(c.kind, c.verdict) for c in conflicts] == [("place", "compatible")]


def test_a_state_named_only_by_an_adjective_gets_an_actor() -> None:
    """'shelled Iraqi towns': the event's target is state:IRQ; the story must have that actor."""
    from storyline.fuse import fuse
    from storyline.model import Analysis, Article, Event, Evidence

    text = "Turkey shelled Iraqi towns on Monday."
    art = Article("a1", "a.txt", text, published="2025-03-10")
    ev = Event(
        "e1",
        "ASSAULT",
        "state:TUR",
        "state:IRQ",
        "2025-03-10",
        "day",
        "on Monday",
        None,
        -10.0,
        "happened",
        "Turkey shelled Iraqi towns",
        (Evidence("a1", 0, len(text), text),),
    )
    story = fuse([art], [Analysis("a1", events=(ev,))])
    by_id = {a.id: a for a in story.actors}
    assert (by_id["state:IRQ"].name, by_id["state:IRQ"].country, by_id["state:IRQ"].kind) == (
        "Iraq",
        "IRQ",
        "state",
    )
    assert by_id["state:TUR"].country == "TUR"


def _random_reports(seed: int, n: int) -> list[Event]:
    """Reports of one pair and type on a few days: days, months, ranges and undated ones,
    with and without places, planned and happened."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        day = rng.randrange(1, 28)
        date, gran, end = rng.choice(
            [
                (f"2023-06-{day:02d}", "day", None),
                (f"2023-0{rng.randrange(5, 8)}", "month", None),
                (f"2023-06-{day:02d}", "day", f"2023-06-{min(28, day + rng.randrange(0, 6)):02d}"),
                (None, None, None),
            ]
        )
        place = rng.choice([None, "Beijing", "the Great Hall in Beijing", "Munich", "the sidelines"])
        key = rng.choice(["wsj", "nyt", "ap", "old"])
        e = _event(key, date, gran, place=place, mode=rng.choice(["happened", "planned"]))
        out.append(replace(e, id=f"e{k}", end=end))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_sweep_joins_the_sets_that_joining_every_pair_within_reach_does(seed: int) -> None:
    evs = [e for e in _random_reports(seed, 80) if _start(e) is not None]
    dated = sorted(range(len(evs)), key=lambda i: _start(evs[i]))
    every = UnionFind(len(evs))
    for x, i in enumerate(dated):
        for j in dated[x + 1 :]:
            if (_start(evs[j]) - _end(evs[i])).days <= WINDOW_DAYS:
                every.union(j, i)
    swept = UnionFind(len(evs))
    _sweep(swept, [(i, _start(evs[i])) for i in dated], lambda i: _end(evs[i]))
    assert swept.groups() == every.groups()


@pytest.mark.parametrize("seed", range(5))
def test_window_finds_the_report_that_scanning_every_one_finds(seed: int) -> None:
    evs = _random_reports(seed, 120)
    dated = sorted((e for e in evs if _start(e) is not None), key=_start)
    window = _Window(dated, [_start(e) for e in dated], SOURCES)
    undated = [e for e in evs if _start(e) is None]
    assert undated
    for e in undated:
        assert window.match(e) == _undated_match(e, dated, SOURCES)
