"""HTML pages: trafilatura finds the article body and its metadata, htmldate the date."""

from __future__ import annotations

import re
from typing import Any

from htmldate import find_date
from trafilatura import bare_extraction

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
        doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as e:  # lxml/trafilatura raise many types on hostile markup
        raise InputError(source, f"HTML could not be parsed: {type(e).__name__}: {e}") from e
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
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
