"""The forms beyond calendar dates, and a TIMEX3-style value for every expression.

Storyline's own reading of a time expression is a calendar date, its granularity and the end of
a range; other tools (and TempEval-3 scoring) speak TIMEX3: a type (DATE, TIME, DURATION, SET)
and a value ("2000-02-10", "2000-Q3", "PRESENT_REF", "P3Y", "XXXX-WXX-2"). This module reads the
forms ``dates`` leaves out (quarters and halves, fiscal years, decades, present/past/future
references, durations, sets, clock times, parts of the day) and gives both readings.

Choices (news conventions):

- A quarter or half without a year is, in a past clause, the latest one begun by the article's
  date ("the third quarter" in a story of 26 October is this year's; "the fourth quarter" in
  January is last year's); in a future clause, the next one not yet over; otherwise the nearest.
- "a year ago"/"a year earlier" in an earnings sentence is the quarter a year before the quarter
  the story reports (the last quarter named, else the last complete quarter), not a year.
- "now", "currently" are PRESENT_REF; "recently", "in recent years" PAST_REF; "the future"
  FUTURE_REF: references without a calendar date, so they never date an event.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["Reading", "EXTRA_PATTERNS", "read_extra", "value_of", "quarter_for", "iso_week"]


class Reading(NamedTuple):
    """One expression read: storyline's date/granularity/end, how it was found, TIMEX3 type+value."""

    date: str | None
    granularity: str | None
    end: str | None
    how: str
    ttype: str = "DATE"
    value: str | None = None


_WDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_Y = r"(?:1[89]|20)\d{2}"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
#: number words in time amounts ("three days ago", "for fifteen years"), shared with ``dates``
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
}
_WORDS: dict[str, float] = {**NUMBER_WORDS, "half a": 0.5, "a half": 0.5}
_N = (
    r"(?:\d{1,3}(?:\.\d)?(?:\s+1/2)?|a couple of|half an?|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty"
    r"|ninety|hundred|a few|few|several|many|some)"
)
_HALF = r"(?:[- ]and[- ]a[- ]half)"
_U = r"(?:second|minute|hour|day|week|month|year|decade|century|centuries)"
_ZONE = r"(?:\s*(?:GMT|UTC|[ECMP][SD]T|ET|BST|CET|local time))"
_AMPM = r"(?:\s*[ap]\.?m\.?(?![a-z]))"
_REF_WORDS = (
    r"now|currently|at present|presently|nowadays|these days|at the moment|recently|lately"
    r"|(?:in\s+)?recent\s+(?:days|weeks|months|years|decades|times)|the\s+(?:near\s+|distant\s+)?future"
    r"|the\s+past(?!\s+(?:year|month|week|day)\b)"
    r"|(?:(?:a\s+)?few\s+|several\s+|many\s+)?(?:days|weeks|months|years|decades)\s+ago"
    r"|(?:a\s+)?long\s+(?:time\s+)?ago"
)
_QUAL = (
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|current|previous|past|next|coming|same"
    r"|year-earlier|year-ago|fiscal)"
)
_OF_YEAR = (
    rf"(?:\s+of\s+(?:(?:fiscal\s+)?{_Y}|the\s+(?:fiscal\s+)?year|this\s+year|last\s+year|next\s+year"
    r"|fiscal\s+'?\d{2}))"
)
_SET_UNIT = (
    rf"(?:{_WD}|day|week|month|year|quarter|morning|afternoon|evening|night|summer|winter|spring|fall"
    r"|autumn|weekend|hour|minute)"
)
_ABOUT = (
    r"(?:(?:just\s+)?(?:more\s+than|less\s+than|over|under|about|nearly|almost|around|roughly|some"
    r"|up\s+to|at\s+least)\s+)"
)
_FILL = r"(?:[- ](?:straight|consecutive|full|more))"
_NOT_OFFSET = r"(?!-old|-\w|\s+(?:ago|earlier|later|from now|before|after)\b)"

