"""Ingest: files and feeds in, clean ``Article`` records out (plus ``Rejected`` with reasons).

Three passes: read every file into raw documents (HTML bodies extracted), count the lines each
outlet repeats across its documents (its page furniture), then clean each document with that
knowledge and mark duplicates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..ids import content_id
from ..model import Article, Rejected
from ..settings import Settings
from .boilerplate import clean, line_keys
from .dedupe import mark_duplicates
from .html import extract_html
from .metadata import host_of, merge_meta
from .readers import RawDoc, discover, display_name, read_path

__all__ = ["IngestResult", "ingest", "article_from_raw", "article_id", "scrub"]

#: A line seen in at least this many documents of one outlet is that outlet's furniture.
#: 3, not 2: two versions of one story from one outlet legitimately share paragraphs.
OUTLET_REPEAT_MIN = 3
#: Cleaned text longer than this is a dump, not one article. Long-form features run to ~100k
#: characters; 200k leaves twice that while keeping spaCy's pass over one record to seconds
#: (its own limit is 1M characters, and a 1 MB line took minutes to analyse).
MAX_ARTICLE_CHARS = 200_000


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files: int = 0


def article_id(text: str) -> str:
    """Content hash of the cleaned text: the key every stage's output is stored under."""
    return content_id(text)


def ingest(
    paths: Iterable[str],
    settings: Settings,
    progress: Callable[[Iterable[object]], Iterable[object]] | None = None,
) -> IngestResult:
    """Read every file under ``paths``; one bad file or record is rejected, never fatal."""
    files, missing = discover(paths)
    result = IngestResult(files=len(files))
    result.rejected.extend(Rejected(e.source, e.reason) for e in missing)
    docs: list[RawDoc] = []
    it: Iterable[object] = progress(files) if progress else files
    for path in it:
        try:
            got = read_path(path, settings.max_bytes)  # type: ignore[arg-type]
        except InputError as e:
            result.rejected.append(Rejected(e.source, e.reason))
            continue
        except Exception as e:  # one file's surprise must not cost the others
            result.rejected.append(_unexpected(display_name(path), e))  # type: ignore[arg-type]
            continue
        for d in got:
            if isinstance(d, Rejected):
                result.rejected.append(d)
                continue
            try:
                docs.append(_extracted(d))
            except InputError as e:
                result.rejected.append(Rejected(e.source, e.reason))
            except Exception as e:
                result.rejected.append(_unexpected(_where(d), e))
    repeated = _outlet_furniture(docs)
    for d in docs:
        try:
            result.articles.append(article_from_raw(d, settings, repeated.get(_outlet_key(d), ())))
        except InputError as e:
            result.rejected.append(Rejected(e.source, e.reason))
        except Exception as e:
            result.rejected.append(_unexpected(_where(d), e))
    result.articles = mark_duplicates(result.articles, settings.near_duplicate_threshold)
    return result


def _unexpected(source: str, e: Exception) -> Rejected:
    """A reader failed in a way nobody foresaw: report it against the file, like any bad input."""
    return Rejected(source, f"could not be read ({type(e).__name__}: {e}); please report this as a bug")


def article_from_raw(doc: RawDoc, settings: Settings, repeated: Collection[str] = ()) -> Article:
    """Clean one raw document and attach its metadata."""
    doc = _extracted(doc)
    title = doc.meta.get("title")
    c = clean(doc.text, repeated, extracted=doc.extracted, title=title if isinstance(title, str) else None)
    if not c.body.strip():
        what = "HTML page has no article body" if doc.html is not None else "no article text"
        raise InputError(_where(doc), f"{what} left after cleaning")
    if len(c.body) > MAX_ARTICLE_CHARS:
        raise InputError(
            _where(doc),
            f"text is {len(c.body):,} characters after cleaning, over the {MAX_ARTICLE_CHARS:,} "
            "one article can have: a dump or a run-on page, not an article",
        )
    m = merge_meta(doc.meta, c.body, settings.published, c.meta, settings.outlet)
    return Article(
        id=article_id(c.body),
        source=doc.source,
        text=c.body,
        title=m.title,
        outlet=m.outlet,
        url=m.url,
        authors=m.authors,
        published=m.published,
        published_precision=m.published_precision,
        published_source=m.published_source,
        removed=tuple(c.removed),
        format=doc.format,
        record=doc.record,
        outlet_source=m.outlet_source,
        encoding_note=doc.encoding_note,
        language=c.language,
        wire_source=m.wire_source,
        marked=tuple(c.marked),
        notes=tuple(m.notes) + _language_note(c.language),
    )


