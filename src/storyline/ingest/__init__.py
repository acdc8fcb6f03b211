"""Ingest: files and feeds in, clean ``Article`` records out (plus ``Rejected`` with reasons)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import trafilatura

from ..errors import InputError
from ..model import Article, Rejected, Removed
from ..settings import Settings
from .boilerplate import clean_text
from .dedupe import mark_duplicates
from .metadata import merge_meta
from .readers import RawDoc, discover, read_path

__all__ = ["IngestResult", "ingest", "article_from_raw", "article_id"]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files: int = 0


def article_id(text: str) -> str:
    """Content hash of the cleaned text: the key every stage's output is stored under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def ingest(
    paths: Iterable[str],
    settings: Settings,
    progress: Callable[[Iterable[object]], Iterable[object]] | None = None,
) -> IngestResult:
    """Read every file under ``paths``; one bad file is rejected, never fatal."""
    files, missing = discover(paths)
    result = IngestResult(files=len(files))
    result.rejected.extend(Rejected(e.source, e.reason) for e in missing)
    it: Iterable[object] = progress(files) if progress else files
    for path in it:
        try:
            docs = read_path(path, settings.max_bytes)  # type: ignore[arg-type]
        except InputError as e:
            result.rejected.append(Rejected(e.source, e.reason))
            continue
        for doc in docs:
            try:
                result.articles.append(article_from_raw(doc, settings))
            except InputError as e:
                result.rejected.append(Rejected(e.source, e.reason))
    result.articles = mark_duplicates(result.articles, settings.near_duplicate_threshold)
    return result


def article_from_raw(doc: RawDoc, settings: Settings) -> Article:
    """Clean one raw document and attach its metadata."""
    meta = dict(doc.meta)
    removed: list[Removed] = []
    if doc.format == "html":
        assert doc.html is not None
        text = trafilatura.extract(doc.html, include_comments=False, include_tables=False) or ""
        found = trafilatura.extract_metadata(doc.html)
        if found is not None:
            for key, value in (
                ("title", found.title),
                ("outlet", found.sitename),
                ("url", found.url),
                ("published", found.date),
                ("authors", [a.strip() for a in (found.author or "").split(";") if a.strip()]),
            ):
                if value and not meta.get(key):
                    meta[key] = value
        if not text.strip():
            raise InputError(doc.source, "HTML page has no article body")
        body, removed = clean_text(text)
    else:
        body, removed = clean_text(doc.text)
    if not body.strip():
        raise InputError(doc.source, "no article text left after cleaning")
    m = merge_meta(meta, body, settings.published)
    return Article(
        id=article_id(body),
        source=doc.source,
        text=body,
        title=m.title,
        outlet=m.outlet,
        url=m.url,
        authors=m.authors,
        published=m.published,
        published_precision=m.published_precision,
        published_source=m.published_source,
        removed=tuple(removed),
        format=doc.format,
        record=doc.record,
    )
