"""``report.html``: the whole story in one self-contained file that reads offline.

Plotly's bundled JavaScript is inlined once; nothing is fetched from a network. A run that
finds many stories writes one ``plotly.min.js``, ``report.css`` and ``report.js`` beside an
``index.html`` instead (:func:`write_shared`), and each story's page loads those local copies
(``assets_url``): 4.7 MB once rather than per story, and 9 kB less a page. Every piece of
article text reaches the page through Jinja2 autoescaping (or, inside figures, as JSON with
``<`` escaped), so markup in an article shows as text and never runs. Escaping does not stop a
``javascript:`` link, so every link built from input goes through ``safe_url``, and the page's
Content-Security-Policy (``REPORT_CSP``) forbids anything but its own inline code and styles.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..model import Actor, Article, Story
from .figures import figure_json, relations_figure, timeline_figure
from .headline import event_title, place_names
from .relations import describe_direction
from .timeline import format_date, outlet_of, period_bounds

__all__ = [
    "write_report",
    "write_index",
    "write_shared",
    "PLOTLY_FILE",
    "SHARED_FILES",
    "render_report",
    "story_context",
    "span_anchor",
    "template_env",
    "assets",
    "sentence_context",
    "coverage_window",
    "date_range",
    "safe_url",
    "path_part",
    "REPORT_CSP",
    "report_csp",
]

#: the report's Content-Security-Policy: inline styles and data: images, nothing else (no network,
#: no plugins, no forms, no <base> rewriting); a page's own inline scripts are allowed by their
#: SHA-256 (``report_csp``), so a script smuggled into an article would not run even unescaped
REPORT_CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def report_csp(*scripts: str, shared: bool = False) -> str:
    """``REPORT_CSP`` allowing exactly ``scripts`` (by hash), plus, for a story page of a
    multi-story run (``shared``), scripts and stylesheets from its own folder tree (the run's
    shared files)."""
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()}'" for js in scripts]
    allowed = " ".join([*hashes, *(["'self'"] if shared else [])]) or "'none'"
    csp = REPORT_CSP.replace("script-src 'none'", f"script-src {allowed}")
    return csp.replace("style-src 'unsafe-inline'", "style-src 'self' 'unsafe-inline'") if shared else csp


#: the one copy of Plotly's bundle a multi-story run writes, beside index.html
PLOTLY_FILE = "plotly.min.js"
#: every file a multi-story run's pages share (written once, beside index.html)
SHARED_FILES = (PLOTLY_FILE, "report.css", "report.js")

# a conflict side is often a bare date or number ("January 15"); this much of its sentence on
# either side lets a reader see what the date is of without leaving the section
CONTEXT_CHARS = 160
# entries more than this many days before the first article are background, and entries after
# the last article are what lies ahead (the same margin the timeline figure focuses on)
BACKGROUND_DAYS = 60


def write_report(story: Story, path: Path, assets_url: str | None = None) -> Path:
    """Write ``report.html`` (atomically, like story.json) and return its path.

    ``assets_url``: the relative URL of a folder holding the shared files (``SHARED_FILES``,
    see :func:`write_shared`), loaded instead of inlining the library, stylesheet and script.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, _report_pieces(story, assets_url))
    return path


def render_report(story: Story, assets_url: str | None = None) -> str:
    return "".join(_report_pieces(story, assets_url))


def _report_pieces(story: Story, assets_url: str | None) -> Iterator[str]:
    """The page as the template makes it, piece by piece: written as they come, a big story's
    page (tens of MB) is never held whole."""
    from plotly.offline import get_plotlyjs

    env = template_env()
    if assets_url is not None:
        return env.get_template("report.html.j2").generate(
            s=story_context(story), assets_url=assets_url, csp=report_csp(shared=True)
        )
    plotly_js, scripts = get_plotlyjs(), assets()
    return env.get_template("report.html.j2").generate(
        s=story_context(story), plotly_js=plotly_js, csp=report_csp(plotly_js, scripts["js"]), **scripts
    )


def write_shared(folder: Path) -> list[Path]:
    """``folder``'s ``SHARED_FILES``: the one copy of plotly.js, the stylesheet and the script
    that the story pages of a multi-story run share (each rewritten only when it changed)."""
    from plotly.offline import get_plotlyjs

    texts = {PLOTLY_FILE: get_plotlyjs(), "report.css": assets()["css"], "report.js": assets()["js"]}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SHARED_FILES:
        path, text = folder / name, texts[name]
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            _atomic_write(path, text)
        written.append(path)
    return written


