"""The fields of a JSON-lines record, a Parquet row or a sidecar, under the names news dumps give
them: news-please writes ``maintext`` and ``date_publish``, NewsAPI ``content``, ``publishedAt``
and a ``source`` object, CC-News ``text`` and ``date``, "All the News" ``content`` and
``publication``, CNN/DailyMail ``article``, schema.org ``articleBody`` and ``headline``. A reader
that knew only ``text`` refused every line of such a dump.

Names are compared without case, spaces, dashes or underscores (``date_publish`` =
``datePublish``); for each field the first name found, in the order below, wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .metadata import host_of

__all__ = ["FIELDS", "BODY_FIELDS", "META_FIELDS", "normal", "find", "meta_of", "plain", "looks_like_html"]

#: field -> the names it goes by, best first (in ``normal`` form)
FIELDS: dict[str, tuple[str, ...]] = {
    "html": ("html", "rawhtml", "htmlcontent", "contenthtml", "pagehtml", "htmlbody"),
    "text": (
        "text",
        "body",
        "maintext",
        "articlebody",
        "articletext",
        "bodytext",
        "fulltext",
        "content",
        "article",
        "story",
    ),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "uri", "canonicalurl", "articleurl", "sourceurl"),
    "outlet": (
        "outlet",
        "publication",
        "publisher",
        "sourcename",
        "sitename",
        "newspaper",
        "source",
        "sourcedomain",
        "domain",
    ),
    "published": (
        "published",
        "datepublished",
        "datepublish",
        "publishedat",
        "publishdate",
        "publicationdate",
        "pubdate",
        "date",
    ),
    "authors": ("authors", "author", "byline", "creator"),
}
BODY_FIELDS = ("html", "text")
META_FIELDS = ("url", "title", "outlet", "published", "authors")

#: keys of a nested value that hold its text: WordPress's {"rendered": ...}, NewsAPI's
#: {"id": ..., "name": ...}, an author's {"name": ...}
_INNER = ("rendered", "name", "value", "text", "title")
#: epoch seconds between 1990 and 2100 (milliseconds are 1,000 times these)
_EPOCH = (631_152_000, 4_102_444_800)
_MARKUP = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|article|section|figure)\b[^<>]*>", re.I)


def normal(name: str) -> str:
    """``date_publish``, ``datePublish`` and ``Date-Publish`` alike: ``datepublish``."""
    return re.sub(r"[\W_]+", "", name).lower()


def find(keys: Mapping[str, Any], field: str) -> str | None:
    """The key of ``keys`` that holds ``field`` (the first of its names present; a name whose
    value is empty or null gives way to the next), or None."""
    by_name: dict[str, str] = {}
    for k in keys:
        if isinstance(k, str):
            by_name.setdefault(normal(k), k)
    present = [by_name[n] for n in FIELDS[field] if n in by_name]
    filled = [k for k in present if keys[k] not in (None, "", [], {})]
    return next(iter(filled or present), None)


def meta_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata fields of ``record`` under storyline's names, nested values reduced to their
    text (a timestamp in epoch seconds or milliseconds to an ISO date)."""
    meta: dict[str, Any] = {}
    for field in META_FIELDS:
        key = find(record, field)
        if key is None:
            continue
        value = plain(record[key], field)
        if value not in (None, "", [], {}):
            meta[field] = value
    return meta


def looks_like_html(text: str) -> bool:
    """Whether a text field holds markup (a dump's ``content`` is often the page's HTML)."""
    return len(_MARKUP.findall(text[:20_000])) >= 2


def plain(value: Any, field: str) -> Any:
    """``value`` of ``field`` reduced to what storyline reads: a nested object to its text
    (``_INNER``), authors' objects to their names, an epoch timestamp to an ISO date."""
    if isinstance(value, Mapping):
        inner = next((value[k] for k in _INNER if isinstance(value.get(k), str) and value[k].strip()), None)
        return inner if inner is not None else value
    if field == "authors" and isinstance(value, list):
        return [x for x in (plain(v, "author") for v in value) if x not in (None, "", [], {})]
    if field == "outlet" and isinstance(value, str) and re.match(r"https?://", value.strip(), re.I):
        return host_of(value.strip()) or value  # a "source" given as the site's address
    if field == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > _EPOCH[1] else value
        if _EPOCH[0] <= seconds <= _EPOCH[1]:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M")
    return value
