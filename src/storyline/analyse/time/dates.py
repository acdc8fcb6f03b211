"""Time expressions resolved against the article's own date (never against today).

``resolve`` is a pure function other stages call; ``extract_timerefs`` finds the expressions in a
parsed article, reads the tense of their clause and resolves each one.

Rules (news conventions, documented because they are choices):

- A weekday names the most recent such day on or before the article's date, or the next one
  when its clause is future ("plans to leave on Friday"). One exception for past tense: the day
  *after* publication is taken when the article was published late in its day (18:00 or later,
  from the published timestamp or a dateline such as "June 17, 2023 10:48 pm ET") or on a
  Saturday. US evening and weekend editions report events already under way in Asia/Europe the
  next calendar day ("arrived in Beijing on Sunday" in a Saturday-night story is that Sunday);
  six days back would be written as a date or "last Sunday".
  A present-tense clause takes the coming weekday ("voters go to the polls Tuesday").
- The tense is that of the clause the expression modifies (``tense.clause_tense``), never a
  neighbour's: a weekday right after a reporting verb ("said Wednesday it would ...") dates the
  report, whatever clause a parse hangs it on.
- A month (or month-day) without a year is the most recent such month not after the article in
  a past clause, the next one in a future clause, and the nearest reading otherwise ("the Feb. 10
  deadline" in a story of 7 January is the coming one); a past clause still takes a month-day
  that lies at most ``NEAR_AHEAD_DAYS`` ahead ("declared a dividend payable Dec. 1"), and any
  later day of the article's own month ("scheduled for Nov. 18-19"). A weekday named with it
  picks the year in which the day fits ("Saturday, April 25"). "June this year", "July last
  year" are one expression, their year named relative to the article.
- Two dates joined by "and"/"to" ("late November and early December", "Friday and Saturday")
  run forward: a guessed year or week of the second is moved past the first. A year or month
  range read as one ("between 1991 and 1996") is given as two expressions, as TimeML tags it;
  the first keeps the range.
- "in N years" is a future point when the clause is future, else the span of the last N years
  ("the first visit in five years"); "in the next N years" is a duration.
- "N units earlier/later" counts from a date named before it in the same sentence; without one its
  date is left to the events stage, which counts from another event (its TIMEX3 value counts from
  the last date named, else from publication). "The next day", "that year" count from the last
  date named.
- Quarters, halves, fiscal years, decades, references (now, recently, the future), durations,
  sets and clock times are read by ``timex``, which also gives every expression its TIMEX3 type
  and value. Extents leave out leading prepositions ("since 2019" -> "2019"; ``how`` keeps
  "since").
- Without a published date, relative expressions stay unresolved, with their words kept
  (``UNDATED``); ``fuse.dating`` may later infer the date from the story and resolve them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

import dateparser
from spacy.tokens import Doc

from ...calendar_words import MONTH_NUMBERS
from ...model import Article, Span, TimeRef
from ..gates import can_start
from ..ranges import Intervals
from ..tokens import ents, sent_of
from .tense import clause_tense
from .timex import (
    EXTRA_PATTERNS,
    NUMBER_WORDS,
    Reading,
    duration_value,
    is_earnings,
    iso_week,
    read_extra,
    value_of,
    year_ago,
)

__all__ = [
    "UNDATED",
    "awaiting_note",
    "AWAITING",
    "extract_timerefs",
    "resolve",
    "read",
    "Resolved",
    "find_dateline",
    "published_base",
    "TIME_PATTERN",
    "TIME_FORMS",
]


class Resolved(NamedTuple):
    date: str | None  # YYYY | YYYY-MM | YYYY-MM-DD
    granularity: str | None  # day | month | year
    end: str | None  # last day/month/year of a range


_Res = Reading


_MONTHS = MONTH_NUMBERS
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUM = (
    r"(?:\d{1,3}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty)"
)
_APPROX = r"(?:(?:just\s+)?(?:over|under|about|nearly|almost|some)\s+)"
_QWORDS = r"(early|mid|late|(?:the )?end of|(?:the )?beginning of|(?:the )?start of|(?:the )?middle of)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_Y = r"(?:1[89]|20)\d{2}"
_Q = r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]?)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_ORD = r"(?:st|nd|rd|th)?"
#: "June this year", "July last year", "March of next year": one expression in TimeML.
_OF_REL_YEAR = r"(?:\s+(?:of\s+)?(?i:this|last|next)\s+year)"

#: Named holidays (see ``_HOLIDAYS``).
HOLIDAY_PATTERN = (
    r"(?i:\b(?:New Year's (?:Day|Eve)|Christmas(?: Day| Eve)?|Boxing Day|Valentine's Day|Halloween"
    r"|Independence Day|Veterans Day|Labor Day|Memorial Day|Thanksgiving(?: Day)?|Black Friday)\b)"
)

#: Where an expression can start: a word's first character, or the first character of the few
#: forms with no leading ``\b`` (a weekday or month name, a day's number, ``_Q``'s words). Put
#: first, it spares the fifty forms below at every other character: the same matches, 2.6x faster.
_CAN_START = r"(?=\b\w|[\dFJMASONDTW]|early|mid|late|the )"

#: The surface forms the scanner looks for, most specific first (alternation order matters).
TIME_FORMS = [
    *EXTRA_PATTERNS,
    rf"(?:{_WD},?\s+)?{_M}\s+\d{{1,2}}{_ORD}\s*(?:-|–|to|through)\s*\d{{1,2}}{_ORD}(?:\s?,?\s+{_Y})?\b",
    rf"(?:{_WD},?\s+)?{_M}\s+\d{{1,2}}{_ORD}(?:\s?,?\s+{_Y})?\b(?!:\d)",
    rf"(?:{_WD},?\s+)?\d{{1,2}}{_ORD}\s+(?:of\s+)?{_M}(?:\s?,?\s+{_Y})?\b",
    # wire and broadcast headers: "10/20/2000 20:02:07.85", "1998-01-08 18:30"
    r"\b(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?![\d:])",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    rf"\b(?:from\s+|between\s+)?{_M}\s+(?:to|through|and|-|–)\s+{_M}(?:,?\s+{_Y}|{_OF_REL_YEAR})?\b",
    rf"(?i:\b(?:last|this|next)\s+)(?-i:{_M})\b",
    rf"(?:\bsince\s+)?{_Q}?\b{_M}{_OF_REL_YEAR}\b",
    rf"(?:\bsince\s+)?{_Q}?\b{_M}(?:\s?,?\s+{_Y})?\b",
    rf"\bbetween\s+{_Y}\s+and\s+{_Y}\b",
    rf"\b(?:from\s+)?{_Y}\s*(?:-|–|to|through)\s*(?:{_Y}|\d{{2}})\b(?![-/]\d)",
    rf"(?:\bsince\s+)?{_Q}?\b{_Y}\b(?![-/,.]?\d)",
    r"(?i:\b(?:the\s+)?(?:previous|prior)\s+(?:week|month|year)\b)",
    r"(?i:\bthe\s+following\s+(?:week|month|year)\b)",
    r"(?i:\b(?:(?:early|late|earlier|later)\s+)?(?:this\s+past|this|last|next|past|coming)\s+"
    r"(?:week(?:end)?|month|year|summer|winter|spring|fall|autumn)\b)",
    rf"(?i:\b{_APPROX}?{_NUM}\s+{_UNIT}\s+(?:ago|earlier|later|from now)\b)",
    rf"(?i:\bin\s+(?:the\s+(?:next|past|last)\s+)?{_NUM}\s+{_UNIT}\b)",
    r"(?i:\b(?:this|yesterday|tomorrow|last)\s+(?:morning|afternoon|evening|night)\b)",
    r"\b(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b",
    rf"\b(?:(?:last|this|next|[Ee]arly|[Ll]ate)\s+)?{_WD}{_PART}?\b",
    r"(?i:\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last)\s+(?:week|month|year)\b)",
    r"(?i:\bthe\s+weekend\b)",
    r"(?i:\bthe\s+(?:next|following|previous|prior|preceding|same)\s+day\b|\bthe\s+day\s+(?:before|after)\b)",
    HOLIDAY_PATTERN,
    r"(?i:\bthat\s+(?:day|month|year)\b)",
    r"\b(?:over|during|in|this)\s+the\s+(?:summer|winter|spring|fall|autumn)\b",
]
#: ``TIME_FORMS`` as one alternation. Each form is led by the lookahead of its possible first
#: characters (``gates.can_start``): at a word start where a form cannot begin it fails in one
#: step rather than through its optional leading words (1.1 s -> 0.8 s on 300 bench articles).
TIME_PATTERN = re.compile(_CAN_START + "(?:" + "|".join(can_start(f) + f for f in TIME_FORMS) + ")")
_LEAD = re.compile(
    r"^(?:on|in(?!\s+\w+\s+(?:day|week|month|year|decade)s?$)|at(?!\s+least)"
    r"|during|by|until|through|from|between|for|within|the)\s+",
    re.I,
)
_DATELINE = re.compile(
    rf"\b({_M}\s+\d{{1,2}},?\s+{_Y})(?:,|\s+at)?\s+(\d{{1,2}}):(\d{{2}})\s*([ap])\.?m\.?",
    re.I,
)
#: How a relative expression of an undated article is marked (its ``how``).
UNDATED = "unresolved: relative, no published date"
#: The event note naming the time expression that will date it once the article is dated;
#: ``fuse.dating`` reads it back (start and end are the expression's characters).
AWAITING = re.compile(r"^awaiting a publication date: '(?P<text>[^']*)' at (?P<start>\d+)-(?P<end>\d+)$")


def awaiting_note(tr: TimeRef) -> str:
    """The note an event of an undated article carries for its own relative time expression."""
    return f"awaiting a publication date: '{tr.text.replace(chr(39), ' ')}' at {tr.span.start}-{tr.span.end}"


#: How far into the text a dateline is looked for: bylines sit in the first few hundred
#: characters of extracted bodies (checked on the seeds and the demo corpus).
DATELINE_WINDOW = 1500


def resolve(
    text: str,
    published: dt.date | None,
    future: bool = False,
    *,
    late: bool = False,
    tense: str | None = None,
) -> Resolved:
    """Resolve one time expression against the article's date. ``future``: the clause's tense.

    ``published`` may be a ``datetime``; a time of 18:00 or later counts as ``late`` (see the
    module docstring for the weekday rule this feeds). ``tense`` ("past", "future", "present",
    "unknown") overrides ``future``; present and unknown take the nearest reading.
    """
    r = read(text, published, tense or ("future" if future else "past"), late=late)
    return Resolved(r.date, r.granularity, r.end)


def read(
    text: str,
    published: dt.date | None,
    tense: str = "unknown",
    *,
    late: bool = False,
    ctx: dict[str, object] | None = None,
) -> Reading:
    """One expression's full reading: storyline's date, how it was found, TIMEX3 type and value.

    ``ctx`` carries what earlier expressions of the same article established (the quarter an
    earnings story reports, whether the sentence is about earnings).
    """
    return _interpret(text, published, tense, late, ctx if ctx is not None else {})


def published_base(article: Article) -> tuple[dt.date | None, bool]:
    """The article's date and whether it was published late in its day (dateline aware)."""
    if not article.published or len(article.published) < 10:
        return None, False
    try:
        stamp = dt.datetime.fromisoformat(article.published)
    except ValueError:
        try:
            stamp = dt.datetime.fromisoformat(article.published[:10])
        except ValueError:
            return None, False
    day = stamp.date()
    late = "T" in article.published and stamp.hour >= 18
    line = find_dateline(article.text)
    if line is not None and line[0].date() == day:
        late = late or line[0].hour >= 18
    return day, late