def write_index(index: Mapping[str, Any], path: Path) -> Path:
    """``index.html``: every story of a run (title, articles, link to its page) and what was
    rejected; ``index`` is the run's stories.json."""
    html = (
        template_env().get_template("index.html.j2").render(index=index, csp=REPORT_CSP, css=assets()["css"])
    )
    _atomic_write(path, html)
    return path


def _atomic_write(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, as they come) beside ``path``, then move it there."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        if isinstance(text, str):
            f.write(text)
        else:
            f.writelines(text)
    tmp.replace(path)


@cache
def assets() -> dict[str, str]:
    """The stylesheet and script every story page inlines (``css``, ``js``)."""
    folder = resources.files("storyline.present").joinpath("templates")
    return {
        "css": folder.joinpath("report.css").read_text(encoding="utf-8"),
        "js": folder.joinpath("report.js").read_text(encoding="utf-8"),
    }


class _DictFirst(Environment):
    """An environment whose ``x.key`` reads a plain dict's key without first failing to find an
    attribute of that name (the story context is dicts: corp200's 20 pages raised ~110k
    AttributeErrors). A name a dict has as an attribute (``items``) still goes the usual way."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


@cache
def template_env() -> Environment:
    env = _DictFirst(
        loader=PackageLoader("storyline.present", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path_part"] = path_part
    return env


def safe_url(url: str | None) -> str:
    """``url`` if a link to it is harmless, else "" (the template then shows it without a link).

    Harmless: an absolute http(s) URL with a host, a path on this site ("/stories/x", not the
    protocol-relative "//host") or a fragment ("#article-1"). Anything else, ``javascript:`` and
    ``data:`` above all, would run or load something when clicked. Browsers drop tabs and line
    breaks inside a scheme ("java<TAB>script:"), so control characters or spaces reject a URL outright.
    """
    if not url or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return ""
    if url.startswith("#") or (url.startswith("/") and not url.startswith(("//", "/\\"))):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # malformed (an unclosed IPv6 bracket)
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def path_part(value: str) -> str:
    """An id made safe to put between slashes of a site path (``/actors/{id}``)."""
    return quote(value, safe=":@")


def span_anchor(article: str, start: int, end: int) -> str:
    """The element id a citation links to: unique per article span."""
    return f"span-{article[:16]}-{start}-{end}"


@dataclass
class _Mark:
    start: int
    end: int
    kind: str  # cite | quote | event | claim | conflict
    label: str


#: The sources matrix is rows x outlets cells: a story of thousands of articles from hundreds of
#: outlets made a page of millions of cells (a 4,000-article hostile run's report passed 19 GB
#: while rendering). A reader scans the busiest outlets and the most widely reported rows; the
#: rest stay in story.json. 30 columns fit a wide screen; 200 rows a section is several screens.
MATRIX_OUTLETS = 30
MATRIX_ROWS = 200


def story_context(story: Story, actor_url: str | None = None) -> dict[str, Any]:
    """Everything the story templates show, precomputed so templates stay simple.

    ``actor_url`` (a format string with ``{id}``) links actor names to the web app's actor page.
    """
    arts = {a.id: a for a in story.articles}
    actors = {a.id: a for a in story.actors}
    marks: dict[str, list[_Mark]] = {}

    shown: dict[tuple[str, int, int], dict[str, Any]] = {}  # a span cited again shows the same

    def cite(article: str, start: int, end: int, kind: str, label: str) -> dict[str, Any]:
        marks.setdefault(article, []).append(_Mark(start, end, kind, label))
        if (article, start, end) not in shown:
            a = arts.get(article)
            shown[article, start, end] = {
                "anchor": span_anchor(article, start, end),
                "outlet": outlet_of(a) if a else article[:12],
                "text": a.text[start:end] if a else "",
                "title": (a.title or a.source) if a else "",
                **(sentence_context(a.text, start, end) if a else {"before": "", "after": ""}),
            }
        return shown[article, start, end]

    summary = [
        {"text": s.text, "cites": [cite(c.article, c.start, c.end, "cite", "summary") for c in s.citations]}
        for s in story.summary
    ]
    events = {e.id: e for e in story.events}
    for e in story.events:
        for ev in e.evidence:
            cite(ev.article, ev.start, ev.end, "event", f"event: {e.summary}")
    window = coverage_window(story.articles)
    timeline = [
        {
            "phase": _phase(t.date, t.granularity, window),
            "when": format_date(t.date, t.granularity),
            "date": t.date,
            "granularity": t.granularity,
            "title": t.title,
            "mode": t.mode,
            "sources": _sources(t.articles, arts),
            "evidence": [
                cite(ev.article, ev.start, ev.end, "event", f"event: {t.title}")
                for eid in t.events[:1]
                if eid in events
                for ev in events[eid].evidence[:1]
            ],
        }
        for t in story.timeline
    ]
    speakers: dict[str, dict[str, Any]] = {}
    for q in story.quotes:
        actor = actors.get(q.speaker or "")
        name = actor.name if actor else (q.speaker_name or "unattributed")
        group = speakers.setdefault(
            name,
            {
                "name": name,
                "actor": actor.id if actor else None,
                "url": actor_url.format(id=path_part(actor.id)) if actor and actor_url else None,
                "kind": actor.kind if actor else None,
                "role": _role_line(actor) if actor else None,
            },
        )
        group.setdefault("quotes", []).append(
            {
                "text": q.text,
                "direct": q.direct,
                "cue": q.cue,
                **cite(q.article, q.start, q.end, "quote", f"quote: {name}"),
            }
        )
    conflicts = [
        {
            "kind": c.kind,
            "description": c.description,
            "verdict": c.verdict,
            "sides": [cite(s.article, s.start, s.end, "conflict", f"conflict: {c.kind}") for s in c.sides],
        }
        for c in story.conflicts
    ]
    for c in story.claims:
        for ev in c.evidence:
            cite(ev.article, ev.start, ev.end, "claim", "claim")
    tl = timeline_figure(story.timeline, story.articles)
    readings = dict(story.relation_readings)
    for dyad in sorted({p.dyad for p in story.relations} - set(readings)):
        series = [p for p in story.relations if p.dyad == dyad]
        readings[dyad] = describe_direction(dyad, series, "period")
    return {
        "id": story.id,
        "actor_url": actor_url,
        "title": story.title or "Untitled story",
        "version": story.storyline_version,
        "counts": _counts(story),
        "dates": date_range(story.articles),
        "summary": summary,
        "timeline": timeline,
        "timeline_json": figure_json(tl) if tl["data"] else None,
        "speakers": sorted(speakers.values(), key=lambda g: (-len(g["quotes"]), g["name"])),
        "matrix": _matrix(story, arts),
        "conflicts": conflicts,
        "actors": _actors(story, actor_url),
        "relations_json": figure_json(relations_figure(story.relations)) if story.relations else None,
        "readings": [readings[d] for d in sorted(readings)],
        "articles": [_article(a, marks.get(a.id, []), arts) for a in story.articles],
        "rejected": [{"source": r.source, "reason": r.reason} for r in story.rejected],
        "notes": list(story.notes),
    }


def sentence_context(text: str, start: int, end: int) -> dict[str, str]:
    """The rest of the sentence around ``text[start:end]``, cut at sentence ends and line breaks."""
    lo = max(0, start - CONTEXT_CHARS)
    before = text[lo:start]
    cut = max(before.rfind("\n"), *(before.rfind(p) for p in (". ", "? ", "! ")))
    if cut >= 0:
        before = before[cut + 1 :].lstrip()
    elif lo > 0:
        before = "…" + before.split(" ", 1)[-1].lstrip()  # start on a whole word
    after = text[end : end + CONTEXT_CHARS]
    if text[start:end].rstrip('”"’)').endswith((".", "?", "!")):
        return {"before": before, "after": ""}  # the span is a whole sentence already
    stops = [i for i in (after.find("\n"), *(after.find(p) for p in (". ", "? ", "! "))) if i >= 0]
    if stops:
        after = after[: min(stops) + 1].rstrip()
    elif end + CONTEXT_CHARS < len(text) and not after.rstrip().endswith((".", "?", "!", "”", '"')):
        after = after.rsplit(" ", 1)[0].rstrip() + "…"
    return {"before": before, "after": after}


def coverage_window(articles: Sequence[Article]) -> tuple[dt.date, dt.date] | None:
    """First and last publication day of the story's articles."""
    days = sorted(period_bounds(a.published[:10])[0] for a in articles if a.published)
    return (days[0], days[-1]) if days else None


