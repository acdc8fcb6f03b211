"""The data that flows between stages.

Every stage reads and returns these frozen dataclasses, so a stage can be run, stored and
re-run on its own. Each record converts losslessly to plain JSON-able dicts and back
(``to_dict`` / ``from_dict``): the store and ``story.json`` are built on that round trip.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any, ClassVar, Self, TypeVar, Union, get_args, get_origin

__all__ = [
    "Article",
    "Removed",
    "Span",
    "Evidence",
    "Role",
    "Actor",
    "Mention",
    "TimeRef",
    "Quote",
    "Event",
    "Analysis",
    "Rejected",
    "Claim",
    "Conflict",
    "TimelineEntry",
    "SummarySentence",
    "Citation",
    "RelationPoint",
    "Story",
    "Record",
    "fields_of",
    "json_pieces",
]

T = TypeVar("T", bound="Record")

#: Converts a stored value to what its field holds; None: the value as stored.
Loader = Callable[[Any], Any] | None

# Values that convert to themselves: the most fields of the most records (offsets, names).
_SCALARS = frozenset({str, int, float, bool, type(None)})
# A loaded string this short is interned: labels, kinds and names repeat in every record (800
# stored analyses held 1.09 M string objects, 71 k distinct: 67 of their 73 MB were copies).
_SHORT = 80


class Record:
    """Mixin giving a frozen dataclass a lossless dict round trip.

    Conversion is driven by the type hints, so adding a field needs no serialisation code.
    Each class's field names and loaders are worked out once (:func:`_names`, :func:`_loaders`):
    a story's round trip converts hundreds of thousands of records.
    """

    __dataclass_fields__: ClassVar[dict[str, Any]]
    __slots__ = ()  # the records are slotted dataclasses: no per-record __dict__ to keep

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for name in _names(typing.cast(Any, type(self))):
            v = getattr(self, name)  # not __dict__, which would give each record a dict to keep
            out[name] = v if type(v) in _SCALARS else _dump(v)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        kwargs = {}
        for name, load in _loaders(typing.cast(Any, cls)):
            if name in data:
                v = data[name]
                if load is not None and v is not None:
                    v = load(v)
                elif type(v) is str and len(v) <= _SHORT:
                    v = sys.intern(v)
                kwargs[name] = v
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


@cache
def _names(cls: Any) -> tuple[str, ...]:
    """The field names of a record class, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _loaders(cls: Any) -> tuple[tuple[str, Loader], ...]:
    """Each field's name with the loader its type hint calls for."""
    hints = typing.get_type_hints(cls)
    return tuple((name, _loader(hints[name])) for name in _names(cls))