def find_dateline(text: str) -> tuple[dt.datetime, int, int] | None:
    """A byline timestamp ("June 17, 2023 10:48 pm ET") near the top: (moment, start, end)."""
    m = _DATELINE.search(text, 0, DATELINE_WINDOW)
    if not m:
        return None
    day = _explicit_day(m.group(1))
    if day is None:
        return None
    hour = int(m.group(2)) % 12 + (12 if m.group(4).lower() == "p" else 0)
    return dt.datetime(day.year, day.month, day.day, hour, int(m.group(3))), m.start(), m.end()


def extract_timerefs(doc: Doc, article: Article) -> list[TimeRef]:
    """Every time expression in the article, resolved against its published date."""
    base, late = published_base(article)
    text = article.text
    spans: list[tuple[int, int, str]] = []
    taken = Intervals()
    line = find_dateline(text)
    if line is not None:
        spans.append((line[1], line[2], "dateline"))
        taken.append((line[1], line[2]))
    for m in TIME_PATTERN.finditer(text):
        if taken.overlaps(m.start(), m.end()) or _false_month(text, m.start(), m.group()):
            continue
        if _false_reference(text, m.start(), m.end()):
            continue
        if _CLOCK_ONLY.fullmatch(m.group()) and _GAME_CLOCK.match(text, m.end()):
            taken.append((m.start(), m.end()))  # nor may the parser's DATE take it back
            continue
        spans.append((m.start(), m.end(), "pattern"))
        taken.append((m.start(), m.end()))
    for ent in ents(doc):
        if ent.label_ == "DATE" and not taken.overlaps(ent.start_char, ent.end_char):
            spans.append((ent.start_char, ent.end_char, "ner"))
            taken.append((ent.start_char, ent.end_char))
    out: list[TimeRef] = []
    ctx: dict[str, object] = {}
    for start, end, origin in sorted(spans):
        words = text[start:end]
        if origin == "dateline" and line is not None:
            moment = line[0]
            res = _Res(
                moment.date().isoformat(),
                "day",
                None,
                f"dateline {moment:%H:%M}",
                "TIME",
                f"{moment:%Y-%m-%dT%H:%M}",
            )
        else:
            tok = doc.char_span(start, end, alignment_mode="expand")
            tense = _tense_at(text, start, tok)
            sent = sent_of(tok[0]) if tok is not None and len(tok) else None
            ctx["earnings"] = sent is not None and is_earnings(text[sent.start_char : sent.end_char])
            sent_start = sent.start_char if sent is not None else -1
            if ctx.get("sentence") != sent_start:
                ctx["sentence"], ctx["anchor"] = sent_start, None
            ctx["before"] = text[max(0, start - 12) : start]
            res = _interpret(words, base, tense, late, ctx)
            if res.date is None and res.how == "unresolved: relative to another event" and base is not None:
                res = res._replace(value=_offset_value(words, ctx, base))
            if _SINCE_BEFORE.search(text, max(0, start - 8), start) and not res.how.startswith("since"):
                res = res._replace(how="since " + res.how)  # "have since last week played down"
            if tense in ("future", "present"):
                res = res._replace(how=f"{res.how}; {tense} clause")
            if res.ttype == "DURATION" and _is_rate(words, tok):
                res = res._replace(ttype="SET", how="rate (per unit)")
        if origin == "ner" and res.date is None and res.ttype == "DATE" and not _worth_keeping(words):
            continue
        if origin == "ner" and _AGE.match(words):
            continue
        if res.date is not None and res.ttype == "DATE" and res.granularity in _RANK and res.end is None:
            ctx["anchor"] = ctx["last_any"] = (res.date, res.granularity)
            if res.granularity == "day":
                ctx["last_day"] = res.date
        a, b = _trim(text, start, end)
        if res.ttype == "TIME" and res.how.startswith("clock time") and out:
            res = _clock_day(res, out[-1], text[out[-1].span.end : a])
        out.append(
            TimeRef(
                Span(article.id, a, b),
                text[a:b],
                res.date,
                res.granularity,
                res.end,
                res.how,
                timex_type=res.ttype,
                timex_value=res.value,
            )
        )
    return _clock_after(_in_order(_split_ranges(out, text), text), text)