def _phase(date: str, granularity: str, window: tuple[dt.date, dt.date] | None) -> str:
    """background | story | ahead: where an entry starts against the coverage period.

    The start decides, so phases follow the timeline's order (entries sort by their start): a
    year-level "2023" that may cover the coverage period still starts long before it.
    """
    if window is None:
        return "story"
    first, _ = period_bounds(date, granularity)
    if first < window[0] - dt.timedelta(days=BACKGROUND_DAYS):
        return "background"
    if first > window[1]:
        return "ahead"
    return "story"


def date_range(articles: Sequence[Article]) -> str | None:
    window = coverage_window(articles)
    if window is None:
        return None
    lo, hi = (format_date(d.isoformat(), "day") for d in window)
    return lo if lo == hi else f"{lo} – {hi}"


def _role_line(actor: Actor) -> str | None:
    """ "foreign minister (AUS)": the first stated role, for the who-said-what heading."""
    if not actor.roles:
        return None
    r = next((r for r in actor.roles if r.source == "text"), actor.roles[0])
    where = r.organisation or r.country
    if not where or where.lower() in r.title.lower():  # "fellow at the Arafura Institute"
        return r.title
    return f"{r.title}, {where}"


def _counts(story: Story) -> dict[str, int]:
    return {
        "articles": len(story.articles),
        "outlets": len({outlet_of(a) for a in story.articles}),
        "events": len(story.events),
        "quotes": len(story.quotes),
        "claims": len(story.claims),
        "conflicts": len(story.conflicts),
    }


