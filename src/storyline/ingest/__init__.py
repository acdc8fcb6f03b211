"""Ingest: files and feeds in, clean ``Article`` records out (plus ``Rejected`` with reasons).

Three passes: read every file into raw documents (HTML bodies extracted), count the lines each
outlet repeats across its documents (its page furniture), then clean each document with that
knowledge and mark duplicates.
"""

from __future__ import annotations

import base64
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import InputError
from ..ids import content_id
from ..model import Article, Rejected
from ..settings import Settings
from .boilerplate import clean, line_keys
from .dedupe import mark_duplicates, remember_signature, signature
from .html import extract_html
from .metadata import host_of, merge_meta
from .readers import RawDoc, discover, display_name, read_path

__all__ = ["FileMemory", "IngestResult", "ingest", "article_from_raw", "article_id", "scrub"]

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


class FileMemory(Protocol):
    """What ingest made of each file before (the engine keeps it in its store, keyed by the file
    as it is now: a changed file is never recalled). A chunk re-read because one of its files
    changed or was added reads only the files not recalled; see :func:`ingest`."""

    def recall(self, path: str) -> dict[str, Any] | None: ...

    def remember(self, path: str, made: dict[str, Any]) -> None: ...


def ingest(
    paths: Iterable[str],
    settings: Settings,
    progress: Callable[[Iterable[object]], Iterable[object]] | None = None,
    memory: FileMemory | None = None,
) -> IngestResult:
    """Read every file under ``paths``; one bad file or record is rejected, never fatal.

    With a ``memory``, a recalled file is not read: its records come back with what cleaning
    made of them, and are cleaned again (the file read again) only where the lines the outlet
    repeats across these files, among the record's own lines, are not the ones it was cleaned
    with. The result is the same as reading every file."""
    files, missing = discover(paths)
    result = IngestResult(files=len(files))
    result.rejected.extend(Rejected(e.source, e.reason) for e in missing)
    read: list[_Read] = []
    it: Iterable[object] = progress(files) if progress else files
    for path in it:
        made = memory.recall(str(path)) if memory is not None else None
        if made is not None:
            got = _Read(str(path), [Rejected.from_dict(r) for r in made["read"]], [], made["records"], True)
        else:
            got = _read_file(path, settings)  # type: ignore[arg-type]
        result.rejected.extend(got.rejected)
        read.append(got)
    repeated = _outlet_furniture([line for r in read for line in r.lines()])
    for r in read:
        for outcome in r.clean(settings, repeated, keep=memory is not None):
            if isinstance(outcome, Article):
                result.articles.append(outcome)
            else:
                result.rejected.append(outcome)
    result.articles = mark_duplicates(result.articles, settings.near_duplicate_threshold)
    if memory is not None:
        for r in read:
            if r.changed and len(r.records) == len(r.docs) <= REMEMBERED_RECORDS:
                memory.remember(r.path, r.made())
    return result


#: A file of more records than this (a JSONL or WARC dump) is not remembered: its records would
#: be held twice more while the chunk is read, and kept as one large row.
REMEMBERED_RECORDS = 200