_OFFSET = re.compile(rf"(?i)^(?:{_APPROX})?({_NUM})\s+({_UNIT})\s+(earlier|later)$")


def _offset_value(words: str, ctx: dict[str, object], base: dt.date) -> str | None:
    """TIMEX3 value of 'a day earlier', 'two weeks later' with no date before it in the sentence:
    counted from the last date the article named, else from publication. Only the value: the
    date stays unresolved for the events stage, which counts from the event it follows."""
    m = _OFFSET.match(" ".join(_OUTSIDE.sub("", words.strip(), count=1).split()))
    if not m:
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if n is None:
        return None
    step = n if m.group(3).lower() == "later" else -n
    last = ctx.get("last_any")
    moved = _from_anchor(last, step, m.group(2).lower()) if isinstance(last, tuple) else None
    unit = m.group(2).lower().rstrip("s")
    cut = {"year": (4, "year"), "month": (7, "month")}.get(unit, (10, "day"))
    moved = moved or _from_anchor((base.isoformat()[: cut[0]], cut[1]), step, unit)
    if moved is None or moved.date is None:
        return None
    if unit == "week" and moved.granularity == "day":
        return iso_week(dt.date.fromisoformat(moved.date))  # "two weeks earlier": that week
    return moved.date


#: "with 1:29 remaining", "2:05 left to play": a game clock, not a time of day.
_CLOCK_ONLY = re.compile(r"\d{1,2}:\d{2}")
_GAME_CLOCK = re.compile(r"\s+(?:remaining|left|to play|to go)\b", re.I)

#: "the age of 25" is an age, not a time (TimeML tags no ages).
_AGE = re.compile(r"(?i)(?:the\s+)?ages?\s+of\b")
#: The word between a range's two ends: TimeML tags each end ("between 1991 and 1996", "January
#: to September", "1896-1981"), storyline keeps the range on the first.
_RANGE_JOIN = re.compile(r"^(?P<a>.*?\S)\s*(?:\b(?:and|to|through|until)\b|[-–])\s*(?P<b>\S.*)$", re.I)


def _split_ranges(refs: list[TimeRef], text: str) -> list[TimeRef]:
    """A year or month range read as one ("1991 and 1996") becomes two expressions, as TimeML
    writes it: the first keeps the range (its ``end``), the second is the end alone."""
    out: list[TimeRef] = []
    for tr in refs:
        m = _RANGE_JOIN.match(tr.text)
        ranged = tr.end is not None and tr.granularity in ("year", "month") and "range" in (tr.how or "")
        if not ranged or not m:
            out.append(tr)
            continue
        a0 = tr.span.start
        b0 = a0 + m.start("b")
        first_words = m.group("a")
        out.append(
            replace(
                tr,
                span=Span(tr.span.article, a0, a0 + len(first_words)),
                text=first_words,
                timex_value=tr.date if tr.timex_type == "DATE" else tr.timex_value,
            )
        )
        second = text[b0 : tr.span.end]
        out.append(
            TimeRef(
                Span(tr.span.article, b0, tr.span.end),
                second,
                tr.end,
                tr.granularity,
                None,
                f"{tr.how} (its end)",
                timex_type="DATE",
                timex_value=tr.end,
            )
        )
    return out


_JOINED = re.compile(r"\s*(?:and|to|through|until|till|or|-|–)\s*", re.I)


