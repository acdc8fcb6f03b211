"""Relations index: dyads, per-period counts and means, and the reading of direction."""

from __future__ import annotations

from dataclasses import replace

import pytest
import story_fixture as f

from storyline.model import RelationPoint
from storyline.present.relations import build_relations, choose_period, describe_direction, period_key


def test_monthly_series_of_the_fixture() -> None:
    points, _ = build_relations(f.story(), "month")
    # the signing is reported twice (two articles, not merged by fuse) and counts once;
    # the cancelled talks do not count
    assert [(p.dyad, p.period, p.score, p.events) for p in points] == [
        ("FJI-NZL", "2024-02", -5.0, 1),
        ("FJI-NZL", "2024-05", 6.0, 1),
        ("FJI-NZL", "2024-07", 5.0, 1),
    ]


def test_reading_says_warming() -> None:
    _, readings = build_relations(f.story(), "month")
    assert readings == {
        "FJI-NZL": "FJI–NZL: 3 event(s) over 3 month(s), cooperative on average (+2.0); "
        "warming: -5.0 in 2024-02 → +5.0 in 2024-07."
    }


def test_mean_and_count_within_one_period() -> None:
    s = f.story()
    extra = replace(s.events[0], id="e-x", type="PROTEST", date="2024-05-20", intensity=-2.0)
    points, _ = build_relations(replace(s, events=(*s.events, extra)), "month")
    assert [(p.score, p.events) for p in points if p.period == "2024-05"] == [(2.0, 2)]


def test_weekly_series_leaves_month_dated_events_out_and_says_so() -> None:
    points, readings = build_relations(f.story(), "week")
    assert [(p.period, p.events) for p in points] == [("2024-W19", 1)]
    assert readings["FJI-NZL"].endswith(
        "(2 event(s) dated only to a coarser period are left out of the series)."
    )


def test_domestic_and_countryless_events_have_no_dyad() -> None:
    s = f.story()
    actors = tuple(replace(a, country="NZL") if a.id == "sta:fji" else a for a in s.actors)
    assert build_relations(replace(s, actors=actors), "month") == ((), {})
    actors = tuple(replace(a, country=None) if a.id == "sta:fji" else a for a in s.actors)
    assert build_relations(replace(s, actors=actors), "month") == ((), {})


@pytest.mark.parametrize(
    ("date", "period", "key"),
    [
        ("2024-05-06", "day", "2024-05-06"),
        ("2024-05-06", "week", "2024-W19"),
        ("2024-05-06", "month", "2024-05"),
        ("2021-01-01", "week", "2020-W53"),
    ],
)
def test_period_key(date: str, period: str, key: str) -> None:
    assert period_key(date, period) == key


@pytest.mark.parametrize(
    ("dates", "period"),
    [
        ([], "month"),
        (["2024-05-01", "2024-05-10"], "day"),
        (["2024-05-01", "2024-07-01"], "week"),
        (["2024-02", "2024-07"], "month"),
    ],
)
def test_auto_period_follows_the_span(dates: list[str], period: str) -> None:
    assert choose_period(dates) == period


@pytest.mark.parametrize(
    ("scores", "word"),
    [((5.0, 1.0), "cooling"), ((-3.0, -2.0), "steady"), ((-3.0, 0.0), "warming")],
)
def test_direction_words(scores: tuple[float, float], word: str) -> None:
    series = [RelationPoint("AUS-IDN", p, s, 1) for p, s in zip(("2025-01", "2025-02"), scores, strict=True)]
    assert f"; {word}: " in describe_direction("AUS-IDN", series, "month")


def test_one_period_has_no_direction() -> None:
    text = describe_direction("AUS-IDN", [RelationPoint("AUS-IDN", "2025-01", 4.0, 2)], "month")
    assert (
        text == "AUS–IDN: 2 event(s) over 1 month(s), cooperative on average (+4.0); "
        "one period only, so no direction yet."
    )


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="period must be one of"):
        build_relations(f.story(), "fortnight")


@pytest.mark.parametrize(
    ("key", "start"), [("2025-W11", "2025-03-10"), ("2025-03", "2025-03-01"), ("2025-03-12", "2025-03-12")]
)
def test_period_start_places_periods_on_a_date_axis(key: str, start: str) -> None:
    from storyline.present.figures import period_start

    assert period_start(key) == start
