"""Timeline: order, honest granularity, merging across articles, modes."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
import story_fixture as f

from storyline.model import Article, Event
from storyline.present.timeline import (
    _articles_of,
    _Copies,
    build_timeline,
    format_date,
    granularity_of,
    period_bounds,
)


@pytest.mark.parametrize(
    ("date", "granularity", "expected"),
    [
        ("2023-02-14", "day", "14 Feb 2023"),
        ("2023-02", "month", "Feb 2023"),
        ("2023-02-14", "month", "Feb 2023"),  # stated coarser than written: the coarser wins
        ("2023", "year", "2023"),
        ("2023-12", None, "Dec 2023"),
        (None, None, "undated"),
    ],
)
def test_format_date_shows_only_known_precision(
    date: str | None, granularity: str | None, expected: str
) -> None:
    assert format_date(date, granularity) == expected


@pytest.mark.parametrize(
    ("date", "stated", "expected"),
    [
        ("2024-05-06", "day", "day"),
        ("2024-05", "day", "month"),
        ("2024", None, "year"),
        ("May 2024", None, None),
    ],
)
def test_granularity_never_finer_than_written(date: str, stated: str | None, expected: str | None) -> None:
    assert granularity_of(date, stated) == expected


def test_period_bounds_of_february_in_a_leap_year() -> None:
    start, end = period_bounds("2024-02", "month")
    assert (start.isoformat(), end.isoformat()) == ("2024-02-01", "2024-02-29")


def test_entries_in_date_order_with_coarse_dates_first() -> None:
    entries = build_timeline(f.story())
    assert [(t.date, t.granularity) for t in entries] == [
        ("2024-02", "month"),
        ("2024-03", "month"),
        ("2024-05-06", "day"),
        ("2024-07", "month"),
    ]


def test_month_level_sorts_before_days_of_that_month() -> None:
    s = f.story()
    early = replace(s.events[0], id="e-may", date="2024-05", granularity="month", type="OTHER")
    entries = build_timeline(replace(s, events=(*s.events, early)))
    assert [t.date for t in entries][2:4] == ["2024-05", "2024-05-06"]


def test_same_happening_from_two_articles_is_one_entry_with_all_sources() -> None:
    entry = next(t for t in build_timeline(f.story()) if t.date == "2024-05-06")
    assert entry.events == ("e-sign-a", "e-sign-b")
    assert set(entry.articles) == {f.A, f.B, f.C}  # C is the wire copy of A


@pytest.mark.parametrize(
    ("date", "mode"), [("2024-03", "cancelled"), ("2024-07", "planned"), ("2024-02", "happened")]
)
def test_mode_is_kept(date: str, mode: str) -> None:
    assert {t.date: t.mode for t in build_timeline(f.story())}[date] == mode


@pytest.mark.parametrize("mode", ["denied", "hypothetical"])
def test_events_that_did_not_take_place_are_left_out(mode: str) -> None:
    s = f.story()
    events = tuple(replace(e, mode=mode) if e.id == "e-board" else e for e in s.events)
    assert "2024-02" not in [t.date for t in build_timeline(replace(s, events=events))]


def test_undated_events_are_left_out() -> None:
    s = f.story()
    events = tuple(replace(e, date=None, granularity=None) if e.id == "e-board" else e for e in s.events)
    assert len(build_timeline(replace(s, events=events))) == 3


def _visit(eid: str, src: str | None) -> Event:
    s = f.story()
    return replace(
        s.events[0],
        id=eid,
        type="CONSULT",
        source_actor=src,
        target_actor=None,
        date="2024-03-01",
        granularity="day",
        mode="cancelled",
        summary=f"visit {eid}",
    )


@pytest.mark.parametrize(
    ("sources", "entries"),
    [
        (("per:reardon", "sta:nzl"), 1),  # a minister and the state he acts for
        (("per:reardon", None), 1),  # one report names nobody
        (("per:reardon", "per:lealea"), 2),  # two different people
        (("per:reardon", "sta:fji"), 2),  # a minister and another state
    ],
)
def test_reports_of_one_happening_with_agreeing_actors_merge(
    sources: tuple[str | None, str | None], entries: int
) -> None:
    s = f.story()
    visits = tuple(_visit(f"v{i}", src) for i, src in enumerate(sources))
    timeline = build_timeline(replace(s, events=visits))
    assert len(timeline) == entries


def test_merged_entry_takes_the_title_of_the_most_specific_report() -> None:
    s = f.story()
    visits = (_visit("v0", "sta:nzl"), _visit("v1", "per:reardon"))
    (entry,) = build_timeline(replace(s, events=visits))
    assert (entry.title, entry.events) == ("Visit v1", ("v0", "v1"))


@pytest.mark.parametrize("seed", range(5))
def test_copies_looked_up_by_original_are_those_asking_every_copy_finds(seed: int) -> None:
    rng = random.Random(seed)
    originals = [Article(id=f"a{k}", source=f"a{k}.txt", text="x") for k in range(30)]
    copies = [
        Article(id=f"c{k}", source=f"c{k}.txt", text="x", duplicate_of=rng.choice(originals).id)
        for k in range(40)
    ]
    articles = rng.sample(originals + copies, len(originals) + len(copies))  # copies anywhere in order
    index = _Copies(articles)
    assert not index.chained
    asking_each = _Copies(articles)
    asking_each.chained = True  # the path that asks every copy whether its original is cited
    for _ in range(20):
        events = [
            replace(
                f.events()[0],
                evidence=tuple(
                    replace(f.events()[0].evidence[0], article=a.id) for a in rng.sample(originals, 3)
                ),
                articles=tuple(a.id for a in rng.sample(originals + copies, 2)),
            )
            for _ in range(rng.randrange(1, 4))
        ]
        assert _articles_of(events, index) == _articles_of(events, asking_each)