#: Surface forms this module reads, most specific first; ``dates.TIME_PATTERN`` puts them ahead
#: of its own so that "third-quarter" is not a bare number and "0735 GMT" not a year.
EXTRA_PATTERNS = [
    # clock times: "10:48 pm ET", "7:35 a.m.", "0735 GMT", "3 p.m.", "noon"
    rf"\b\d{{1,2}}:\d{{2}}{_AMPM}?{_ZONE}?(?![\d:])",
    rf"\b\d{{1,2}}{_AMPM}{_ZONE}?",
    rf"\b(?:[01]\d|2[0-3])[0-5]\d{_ZONE}\b",
    r"(?i:\b(?:noon|midnight)\b)",
    # quarters and halves, fiscal years
    rf"(?i:\b(?:the\s+)?(?:{_QUAL}(?:[- ](?:fiscal|calendar))?[- ])+quarter\b{_OF_YEAR}?)",
    rf"(?i:\bQ[1-4](?:\s+{_Y}|\s+of\s+{_Y})?\b)",
    rf"(?i:\b(?:the\s+)?(?:first|second|latter|1st|2nd)[- ]half(?![- ]centur){_OF_YEAR}?)",
    rf"(?i:\bfiscal(?:\s+year)?\s+(?:{_Y}|'?\d{{2}})\b)",
    r"(?i:\b(?:the\s+)?(?:current|previous|last|next|coming|latest)\s+fiscal\s+year\b)",
    r"(?i:\bthe\s+year-(?:earlier|ago)\s+(?:period|quarter)\b"
    r"|\bthe\s+same\s+(?:period|quarter)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year)\b)",
    r"(?i:\b(?:year-(?:earlier|ago))\b)",
    r"(?i:\bthe\s+(?:latest\s+)?quarter\b(?![- ]\w))",
    # decades: "the 1990s", "the early '80s", "the mid-1990s"
    r"(?i:\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:1[89]|20)\d0s\b|\bthe\s+(?:early\s+|mid-?|late\s+)?'\d0s\b)",
    # sets: "every Tuesday", "each year", "twice a week", "weekly", "on Tuesdays"
    rf"(?i:\b(?:every|each)\s+(?:other\s+|single\s+|{_N}\s+)?{_SET_UNIT}s?\b)",
    r"(?i:\b(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each)\s+(?:day|week|month|year|decade)\b)",
    # lower case only: "China Daily", "Weekly Standard" are names
    r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly|biweekly|semiannually)\b",
    rf"\b(?:on\s+)?{_WD}s\b",
    # durations: "for three years", "35-minute", "two-day", "three-and-a-half hours", "the past
    # few months", "the next five years"
    rf"(?i:\b(?:the\s+)?(?:past|last|next|previous|coming|first|final|latest)\s+(?:{_N}\s+{_U}s?|{_U}s)\b"
    rf"{_NOT_OFFSET})",
    # not "a second term": "a second" is an ordinal far more often than a duration
    rf"(?i:\b(?!an?\s+second\b){_ABOUT}?{_N}{_HALF}?{_FILL}?[- ]{_U}s?(?:{_HALF})?\b{_NOT_OFFSET})",
    # bare plural units after a preposition: "for months", "within hours", "in years"
    r"(?i:(?:(?<=\bfor )|(?<=\bwithin )|(?<=\bin )|(?<=\bover ))"
    r"(?:seconds|minutes|hours|days|weeks|months|years|decades)\b(?!\s+(?:ago|earlier|later|of)\b))",
    r"(?i:\bthe\s+(?:past|last|next|coming|previous|final)\s+(?:decade|century|hour|minute)\b)",
    r"(?i:\bthe\s+(?:past|last|next|coming)\s+(?:year|month|week|day)\b)",
    # centuries: "the 21st century", "the 19th century"
    r"(?i:\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?\d{1,2}(?:st|nd|rd|th)[- ]century\b)",
    # "the past half-century", "the last quarter century"
    r"(?i:\b(?:the\s+)?(?:past|last|next|coming|previous)\s+(?:half|quarter)[- ](?:a[- ])?century\b)",
    rf"(?i:\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:summer|winter|spring|fall|autumn)\s+(?:of\s+)?{_Y}\b)",
    # present/past/future references
    rf"(?i:\b(?:{_REF_WORDS})\b)",
]

_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_EARNINGS = re.compile(
    r"(?i)\b(?:quarter|earnings|profit|net\s+income|net\s+loss|revenues?|sales|per\s+share|results|"
    r"operating\s+(?:income|loss)|a\s+share|fiscal)\b"
)


#: The fixed patterns the readers below try on every expression, compiled once
#: (``re.fullmatch(str, ...)`` looks each up in ``re``'s cache on every call).
_DECIMAL = re.compile(r"\d+(?:\.\d)?")
_AND_A_HALF = re.compile(r"(\d+)\s+1/2")
_YEAR_WORD = re.compile(rf"\b({_Y})\b")
_SEASON_OF_YEAR = re.compile(r"(?:the\s+)?(summer|winter|spring|fall|autumn)\s+(?:of\s+)?(\d{4})")
_CLOCK = re.compile(rf"(\d{{1,2}})(?::(\d{{2}}))?({_AMPM.lower()})?({_ZONE.lower()})?")
_MILITARY_CLOCK = re.compile(rf"([01]\d|2[0-3])([0-5]\d)({_ZONE.lower()})")
_Q_N = re.compile(r"q([1-4])(?:\s+(?:of\s+)?(\d{4}))?")
_YEAR_AGO_PERIOD = re.compile(
    r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?|(?:the\s+)?same\s+(?:period|quarter)\s.*"
)
_NAMED_QUARTER = re.compile(r"(?:the\s+)?((?:[\w-]+[- ])+)(quarters?)(?:\s+of\s+(.*))?")
_WORD_BREAKS = re.compile(r"[- ]+")
_HALF_YEAR = re.compile(r"(?:the\s+)?(first|second|latter|1st|2nd)[- ]half(?:\s+of\s+(.*))?")
_FISCAL_YEAR = re.compile(r"fiscal(?:\s+year)?\s+'?(\d{2}|\d{4})")
_NEAR_FISCAL_YEAR = re.compile(r"(?:the\s+)?(current|previous|last|next|coming|latest)\s+fiscal\s+year")
_CENTURY = re.compile(r"(?:the\s+)?(early\s+|mid-?|late\s+)?(\d{1,2})(?:st|nd|rd|th)[- ]century")
_DECADE = re.compile(r"(?:the\s+)?(early\s+|mid-?|late\s+)?(?:(\d{3})0s|'(\d)0s)")
_EVERY = re.compile(rf"(?:every|each)\s+(other\s+|single\s+|{_N}\s+)?(\w+?)s?")
_TIMES_PER = re.compile(r"(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each)\s+(\w+)")
_ON_WEEKDAYS = re.compile(r"(?:on\s+)?(\w+day)s")
_LEADING_THE = re.compile(r"^the\s+")
_RECENT_UNITS = re.compile(r"(?:in\s+)?recent\s+(days|weeks|months|years|decades)")
_PAST_REFERENCE = re.compile(
    r"recently|lately|past|(?:in\s+)?recent\s+\w+"
    r"|(?:(?:a\s+)?few\s+|several\s+|many\s+)?(?:days|weeks|months|years|decades)\s+ago"
    r"|(?:a\s+)?long\s+(?:time\s+)?ago"
)
_FUTURE_REFERENCE = re.compile(r"(?:near\s+|distant\s+)?future")
_PART_CENTURY = re.compile(
    r"(?:the\s+)?(past|last|next|coming|previous)\s+(half|quarter)[- ](?:a[- ])?century"
)
_BARE_UNITS = re.compile(r"(?:seconds|minutes|hours|days|weeks|months|years|decades)")
_NEAR_UNITS = re.compile(
    rf"(?:the\s+)?(past|last|next|previous|coming|first|final|latest)\s+(?:({_N})\s+)?({_U}s?)"
)
_AMOUNT = re.compile(rf"{_ABOUT}?({_N})({_HALF})?{_FILL}?[- ]({_U})s?({_HALF})?")
_SPAN_AMOUNT = re.compile(rf"({_N})\s+({_U})")
#: ``_PART_CODE``'s words as whole words, in its order.
_PART_WORDS = [(re.compile(rf"\b{word}\b"), code) for word, code in _PART_CODE.items()]
_WEEKS = re.compile(r"\bweeks?\b")
_AGO_OR_AHEAD = re.compile(r"\b(?:ago|from now)\b")


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _num(word: str) -> float | None:
    w = " ".join(word.lower().split())
    if _DECIMAL.fullmatch(w):
        return float(w)
    m = _AND_A_HALF.fullmatch(w)  # "2 1/2 years"
    if m:
        return int(m.group(1)) + 0.5
    return _WORDS.get(w)


