"""The figures, built as plain dicts, make the same JSON to the byte as plotly's graph objects
made of the same calls (the reference builders below are what figures.py did before), their
default template cut to what scatter charts read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import pytest
import story_fixture as f

from storyline.model import Article, RelationPoint, TimelineEntry
from storyline.present.build import build_presentation
from storyline.present.figures import (
    _COLOURS,
    _FONT,
    _ROWS,
    _esc,
    _focus,
    _hover,
    _middle,
    figure_json,
    period_start,
    relations_figure,
    scatter_template,
    timeline_figure,
)
from storyline.present.timeline import outlet_of, period_bounds


def _reference_timeline(entries: Sequence[TimelineEntry], articles: Sequence[Article]) -> go.Figure:
    by_id = {a.id: a for a in articles}
    fig = go.Figure()
    for mode in _ROWS[:3]:
        rows = [e for e in entries if e.mode == mode]
        days = [e for e in rows if e.granularity == "day"]
        spans = [e for e in rows if e.granularity != "day"]
        colour = _COLOURS[mode]
        if spans:
            xs: list[str | None] = []
            for e in spans:
                start, end = period_bounds(e.date, e.granularity)
                xs += [start.isoformat(), (end + dt.timedelta(days=1)).isoformat(), None]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=[mode if x else None for x in xs],
                    mode="lines",
                    line={"width": 10, "color": colour},
                    opacity=0.45,
                    hoverinfo="skip",
                    name=f"{mode} (month or year known)",
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=[_middle(e) for e in spans],
                    y=[mode] * len(spans),
                    mode="markers",
                    marker={"symbol": "line-ns-open", "size": 14, "color": colour},
                    hovertext=[_hover(e, by_id) for e in spans],
                    hoverinfo="text",
                    showlegend=False,
                )
            )
        if days:
            fig.add_trace(
                go.Scatter(
                    x=[e.date for e in days],
                    y=[mode] * len(days),
                    mode="markers",
                    marker={"size": 12, "color": colour, "symbol": "x" if mode == "cancelled" else "circle"},
                    hovertext=[_hover(e, by_id) for e in days],
                    hoverinfo="text",
                    name=f"{mode} (day known)",
                )
            )
    published = [a for a in articles if a.published and a.duplicate_of is None]
    wires = [a for a in articles if a.published and a.duplicate_of is not None]
    for group, symbol in ((published, "diamond"), (wires, "diamond-open")):
        if group:
            fig.add_trace(
                go.Scatter(
                    x=[a.published for a in group],
                    y=["coverage"] * len(group),
                    mode="markers",
                    marker={"symbol": symbol, "size": 11, "color": _COLOURS["coverage"]},
                    name="articles published" if symbol == "diamond" else "wire copies",
                    hovertext=[_esc(f"{outlet_of(a)}: {a.title or a.source}") for a in group],
                    hoverinfo="text+x",
                )
            )
    focus = _focus(entries, published)
    if focus is not None:
        fig.update_xaxes(range=list(focus), rangeslider={"visible": True, "thickness": 0.12})
    fig.update_layout(
        height=140 + 55 * len({t.y[0] for t in fig.data if t.y}) + (70 if focus else 0),
        margin={"l": 90, "r": 20, "t": 60, "b": 30},
        font=_FONT,
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        hovermode="closest",
        plot_bgcolor="#fafafa",
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(_ROWS)), "title": None},
        xaxis={"type": "date", "title": None},
    )
    return fig


def _reference_relations(points: Sequence[RelationPoint]) -> go.Figure:
    fig = go.Figure()
    for dyad in sorted({p.dyad for p in points}):
        series = [p for p in points if p.dyad == dyad]
        fig.add_trace(
            go.Scatter(
                x=[period_start(p.period) for p in series],
                y=[p.score for p in series],
                mode="lines+markers",
                name=dyad.replace("-", "–"),
                marker={"size": [8 + 4 * min(p.events, 8) for p in series]},
                hovertext=[
                    f"{dyad.replace('-', '–')} {p.period}: {p.events} event(s), mean {p.score:+.1f}"
                    for p in series
                ],
                hoverinfo="text",
            )
        )
    fig.add_hline(y=0, line={"color": "#999", "width": 1, "dash": "dot"})
    fig.update_layout(
        height=340,
        margin={"l": 120, "r": 20, "t": 10, "b": 50},
        font=_FONT,
        plot_bgcolor="#fafafa",
        showlegend=True,
        yaxis={
            "range": [-10.5, 10.5],
            "title": "mean intensity",
            "tickvals": [-10, -5, 0, 5, 10],
            "ticktext": ["−10 conflict", "−5", "0", "+5", "+10 cooperation"],
        },
        xaxis={"type": "date", "title": None},
        legend={"orientation": "h", "y": -0.2},
    )
    return fig


def _article(aid: str, published: str | None, copy_of: str | None = None) -> Article:
    title = f"<b>{aid}</b> & co"
    return Article(aid, f"{aid}.txt", "text", title=title, published=published, duplicate_of=copy_of)


_ARTICLES = (
    _article("a1", "2025-03-05"),
    _article("a2", "2025-03-09T22:48"),
    _article("a3", "2025-03-10", copy_of="a1"),
    _article("a4", None),
)
_ENTRIES = (
    TimelineEntry("2018", "year", "an idea since 2018 </script>", articles=("a1",)),
    TimelineEntry("2025-01", "month", "talks stalled", articles=("a1", "a2", "zz")),
    TimelineEntry("2025-03-07", "day", "visit", articles=("a2",)),
    TimelineEntry("2025-05", "month", "to meet in May", mode="planned"),
    TimelineEntry("2025-03-11", "day", "to leave", mode="planned", articles=("a1",)),
    TimelineEntry("2025-01-15", "day", "talks called off", mode="cancelled", articles=("a1", "a2")),
)


def _plotly(fig: go.Figure) -> dict[str, Any]:
    """The reference figure's dict, its template cut as the report's figures cut theirs."""
    d: dict[str, Any] = fig.to_dict()
    d["layout"]["template"] = scatter_template(d["layout"]["template"])
    return d


def test_scatter_template_keeps_what_scatter_charts_read() -> None:
    full = go.Figure().to_dict()["layout"]["template"]
    cut = scatter_template(full)
    assert list(cut["data"]) == ["scatter"] and cut["data"]["scatter"] == full["data"]["scatter"]
    assert list(cut["layout"]) == [
        *("autotypenumbers", "colorway", "font", "hovermode", "hoverlabel", "paper_bgcolor"),
        *("plot_bgcolor", "xaxis", "yaxis", "shapedefaults", "annotationdefaults", "title"),
    ]
    assert all(cut["layout"][k] == full["layout"][k] for k in cut["layout"])
    assert len(json.dumps(cut)) < len(json.dumps(full)) / 5


def test_every_trace_the_figures_draw_has_its_template_style() -> None:
    story = build_presentation(f.story(), summary_sentences=4)
    for fig in (timeline_figure(story.timeline, story.articles), relations_figure(story.relations)):
        assert fig["data"] and {t["type"] for t in fig["data"]} <= set(fig["layout"]["template"]["data"])


@pytest.mark.parametrize(
    ("entries", "articles"),
    [
        (_ENTRIES, _ARTICLES),  # far entries: focused on the coverage, with a range slider
        (_ENTRIES[1:3], _ARTICLES),  # no focus
        (_ENTRIES[3:], _ARTICLES[:1]),  # no wire copies
        (_ENTRIES[2:3], ()),  # no articles
        ((), _ARTICLES[2:]),  # coverage only
        ((), ()),
    ],
)
def test_timeline_figure_is_plotlys_to_the_byte(
    entries: Sequence[TimelineEntry], articles: Sequence[Article]
) -> None:
    assert figure_json(timeline_figure(entries, articles)) == figure_json(
        _plotly(_reference_timeline(entries, articles))
    )


def test_fixture_story_figures_are_plotlys_to_the_byte() -> None:
    story = build_presentation(f.story(), summary_sentences=4)
    assert story.timeline and story.relations
    fig = timeline_figure(story.timeline, story.articles)
    assert figure_json(fig) == figure_json(_plotly(_reference_timeline(story.timeline, story.articles)))
    relations = relations_figure(story.relations)
    assert figure_json(relations) == figure_json(_plotly(_reference_relations(story.relations)))


def test_relations_figure_is_plotlys_to_the_byte() -> None:
    points = [
        RelationPoint("AUS-IDN", "2025-W11", -4.55, 4),
        RelationPoint("AUS-IDN", "2025-03", 1.9, 12),
        RelationPoint("AUS-SGP", "2025-03-01", 10.0, 1),
    ]
    assert figure_json(relations_figure(points)) == figure_json(_plotly(_reference_relations(points)))