def _language_note(language: str | None) -> tuple[str, ...]:
    """Analysis reads English; a body in another language is kept whole and says so."""
    if language in (None, "en"):
        return ()
    return (f"language {language}: body kept whole; analysis (actors, quotes, events) reads English only",)


def _extracted(doc: RawDoc) -> RawDoc:
    """HTML-bearing records get their body text (and page metadata) once."""
    doc.text = scrub(doc.text)
    doc.meta = {k: _scrub_value(v) for k, v in doc.meta.items()}
    if doc.html is None or doc.text:
        return doc
    doc.html = scrub(doc.html)
    text, found = extract_html(_where(doc), doc.html)
    doc.text, doc.extracted = text, True
    doc.meta = {**found, **{k: v for k, v in doc.meta.items() if v}}
    return doc


#: Lone surrogates (from JSON "\\ud800" or a CESU-8 page) cannot be written as UTF-8, and C0
#: controls other than whitespace are never news text; both would break output or parsers.
_UNWRITABLE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def scrub(text: str) -> str:
    """Text that every later stage can encode: lone surrogates become U+FFFD, controls go."""
    return _CONTROL.sub("", _UNWRITABLE.sub("\ufffd", text))


def _scrub_value(v: Any) -> Any:
    if isinstance(v, str):
        return scrub(v)
    if isinstance(v, list):
        return [_scrub_value(x) for x in v]
    return v


def _where(doc: RawDoc) -> str:
    return f"{doc.source}#{doc.record}" if doc.record else doc.source


def _outlet_key(doc: RawDoc) -> str | None:
    if doc.meta.get("outlet"):
        return str(doc.meta["outlet"]).lower()
    return host_of(str(doc.meta.get("url") or ""))


def _outlet_furniture(docs: list[RawDoc]) -> dict[str | None, frozenset[str]]:
    """Lines repeated across different articles of one outlet: its newsletter boxes, footers,
    promos. Copies of one story (the same wire text saved three times) share their paragraphs,
    not furniture: documents whose lines mostly coincide count once."""
    by_outlet: dict[str | None, list[set[str]]] = defaultdict(list)
    for d in docs:
        key = _outlet_key(d)
        if key is not None:
            by_outlet[key].append(line_keys(d.text))
    out: dict[str | None, frozenset[str]] = {}
    for key, sets in by_outlet.items():
        counts: Counter[str] = Counter()
        for s in sets:
            counts.update(s)
        holders: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(sets):
            for line in s:
                if counts[line] >= OUTLET_REPEAT_MIN:
                    holders[line].append(i)
        out[key] = frozenset(
            line for line, held in holders.items() if _distinct(held, sets) >= OUTLET_REPEAT_MIN
        )
    return out


#: two documents sharing more than this share of their lines are copies of one article
COPY_OVERLAP = 0.5


def _distinct(held: list[int], sets: list[set[str]]) -> int:
    """How many of the documents ``held`` are different articles (not copies of one another)."""
    picked: list[int] = []
    for i in held:
        if all(len(sets[i] & sets[j]) <= COPY_OVERLAP * min(len(sets[i]), len(sets[j])) for j in picked):
            picked.append(i)
            if len(picked) >= OUTLET_REPEAT_MIN:
                break
    return len(picked)