def _sources(ids: Sequence[str], arts: Mapping[str, Article]) -> list[dict[str, str]]:
    out = []
    for i in ids:
        a = arts.get(i)
        if a is not None:
            out.append({"outlet": outlet_of(a), "anchor": f"article-{a.id[:16]}"})
    return out


def _matrix(story: Story, arts: Mapping[str, Article]) -> dict[str, Any]:
    """Which outlet reports which event or claim (a wire copy reports what its original does);
    for a story from one outlet, only that outlet (``single``)."""
    copies: dict[str, set[str]] = {}
    for a in story.articles:
        if a.duplicate_of:
            copies.setdefault(a.duplicate_of, set()).add(a.id)
    per_outlet = Counter(outlet_of(a) for a in story.articles)
    if len(per_outlet) == 1:  # one column of dots compares nothing; its rows repeat the timeline
        totals = {"outlets": 1, "rows": 0, "others": 0, "claims": 0}
        empty: dict[str, Any] = {"outlets": [], "rows": [], "others": [], "claims": []}
        return {**empty, "totals": totals, "note": None, "single": next(iter(per_outlet))}
    busiest = sorted(per_outlet, key=lambda o: (-per_outlet[o], o))[:MATRIX_OUTLETS]
    outlets = sorted(busiest)

    def row(kind: str, label: str, article_ids: set[str]) -> dict[str, Any]:
        ids = set(article_ids)
        for i in article_ids:
            ids |= copies.get(i, set())
        have = {outlet_of(arts[i]) for i in ids if i in arts}
        return {"kind": kind, "label": label, "cells": [o in have for o in outlets], "n": len(have)}

    def widest(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The ``MATRIX_ROWS`` most widely reported rows, in their own order."""
        if len(rows) <= MATRIX_ROWS:
            return rows
        keep = set(sorted(range(len(rows)), key=lambda i: (-rows[i]["n"], i))[:MATRIX_ROWS])
        return [r for i, r in enumerate(rows) if i in keep]

    # merged happenings (the timeline's entries) first, in date order, then what it leaves out
    on_timeline = {eid for t in story.timeline for eid in t.events}
    rows = [
        row("event", f"{format_date(t.date, t.granularity)} · {t.title}", set(t.articles))
        for t in story.timeline
    ]
    actors = {a.id: a for a in story.actors}
    places = place_names(actors)
    others = [
        row(
            "event",
            f"{format_date(e.date, e.granularity)} · {event_title(e, actors, arts, places)}",
            {ev.article for ev in e.evidence} | set(e.articles),
        )
        for e in sorted(story.events, key=lambda e: e.date or "")
        if e.id not in on_timeline
    ]
    claims = [row("claim", c.text, set(c.articles) | {ev.article for ev in c.evidence}) for c in story.claims]
    claims.sort(key=lambda r: -r["n"])  # most widely reported first
    totals = {"outlets": len(per_outlet), "rows": len(rows), "others": len(others), "claims": len(claims)}
    shown: dict[str, list[Any]] = {
        "outlets": outlets,
        "rows": widest(rows),
        "others": widest(others),
        "claims": claims[:MATRIX_ROWS],
    }
    cut = [
        f"{len(shown[k])} of {n} {'timeline events' if k == 'rows' else k}"
        for k, n in totals.items()
        if len(shown[k]) < n
    ]
    note = None
    if cut:
        note = f"Shown: {', '.join(cut)} (the busiest outlets, the most widely reported rows)"
        note += "; story.json holds them all."
    return {**shown, "totals": totals, "note": note, "single": None}


def _actors(story: Story, actor_url: str | None) -> list[dict[str, Any]]:
    quotes: dict[str, int] = {}
    for q in story.quotes:
        if q.speaker:
            quotes[q.speaker] = quotes.get(q.speaker, 0) + 1
    out = []
    for a in sorted(story.actors, key=lambda a: (-len(a.mentions), a.name)):
        out.append(
            {
                "id": a.id,
                "name": a.name,
                "url": actor_url.format(id=path_part(a.id)) if actor_url else None,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "roles": list(dict.fromkeys(r.title for r in a.roles)),
                "aliases": [x for x in a.aliases if x != a.name],
                "mentions": len(a.mentions),
                "quotes": quotes.get(a.id, 0),
                "notes": list(a.notes),
            }
        )
    return out


def _article(a: Article, marks: list[_Mark], arts: Mapping[str, Article]) -> dict[str, Any]:
    canon = arts.get(a.duplicate_of) if a.duplicate_of else None
    return {
        "id": a.id,
        "anchor": f"article-{a.id[:16]}",
        "title": a.title or a.source,
        "outlet": outlet_of(a),
        # the date part: a stamp to the minute ("2023-06-20T22:48") is still that day
        "published": format_date(a.published[:10], a.published_precision) if a.published else None,
        "authors": list(a.authors),
        "source": a.source,
        "url": a.url,
        "duplicate_of": {"anchor": f"article-{canon.id[:16]}", "outlet": outlet_of(canon)} if canon else None,
        "text": _text_html(a.id, a.text, marks),
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
    }


def _text_html(article: str, text: str, marks: Sequence[_Mark]) -> Markup:
    """The article's text as the page shows it: cut at every mark boundary, each piece in a
    ``<mark>`` naming the marks that cover it, an anchor where a cited span starts.

    One sweep over the cuts keeps the marks open at each (asking every mark at every cut made a
    story page quadratic in its citations). Written here, escaped as the template would: a
    50-article story's text is 7,000 pieces, and a template loop over them took most of the
    page's rendering.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, m in enumerate(valid):
        opening.setdefault(m.start, []).append(i)
        closing.setdefault(m.end, []).append(i)
    open_now: set[int] = set()
    out: list[str] = []
    for lo, hi in pairwise(cuts):
        open_now.difference_update(closing.get(lo, ()))
        starting = opening.get(lo, ())
        open_now.update(starting)
        for a in dict.fromkeys(span_anchor(article, valid[i].start, valid[i].end) for i in starting):
            out.append(f'<span class="anchor" id="{_escape(a)}"></span>')
        piece = _escape(text[lo:hi])
        if open_now:
            cover = [valid[i] for i in sorted(open_now)]  # in the marks' order, as the labels read
            classes = " ".join(f"hl-{k}" for k in sorted({m.kind for m in cover}))
            labels = "; ".join(dict.fromkeys(m.label for m in cover))
            out.append(f'<mark class="{_escape(classes)}" title="{_escape(labels)}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out))


def _escape(text: str) -> str:
    """What ``markupsafe.escape`` (the templates' autoescape) makes of a plain string, without
    a ``Markup`` object per piece of text."""
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )
