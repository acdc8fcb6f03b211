"""Recover title, outlet, authors and the publication date, saying where each came from.

Sources, most trusted first: the sidecar / CLI metadata, the format's own metadata (HTML meta
tags, feed fields, JSONL fields), what the top of the text says (a byline, a dateline, a site
name), and last the ``--published`` fallback. No date found is stated (``published_source``
None), never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..calendar_words import MONTH_NUMBERS, MONTH_PATTERN
from .outlets import STRONG_SOURCES, wire_agency

__all__ = [
    "Meta",
    "TextMeta",
    "merge_meta",
    "text_meta",
    "parse_date",
    "plausible_date",
    "BYLINE_LINE",
    "DATE_RE",
]

#: Publication dates before this year are impossible for a news page: CMS placeholders
#: ("0001-01-01T00:00:00Z") and typos, which would overflow date arithmetic downstream.
MIN_YEAR = 1800
#: ... and so are dates more than this many days after the run (a clock or typo, "2205").
MAX_DAYS_AHEAD = 366

_MONTHS = MONTH_NUMBERS
_MONTH = MONTH_PATTERN
_DAYNAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?"
    r"(?:\s*(?:ET|EST|EDT|GMT|UTC|BST|CET|CEST|AEDT|AEST|PT|PST|PDT|IST|JST))?)?"
)
_MDY = re.compile(_WEEKDAY + rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})" + _TIME, re.I)
_DMY = re.compile(_WEEKDAY + rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})" + _TIME, re.I)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?")
#: any date as written in a dateline (used by the junk rules to spot a date-only line)
DATE_RE = re.compile(
    rf"(?:{_MDY.pattern})|(?:{_DMY.pattern.replace('?P<', '?P<x')})|{_ISO.pattern.replace('?P<', '?P<z')}",
    re.I,
)

_NAME_TOKEN = (
    rf"(?!(?:{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Photo|Updated|Published)\b)"
    r"(?:[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?|[A-Z]\.)"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|van|von|bin|al|da|del|la|le)){{0,4}}"
#: a line that is a byline: "By A", "By A and B", "By A, B and C | Outlet"
BYLINE_LINE = re.compile(rf"^[(\s]*By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*", re.UNICODE)
_BYLINE = re.compile(rf"\bBy\s+(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*)")
_NOT_NAME = re.compile(rf"^(?:{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|The|Photo|Staff|Our)\b")
_ROLE = re.compile(r"\b(?:Reporter|Correspondent|Editor|Writer|Staff|Bureau|Chief|Desk|Columnist)\b")
#: a line that states its date as the page's ("Updated …", "… | Published …"), not prose about one
_STATED_DATE = re.compile(
    r"(?:^|[|•·]\s*)(?:(?:First |Last )?Published|(?:Last )?Updated|Posted)\b[:\s]*", re.I
)


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_precision: str | None = None
    published_source: str | None = None
    outlet_source: str | None = None
    wire_source: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class TextMeta:
    """What the top of the article's own text says about it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: tuple[str, str] | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # one of ``outlets.OUTLET_RANK``
    #: the agency a dateline names ("SEOUL, March 12 (Yonhap) -", "(AP) —")
    wire_source: str | None = None


def merge_meta(
    found: dict[str, Any],
    body: str,
    cli_published: str | None,
    from_text: TextMeta | None = None,
    cli_outlet: str | None = None,
) -> Meta:
    """Combine reader/sidecar metadata, what the text says, and the CLI fallbacks.

    Outlet, best first: sidecar or format metadata, a strong statement in the text (print line,
    copyright, byline, photo credit), the URL's host, ``--outlet``, a bare site-name line or a
    social handle, and last the agency in the dateline: a reprint of a wire story keeps its own
    masthead, and the agency is its ``wire_source``. Date: metadata, a header dateline,
    ``--published``; an impossible date is ignored with a note.
    """
    t = from_text or TextMeta()
    m = Meta()
    m.title = _str(found.get("title")) or t.title
    m.url = safe_url(found.get("url"))
    m.wire_source = t.wire_source
    host = host_of(m.url) if m.url else None
    strong = t.outlet if t.outlet_source in STRONG_SOURCES else None
    weak = t.outlet if t.outlet_source not in STRONG_SOURCES else None
    for name, source in (
        (_str(found.get("outlet")), _str(found.get("outlet_source")) or "metadata"),
        (strong, t.outlet_source),
        (host, "url"),
        (_str(cli_outlet), "cli"),
        (weak, t.outlet_source),
        (t.wire_source, "dateline"),
    ):
        if name:
            m.outlet, m.outlet_source = name, source
            break
    authors = found.get("authors") or found.get("author") or []
    if isinstance(authors, str):
        authors = re.split(r"\s*[;,]\s*|\s+and\s+", authors)
    elif not isinstance(authors, (list, tuple)):  # a sidecar's {} or 12345 names nobody
        authors = []
    m.authors = tuple(a for a in (x.strip() for x in authors if isinstance(x, str)) if a) or t.authors
    published = found.get("published")
    where = _str(found.get("published_source")) or "metadata"
    pub = parse_date(published) if isinstance(published, str) else None
    if published not in (None, "", [], {}) and not (pub and plausible_date(pub[0])):
        m.notes.append(f"published date {str(published)[:40]!r} from {where} is not a possible date; ignored")
        pub = None
    if t.published and not plausible_date(t.published[0]):
        m.notes.append(f"published date {t.published[0]!r} from the dateline is not a possible date; ignored")
        t.published = None
    if pub:
        m.published, m.published_precision = pub
        m.published_source = where
    elif t.published:
        m.published, m.published_precision = t.published
        m.published_source = "dateline"
    elif cli_published:
        m.published, m.published_precision, m.published_source = cli_published, "day", "cli"
    _ = body
    return m


