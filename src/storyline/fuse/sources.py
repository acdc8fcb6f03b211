"""Who reported what: outlet names, independence, and wire copies.

A wire story reprinted by five sites is one source, not five: copies (``duplicate_of``) are
listed as outlets that carried a fact but count once towards corroboration. Two articles
from the same outlet also count once. An article with no known outlet counts as its own source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import urlparse

from ..model import Article

__all__ = ["Sources"]


class Sources:
    """Lookups over one set of articles: outlet names, wire copies, independent sources."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.by_id = {a.id: a for a in articles}
        self.copies: dict[str, list[str]] = defaultdict(list)
        for a in articles:
            if a.duplicate_of is not None:
                self.copies[a.duplicate_of].append(a.id)
        self._outlets: dict[str, str] = {}  # asked for every claim, quote and event a story has

    def outlet(self, article_id: str) -> str:
        """The outlet's name, or the host of the URL, or the file's stem when nothing is known."""
        if article_id not in self._outlets:
            self._outlets[article_id] = self._find_outlet(article_id)
        return self._outlets[article_id]

    def _find_outlet(self, article_id: str) -> str:
        a = self.by_id.get(article_id)
        if a is None:
            return article_id
        if a.outlet:
            return a.outlet
        if a.url:
            host = _host(a.url)
            if host is not None:  # an unparsable URL names no outlet: fall back to the file
                return host or a.url
        return PurePath(a.source).stem or a.id

    def independent_key(self, article_id: str) -> str:
        """One key per independent source: the outlet when known, else the (original) article."""
        a = self.by_id.get(article_id)
        root = a.duplicate_of if a is not None and a.duplicate_of else article_id
        ra = self.by_id.get(root)
        return f"outlet:{ra.outlet.lower()}" if ra is not None and ra.outlet else f"article:{root}"

    def with_copies(self, article_ids: Iterable[str]) -> list[str]:
        """The articles plus every wire copy of them, in first-seen order."""
        out: dict[str, None] = {}
        for aid in article_ids:
            out[aid] = None
            for c in self.copies.get(aid, ()):
                out[c] = None
        return list(out)

    def independent(self, article_ids: Iterable[str]) -> int:
        return len({self.independent_key(a) for a in article_ids})

    def outlets(self, article_ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.outlet(a) for a in self.with_copies(article_ids)))

    def published(self, article_id: str) -> str | None:
        a = self.by_id.get(article_id)
        return a.published if a is not None else None


def _host(url: str) -> str | None:
    """The URL's network location ("" when it has none), or None when the URL cannot be parsed:
    a hostile or broken URL ("http://[bad", an unclosed IPv6 bracket) makes ``urlparse`` raise."""
    try:
        return urlparse(url).netloc
    except ValueError:
        return None
