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
    if m := _STAMP.search(html):
        meta["published"], meta["published_source"] = m.group(1), "html-meta"
    elif day := _find_date(html):
        meta["published"], meta["published_source"] = day, "html-meta"
    return text, meta


def _find_date(html: str) -> str | None:
    """htmldate's answer, or none when it trips on the page: a missing date is not a lost page."""
    try:
        day = find_date(html, original_date=True, extensive_search=False)
    except Exception:
        return None
    return str(day) if day else None
