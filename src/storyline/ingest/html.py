"""HTML pages: trafilatura finds the article body and its metadata, htmldate the date."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from htmldate import find_date
from trafilatura import bare_extraction, baseline

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
    if not text.strip():  # trafilatura is tuned to precision: ask once more, for recall
        text = _tidy(_recall_text(html))
    if not text.strip():  # and last its baseline: the text of the page's paragraphs
        text = _baseline_text(html)
    text = _rescue(html, _resplit(html, text))
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
#: The paragraphs recovered from the body's other containers must amount to this many
#: characters: less is a stray teaser or caption block, not a missed part of the article.
#: Tuned on bench/pages (28 pages in 6 templates, 4 of them long-form pages split over
#: containers): every split page clears it, no other page has such paragraphs at all.
RESCUE_MIN_CHARS = 300
#: a paragraph shorter than this is a label, a button or a credit: never recovered
RESCUE_PARAGRAPH_CHARS = 40


def _tidy(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not _RULE_ROW.match(line.strip()))


def _rescue(html: str, text: str) -> str:
    """Trafilatura's text, plus the paragraphs it left in the body's other containers.

    Long-form pages split the article over several containers of one kind (``<div
    class="article-body">`` between figures and ads); trafilatura keeps the first and drops the
    rest (its recall options and jusText/readability fallbacks did not bring them back on
    bench/pages, and jusText took blog comments with them). A paragraph is recovered only when
    its nearest classed container has the same tag and class as one that holds paragraphs
    trafilatura kept; comments, related links and promos sit in containers of their own.
    """
    ours = [line for line in text.splitlines() if line.strip()]
    if not ours:
        return text
    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on hostile markup; the page keeps what it has
        return text
    paras = [(p, _key(p.text_content())) for p in tree.iter("p")]
    kept = {_key(line) for line in ours}
    sigs = {_container(p) for p, k in paras if k in kept} - {None}
    missing = {
        k
        for p, k in paras
        if k not in kept and len(k) >= RESCUE_PARAGRAPH_CHARS and _container(p) in sigs and not _linky(p, k)
    }
    if sum(len(k) for k in missing) < RESCUE_MIN_CHARS:
        return text
    order = [(" ".join(p.text_content().split()), k) for p, k in paras if k in kept or k in missing]
    at = {k: i for i, (_, k) in enumerate(order)}
    pending: dict[int, list[str]] = {}
    last = -1
    for line in ours:  # trafilatura's lines that are no <p> (headings, tables) keep their place
        k = _key(line)
        if k in at:
            last = at[k]
        else:
            pending.setdefault(last, []).append(line)
    out = pending.get(-1, [])
    for i, (t, _) in enumerate(order):
        out.append(t)
        out.extend(pending.get(i, []))
    return "\n".join(out)


#: a run-on line this long from trafilatura is its last-resort text, worth splitting up again
RESPLIT_CHARS = 200
#: ... when the page's own blocks account for this share of it (else the line is kept as is)
RESPLIT_COVER = 0.8
_BLOCK_TAGS = (
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "th", "dd", "dt",
    "pre", "div", "section", "article", "header", "footer", "aside", "nav", "main", "figure", "ul", "ol",
    "table", "tr", "form",
)  # fmt: skip


def _resplit(html: str, text: str) -> str:
    """Trafilatura's last resort returns the page's text as one run-on line (seen on short
    pages in Japanese and on old table layouts): the paragraphs, captions and buttons run
    together, and no line can be told from another. The page's own blocks (leaf block elements,
    split at ``<br>``) give the lines back, in page order, when they account for the text."""
    if "\n" in text.strip() or len(text) < RESPLIT_CHARS:
        return text
    flat = _flat(text)
    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on hostile markup; the line stays as it is
        return text
    lines: list[str] = []
    for el in tree.iter(*_BLOCK_TAGS):
        for piece in _pieces(el):  # each block's own text; its inner blocks come on their own
            line = " ".join(piece.split())
            if line and _flat(line) in flat and (not lines or lines[-1] != line):
                lines.append(line)
    if sum(len(_flat(line)) for line in lines) < RESPLIT_COVER * len(flat):
        return text
    return "\n".join(lines)


def _flat(text: str) -> str:
    """Text for matching: one space between words, no Markdown table pipes (a layout table
    comes out of trafilatura as one "| … | … |" row)."""
    return " ".join(re.sub(r"\\?\|", " ", text).split())


def _pieces(el: Any) -> list[str]:
    """A block's own text, cut at every ``<br>`` and inner block (scripts and styles left out)."""
    parts = [""]

    def walk(e: Any) -> None:
        if e.text and isinstance(e.tag, str) and e.tag not in ("script", "style"):
            parts[-1] += e.text
        for c in e:
            inner = isinstance(c.tag, str) and c.tag in _BLOCK_TAGS
            if c.tag == "br" or inner:
                parts.append("")
            elif isinstance(c.tag, str) and c.tag not in ("script", "style"):
                walk(c)
            if c.tail:
                parts[-1] += c.tail

    walk(el)
    return parts


def _recall_text(html: str) -> str:
    try:
        doc = bare_extraction(html, include_comments=False, include_tables=True, favor_recall=True)
    except Exception:  # the first pass parsed this page; a second failure is no body
        return ""
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _baseline_text(html: str) -> str:
    try:
        _, text, _ = baseline(html)
    except Exception:  # as above: a page none of trafilatura's passes can read has no body
        return ""
    return str(text or "")


def _linky(p: Any, key: str) -> bool:
    """Mostly link text: a teaser to another article, not a paragraph of this one."""
    linked = sum(len(" ".join(a.text_content().split())) for a in p.iter("a"))
    return linked > 0.5 * len(key)


def _container(p: Any) -> tuple[str, str] | None:
    """Tag and class of the nearest ancestor that has a class: the paragraph's container."""
    for el in p.iterancestors():
        cls = el.get("class")
        if cls and cls.strip():
            return str(el.tag), " ".join(cls.split())
    return None


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


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
