"""Recover title, outlet, authors and the publication date, saying where each came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

__all__ = ["Meta", "merge_meta"]


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_precision: str | None = None
    published_source: str | None = None


def merge_meta(found: dict[str, Any], body: str, cli_published: str | None) -> Meta:
    """Combine what the reader found (format metadata, sidecar) with the body and CLI flag.

    Order of trust: sidecar/format metadata, then the CLI flag. No date is never guessed.
    """
    m = Meta()
    m.title = _str(found.get("title"))
    m.url = _str(found.get("url"))
    m.outlet = _str(found.get("outlet")) or (_host(m.url) if m.url else None)
    authors = found.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    m.authors = tuple(a for a in (str(x).strip() for x in authors) if a)
    pub = _date(found.get("published"))
    if pub:
        m.published, m.published_precision = pub
        m.published_source = _str(found.get("published_source")) or "metadata"
    elif cli_published:
        m.published, m.published_precision, m.published_source = cli_published, "day", "cli"
    if m.title is None:
        first = body.split("\n", 1)[0].strip()
        if 0 < len(first) <= 200 and not first.endswith((".", "”", '"')):
            m.title = first
    return m


def _str(v: Any) -> str | None:
    return str(v).strip() or None if v is not None else None


def _host(url: str) -> str | None:
    host = urlparse(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _date(v: Any) -> tuple[str, str] | None:
    if not v:
        return None
    s = str(v).strip()
    try:
        if len(s) == 4:
            return f"{int(s):04d}", "year"
        if len(s) == 7:
            dt.date.fromisoformat(s + "-01")
            return s, "month"
        return dt.date.fromisoformat(s[:10]).isoformat(), "day"
    except ValueError:
        return None