def _in_order(refs: list[TimeRef], text: str) -> list[TimeRef]:
    """'late November and early December', 'on Friday and Saturday': the second of two joined
    dates whose year or week was guessed lies after the first, not before it."""
    out = list(refs)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            not a.date
            or not b.date
            or a.granularity != b.granularity
            or a.granularity not in ("day", "month")
            or b.date >= a.date
            or not _JOINED.fullmatch(text[a.span.end : b.span.start])
            or re.search(r"\d{4}", b.text)
        ):
            continue
        d = dt.date.fromisoformat(b.date if b.granularity == "day" else b.date + "-01")
        if b.granularity == "day" and _WEEKDAY_START.match(b.text):
            d += dt.timedelta(days=7)
        elif b.granularity == "month" or re.search(_M, b.text):
            d = d.replace(year=d.year + 1)
        else:
            continue
        new = d.isoformat() if b.granularity == "day" else d.isoformat()[:7]
        value = b.timex_value.replace(b.date, new, 1) if b.timex_value else b.timex_value
        out[k] = replace(b, date=new, timex_value=value, how=f"{b.how}; after the date it is joined to")
    return out


#: Words TimeML leaves outside an expression's extent ("since 2019" -> "2019"); the reading
#: was made with them ("how" keeps "since"), the span is the time words alone.
_OUTSIDE = re.compile(
    r"(?:(?:since|from|between|in|on|at(?!\s+least)|during|by|until|through|over|for|within)\s+)+", re.I
)
#: Reporting verbs whose time word right after them dates the report ("said Wednesday it would
#: ..."): the tense is the report's, whatever a parse hangs the word on.
_REPORTED = re.compile(
    r"(?i)\b(?:said|told|announced|reported|added|stated|confirmed|disclosed|declared|noted|warned"
    r"|predicted|estimated|forecast|agreed|signed|met|decided)"
    # up to four words between ("told reporters Wednesday", "said in a statement Wednesday"),
    # none that opens the reported clause
    r"(?:\s+(?!(?:that|to|it|he|she|they|we|would|will|could|might|may)\b)[\w.,'’-]+){0,4}\s+(?:on\s+)?$"
)


def _clock_day(res: _Res, before: TimeRef, gap: str) -> _Res:
    """'Tuesday at 10 a.m.', 'yesterday at 3 p.m.': a clock time takes the day just before it."""
    if before.granularity != "day" or not before.date or not re.fullmatch(r",?\s*(?:at\s+)?", gap):
        return res
    return res._replace(date=before.date, value=f"{before.date}T{(res.value or '')[-5:]}")


def _clock_after(refs: list[TimeRef], text: str) -> list[TimeRef]:
    """'10 a.m. Tuesday', '3 p.m. yesterday': a clock time takes the day named right after it."""
    out = list(refs)
    for k, (tr, nxt) in enumerate(pairwise(refs)):
        gap = text[tr.span.end : nxt.span.start]
        if (
            tr.timex_type == "TIME"
            and (tr.how or "").startswith("clock time")
            and nxt.granularity == "day"
            and nxt.date
            and re.fullmatch(r",?\s*(?:on\s+)?", gap)
        ):
            out[k] = replace(tr, date=nxt.date, timex_value=f"{nxt.date}T{(tr.timex_value or '')[-5:]}")
    return out


