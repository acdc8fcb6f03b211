"""Checkable facts inside a sentence: precedents, durations, counts and dated periods.

These are what two outlets can disagree about in so many words: "the first secretary of state
since 2018", "a 35-minute meeting", "three people were killed", "in mid-February". Each fact
keeps its character offsets so a conflict can show the words on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Fact", "extract_facts", "number_value", "subject_class", "MONTHS"]

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "half": 0.5, "dozen": 12, "half-dozen": 6,
}  # fmt: skip
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_WORDS = "|".join(k for k in _NUMBER_WORDS if k != "half-dozen")
_NUM = rf"(?:\d+(?:\.\d+)?|(?:{_WORDS})(?:[- ]and[- ]a[- ]half)?)"
_QUAL = r"(?P<qual>more than|over|nearly|almost|about|around|roughly|some|at least|less than|under|up to)?\s*"
_UNIT_MIN = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200, "year": 525600}

_PRECEDENT = re.compile(
    r"\bfirst\b(?P<subj>[^.;:!?—–()]{0,90}?)\b(?:since\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|in\s+(?:more than\s+|nearly\s+|over\s+)?(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM})\s+years?\b)",
    re.I,
)
_DURATION = re.compile(
    rf"\b{_QUAL}(?P<n>{_NUM})[- ](?P<unit>minute|hour|day|week)s?(?:[- ]long)?\b"
    r"(?:\s+(?:of\s+)?(?P<noun>[a-z]+))?",
    re.I,
)
_COUNT = re.compile(
    rf"\b{_QUAL}(?P<n>\d[\d,]*|{_NUM})\s+(?:[a-z]+\s+)??(?P<noun>people|persons|civilians|soldiers|troops"
    r"|dead|killed|wounded|injured|deaths|victims|casualties|arrests|arrested|protesters|refugees"
    r"|migrants|hostages|prisoners|detainees|objectives|points|votes|seats|jobs|workers|homes)\b",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?:(?P<part>early|mid|late)[- ])?(?P<month>January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
# When something began: "talks began in 2019", "negotiators have been discussing since 2018".
# ("first ... since" is a precedent, matched above, and never a start.)
_START = re.compile(
    r"\b(?:began|begun|started|launched|opened|commenced)\s+(?:back\s+)?in\s+(?P<y1>(?:19|20)\d\d)\b"
    r"|\b(?:have|has|had)\s+been\s+[a-z]+ing\b[^.;:!?]{0,30}?\bsince\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?:under\s*way|ongoing|running)\s+since\s+(?P<y3>(?:19|20)\d\d)\b",
    re.I,
)
# Words the patterns above cannot match without (most sentences have none): a fact pattern
# runs only where its words are, each looked for in the lower-cased sentence. Lower-casing
# agrees with IGNORECASE except for these four letters, which IGNORECASE matches to i, s or k.
ODD_FOLDS = frozenset("\u0130\u0131\u017f\u212a")
_COUNTED = (
    "people", "persons", "civilians", "soldiers", "troops", "dead", "killed", "wounded", "injured",
    "deaths", "victims", "casualties", "arrests", "arrested", "protesters", "refugees", "migrants",
    "hostages", "prisoners", "detainees", "objectives", "points", "votes", "seats", "jobs",
    "workers", "homes",
)  # fmt: skip
_UNITS = ("minute", "hour", "day", "week")
_START_WORDS = ("began", "begun", "started", "launched", "opened", "commenced", "since")
_MONTH_NAME = re.compile(
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_FAMILY = {
    "meeting": "meeting", "talk": "meeting", "talks": "meeting", "session": "meeting",
    "discussion": "meeting", "call": "call", "visit": "visit", "trip": "visit", "stay": "visit",
    "tour": "visit", "delay": "delay", "flight": "flight", "speech": "speech",
}  # fmt: skip
# Office names that denote the same group of people, whichever words an outlet picks.
_ROLE_CLASSES = {
    "secretary of state": "foreign minister", "top diplomat": "foreign minister",
    "foreign minister": "foreign minister", "foreign secretary": "foreign minister",
    "cabinet-level official": "cabinet member", "cabinet official": "cabinet member",
    "cabinet member": "cabinet member", "cabinet secretary": "cabinet member",
    "head of state": "head of state", "president": "head of state", "prime minister": "head of government",
    "premier": "head of government", "defense secretary": "defence minister",
    "defence secretary": "defence minister", "defense minister": "defence minister",
    "defence minister": "defence minister",
}  # fmt: skip
# Broader groups contain narrower ones: a broader group's last precedent can be more recent.
_BROADER = {"foreign minister": "cabinet member", "defence minister": "cabinet member"}


@dataclass(frozen=True)
class Fact:
    """One checkable statement: ``kind`` precedent | duration | count | period | start."""

    kind: str
    start: int  # offsets into the sentence text
    end: int
    value: float  # precedent: year; duration: minutes; count: number; period: ordinal day-of-year-ish
    key: str  # what is measured: the subject class, the noun family, or the month
    qualifier: str | None = None
    detail: str = ""  # for periods: early | mid | late | day number


def number_value(text: str) -> float | None:
    """'35' -> 35, 'five' -> 5, 'three-and-a-half' -> 3.5, 'half-dozen' -> 6."""
    t = text.lower().replace(",", "")
    half = 0.0
    for suffix in ("-and-a-half", " and a half"):
        if t.endswith(suffix):
            t, half = t[: -len(suffix)], 0.5
    try:
        return float(t) + half
    except ValueError:
        v = _NUMBER_WORDS.get(t)
        return None if v is None else v + half


def subject_class(subject: str) -> str:
    """The group a precedent is about ('American cabinet-level official' -> 'cabinet member')."""
    s = " ".join(w for w in subject.split() if not _DEMONYM.match(w)).lower()
    for name in sorted(_ROLE_CLASSES, key=len, reverse=True):
        if name in s:
            return _ROLE_CLASSES[name]
    return s


_DEMONYM = re.compile(r"^(?:U\.?S\.?|US|UK|[A-Z][a-z]+(?:an|ese|ish|i))$")


def broader(a: str, b: str) -> bool:
    """Whether group ``a`` contains group ``b``."""
    return _BROADER.get(b) == a


def extract_facts(sentence: str, year: int | None) -> list[Fact]:
    """Every precedent, duration, count and month period in ``sentence``.

    ``year`` (the article's publication year) turns "in five years" into a year and gives
    "in mid-February" its year.
    """
    out: list[Fact] = []
    low = sentence.lower()
    # with a letter that folds to ASCII only under IGNORECASE, the word checks could miss: scan all
    every = not ODD_FOLDS.isdisjoint(sentence)
    precedents = _PRECEDENT.finditer(sentence) if every or "first" in low else ()
    for m in precedents:
        value = _precedent_year(m, year)
        if value is not None:
            out.append(Fact("precedent", m.start(), m.end(), value, subject_class(_subject(m.group("subj")))))
    durations = _DURATION.finditer(sentence) if every or _has_any(low, _UNITS) else ()
    for m in durations:
        n = number_value(m.group("n"))
        if n is None or (m.group("noun") or "").lower() in _GAP:
            continue  # "three weeks after the visit": the time between two events, not a length
        out.append(
            Fact("duration", *_duration_span(sentence, m), n * _UNIT_MIN[m.group("unit").lower()],
                 _duration_of(sentence, m), _qual(m))
        )  # fmt: skip
    counts = _COUNT.finditer(sentence) if every or _has_any(low, _COUNTED) else ()
    for m in counts:
        n = number_value(m.group("n"))
        if n is not None:
            out.append(Fact("count", *_span(sentence, m), n, m.group("noun").lower(), _qual(m)))
    starts = _START.finditer(sentence) if every or _has_any(low, _START_WORDS) else ()
    for m in starts:
        y = m.group("y1") or m.group("y2") or m.group("y3")
        # what began is named just before the verb: its words are the fact's key
        what = " ".join(re.findall(r"[A-Za-z]+", sentence[max(0, m.start() - 80) : m.start() + 40]))
        out.append(Fact("start", m.start(), m.end(), float(y), what))
    periods = _PERIOD.finditer(sentence) if _MONTH_NAME.search(sentence) else ()
    for m in periods:
        if not (m.group("part") or m.group("day")):
            continue  # a bare month is too coarse to disagree about
        y = int(m.group("year")) if m.group("year") else year
        if y is None:
            continue
        month = MONTHS[m.group("month").lower()]
        detail = m.group("part").lower() if m.group("part") else str(int(m.group("day")))
        out.append(Fact("period", m.start(), m.end(), y * 12 + month, f"{y:04d}-{month:02d}", None, detail))
    return out


def _has_any(low: str, words: Iterable[str]) -> bool:
    return any(w in low for w in words)


def _duration_of(sentence: str, m: re.Match[str]) -> str:
    """What lasted: the noun after ("35-minute meeting") or just before ("talks lasting 3 hours")."""
    after = (m.group("noun") or "").lower()
    if after in _FAMILY:
        return _FAMILY[after]
    before = re.findall(r"[a-z]+", sentence[max(0, m.start() - 30) : m.start()].lower())
    for word in reversed(before):
        if word in _FAMILY:
            return _FAMILY[word]
        if word.endswith("s") and word[:-1] in _FAMILY:
            return _FAMILY[word[:-1]]
    # "The meeting between A, X's minister, and B, Y's minister, lasted three hours": after a
    # verb of lasting, what lasted is the sentence's subject, however far back it is named
    if len(before) >= 2 and before[-1] == "for" and before[-2] in _MET:
        return "call" if "phone" in before or "call" in before else "meeting"  # "met for two hours"
    if before and before[-1] in _LASTING:
        for word in re.findall(r"[a-z]+", sentence[: m.start()].lower()):
            if word in _FAMILY:
                return _FAMILY[word]
    return "unspecified"


def _duration_span(sentence: str, m: re.Match[str]) -> tuple[int, int]:
    """The words of a duration: with the noun after it only when that noun is what lasted
    ("200 minutes of talks"), not a stray next word ("three hours at")."""
    start, end = _span(sentence, m)
    noun = (m.group("noun") or "").lower()
    if m.group("noun") and noun not in _FAMILY and noun.removesuffix("s") not in _FAMILY:
        end = len(sentence[: m.start("noun")].rstrip().removesuffix(" of"))
    return start, end


_GAP = frozenset(["after", "before", "ago", "later", "earlier", "since", "into", "from", "until", "away"])
_MET = frozenset(["met", "talked", "conferred", "spoke", "negotiated"])
_LASTING = frozenset(["lasted", "lasting", "lasts", "ran", "running", "took"])


def _precedent_year(m: re.Match[str], year: int | None) -> float | None:
    if m.group("year"):
        return float(m.group("year"))
    n = number_value(m.group("n"))
    return None if n is None or year is None else float(year - n)


_SUBJ_CUT = re.compile(r"\b(?:to|in|at|on|ever)\b.*$", re.I)
_DET = re.compile(r"^(?:\s*(?:an?|the|such|visit|trip|by|of)\b)+", re.I)


def _subject(raw: str) -> str:
    s = re.sub(r"^.*?\bby\b", "", raw, flags=re.I) if re.search(r"\bby\b", raw, re.I) else raw
    return _DET.sub("", _SUBJ_CUT.sub("", s)).strip()


def _span(text: str, m: re.Match[str]) -> tuple[int, int]:
    start = m.start()
    while start < m.end() and text[start].isspace():
        start += 1
    return start, m.end()


def _qual(m: re.Match[str]) -> str | None:
    q = m.group("qual")
    return q.lower() if q else None