def _amount(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


def _unit_code(unit: str) -> tuple[str, bool, int]:
    """TIMEX3 letter, whether it is a clock unit (PT...), and a multiplier (decades: years)."""
    u = unit.lower().rstrip("s")
    if u.startswith("centur"):
        return "CE", False, 1
    return {
        "second": ("S", True, 1),
        "minute": ("M", True, 1),
        "hour": ("H", True, 1),
        "day": ("D", False, 1),
        "week": ("W", False, 1),
        "month": ("M", False, 1),
        "year": ("Y", False, 1),
        "decade": ("DE", False, 1),
    }[u]


def duration_value(n: float | None, unit: str) -> str:
    code, clock, _ = _unit_code(unit)
    return f"P{'T' if clock else ''}{_amount(n)}{code}"


def quarter_for(n: int, pub: dt.date, tense: str | None, months: int = 3) -> tuple[int, int]:
    """(year, n) of 'the n-th quarter' (``months`` 3) or half (6) without a year: see the module
    docstring; a clause neither past nor future takes the nearest one."""
    cur = (pub.month - 1) // months + 1
    if tense == "future":
        return (pub.year, n) if n >= cur else (pub.year + 1, n)
    if tense == "past":
        return (pub.year, n) if n <= cur else (pub.year - 1, n)

    def distance(year: int) -> int:
        start = dt.date(year, months * (n - 1) + 1, 1)
        end = dt.date(year + (months * n) // 12, (months * n) % 12 + 1, 1) - dt.timedelta(days=1)
        return 0 if start <= pub <= end else min(abs((start - pub).days), abs((pub - end).days))

    return min((pub.year - 1, pub.year, pub.year + 1), key=distance), n


def _quarter_reading(year: int, q: int, how: str) -> Reading:
    a, b = 3 * q - 2, 3 * q
    return Reading(f"{year}-{a:02d}", "month", f"{year}-{b:02d}", how, "DATE", f"{year}-Q{q}")


def _shift_quarter(year: int, q: int, step: int) -> tuple[int, int]:
    y, r = divmod(year * 4 + q - 1 + step, 4)
    return y, r + 1


def last_complete_quarter(pub: dt.date) -> tuple[int, int]:
    cur = (pub.month - 1) // 3 + 1
    return _shift_quarter(pub.year, cur, -1)


def _year_word(t: str, pub: dt.date | None) -> int | None:
    m = _YEAR_WORD.search(t)
    if m:
        return int(m.group(1))
    if pub is None:
        return None
    for word, step in (("this year", 0), ("the year", 0), ("last year", -1), ("next year", 1)):
        if word in t:
            return pub.year + step
    return None


def read_extra(t: str, pub: dt.date | None, tense: str | None, ctx: dict[str, object]) -> Reading | None:
    """The forms of ``EXTRA_PATTERNS``; ``t`` is lower case without leading prepositions.

    ``ctx`` carries what earlier expressions of the article established: the quarter it
    reports (``quarter``: (year, n)) and whether the sentence is about earnings (``earnings``).
    """
    r = _clock(t, pub)
    if r is not None:
        return r
    if t in ("quarter", "the quarter", "latest quarter", "the latest quarter"):
        return the_quarter(pub, ctx)
    r = _quarter(t, pub, tense, ctx)
    if r is not None:
        return r
    r = _decade(t) or _century(t)
    if r is not None:
        return r
    m = _SEASON_OF_YEAR.fullmatch(t)
    if m:
        a, b = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 14)}[
            m.group(1)
        ]
        year = int(m.group(2))
        end = f"{year + 1}-{b - 12:02d}" if b > 12 else f"{year}-{b:02d}"
        value = f"{year}-{_SEASON_CODE[m.group(1)]}"
        return Reading(f"{year}-{a:02d}", "month", end, "season", "DATE", value)
    r = _set(t)
    if r is not None:
        return r
    r = _reference(t)
    if r is not None:
        return r
    return _duration(t)


