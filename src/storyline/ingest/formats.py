"""Container formats: WARC archives, RSS/Atom feeds and JSON lines, each many articles per file.

Each yields one ``RawDoc`` per usable record and one ``Rejected`` per record it had to skip,
so a bad record never costs the rest of the file.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Rejected
from .fields import find, looks_like_html, meta_of, plain
from .raw import RawDoc, declared_encoding, read_text, sniff

__all__ = ["read_warc", "read_feed", "read_jsonl", "fragment_text"]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")
#: Empty feed entries reported one line each; a feed of hundreds of empty items (a broken export)
#: gets one more line naming the rest by number, not hundreds
EMPTY_ENTRIES_NAMED = 5
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr", "section", "article")


def read_warc(source: str, data: bytes, max_bytes: int = 20_000_000) -> Iterator[RawDoc | Rejected]:
    """One article per ``response`` record with an HTML body; other records are reported.

    A record's body is read with the file cap: warcio undoes ``Content-Encoding: gzip``, so a
    few hundred kilobytes of record can otherwise inflate to gigabytes in memory.
    """
    n = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response":
                continue
            n += 1
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{n}"
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            try:
                body = rec.content_stream().read(max_bytes + 1)
            except Exception as e:  # warcio raises bare errors on cut streams
                yield Rejected(where, f"WARC record for {uri or 'unknown URL'} is truncated: {e}")
                return
            if len(body) > max_bytes:
                yield Rejected(
                    where, f"WARC record for {uri or 'unknown URL'} is over the {max_bytes:,}-byte cap"
                )
                continue
            if "html" not in ctype.lower() and sniff(body) != "html":
                what = ctype or "untyped"
                yield Rejected(where, f"WARC record for {uri or 'unknown URL'} is {what}, not HTML")
                continue
            charset = _CHARSET.search(ctype)
            try:
                got = read_text(where, body, charset.group(1) if charset else declared_encoding(body))
            except Exception as e:  # InputError: reported, never fatal
                yield Rejected(where, str(getattr(e, "reason", e)))
                continue
            yield RawDoc(
                source=source,
                text="",
                format="warc",
                html=got.text,
                meta={"url": uri} if uri else {},
                record=str(n),
                encoding_note=got.note,
            )
    except (ArchiveLoadFailed, EOFError, ValueError, OSError) as e:
        yield Rejected(source, f"WARC is truncated or corrupt after {n} response records: {e}")
        return
    if n == 0:
        yield Rejected(source, "WARC holds no response records")


def read_feed(source: str, text: str) -> Iterator[RawDoc | Rejected]:
    """One article per entry: its content (or summary); link, title, author and date as metadata."""
    # the text is decoded already: an XML declaration naming another encoding would make
    # feedparser decode the UTF-8 bytes below a second time ("seÃ±al")
    text = _XML_ENCODING.sub(r"\1utf-8\2", text[:300], count=1) + text[300:]
    try:
        # a stream, not str: feedparser treats a str as a URL or file name first
        feed = feedparser.parse(io.BytesIO(text.encode("utf-8", "replace")))
    except Exception as exc:  # feedparser falls back to loose parsing; this is past that
        yield Rejected(source, f"feed could not be parsed: {type(exc).__name__}: {exc}")
        return
    outlet = feed.feed.get("title")
    if not feed.entries:
        yield Rejected(source, f"feed has no entries{': ' + str(feed.bozo_exception) if feed.bozo else ''}")
        return
    empty: list[int] = []
    for i, e in enumerate(feed.entries, 1):
        text = _entry_text(e)
        if not text.strip():
            empty.append(i)
            if len(empty) <= EMPTY_ENTRIES_NAMED:  # one line per entry, like every other record
                yield Rejected(f"{source}#{i}", "feed entry has no content or summary")
            continue
        meta: dict[str, Any] = {"title": e.get("title"), "url": e.get("link"), "outlet": outlet}
        if outlet:
            meta["outlet_source"] = "feed"
        author = str(e.get("author") or "")
        if named := re.search(r"\(([^()@]+)\)\s*$", author):  # RSS: "email (Name)"
            author = named.group(1)
        if author and "@" not in author:
            meta["authors"] = [author]
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            meta["published"] = time.strftime("%Y-%m-%dT%H:%M", stamp)
            meta["published_source"] = "feed"
        yield RawDoc(source=source, text=text, format="feed", meta=meta, record=str(i))
    if len(empty) > EMPTY_ENTRIES_NAMED:  # the rest in one line that still names every entry
        rest = empty[EMPTY_ENTRIES_NAMED:]
        yield Rejected(
            source,
            f"{len(rest)} more feed entries have no content or summary: #{_ranges(rest)} "
            f"({len(empty)} of {len(feed.entries)} in all)",
        )


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 5, 7, 8 -> "1-3, 5, 7-8"."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def _entry_text(e: Any) -> str:
    """The entry's content (or summary) as text: HTML is reduced to text, plain text kept as is."""
    content = e.get("content") or []
    detail = content[0] if content else (e.get("summary_detail") or {})
    body = detail.get("value", "") if content else e.get("summary", "")
    if not isinstance(body, str):
        return ""
    kind = str(detail.get("type") or "text/html")
    return fragment_text(body) if "html" in kind else body


