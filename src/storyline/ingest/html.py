"""HTML pages: trafilatura finds the article body and its metadata, htmldate the date."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import justext
from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.external import jt_stoplist_init

from ..errors import InputError

__all__ = ["extract_html"]

# The publication timestamp as pages state it; htmldate reports the day only, this keeps the time.
_STAMP = re.compile(
    r"""(?:article:published_time|og:published_time|datePublished|pubdate)["']?\s*(?:content=|:)\s*["']"""
    r"""(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})""",
    re.IGNORECASE,
)


def extract_html(source: str, html: str) -> tuple[str, dict[str, Any]]:
    """Body text (one paragraph a line) and metadata; no body is an ``InputError``."""
    try:
        doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    except Exception as e:  # lxml/trafilatura raise many types on hostile markup
        raise InputError(source, f"HTML could not be parsed: {type(e).__name__}: {e}") from e
    text = _tidy((getattr(doc, "text", None) or "") if doc is not None else "")
    text = _rescue(html, text)
    if not text.strip():
        raise InputError(source, "HTML page has no article body")
    meta: dict[str, Any] = {}
    for key, attr in (("title", "title"), ("outlet", "sitename"), ("url", "url"), ("authors", "author")):
        value = getattr(doc, attr, None)
        if value:
            meta[key] = [a.strip() for a in value.split(";") if a.strip()] if key == "authors" else value
    if meta.get("outlet"):
        meta["outlet_source"] = "html-meta"
    if m := _STAMP.search(html):
        meta["published"], meta["published_source"] = m.group(1), "html-meta"
    elif stamp := _find_date(html):
        meta["published"], meta["published_source"] = stamp, _date_source(stamp, str(meta.get("url") or ""))
    return text, meta


#: a Markdown table rule ("|---|---|") that trafilatura writes under a header row: markup, not text
_RULE_ROW = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
#: jusText's prose finds this many times trafilatura's text: trafilatura took one container of a
#: body split over several (long-form pages) and the rest is recovered. Tuned on bench/pages
#: (28 pages in 6 templates): 1.5 catches every split long-form page, and no blog's comments.
RESCUE_RATIO = 1.5
#: ... and the recovered paragraphs must amount to this many characters (a teaser is not a body)
RESCUE_MIN_CHARS = 400


def _tidy(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not _RULE_ROW.match(line.strip()))


def _rescue(html: str, text: str) -> str:
    """Trafilatura's text, plus the prose paragraphs it left out when it plainly missed part of
    the body (jusText, trafilatura's own fallback, classifies every paragraph of the page).

    The result follows the page order: jusText's prose and every paragraph trafilatura kept,
    with trafilatura's own lines (tables, headings) that jusText does not see in their place.
    """
    try:
        paragraphs = justext.justext(html.encode("utf-8", "replace"), _stoplist())
    except Exception:  # jusText parses with lxml too: hostile markup is no reason to lose the page
        return text
    ours = [line for line in text.splitlines() if line.strip()]
    kept = {_key(line) for line in ours}
    found = [p.text.strip() for p in paragraphs if p.text.strip()]
    good = [
        t
        for p, t in zip((p for p in paragraphs if p.text.strip()), found, strict=True)
        if not p.is_boilerplate
    ]
    extra = sum(len(t) for t in good if _key(t) not in kept)
    if extra < RESCUE_MIN_CHARS or sum(len(t) for t in good) < RESCUE_RATIO * len(text):
        return text
    goodset = {_key(t) for t in good}
    merged = [t for t in found if _key(t) in goodset or _key(t) in kept]
    seen = {_key(t) for t in merged}
    out: list[str] = []
    at = {_key(t): i for i, t in enumerate(merged)}
    pending: dict[int, list[str]] = {}
    last = -1
    for line in ours:  # trafilatura's lines jusText does not have go after the line before them
        k = _key(line)
        if k in at:
            last = at[k]
        elif k not in seen:
            pending.setdefault(last, []).append(line)
    out.extend(pending.get(-1, []))
    for i, t in enumerate(merged):
        out.append(t)
        out.extend(pending.get(i, []))
    return "\n".join(out)


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


@cache
def _stoplist() -> frozenset[str]:
    """jusText's stop words of every language it knows (as trafilatura builds them)."""
    return frozenset(jt_stoplist_init())


def _find_date(html: str) -> str | None:
    """htmldate's answer, or none when it trips on the page: a missing date is not a lost page.

    Asked for minutes: a stamp without a time comes back as midnight, which ``parse_date``
    reads as day precision.
    """
    try:
        # bytes, not str: htmldate fetches a str that looks like a URL, and input is never fetched
        stamp = find_date(
            html.encode("utf-8", "replace"),
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%dT%H:%M",
        )
    except Exception:
        return None
    return str(stamp) if stamp else None


def _date_source(stamp: str, url: str) -> str:
    """htmldate reads a date in the page's URL before its markup: say which one it was."""
    y, m, d = stamp[:4], stamp[5:7], stamp[8:10]
    in_url = re.search(rf"{y}[/_-]?{m}[/_-]?{d}|{y}/{m.lstrip('0')}/{d.lstrip('0')}\b", url)
    return "url" if in_url else "html-meta"