def _clock(t: str, pub: dt.date | None) -> Reading | None:
    if t in ("noon", "midnight"):
        hm = "12:00" if t == "noon" else "24:00"
    else:
        m = _CLOCK.fullmatch(t)
        m2 = _MILITARY_CLOCK.fullmatch(t)
        if m2:
            h, mi = int(m2.group(1)), int(m2.group(2))
        elif m and (m.group(2) or m.group(3)):
            h, mi = int(m.group(1)), int(m.group(2) or 0)
            ap = (m.group(3) or "").strip().replace(".", "")
            if h > 24 or mi > 59 or (ap and not 1 <= h <= 12):
                return None
            if ap.startswith("p") and h < 12:
                h += 12
            elif ap.startswith("a") and h == 12:
                h = 0
        else:
            return None
        hm = f"{h:02d}:{mi:02d}"
    day = pub.isoformat() if pub else "XXXX-XX-XX"
    return Reading(
        pub.isoformat() if pub else None, "day" if pub else None, None, "clock time", "TIME", f"{day}T{hm}"
    )


def _quarter(t: str, pub: dt.date | None, tense: str | None, ctx: dict[str, object]) -> Reading | None:
    m = _Q_N.fullmatch(t)
    if m:
        q = int(m.group(1))
        if m.group(2):
            return _remember(ctx, _quarter_reading(int(m.group(2)), q, "quarter"))
        if pub is None:
            return None
        return _remember(ctx, _quarter_reading(*quarter_for(q, pub, tense), "quarter, year inferred"))
    if _YEAR_AGO_PERIOD.fullmatch(t):
        return _year_ago_quarter(pub, ctx, "the quarter a year before the one reported")
    m = _NAMED_QUARTER.fullmatch(t)
    if m and not m.group(2).endswith("s"):
        words = _WORD_BREAKS.split(m.group(1).strip(" -"))
        words = [w for w in words if w not in ("fiscal", "calendar")]
        year = _year_word(m.group(3) or "", pub)
        if m.group(3) and year is None and pub is not None and "fiscal" not in (m.group(3) or ""):
            return None
        ordinal = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
        if ordinal is not None:
            if year is not None:
                return _remember(ctx, _quarter_reading(year, ordinal, "quarter"))
            if pub is None:
                return None
            return _remember(
                ctx, _quarter_reading(*quarter_for(ordinal, pub, tense), "quarter, year inferred")
            )
        if pub is None or not words:
            return None
        cur = (pub.month - 1) // 3 + 1
        step = {
            "current": 0,
            "latest": -1,
            "last": -1,
            "previous": -1,
            "past": -1,
            "next": 1,
            "coming": 1,
        }.get(words[-1])
        if words[-1] in ("year-earlier", "year-ago", "same"):
            return _year_ago_quarter(pub, ctx, "the quarter a year before the one reported")
        if step is None:
            return None
        return _remember(ctx, _quarter_reading(*_shift_quarter(pub.year, cur, step), f"{words[-1]} quarter"))
    m = _HALF_YEAR.fullmatch(t)
    if m:
        h = 1 if m.group(1) in ("first", "1st") else 2
        year = _year_word(m.group(2) or "", pub)
        how = "half"
        if year is None:
            if pub is None:
                return None
            year, _ = quarter_for(h, pub, tense, months=6)
            how = "half, year inferred"
        a, b = (1, 6) if h == 1 else (7, 12)
        return Reading(f"{year}-{a:02d}", "month", f"{year}-{b:02d}", how, "DATE", f"{year}-H{h}")
    m = _FISCAL_YEAR.fullmatch(t)
    if m:
        y = m.group(1)
        year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 50 else 2000 + int(y))
        return Reading(str(year), "year", None, "fiscal year", "DATE", f"FY{year}")
    m = _NEAR_FISCAL_YEAR.fullmatch(t)
    if m and pub is not None:
        step = {"current": 0, "latest": 0, "previous": -1, "last": -1, "next": 1, "coming": 1}[m.group(1)]
        year = pub.year + step
        return Reading(str(year), "year", None, f"{m.group(1)} fiscal year", "DATE", f"FY{year}")
    return None