#: Where a JSON document keeps its list of articles: NewsAPI's "articles", a search API's
#: "results" or "docs" (the New York Times' under "response"), Elasticsearch's "hits"
_LIST_KEYS = (
    "articles",
    "results",
    "docs",
    "items",
    "data",
    "records",
    "entries",
    "stories",
    "news",
    "value",
    "hits",
)


def read_jsonl(source: str, text: str) -> Iterator[RawDoc | Rejected]:
    """One article per line: its text or HTML, with optional url/title/outlet/published/authors,
    under the names news dumps use for them (see ``fields``). A file that is one JSON document
    (an array of articles, a response holding one, a single article spread over lines) is read as
    that document, its records numbered ``#1``, ``#2``..."""
    whole = _document(text)
    if whole is not None:
        yield from _document_records(source, whole)
        return
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{i}"
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield Rejected(where, f"line is not valid JSON: {e}")
            continue
        if not isinstance(obj, dict):
            yield Rejected(
                where, f"line is a JSON {_json_type(obj)}, not an object with a 'text' or 'html' field"
            )
            continue
        yield record_doc(source, where, obj, "jsonl", str(i), "line")


def _document(text: str) -> Any:
    """The file as one JSON document when it is an array, or an object spread over several
    lines (JSON lines hold one object a line); else None."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("[", "{"):
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    one_line = len([x for x in text.splitlines() if x.strip()]) == 1
    if isinstance(doc, dict) and one_line and _article_list(doc) is None:
        return None  # one JSON line: the line reader says the same, numbered as a line
    return doc


def _document_records(source: str, doc: Any) -> Iterator[RawDoc | Rejected]:
    """Records of a JSON document: its array, the array it keeps under a list key, or itself."""
    items = _article_list(doc)
    if items is None:
        if isinstance(doc, dict):
            yield record_doc(source, source, doc, "json", None, "JSON document")
        else:
            yield Rejected(source, f"JSON document is a JSON {_json_type(doc)}, not articles")
        return
    for i, obj in enumerate(items, 1):
        where = f"{source}#{i}"
        if isinstance(obj, dict) and isinstance(obj.get("_source"), dict):
            obj = obj["_source"]  # an Elasticsearch hit
        if not isinstance(obj, dict):
            yield Rejected(
                where, f"item is a JSON {_json_type(obj)}, not an object with a 'text' or 'html' field"
            )
            continue
        yield record_doc(source, where, obj, "json", str(i), "item")


def _article_list(doc: Any, depth: int = 0) -> list[Any] | None:
    """The list of articles in ``doc``: itself when a list, else under a list key (two levels
    down at most: the New York Times' ``response.docs``, Elasticsearch's ``hits.hits``)."""
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict) or depth > 1 or find(doc, "text") or find(doc, "html"):
        return None
    for key in _LIST_KEYS:
        got = _article_list(doc[key], depth + 1) if key in doc else None
        if got is not None:
            return got
    inner = [v for v in doc.values() if isinstance(v, dict)]
    return _article_list(inner[0], depth + 1) if len(inner) == 1 else None


def record_doc(
    source: str, where: str, obj: dict[str, Any], fmt: str, record: str | None, what: str
) -> RawDoc | Rejected:
    """One record (a JSON-lines object, a Parquet row) as a raw document: HTML when it has any,
    else text; a text field that holds markup is read as HTML."""
    html_key = find(obj, "html")
    key = html_key if html_key is not None and obj[html_key] else find(obj, "text")
    value = obj.get(key) if key is not None else None
    value = plain(value, "text")  # WordPress's {"rendered": "<p>..."}
    if not value:
        return Rejected(where, _no_body(what, obj))
    if not isinstance(value, str):
        return Rejected(where, f"'{key}' is a JSON {_json_type(value)}, not a string")
    meta = meta_of(obj)
    if meta.get("published"):
        meta["published_source"] = fmt
    if meta.get("outlet"):
        meta["outlet_source"] = fmt
    if key == html_key:
        return RawDoc(source=source, text="", format=fmt, html=value, meta=meta, record=record)
    if looks_like_html(value):  # a dump's "content" is often the page's markup
        value = fragment_text(value)
    return RawDoc(source=source, text=value, format=fmt, meta=meta, record=record)


def _no_body(what: str, obj: dict[str, Any]) -> str:
    keys = [str(k) for k in obj][:12]
    said = f"{what} has neither a 'text' nor an 'html' field (nor body, content, maintext, article, …)"
    return f"{said}; its fields: {', '.join(keys)}" if keys else said


def _json_type(v: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return "null" if v is None else names.get(type(v), type(v).__name__)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry), one line per block element."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