@dataclass
class _Read:
    """One file as read (``docs``) or as recalled (``records``: what ingest made of it before)."""

    path: str
    rejected: list[Rejected]
    docs: list[RawDoc]
    records: list[dict[str, Any]]
    recalled: bool = False
    #: read (or read again) this run: what it made is remembered afresh
    changed: bool = False
    _lines: list[tuple[str | None, frozenset[str]]] | None = None

    def lines(self) -> list[tuple[str | None, frozenset[str]]]:
        """Each record's outlet and normalised lines, for counting the outlets' furniture."""
        if self._lines is None:
            if self.recalled:
                self._lines = [(r["outlet"], frozenset(r["lines"])) for r in self.records]
            else:
                self._lines = [(_outlet_key(d), frozenset(line_keys(d.text))) for d in self.docs]
        return self._lines

    def clean(
        self, settings: Settings, repeated: dict[str | None, frozenset[str]], keep: bool = False
    ) -> list[Article | Rejected]:
        """Each record cleaned with the furniture found, or as recalled when the furniture
        among its lines is what it was cleaned with (cleaning reads no other furniture line).
        ``keep``: note what each record gave, for the file to be remembered."""
        used = [repeated.get(key, frozenset()) & own for key, own in self.lines()]
        if self.recalled:
            if all(sorted(u) == r["furniture"] for u, r in zip(used, self.records, strict=True)):
                return [_outcome_from(r) for r in self.records]
            # the chunk's furniture moved for one of its records: read the file again (rare)
            again = _read_file(Path(self.path), settings)
            if len(again.docs) != len(self.records):  # changed since it was looked at
                return [_outcome_from(r) for r in self.records]
            self.docs, self.recalled, self._lines = again.docs, False, None
        self.changed = True
        lines = self.lines()
        outcomes = [
            _clean_one(d, settings, repeated.get(key, ()))
            for d, (key, _) in zip(self.docs, lines, strict=True)
        ]
        self.records = []
        if keep and len(self.docs) <= REMEMBERED_RECORDS:
            self.records = [
                {"outlet": key, "lines": sorted(own), "furniture": sorted(u), **_outcome_dict(o)}
                for (key, own), u, o in zip(lines, used, outcomes, strict=True)
            ]
        return outcomes

    def made(self) -> dict[str, Any]:
        """What to remember of the file: its read rejections and its records (each with the
        signature its text hashed to, so that a recalled text is not hashed again)."""
        for r in self.records:
            if "article" in r:
                r["sig"] = base64.b64encode(signature(r["article"]["text"]).tobytes()).decode("ascii")
        return {"read": [x.to_dict() for x in self.rejected], "records": self.records}


def _read_file(path: Path, settings: Settings) -> _Read:
    """One file's records, each with its HTML body extracted; what could not be read, rejected."""
    got = _Read(str(path), [], [], [])
    try:
        items = read_path(path, settings.max_bytes)
    except InputError as e:
        got.rejected.append(Rejected(e.source, e.reason))
        return got
    except Exception as e:  # one file's surprise must not cost the others
        got.rejected.append(_unexpected(display_name(path), e))
        return got
    for d in items:
        if isinstance(d, Rejected):
            got.rejected.append(d)
            continue
        try:
            got.docs.append(_extracted(d))
        except InputError as e:
            got.rejected.append(Rejected(e.source, e.reason))
        except Exception as e:
            got.rejected.append(_unexpected(_where(d), e))
    return got


def _clean_one(doc: RawDoc, settings: Settings, repeated: Collection[str]) -> Article | Rejected:
    try:
        return article_from_raw(doc, settings, repeated)
    except InputError as e:
        return Rejected(e.source, e.reason)
    except Exception as e:
        return _unexpected(_where(doc), e)


def _outcome_dict(outcome: Article | Rejected) -> dict[str, Any]:
    if isinstance(outcome, Article):
        return {"article": outcome.to_dict()}
    return {"rejected": outcome.to_dict()}


def _outcome_from(record: dict[str, Any]) -> Article | Rejected:
    if "article" in record:
        article = Article.from_dict(record["article"])
        if sig := record.get("sig"):
            remember_signature(article.text, base64.b64decode(sig))
        return article
    return Rejected.from_dict(record["rejected"])


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


def _outlet_furniture(lines: list[tuple[str | None, frozenset[str]]]) -> dict[str | None, frozenset[str]]:
    """Lines repeated across different articles of one outlet: its newsletter boxes, footers,
    promos (``lines``: each document's outlet and normalised lines). Copies of one story (the
    same wire text saved three times) share their paragraphs, not furniture: documents whose
    lines mostly coincide count once."""
    by_outlet: dict[str | None, list[frozenset[str]]] = defaultdict(list)
    for key, own in lines:
        if key is not None:
            by_outlet[key].append(own)
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


def _distinct(held: list[int], sets: list[frozenset[str]]) -> int:
    """How many of the documents ``held`` are different articles (not copies of one another)."""
    picked: list[int] = []
    for i in held:
        if all(len(sets[i] & sets[j]) <= COPY_OVERLAP * min(len(sets[i]), len(sets[j])) for j in picked):
            picked.append(i)
            if len(picked) >= OUTLET_REPEAT_MIN:
                break
    return len(picked)