def _remember(ctx: dict[str, object], r: Reading) -> Reading:
    if r.value and "-Q" in r.value:
        y, q = r.value.split("-Q")
        ctx["quarter"] = (int(y), int(q))
    return r


def _year_ago_quarter(pub: dt.date | None, ctx: dict[str, object], how: str) -> Reading | None:
    if pub is None:
        return None
    known = ctx.get("quarter")
    y, q = known if isinstance(known, tuple) else last_complete_quarter(pub)
    return _quarter_reading(y - 1, q, how)


def year_ago(pub: dt.date, ctx: dict[str, object]) -> Reading | None:
    """'a year ago' in an earnings sentence, or in a story that has named the quarter it reports:
    the quarter a year before the one reported."""
    if not ctx.get("earnings") and "quarter" not in ctx:
        return None
    return _year_ago_quarter(pub, ctx, "a year ago in an earnings sentence: the quarter a year before")


def is_earnings(sentence: str) -> bool:
    return _EARNINGS.search(sentence) is not None


def the_quarter(pub: dt.date | None, ctx: dict[str, object]) -> Reading | None:
    """'the quarter' in an earnings story: the quarter it reports (named before, else the last
    complete one)."""
    if pub is None or not ctx.get("earnings"):
        return None
    known = ctx.get("quarter")
    y, q = known if isinstance(known, tuple) else last_complete_quarter(pub)
    return _quarter_reading(y, q, "the quarter the story reports")


def _century(t: str) -> Reading | None:
    m = _CENTURY.fullmatch(t)
    if not m or not 1 <= int(m.group(2)) <= 21:
        return None
    first = (int(m.group(2)) - 1) * 100
    how = f"{(m.group(1) or '').strip(' -')} century".strip()
    return Reading(f"{first:04d}", "year", f"{first + 99:04d}", how, "DATE", f"{int(m.group(2)) - 1:02d}")


def _decade(t: str) -> Reading | None:
    m = _DECADE.fullmatch(t)
    if not m:
        return None
    stem = m.group(2) or ("19" if int(m.group(3)) > 2 else "20") + m.group(3)
    start = int(stem) * 10
    mod = (m.group(1) or "").strip(" -")
    how = f"{mod} decade".strip()
    return Reading(str(start), "year", str(start + 9), how, "DATE", stem)


def _set(t: str) -> Reading | None:
    m = _EVERY.fullmatch(t)
    if m:
        word = m.group(2)
        qual = (m.group(1) or "").strip()
        n = 2.0 if qual == "other" else (_num(qual) or 1.0) if qual and qual != "single" else 1.0
        if word in _WDAYS:
            value = f"XXXX-WXX-{_WDAYS.index(word) + 1}"
        elif word in _PART_CODE:
            value = f"XXXX-XX-XXT{_PART_CODE[word]}"
        elif word in _SEASON_CODE:
            value = f"XXXX-{_SEASON_CODE[word]}"
        elif word == "weekend":
            value = "XXXX-WXX-WE"
        elif word == "quarter":
            value = "P3M"
        else:
            value = duration_value(n, word)
        return Reading(None, None, None, "set", "SET", value)
    m = _TIMES_PER.fullmatch(t)
    if m:
        return Reading(None, None, None, "set", "SET", duration_value(1, m.group(1)))
    adverbs = {
        "daily": "P1D",
        "nightly": "P1D",
        "weekly": "P1W",
        "biweekly": "P2W",
        "monthly": "P1M",
        "quarterly": "P3M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "semiannually": "P6M",
        "hourly": "PT1H",
    }
    if t in adverbs:
        return Reading(None, None, None, "set", "SET", adverbs[t])
    m = _ON_WEEKDAYS.fullmatch(t)
    if m and m.group(1) in _WDAYS:
        return Reading(None, None, None, "set", "SET", f"XXXX-WXX-{_WDAYS.index(m.group(1)) + 1}")
    return None


