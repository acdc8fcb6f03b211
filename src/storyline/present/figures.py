"""Plotly figures for the report and the web app: the timeline and the relations series.

Figures travel as JSON inside ``<script type="application/json">``; :func:`figure_json` escapes
``<``, ``>`` and ``&`` so no article text can close that script element.

A figure is built as the plain dict plotly's ``graph_objects`` would make of it (the same keys
in the same order), so its JSON is the same to the byte: making and validating the graph objects
took a quarter of writing a story's report. Its template is plotly's default cut to what a
scatter chart on x/y axes reads (:func:`scatter_template`): the whole default is 7 kB a figure,
14 kB a story page, mostly styles for trace and subplot kinds never drawn here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from ..model import Article, RelationPoint, TimelineEntry
from .timeline import format_date, outlet_of, period_bounds

# the timeline opens on the coverage period with this margin (days) either side; entries
# further out (background years, plans for next year) stay reachable through the range slider
FOCUS_MARGIN_DAYS = 60

__all__ = ["timeline_figure", "relations_figure", "figure_json", "period_start", "scatter_template"]

_ROWS = ("happened", "planned", "cancelled", "coverage")
_COLOURS = {"happened": "#1f5f8b", "planned": "#2e8b57", "cancelled": "#b03a2e", "coverage": "#7f7f7f"}
#: a plotly figure as its JSON holds it ({"data": traces, "layout": ...})
Figure = dict[str, Any]

_FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13}


def timeline_figure(entries: Sequence[TimelineEntry], articles: Sequence[Article]) -> Figure:
    """Events by mode, one row each, plus a row for when each outlet published.

    A day is a dot; a month or year is a bar across the whole period, so a month-level date is
    never drawn as if it were a day.
    """
    by_id = {a.id: a for a in articles}
    data: list[dict[str, Any]] = []
    for mode in _ROWS[:3]:
        rows = [e for e in entries if e.mode == mode]
        if rows:
            data += _entries(mode, rows, by_id)
    published = [a for a in articles if a.published and a.duplicate_of is None]
    wires = [a for a in articles if a.published and a.duplicate_of is not None]
    for group, symbol in ((published, "diamond"), (wires, "diamond-open")):
        if not group:
            continue
        data.append(
            {
                "hoverinfo": "text+x",
                "hovertext": [_esc(f"{outlet_of(a)}: {a.title or a.source}") for a in group],
                "marker": {"color": _COLOURS["coverage"], "size": 11, "symbol": symbol},
                "mode": "markers",
                "name": "articles published" if symbol == "diamond" else "wire copies",
                "x": [a.published for a in group],
                "y": ["coverage"] * len(group),
                "type": "scatter",
            }
        )
    layout: dict[str, Any] = {"template": _template()}
    focus = _focus(entries, published)
    if focus is not None:
        layout["xaxis"] = {"rangeslider": {"visible": True, "thickness": 0.12}, "range": list(focus)}
    layout["margin"] = {"l": 90, "r": 20, "t": 60, "b": 30}
    layout["font"] = dict(_FONT)
    layout["legend"] = {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"}
    layout["yaxis"] = {"categoryorder": "array", "categoryarray": list(reversed(_ROWS)), "title": {}}
    layout["xaxis"] = {**layout.get("xaxis", {}), "type": "date", "title": {}}
    layout["height"] = 140 + 55 * len({t["y"][0] for t in data if t["y"]}) + (70 if focus else 0)
    layout["showlegend"] = True
    layout["hovermode"] = "closest"
    layout["plot_bgcolor"] = "#fafafa"
    return {"data": data, "layout": layout}


def _entries(mode: str, rows: Sequence[TimelineEntry], by_id: Mapping[str, Article]) -> list[dict[str, Any]]:
    """One mode's traces: its month- or year-level entries as bars with a tick at their middle,
    then its day-level entries as dots."""
    days = [e for e in rows if e.granularity == "day"]
    spans = [e for e in rows if e.granularity != "day"]
    colour = _COLOURS[mode]
    traces: list[dict[str, Any]] = []
    if spans:
        xs: list[str | None] = []
        for e in spans:
            start, end = period_bounds(e.date, e.granularity)
            xs += [start.isoformat(), (end + dt.timedelta(days=1)).isoformat(), None]
        traces.append(
            {
                "hoverinfo": "skip",
                "line": {"color": colour, "width": 10},
                "mode": "lines",
                "name": f"{mode} (month or year known)",
                "opacity": 0.45,
                "x": xs,
                "y": [mode if x else None for x in xs],
                "type": "scatter",
            }
        )
        traces.append(
            {
                "hoverinfo": "text",
                "hovertext": [_hover(e, by_id) for e in spans],
                "marker": {"color": colour, "size": 14, "symbol": "line-ns-open"},
                "mode": "markers",
                "showlegend": False,
                "x": [_middle(e) for e in spans],
                "y": [mode] * len(spans),
                "type": "scatter",
            }
        )
    if days:
        traces.append(
            {
                "hoverinfo": "text",
                "hovertext": [_hover(e, by_id) for e in days],
                "marker": {"color": colour, "size": 12, "symbol": "x" if mode == "cancelled" else "circle"},
                "mode": "markers",
                "name": f"{mode} (day known)",
                "x": [e.date for e in days],
                "y": [mode] * len(days),
                "type": "scatter",
            }
        )
    return traces


def relations_figure(points: Sequence[RelationPoint]) -> Figure:
    """Mean intensity per period for each dyad; marker area grows with the number of events."""
    data = []
    for dyad in sorted({p.dyad for p in points}):
        series = [p for p in points if p.dyad == dyad]
        data.append(
            {
                "hoverinfo": "text",
                "hovertext": [
                    f"{dyad.replace('-', '–')} {p.period}: {p.events} event(s), mean {p.score:+.1f}"
                    for p in series
                ],
                "marker": {"size": [8 + 4 * min(p.events, 8) for p in series]},
                "mode": "lines+markers",
                "name": dyad.replace("-", "–"),
                "x": [period_start(p.period) for p in series],
                "y": [p.score for p in series],
                "type": "scatter",
            }
        )
    hline = {  # the line add_hline(y=0) draws
        "line": {"color": "#999", "dash": "dot", "width": 1},
        "type": "line",
        **{"x0": 0, "x1": 1, "xref": "x domain", "y0": 0, "y1": 0, "yref": "y"},
    }
    layout = {
        "template": _template(),
        "shapes": [hline],
        "margin": {"l": 120, "r": 20, "t": 10, "b": 50},
        "font": dict(_FONT),
        "yaxis": {
            "range": [-10.5, 10.5],
            "title": {"text": "mean intensity"},
            "tickvals": [-10, -5, 0, 5, 10],
            "ticktext": ["−10 conflict", "−5", "0", "+5", "+10 cooperation"],
        },
        "xaxis": {"type": "date", "title": {}},
        "legend": {"orientation": "h", "y": -0.2},
        "height": 340,
        "plot_bgcolor": "#fafafa",
        "showlegend": True,
    }
    return {"data": data, "layout": layout}


def figure_json(fig: Figure) -> str:
    """The figure as JSON that is safe inside a ``<script>`` element."""
    text: str = pio.to_json(fig, validate=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


#: what the figures draw: plotly.js reads a template's trace style only for traces of that kind
_TRACES = frozenset({"scatter"})
#: template layout keys that style subplot kinds these figures never make (polar, ternary, 3-D,
#: maps) or colour scales no trace of theirs uses
_UNUSED_LAYOUT = frozenset({"polar", "ternary", "scene", "geo", "coloraxis", "colorscale"})


def scatter_template(template: Mapping[str, Any]) -> dict[str, Any]:
    """``template`` (a plotly template's dict) keeping only what scatter traces on x/y axes read:
    the chart looks the same, its JSON is 1 kB instead of 7."""
    data = {k: v for k, v in template["data"].items() if k in _TRACES}
    layout = {k: v for k, v in template["layout"].items() if k not in _UNUSED_LAYOUT}
    return {"data": data, "layout": layout}


@cache
def _template() -> dict[str, Any]:
    """Plotly's default template (the one a new figure gets) as the figures use it: cut to
    scatter charts (not to be changed)."""
    return scatter_template(go.Figure().to_dict()["layout"]["template"])


def _focus(entries: Sequence[TimelineEntry], published: Sequence[Article]) -> tuple[str, str] | None:
    """The coverage window (publication dates ± a margin) when some entries fall far outside it."""
    pubs = sorted(period_bounds(a.published[:10])[0] for a in published if a.published)
    if not pubs:
        return None
    margin = dt.timedelta(days=FOCUS_MARGIN_DAYS)
    lo, hi = pubs[0] - margin, pubs[-1] + margin
    outside = [
        e
        for e in entries
        if period_bounds(e.date, e.granularity)[1] < lo or period_bounds(e.date, e.granularity)[0] > hi
    ]
    return (lo.isoformat(), hi.isoformat()) if outside else None


def period_start(key: str) -> str:
    """First day of a relations period key: "2025-W11" → "2025-03-10", "2025-03" → "2025-03-01"."""
    if "-W" in key:
        year, week = key.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    return key if len(key) == 10 else f"{key}-01"


def _middle(e: TimelineEntry) -> str:
    start, end = period_bounds(e.date, e.granularity)
    return (start + (end - start) / 2).isoformat()


def _hover(e: TimelineEntry, by_id: Mapping[str, Article]) -> str:
    outlets = list(dict.fromkeys(outlet_of(by_id[a]) for a in e.articles if a in by_id))
    text = f"<b>{_esc(format_date(e.date, e.granularity))}</b> ({e.mode}): {_esc(e.title)}"
    if outlets:
        text += "<br>" + _esc("sources: " + ", ".join(outlets))
    return text


def _esc(text: str) -> str:
    """Plotly renders a few HTML tags in hover text; article words must show as written."""
    return html.escape(_wrap(text), quote=False).replace("\n", "<br>")


def _wrap(text: str, width: int = 70) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)