_WEEKDAY_START = re.compile(rf"(?:(?:last|this|next|early|late)\s+)?{_WD}\b", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_RATE = re.compile(r"(?i)(?:a|an|per)\s+(?:hour|day|week|month|year)")


def _is_rate(words: str, tok: object) -> bool:
    """'1.2 million barrels a day', '$50,000 a year': a rate is a SET, not a duration."""
    if not _RATE.fullmatch(words.strip()):
        return False
    if tok is None or not len(tok):  # type: ignore[arg-type]
        return False
    first = tok[0]  # type: ignore[index]
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    if before.text == ")":  # "14 million yuan (1.7 million dollars) a year"
        return True
    return bool(before.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or before.like_num)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _OUTSIDE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def _tense_at(text: str, start: int, tok: object) -> str:
    if _REPORTED.search(text[max(0, start - 60) : start]) and _WEEKDAY_START.match(text, start):
        return "past"
    if tok is None or not len(tok):  # type: ignore[arg-type]
        return "unknown"
    return clause_tense(tok.root)  # type: ignore[attr-defined]


def _false_reference(text: str, start: int, end: int) -> bool:
    """'now' as a discourse word is still a reference; 'the past' in 'the past tense' and 'just now'
    stay. Only 'now' glued to 'that' ("now that ...") is a conjunction, not a time."""
    word = text[start:end].lower()
    return word == "now" and text[end : end + 5].lower() == " that"


# --------------------------------------------------------------------------- interpretation


#: The fixed patterns ``_interpret`` and the readers after it try on every expression, compiled
#: once (``re.fullmatch(str, ...)`` looks each up in ``re``'s cache on every call).
_SPACED_COMMA = re.compile(r"\s+,")
_THIS_PAST = re.compile(r"^this past ")
_THE_NEXT_UNIT = re.compile(r"the (past|last|next|coming) (year|month|week|day)")


def _interpret(text: str, published: dt.date | None, tense: str, late: bool, ctx: dict[str, object]) -> _Res:
    if isinstance(published, dt.datetime):
        late = late or published.hour >= 18
        published = published.date()
    raw = _SPACED_COMMA.sub(",", " ".join(text.split()))  # "April 1 , 1997" (tokenised copy)
    t = raw.lower().strip(" .,;:")
    stamp = _stamp(t)
    if stamp is not None:
        return stamp
    while _LEAD.match(t):
        t = _LEAD.sub("", t, count=1)
    since = t.startswith("since ")
    if since:
        t = t[6:]
    future = tense == "future"
    if t in ("year", "month") and published is not None:
        # "the year": the year of the date the sentence has named, else of publication
        anchor = ctx.get("anchor")
        base = published.isoformat()
        if isinstance(anchor, tuple) and _RANK[str(anchor[1])] <= _RANK[t]:
            base = str(anchor[0])
        cut = 4 if t == "year" else 7
        return value_of(_Res(base[:cut], t, None, f"the {t} of {base}"), raw)
    t = _THIS_PAST.sub("past ", t)  # "this past weekend": the one just gone
    m = _THE_NEXT_UNIT.fullmatch(raw.lower().strip(" .,;:"))
    stretch = _EXTENT_BEFORE.search(str(ctx.get("before", ""))) is not None
    if m and (m.group(1) == "past" or m.group(2) != "day") and (m.group(1) in ("past", "last") or stretch):
        # "over the past year", "in the next month": a stretch of one unit, not the calendar unit
        # ("last year", "next month" stay dates; "the next year, he moved" and "the last day"
        # are points: "next" needs a preposition of extent before it, "last day" is never one)
        return _Res(None, None, None, f"duration ({m.group(1)})", "DURATION", duration_value(1, m.group(2)))
    rel = _month_of_year(t, published)
    if rel is not None:
        return value_of(rel._replace(how=("since " if since else "") + rel.how), raw)
    extra = read_extra(t, published, tense, ctx)
    if extra is not None:
        return extra
    res = _absolute(t, published, tense) or _relative(
        t, published, future or since, late, ctx, ahead=tense == "present" and not since, past=tense == "past"
    )
    if res is None and _DATEISH.search(raw):
        res = _dateparser(raw, published, future)
    if res is None or res.date is None:
        return res or _Res(None, None, None, UNDATED if published is None else "unresolved: not understood")
    return value_of(res._replace(how=("since " if since else "") + res.how), raw)


_REL_YEAR = {"this": 0, "last": -1, "next": 1}
#: A preposition of extent right before "the next year/month/week": a stretch, not a point.
_EXTENT_BEFORE = re.compile(r"(?i)\b(?:in|over|during|within|for|throughout)\s+$")


_MONTH_OF_YEAR = re.compile(
    r"(?:(early|mid|late|(?:the )?end of|(?:the )?beginning of|(?:the )?start of|(?:the )?middle of)"
    r"[- ]?)?([a-z]+)\.?(?:\s+(?:to|through|and|-|–)\s+([a-z]+)\.?)?\s+(?:of\s+)?(this|last|next)\s+year"
)


def _month_of_year(t: str, pub: dt.date | None) -> _Res | None:
    """'June this year', 'July last year', 'January to September this year': the month of the
    year named relative to publication (no tense guess needed)."""
    m = _MONTH_OF_YEAR.fullmatch(t)
    if pub is None or not m or m.group(2) not in _MONTHS or (m.group(3) and m.group(3) not in _MONTHS):
        return None
    year = pub.year + _REL_YEAR[m.group(4)]
    first = f"{year}-{_MONTHS[m.group(2)]:02d}"
    end = f"{year}-{_MONTHS[m.group(3)]:02d}" if m.group(3) else None
    how = "month range, year named relative" if end else "month of the year named relative to publication"
    return _Res(first, "month", end, how)


_DAY_RANGE = re.compile(
    r"(?:\w+day,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through)\s*"
    r"(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?"
)
_MONTH_DAY = re.compile(r"(?:(\w+day),?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(
    r"(?:(\w+day),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_MONTH_RANGE = re.compile(
    r"(?:from\s+|between\s+)?([a-z]+)\.?\s+(?:to|through|and|-|–)\s+([a-z]+)\.?(?:,?\s+(\d{4}))?"
)
_PART_MONTH = re.compile(rf"{_QWORDS}?[- ]?([a-z]+)\.?(?:,?\s+(\d{{4}}))?")
_NEAR_MONTH = re.compile(r"(last|this|next)\s+([a-z]+)\.?")
_YEAR_RANGE = re.compile(r"(?:from\s+|between\s+)?(\d{4})\s*(?:-|–|to|and|through)\s*(\d{2}|\d{4})")
_PART_YEAR = re.compile(rf"{_QWORDS}?[- ]?(\d{{4}})")


def _absolute(t: str, pub: dt.date | None, tense: str) -> _Res | None:
    m = _DAY_RANGE.fullmatch(t)
    if m and m.group(1) in _MONTHS:
        year = int(m.group(4)) if m.group(4) else _year_for(_MONTHS[m.group(1)], pub, tense, int(m.group(2)))
        if year is None:
            return None
        mon = _MONTHS[m.group(1)]
        a, b = _safe_day(year, mon, int(m.group(2))), _safe_day(year, mon, int(m.group(3)))
        if a and b:
            return _Res(a.isoformat(), "day", b.isoformat(), "day range")
    m = _MONTH_DAY.fullmatch(t) or _DAY_MONTH.fullmatch(t)
    if m:
        g1, g2 = m.group(2), m.group(3)
        mon_s, day_s = (g1, g2) if g1.isalpha() else (g2, g1)
        if mon_s in _MONTHS:
            mon = _MONTHS[mon_s]
            year = int(m.group(4)) if m.group(4) else _year_for(mon, pub, tense, int(day_s))
            named = _WEEKDAYS.get(m.group(1) or "")
            if not m.group(4) and year is not None and named is not None:
                # "Saturday, April 25": the year in which that day is a Saturday, if one is near
                fits = [
                    y
                    for y in (year, year - 1, year + 1)
                    if (d := _safe_day(y, mon, int(day_s))) and d.weekday() == named
                ]
                year = fits[0] if fits else year
            d = _safe_day(year, mon, int(day_s)) if year else None
            if d:
                return _Res(
                    d.isoformat(), "day", None, "explicit date" if m.group(4) else "month-day, year inferred"
                )
            return None
    m = _ISO_DAY.fullmatch(t)
    if m:
        d = _safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _Res(d.isoformat(), "day", None, "ISO date") if d else None
    m = _NUMERIC_DAY.fullmatch(t)
    if m:
        return _numeric(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MONTH_RANGE.fullmatch(t)
    if m and m.group(1) in _MONTHS and m.group(2) in _MONTHS:
        m1, m2 = _MONTHS[m.group(1)], _MONTHS[m.group(2)]
        y2 = int(m.group(3)) if m.group(3) else _year_for(m2, pub, tense)
        if y2 is None:
            return None
        y1 = y2 - 1 if m1 > m2 else y2
        return _Res(f"{y1}-{m1:02d}", "month", f"{y2}-{m2:02d}", "month range")
    m = _PART_MONTH.fullmatch(t)
    if m and m.group(2) in _MONTHS:
        mon = _MONTHS[m.group(2)]
        year = int(m.group(3)) if m.group(3) else _year_for(mon, pub, tense)
        if year is None:
            return None
        how = "month" if m.group(3) else "month, year inferred" + (" (future)" if tense == "future" else "")
        return _Res(f"{year}-{mon:02d}", "month", None, f"{m.group(1)} {how}" if m.group(1) else how)
    m = _NEAR_MONTH.fullmatch(t)
    if m and m.group(2) in _MONTHS and pub is not None:
        mon = _MONTHS[m.group(2)]
        if m.group(1) == "last":
            year = pub.year if mon < pub.month else pub.year - 1
        elif m.group(1) == "next":
            year = pub.year if mon > pub.month else pub.year + 1
        else:
            year = pub.year
        return _Res(f"{year}-{mon:02d}", "month", None, f"{m.group(1)} {m.group(2)}")
    m = _YEAR_RANGE.fullmatch(t)
    if m:
        first, last = m.group(1), m.group(2)
        last = first[:2] + last if len(last) == 2 else last
        return _Res(first, "year", last, "year range") if last > first else None
    m = _PART_YEAR.fullmatch(t)
    if m:
        return _Res(m.group(2), "year", None, f"{m.group(1)} year" if m.group(1) else "year")
    return None


_EARLY_LATE_DAY = re.compile(r"^(?:early|late) (yesterday|today|tomorrow|tonight)$")
_DAY_AROUND = re.compile(r"(next|following|previous|prior|preceding|same)\s+day|day\s+(before|after)")
_FOLLOWING_UNIT = re.compile(r"following\s+(week|month|year)")
_THAT_UNIT = re.compile(r"that\s+(day|month|year)")
_NEAR_UNIT = re.compile(
    r"(?:(early|late|earlier|later)\s+)?(this|last|next|past|coming|previous|prior)\s+"
    r"(week(?:end)?|month|year|summer|winter|spring|fall|autumn)"
)
_UNITS_AGO = re.compile(rf"{_APPROX}?({_NUM})\s+({_UNIT})\s+(ago|earlier|later|from now)")
_IN_UNITS = re.compile(rf"in\s+(?:the\s+(next|past|last)\s+)?({_NUM})\s+({_UNIT})")
_WEEKDAY = re.compile(rf"(?:(last|this|next|early|late)\s+)?({_WD.lower()}){_PART}?")
_DAY_PART = re.compile(r"(this|yesterday|tomorrow|last)\s+(morning|afternoon|evening|night)")
_END_OF_UNIT = re.compile(r"(?:end|beginning|start|middle)\s+of\s+(the|this|next|last)\s+(week|month|year)")
_IN_SEASON = re.compile(
    r"(?:over|during|in|this)\s+the\s+(summer|winter|spring|fall|autumn)|(summer|winter|spring|fall|autumn)"
)


def _relative(
    t: str,
    pub: dt.date | None,
    future: bool,
    late: bool,
    ctx: dict[str, object],
    ahead: bool = False,
    past: bool = True,
) -> _Res | None:
    """Expressions relative to the article's date. ``ahead``: a present-tense clause, which for
    a weekday means the coming one ("voters go to the polls Tuesday")."""
    if pub is None:
        return None
    t = _EARLY_LATE_DAY.sub(r"\1", t)  # "late yesterday"
    if t in ("today", "tonight"):
        return _Res(pub.isoformat(), "day", None, t)
    m = _DAY_AROUND.fullmatch(t)
    if m:
        last = ctx.get("last_day")
        if not isinstance(last, str):
            return _Res(None, None, None, "unresolved: relative to another event")
        step = {"next": 1, "following": 1, "after": 1, "same": 0}.get(m.group(1) or m.group(2), -1)
        day = dt.date.fromisoformat(last) + dt.timedelta(days=step)
        return _Res(day.isoformat(), "day", None, f"the day {step:+d} from {last}, the last day named")
    m = _FOLLOWING_UNIT.fullmatch(t)
    if m:
        # "the following week": after the last date named, at the unit's precision
        last = ctx.get("last_any")
        if not isinstance(last, tuple):
            return _Res(None, None, None, "unresolved: relative to another event")
        unit = m.group(1)
        base_day = dt.date.fromisoformat(
            (str(last[0]) + "-01-01")[:10] if len(str(last[0])) < 10 else str(last[0])
        )
        if unit == "week":
            if last[1] != "day":
                return _Res(None, None, None, "unresolved: relative to another event")
            d = base_day + dt.timedelta(days=7)
            monday = d - dt.timedelta(days=d.weekday())
            sunday = monday + dt.timedelta(days=6)
            return _Res(monday.isoformat(), "day", sunday.isoformat(), f"the week after {last[0]}")
        if unit == "month" and last[1] in ("day", "month"):
            y, mo = divmod(base_day.year * 12 + base_day.month, 12)
            return _Res(f"{y}-{mo + 1:02d}", "month", None, f"the month after {last[0]}")
        return _Res(str(base_day.year + 1), "year", None, f"the year after {last[0]}")
    m = _THAT_UNIT.fullmatch(t)
    if m:
        last = ctx.get("last_any")
        if not isinstance(last, tuple) or _RANK[last[1]] > _RANK[m.group(1)]:
            return _Res(None, None, None, "unresolved: relative to another event")
        cut = {"day": 10, "month": 7, "year": 4}[m.group(1)]
        return _Res(last[0][:cut], m.group(1), None, f"{t}: of {last[0]}, the last date named")
    holiday = _holiday(t, pub, future, past)
    if holiday is not None:
        return holiday
    if t in ("yesterday", "tomorrow"):
        d = pub + dt.timedelta(days=-1 if t == "yesterday" else 1)
        return _Res(d.isoformat(), "day", None, t)
    m = _NEAR_UNIT.fullmatch(t)
    if m:
        return _this_last_next(m.group(2), m.group(3), pub, m.group(1))
    m = _UNITS_AGO.fullmatch(t)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        if m.group(3) in ("earlier", "later"):  # from the date named before it in the sentence
            anchored = _from_anchor(ctx.get("anchor"), n if m.group(3) == "later" else -n, m.group(2))
            if anchored is not None:
                return anchored
        if n == 1 and m.group(2) == "year" and m.group(3) in ("ago", "earlier"):
            quarter = year_ago(pub, ctx)
            if quarter is not None:
                return quarter
        if m.group(3) in ("earlier", "later"):
            # relative to another event, not to the article: the events stage anchors these
            return _Res(None, None, None, "unresolved: relative to another event")
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        return _shift(pub, n if m.group(3) == "from now" else -n, m.group(2), f"{t}")
    m = _IN_UNITS.fullmatch(t)
    if m:
        n = NUMBER_WORDS.get(m.group(2)) or int(m.group(2))
        if m.group(1) == "next" or (future and m.group(1) is None):
            return _shift(pub, n, m.group(3), f"{n} {m.group(3)} after publication")
        back = _shift(pub, -n, m.group(3), "")
        return _Res(
            back.date,
            back.granularity,
            _fmt(pub, back.granularity or "day"),
            f"span of the last {n} {m.group(3)}",
        )
    m = _WEEKDAY.fullmatch(t)
    if m:
        qual = m.group(1) if m.group(1) in ("last", "this", "next") else None
        return _weekday(_WEEKDAYS[m.group(2)], pub, future or ahead, late, qual)
    m = _DAY_PART.fullmatch(t)
    if m:
        step = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[m.group(1)]
        return _Res((pub + dt.timedelta(days=step)).isoformat(), "day", None, t)
    m = _END_OF_UNIT.fullmatch(t)
    if m:
        return _this_last_next({"the": "this"}.get(m.group(1), m.group(1)), m.group(2), pub, None)
    if t == "weekend":
        saturday = pub + dt.timedelta(days=5 - pub.weekday())
        if not future and saturday > pub:
            saturday -= dt.timedelta(weeks=1)
        sunday = saturday + dt.timedelta(days=1)
        return _Res(saturday.isoformat(), "day", sunday.isoformat(), "the weekend")
    m = _IN_SEASON.fullmatch(t)
    if m:
        name = m.group(1) or m.group(2)
        start, end = _SEASONS[name]
        year = pub.year
        if past and start > pub.month and not t.startswith("this"):
            year -= 1  # "a scandal that began in the spring", written in January: last spring
        elif future and end < pub.month:
            year += 1
        return _season(name, year, "the")
    return None


_RANK = {"day": 0, "month": 1, "year": 2}


def _from_anchor(anchor: object, n: int, unit: str) -> _Res | None:
    """'in December, down from 6% a year earlier': the offset counts from the date named just
    before it in the same sentence, kept at that date's precision (a finer unit than the date's,
    "three days after 2019", is not read)."""
    if not isinstance(anchor, tuple):
        return None
    date, gran = anchor
    u = unit.rstrip("s")
    if u not in ("day", "week", "month", "year") or _RANK[gran] > _RANK["day" if u == "week" else u]:
        return None
    base = dt.date.fromisoformat((date + "-01-01")[:10] if len(date) < 10 else date)
    if u in ("day", "week"):
        moved = base + dt.timedelta(days=n * (7 if u == "week" else 1))
    else:
        y, m = divmod(base.year * 12 + base.month - 1 + n * (12 if u == "year" else 1), 12)
        moved = dt.date(y, m + 1, min(base.day, 28))
    return _Res(_fmt(moved, gran), gran, None, f"{n:+d} {u} from {date}")


#: Holidays by (month, day), or (month, weekday, n-th; -1 = last) for the moving ones (US usage).
_HOLIDAYS: dict[str, tuple[int, int, int | None]] = {
    "new year's day": (1, 1, None),
    "new year's eve": (12, 31, None),
    "christmas": (12, 25, None),
    "christmas day": (12, 25, None),
    "christmas eve": (12, 24, None),
    "boxing day": (12, 26, None),
    "valentine's day": (2, 14, None),
    "halloween": (10, 31, None),
    "independence day": (7, 4, None),
    "veterans day": (11, 11, None),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "black friday": (11, 4, 4),  # the Friday of Thanksgiving week
}


def _holiday_in(year: int, month: int, day: int, nth: int | None) -> dt.date:
    if nth is None:
        return dt.date(year, month, day)
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(day - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - day) % 7)


def _holiday(t: str, pub: dt.date, future: bool, past: bool) -> _Res | None:
    """'Christmas', 'Thanksgiving', 'Labor Day': this year's, or the nearest by the clause's tense."""
    rule = _HOLIDAYS.get(t.replace("’", "'"))
    if rule is None:
        return None
    days = [_holiday_in(y, *rule) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if future:
        day = min((d for d in days if d >= pub), default=days[1])
    elif past:
        day = max((d for d in days if d <= pub), default=days[1])
    else:
        day = min(days, key=lambda d: abs((d - pub).days))
    return _Res(day.isoformat(), "day", None, f"holiday ({t})")


def _this_last_next(which: str, unit: str, pub: dt.date, qual: str | None) -> _Res:
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}[which]
    how = f"{qual + ' ' if qual else ''}{which} {unit}"
    if unit == "year":
        return _Res(str(pub.year + step), "year", None, how)
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return _Res(f"{y}-{m + 1:02d}", "month", None, how)
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        start = monday + dt.timedelta(days=5) if unit == "weekend" else monday
        return _Res(start.isoformat(), "day", (monday + dt.timedelta(days=6)).isoformat(), how + " (range)")
    return _season(unit, pub.year + (step if step else 0), how)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 14)}