def _reference(t: str) -> Reading | None:
    t = _LEADING_THE.sub("", t)
    if t in (
        "now",
        "currently",
        "at present",
        "presently",
        "nowadays",
        "these days",
        "at the moment",
        "moment",
    ):
        return Reading(None, None, None, "present reference", "DATE", "PRESENT_REF")
    m = _RECENT_UNITS.fullmatch(t)
    if m:
        # TimeML reads "recent years" as a stretch of unstated length up to now (TimeBank and
        # the TempEval-3 taggers write DURATION PXY), not as a point in the past
        return Reading(None, None, None, "recent stretch", "DURATION", duration_value(None, m.group(1)))
    if _PAST_REFERENCE.fullmatch(t):
        return Reading(None, None, None, "past reference", "DATE", "PAST_REF")
    if _FUTURE_REFERENCE.fullmatch(t):
        return Reading(None, None, None, "future reference", "DATE", "FUTURE_REF")
    return None


def _duration(t: str) -> Reading | None:
    m = _PART_CENTURY.fullmatch(t)
    if m:
        years = 50 if m.group(2) == "half" else 25
        return Reading(None, None, None, f"duration ({m.group(1)})", "DURATION", f"P{years}Y")
    if _BARE_UNITS.fullmatch(t):
        return Reading(None, None, None, "duration, amount not stated", "DURATION", duration_value(None, t))
    m = _NEAR_UNITS.fullmatch(t)
    if m and m.group(2) is None and m.group(3) in ("decade", "century", "hour", "minute"):
        return Reading(
            None, None, None, f"duration ({m.group(1)})", "DURATION", duration_value(1, m.group(3))
        )
    if m:
        n = _num(m.group(2)) if m.group(2) else (None if m.group(3).endswith("s") else 1.0)
        if m.group(2) is None and not m.group(3).endswith("s"):
            return None  # "last year", "next week": dates, read by ``dates``
        return Reading(
            None, None, None, f"duration ({m.group(1)})", "DURATION", duration_value(n, m.group(3))
        )
    m = _AMOUNT.fullmatch(t)
    if m:
        n = _num(m.group(1))
        if n is not None and (m.group(2) or m.group(4)):
            n += 0.5
        return Reading(None, None, None, "duration", "DURATION", duration_value(n, m.group(3)))
    return None


def value_of(r: Reading, text: str) -> Reading:
    """Fill the TIMEX3 value of a calendar reading from its date, granularity and words."""
    if r.value is not None or r.date is None:
        return r
    low = text.lower()
    if r.how.startswith("span of"):
        m = _SPAN_AMOUNT.search(low)
        if m:
            return r._replace(ttype="DURATION", value=duration_value(_num(m.group(1)), m.group(2)))
    part = next((code for pat, code in _PART_WORDS if pat.search(low)), None)
    if r.granularity == "day" and r.end is not None:
        start = dt.date.fromisoformat(r.date)
        if "weekend" in low or "weekend" in r.how:
            return r._replace(value=f"{iso_week(start)}-WE")
        if "week" in low or "week" in r.how:
            return r._replace(value=iso_week(start))
        return r._replace(value=r.date)
    if r.granularity == "day":
        if part is not None:
            return r._replace(ttype="TIME", value=f"{r.date}T{part}")
        if _WEEKS.search(low) and _AGO_OR_AHEAD.search(low):
            return r._replace(value=iso_week(dt.date.fromisoformat(r.date)))
        return r._replace(value=r.date)
    season = next((code for word, code in _SEASON_CODE.items() if word in low), None)
    if season is not None and r.granularity == "month" and r.end is not None:
        return r._replace(value=f"{r.date[:4]}-{season}")
    return r._replace(value=r.date)