def text_meta(
    header: Sequence[str], title: str | None = None, outlet: tuple[str, str] | None = None
) -> TextMeta:
    """Authors and date from the article's header lines; ``outlet`` is ``find_outlet``'s answer.

    Only the header is searched for a date: dates deeper in the body are events, not the date
    of publication.
    """
    tm = TextMeta(title=title)
    if outlet:
        tm.outlet, tm.outlet_source = outlet
    tm.wire_source = next((w for w in map(wire_agency, header) if w), None)
    for line in header:
        if not tm.authors and (b := _BYLINE.search(line)):
            names = [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", b.group("names"))]
            tm.authors = tuple(n for n in names if n and not _ROLE.search(n) and not _NOT_NAME.match(n))
            after = line[b.end() :]
            cut = re.search(rf"\s+(?:{_MONTH}|{_DAYNAME})\b", b.group("names"))
            if cut:  # the name regex ran into the date: "By A June 17, 2023"
                after = b.group("names")[cut.start() :] + after
            if tm.published is None and (d := _first_date(after[:60])):
                tm.published = d
        if tm.published is None:
            d = _first_date(line)
            if d and (len(line) <= 60 or _STATED_DATE.search(line)):
                tm.published = d
    return tm


#: a time written before its date: "Updated 6:02 AM EDT, Mon June 19, 2023"
_TIME_BEFORE = re.compile(
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?\s*,?\s*"
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s*)?$",
    re.I,
)


def _first_date(text: str) -> tuple[str, str] | None:
    for rx in (_MDY, _DMY):
        if m := rx.search(text):
            try:
                day = dt.date(int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"]))
            except (ValueError, KeyError):
                continue
            t = m if m["h"] is not None else _TIME_BEFORE.search(text[: m.start()])
            if t is None:
                return day.isoformat(), "day"
            return _with_time(day, t["h"], t["mi"], t["ap"])
    if m := _ISO.search(text):
        try:  # checked here: parse_date falls back to this function on an invalid ISO date
            dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return parse_date(m.group(0))
    return None


def _with_time(day: dt.date, h: str, mi: str, ap: str | None) -> tuple[str, str]:
    """The day and a 12- or 24-hour clock time as written; an impossible time keeps the day."""
    hour = int(h)
    if ap:
        hour = hour % 12 + (12 if ap.lower().startswith("p") else 0)
    if hour > 23 or int(mi) > 59:
        return day.isoformat(), "day"
    return f"{day.isoformat()}T{hour:02d}:{mi}", "minute"


def plausible_date(value: str) -> bool:
    """A publication date a news page can have: a real day from ``MIN_YEAR`` to a year ahead."""
    try:
        y, mo, d = (value[:4], value[5:7] or "01", value[8:10] or "01")
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return False
    return day.year >= MIN_YEAR and day <= dt.date.today() + dt.timedelta(days=MAX_DAYS_AHEAD)


def parse_date(v: Any) -> tuple[str, str] | None:
    """ISO-ish date or datetime → (value, precision); local time kept as written. Never raises:
    input that is no date (or a date Python cannot hold) is None."""
    if not v:
        return None
    s = str(v).strip()[:100]
    try:
        if re.fullmatch(r"\d{4}", s):
            return s, "year"
        if re.fullmatch(r"\d{4}-\d{2}", s):
            dt.date.fromisoformat(s + "-01")
            return s, "month"
        day = dt.date.fromisoformat(s[:10]).isoformat()
    except (ValueError, OverflowError):
        return _first_date(s)
    t = re.match(r"[T ](\d{2}):(\d{2})", s[10:])
    if t and (t[1], t[2]) != ("00", "00") and int(t[1]) < 24 and int(t[2]) < 60:
        return f"{day}T{t[1]}:{t[2]}", "minute"  # midnight is how date-only stamps are written
    return day, "day"


def _str(v: Any) -> str | None:
    """A metadata string; other JSON types (numbers, lists, objects from a sidecar) are no value."""
    return v.strip() or None if isinstance(v, str) else None


def host_of(url: str) -> str | None:
    """The site of a URL, or None: a hostile URL ("http://[x") must not end the run."""
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def safe_url(v: Any) -> str | None:
    """Only web addresses are kept: a ``javascript:`` or ``data:`` URL from the input is no URL."""
    url = _str(v)
    if url is None:
        return None
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None