def _season(name: str, year: int, how: str) -> _Res:
    a, b = _SEASONS[name]
    ey, em = (year + 1, b - 12) if b > 12 else (year, b)
    return _Res(f"{year}-{a:02d}", "month", f"{ey}-{em:02d}", f"{how} {name} (northern hemisphere)".strip())


def _weekday(target: int, pub: dt.date, future: bool, late: bool, qual: str | None) -> _Res:
    back = (pub.weekday() - target) % 7
    fwd = (target - pub.weekday()) % 7
    if qual == "last" or (qual is None and not future and back != 6):
        return _Res(
            (pub - dt.timedelta(days=back or (7 if qual else 0))).isoformat(), "day", None, "weekday, past"
        )
    if qual == "next" or future:
        return _Res(
            (pub + dt.timedelta(days=fwd or (7 if qual else 0))).isoformat(), "day", None, "weekday, future"
        )
    if qual == "this":
        return _Res((pub + dt.timedelta(days=fwd)).isoformat(), "day", None, "weekday, this week")
    # past tense and the named day is tomorrow: see the module docstring
    if late or pub.weekday() == 5:
        why = "published late" if late else "weekend edition"
        return _Res(
            (pub + dt.timedelta(days=1)).isoformat(), "day", None, f"weekday, day after publication ({why})"
        )
    return _Res((pub - dt.timedelta(days=6)).isoformat(), "day", None, "weekday, past")