def _loader(hint: Any) -> Loader:
    """How to load a stored value of this type hint: None (stored) stays None at every level,
    records come back as records and sequences as the tuple or list the hint names."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(hint) if a is not type(None)]
        return _loader(members[0]) if len(members) == 1 else None
    if origin is tuple:
        args = get_args(hint)
        return _each(tuple, _loader(args[0]) if args else None)
    if origin is list:
        return _each(list, _loader(get_args(hint)[0]))
    if origin is dict:
        return _values(_loader(get_args(hint)[1]))
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict
    return None


def _each(kind: Callable[[Iterable[Any]], Any], inner: Loader) -> Callable[[Any], Any]:
    """A loader of a sequence whose items load with ``inner``."""
    if inner is None:
        return kind
    load = inner
    return lambda value: kind([None if v is None else load(v) for v in value])


def _values(inner: Loader) -> Callable[[Any], Any]:
    """A loader of a dict whose values load with ``inner``."""
    if inner is None:
        return lambda value: {k: v for k, v in value.items()}
    load = inner
    return lambda value: {k: None if v is None else load(v) for k, v in value.items()}


def fields_of(record: Record) -> dict[str, Any]:
    """A record's fields by name, records within left as they are: ``record.to_dict()`` one
    level at a time, for a JSON encoder that converts each nested record only as it writes it
    (``json.dumps(x, default=fields_of)``). A big story's whole dict was as big as the story
    (~100 MB at 800 articles), and its JSON text as much again."""
    if not isinstance(record, Record):
        raise TypeError(f"{type(record).__name__} is not JSON serialisable")
    return _fields_getter(typing.cast(Any, type(record)))(record)


@cache
def _fields_getter(cls: Any) -> Callable[[Any], dict[str, Any]]:
    """``fields_of`` for one record class: its fields fetched at once by an ``attrgetter`` (a
    story's JSON converts ~130k records a 200-article run; a getattr each cost a third more)."""
    names = _names(cls)
    get = attrgetter(*names)
    if len(names) == 1:  # one name: attrgetter gives the value, not a tuple
        return lambda record: {names[0]: get(record)}
    return lambda record: dict(zip(names, get(record), strict=True))


def json_pieces(
    record: Record,
    convert: Mapping[str, Callable[[Any], Any]] | None = None,
    *,
    ensure_ascii: bool = True,
) -> Iterator[str]:
    """A record's JSON, a piece at a time: one line per field and per item of a list field (an
    article, an actor, a claim), each from the C encoder, so only one item is ever converted at
    once. ``convert``: field name -> a function applied to each item of that list field before it
    is written. Diffable between runs like ``indent=1``, which would turn the C encoder off; no
    space after a comma or colon inside a line (7% of a story's file)."""

    # one encoder for every piece (json.dumps makes one a call); records hold no cycles to check
    one = json.JSONEncoder(
        ensure_ascii=ensure_ascii, check_circular=False, default=fields_of, separators=(",", ":")
    ).encode

    yield "{\n"
    for n, (k, v) in enumerate(fields_of(record).items()):
        yield ",\n" if n else ""
        change = (convert or {}).get(k)
        if isinstance(v, list | tuple) and v:
            yield f" {one(k)}: [\n"
            for m, x in enumerate(v):
                x = change(x) if change else x
                yield f",\n  {one(x)}" if m else f"  {one(x)}"
            yield "\n ]"
        else:
            yield f" {one(k)}: {one(v)}"
    yield "\n}"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Removed(Record):
    """A piece of the input that cleaning cut from the body, with the reason.

    ``start``/``end`` locate it in the raw extracted text (before cleaning), so nothing is
    lost silently and a user can restore it.
    """

    text: str
    reason: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One cleaned news article. ``id`` is the hash of the cleaned text."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    # day | minute | month | year; None when no date is known
    published_precision: str | None = None
    # where the date came from: html-meta, dateline, sidecar, cli, feed, ... ; None = unknown
    published_source: str | None = None
    removed: tuple[Removed, ...] = ()
    duplicate_of: str | None = None
    format: str = "text"
    # where each of the several records of a container file starts (WARC, JSONL, feeds)
    record: str | None = None
    # where the outlet name came from: sidecar, html-meta, feed, jsonl, url, print-line,
    # copyright, dateline, byline, photo-credit, header, footer, cli, handle; None = unknown
    outlet_source: str | None = None
    # True when ``published`` was inferred from the story (fuse.dating), not stated; how it was
    # found, and the range of days the evidence allows (``published`` is the day taken)
    published_inferred: bool = False
    published_evidence: str | None = None
    published_earliest: str | None = None
    published_latest: str | None = None
    # how the file's bytes were read when not plain UTF-8: the code page detected, a declared
    # encoding that was retried, bytes lost (e.g. "read as Windows-1252 (detected)"); None = UTF-8
    encoding_note: str | None = None
    # ISO 639-1 code of the body's language (py3langid); None when too short to tell
    language: str | None = None
    # the news agency a dateline names ("SEOUL, March 12 (Agency) -", "(AP) —"): the wire source
    wire_source: str | None = None
    # pieces kept in ``text`` that analysis may skip (subheading, table, list), offsets into ``text``
    marked: tuple[Removed, ...] = ()
    # what ingest noticed and set aside without cutting text (an impossible date, an inherited one)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected(Record):
    """Input that could not become an article, and why (never a silent skip)."""

    source: str
    reason: str


# --------------------------------------------------------------------------- analyse


@dataclass(frozen=True, slots=True)
class Span(Record):
    """Character offsets into ``Article.text`` of one article: the provenance of a fact."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A span with its text copied out, as reports and story.json show it."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Role(Record):
    """A title or office held by an actor, as a text stated it (or the knowledge file)."""

    title: str
    organisation: str | None = None
    country: str | None = None
    span: Span | None = None
    start: str | None = None  # ISO date the role began, when known
    end: str | None = None
    source: str = "text"  # text | knowledge


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """A canonical person, organisation, state or place."""

    id: str
    name: str
    kind: str  # person | organisation | state | place | unnamed
    country: str | None = None  # ISO-3
    sector: str | None = None  # GOV, MIL, DIP, MED, THINK, BUS, ...
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    notes: tuple[str, ...] = ()  # resolution decisions and disagreements, in words


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A stretch of text that refers to an actor."""

    span: Span
    text: str
    label: str  # spaCy label or the rule that found it
    actor: str | None = None
    how: str | None = None  # why it resolved to that actor


@dataclass(frozen=True, slots=True)
class TimeRef(Record):
    """A time expression and what it resolves to against the article's own date."""

    span: Span
    text: str
    date: str | None  # YYYY | YYYY-MM | YYYY-MM-DD ; None = unresolved
    granularity: str | None  # day | month | year
    end: str | None = None  # for ranges
    how: str | None = None
    # the same reading as TIMEX3 (TimeML) writes it, to compare with other taggers:
    # type DATE | TIME | DURATION | SET; value "2000-02-10", "2000-Q3", "PRESENT_REF", "P3Y", ...
    timex_type: str | None = None
    timex_value: str | None = None


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """Who said what. ``start``/``end`` cover the quoted words, without the marks."""

    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: str | None  # actor id
    speaker_name: str | None  # as written
    cue: str | None
    direct: bool
    cue_span: Span | None = None
    speaker_span: Span | None = None
    # set by fuse: the id of the quote this one repeats (another outlet, the same words)
    same_as: str | None = None
    # set by fuse on a canonical quote: every span printing its words, wire copies included
    sources: tuple[Evidence, ...] = ()
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event(Record):
    id: str
    type: str  # PLOVER category
    source_actor: str | None
    target_actor: str | None
    date: str | None
    granularity: str | None
    date_text: str | None
    place: str | None
    intensity: float
    mode: str  # happened | planned | cancelled | denied | hypothetical
    summary: str
    evidence: tuple[Evidence, ...]
    cameo: str | None = None
    notes: tuple[str, ...] = ()
    # set by fuse when reports are merged: every article (wire copies included) and outlet
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    end: str | None = None  # last day/month/year when the event's date is a range
    place_span: Span | None = None
    duration: str | None = None  # as written: "35-minute", "more than three hours"
    trigger_span: Span | None = None  # the word(s) that name the event


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything the analyse stage found in one article."""

    article: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timerefs: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- fuse / present


@dataclass(frozen=True, slots=True)
class Claim(Record):
    id: str
    text: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...] = ()
    corroborated: bool = False


@dataclass(frozen=True, slots=True)
class Conflict(Record):
    id: str
    kind: str
    description: str
    sides: tuple[Evidence, ...]
    verdict: str = "conflict"  # conflict | needs checking | compatible


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    date: str
    granularity: str
    title: str
    events: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    mode: str = "happened"


@dataclass(frozen=True, slots=True)
class Citation(Record):
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SummarySentence(Record):
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class RelationPoint(Record):
    dyad: str
    period: str
    score: float
    events: int


@dataclass(frozen=True, slots=True)
class Story(Record):
    """The fused result over a set of articles."""

    storyline_version: str
    articles: tuple[Article, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    relations: tuple[RelationPoint, ...] = ()
    id: str = "story"
    title: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # dyad ("AUS-IDN") → a plain sentence on the direction of its relations series
    relation_readings: dict[str, str] = field(default_factory=dict)