def _shift(pub: dt.date, n: int, unit: str, how: str) -> _Res:
    unit = unit.rstrip("s")
    if unit == "day":
        return _Res((pub + dt.timedelta(days=n)).isoformat(), "day", None, how)
    if unit == "week":
        return _Res((pub + dt.timedelta(weeks=n)).isoformat(), "day", None, how + " (approximate day)")
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + n, 12)
        return _Res(f"{y}-{m + 1:02d}", "month", None, how)
    return _Res(str(pub.year + n * (10 if unit == "decade" else 1)), "year", None, how)


def _fmt(d: dt.date, gran: str) -> str:
    return str(d.year) if gran == "year" else f"{d.year}-{d.month:02d}" if gran == "month" else d.isoformat()


#: A month-day in a past clause is still the coming one when it is this close ahead: a past
#: reading would lie more than ten months back, which news states with a year (set by hand:
#: "declared a dividend payable Dec. 1", "agreed to resume talks Feb. 10").
NEAR_AHEAD_DAYS = 45


def _year_for(month: int, pub: dt.date | None, tense: str, day: int | None = None) -> int | None:
    """The year of a month (or month-day) named without one.

    Past clauses take the latest such month not after the article, future ones the next not
    before it; any other clause (present, a noun phrase: "the Feb. 10 deadline") the nearest
    reading, so "Feb. 10" in a story of 7 January is the coming one.
    """
    if pub is None:
        return None
    if tense == "future":
        if day is not None and month == pub.month:
            return pub.year if day >= pub.day else pub.year + 1
        return pub.year if month >= pub.month else pub.year + 1
    if tense == "past":
        if day is not None and month == pub.month:
            # a day later this month in a past clause is a date set for it ("the summit, scheduled
            # for Nov. 18-19" in a story of 15 November), as for the next month below
            return pub.year
        year = pub.year if month <= pub.month else pub.year - 1
        ahead = _safe_day(year + 1, month, min(day or 1, 28))
        if day is not None and ahead is not None and (ahead - pub).days <= NEAR_AHEAD_DAYS:
            return year + 1  # "declared a dividend payable Dec. 1" in late October: this December
        return year

    def distance(year: int) -> int:
        when = _safe_day(year, month, min(day or 15, 28)) or dt.date(year, month, 1)
        return abs((when - pub).days)

    return min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: (distance(y), -y if day else y))


def _safe_day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_STAMP = re.compile(
    r"(?:(\d{1,2})/(\d{1,2})/(\d{2,4})|(\d{4})-(\d{2})-(\d{2}))(?:t|\s+)(\d{1,2}):(\d{2})(:\d{2}(?:\.\d+)?)?"
)


def _stamp(t: str) -> _Res | None:
    """A date with its clock time, as wire and broadcast copy head a story: one TIME."""
    m = _STAMP.fullmatch(t)
    if not m:
        return None
    if m.group(1):
        day = _numeric(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        d = _safe_day(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        day = _Res(d.isoformat(), "day", None, "ISO date") if d else None
    if day is None or int(m.group(7)) > 24 or int(m.group(8)) > 59:
        return None
    clock = f"{int(m.group(7)):02d}:{m.group(8)}{m.group(9) or ''}"
    return day._replace(how=f"{day.how} with clock time", ttype="TIME", value=f"{day.date}T{clock}")


def _numeric(a: int, b: int, y: int) -> _Res | None:
    year = y + 2000 if y < 100 else y
    if a > 12:
        d, how = _safe_day(year, b, a), "numeric day/month"
    elif b > 12:
        d, how = _safe_day(year, a, b), "numeric month/day"
    else:
        d, how = _safe_day(year, a, b), "numeric, ambiguous: read month/day (US)"
    return _Res(d.isoformat(), "day", None, how) if d else None


def _explicit_day(text: str) -> dt.date | None:
    r = _absolute(" ".join(text.lower().split()), None, "past")
    return dt.date.fromisoformat(r.date) if r and r.date and r.granularity == "day" else None


def _dateparser(raw: str, pub: dt.date | None, future: bool) -> _Res | None:
    """Last resort for forms the grammar above does not know; never against today's date.

    With no published date, dateparser would fill the parts the text leaves out (day, month, even
    the year of "two weeks in 2023") from the wall clock. So the base is then January 1 of the
    stated year, and only results that the text itself pins down are kept (``_stated``).
    """
    year = re.search(r"\b(\d{4})\b", raw)
    if year is not None and int(year.group(1)) < 1:
        year = None  # "0000" is no year (and datetime refuses it)
    if pub is None and year is None:
        return None
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "STRICT_PARSING": False,
    }
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    elif year is not None:
        settings["RELATIVE_BASE"] = dt.datetime(int(year.group(1)), 1, 1)
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(raw)
    if data is None or data.date_obj is None:
        return None
    gran = {"year": "year", "month": "month"}.get(data.period or "day", "day")
    d = data.date_obj.date()
    if pub is None and (year is None or not _stated(raw, d, gran, int(year.group(1)))):
        return None
    return _Res(_fmt(d, gran), gran, None, "dateparser")


def _stated(raw: str, d: dt.date, gran: str, year: int) -> bool:
    """Whether every part of a dateparser result read without a base date is in the text: its
    year, and for a day its month by name and its day number ("June the 5th, 2023")."""
    if d.year != year:
        return False
    if gran != "day":
        return True
    month = calendar.month_name[d.month]
    named = re.search(rf"\b{month[:3]}[a-z]*\b", raw, re.I)
    return bool(named) and re.search(rf"\b0?{d.day}(?:st|nd|rd|th)?\b", raw) is not None


#: dateparser is only asked about text that names a calendar unit; bare durations ("two days")
#: would otherwise come back as publication date plus the duration.
_DATEISH = re.compile(rf"(?i:{_M}|{_WD}|\b\d{{4}}\b|\d[/.-]\d|\b(?:ago|yesterday|tomorrow)\b)")
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|from|early|late|mid|of|last|this|next|through|during|before|after|on)[- ])$",
    re.I,
)


def _false_month(text: str, start: int, words: str) -> bool:
    """'May', 'March' and the like as verbs: a bare month needs a preposition or a year."""
    bare = words.strip().rstrip(".")
    if bare not in (
        "May",
        "March",
        "Mar",
        "Jan",
        "Sept",
        "Sep",
        "Oct",
        "Dec",
        "Aug",
        "Jun",
        "Jul",
        "Apr",
        "Nov",
        "Feb",
    ):
        return False
    if bare not in ("May", "March"):
        return True  # bare abbreviations are too often other words (names, units)
    return not _PREP_BEFORE.search(text[max(0, start - 12) : start])


_TIME_WORD = re.compile(
    rf"(?i)\b(?:{_M}|{_WD}|(?:day|night|week|weekend|month|year|decade|centur(?:y|ies)|season|morning"
    r"|afternoon|evening|spring|summer|autumn|fall|winter|holiday|era|age|times?|period|date|quarter)s?)\b"
)


def _worth_keeping(words: str) -> bool:
    """Unresolved NER dates are kept when they say something about time: not 'years' alone, not
    ordinals ('87th, 93rd') with no time word."""
    return len(words.split()) > 1 and _TIME_WORD.search(words) is not None
