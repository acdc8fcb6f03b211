"""Chronology boxes ("Top exchanges since ...": a dated heading per entry) checked against themselves.

An entry's date can be contradicted by its own text ("Weeks after Russia invaded Ukraine"
under a date a year before the invasion) or by the list around it (a sorted list with one
entry out of place, where another year would put it back). Both are found from the text
alone: headings are short lines that end or start with a full date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ..calendar_words import CHRONOLOGY_HEADING, FULL_DATE, heading_parts
from ..ids import derived_id
from ..model import Article, Conflict, Evidence
from ..sentences import split_spans
from .quantities import MONTHS
from .similarity import tokens

__all__ = ["Entry", "find_entries", "chronology_conflicts", "dated_sentence_conflicts", "ANCHORS", "MEETINGS"]

# Headings: calendar_words.CHRONOLOGY_HEADING, the rule analyse dates list items by.
_MIN_ENTRIES = 3  # fewer dated headings than this is not a list, just dated lines

# Well-known events an entry's text may be dated against: (date, pattern). Dates are from the
# events' Wikipedia articles; patterns are the phrasings news copy uses for them.
ANCHORS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (d, name, re.compile(p, re.I))
    for d, name, p in (
        (
            "2022-02-24",
            "Russia's invasion of Ukraine",
            r"\bRussia\b[^.]{0,40}\binvaded Ukraine|\binvasion of Ukraine"
            r"|\bRussia'?s? (?:full-scale )?invasion",
        ),
        (
            "2020-03-11",
            "the declaration of the COVID-19 pandemic",
            r"\b(?:covid|coronavirus)[^.]{0,30}pandemic",
        ),
        ("2023-10-07", "the Hamas attack on Israel of 7 October", r"\bOctober 7 attack|\b7 October attack"),
        (
            "2021-01-20",
            "Joe Biden taking office",
            r"\bBiden (?:took|taking|became|become) (?:office|president)",
        ),
        ("2017-01-20", "Donald Trump taking office (first term)", r"\bTrump (?:took|taking) office in 2017"),
        ("2022-08-02", "Nancy Pelosi's visit to Taiwan", r"\bPelosi\b[^.]{0,40}\bvisit(?:ed)? Taiwan"),
        ("2016-06-23", "the Brexit referendum", r"\bBrexit referendum"),
        ("2021-08-15", "the fall of Kabul", r"\bfall of Kabul|\bTaliban (?:took|seized) (?:Kabul|power)"),
    )
)
# How far after the anchor each relative phrase may reach (days), generously.
_AFTER = re.compile(
    r"\b(?:(?P<unit>days|weeks|months|years)|just|shortly|soon|a month|a year)?\s*after\b", re.I
)
_NEAR = 30  # chars between "after" and the anchor's words ("after China's close ally Russia ...")
_REACH = {"days": 31, "weeks": 120, "months": 3 * 366, "years": 100 * 366}
_BEFORE = re.compile(r"\b(?:days|weeks|months|years|just|shortly)?\s*before\b", re.I)


@dataclass(frozen=True)
class Entry:
    """One chronology entry: heading with its date, and the body up to the next heading."""

    article: str
    date: dt.date
    title: str
    date_start: int
    date_end: int
    body_start: int
    body_end: int


def find_entries(article: Article) -> list[Entry]:
    """The chronology entries of one article; empty when it has no dated list."""
    text = article.text
    heads = []
    for m in CHRONOLOGY_HEADING.finditer(text):
        title, words, ds, de = heading_parts(m)
        d = _parse(words)
        if d is not None:
            heads.append((m, d, ds, de, title))
    if len(heads) < _MIN_ENTRIES:
        return []
    out = []
    for k, (m, d, ds, de, title) in enumerate(heads):
        nxt = heads[k + 1][0].start() if k + 1 < len(heads) else _paragraph_end(text, m.end())
        out.append(Entry(article.id, d, title, ds, de, m.end(), nxt))
    return out


def chronology_conflicts(article: Article) -> list[Conflict]:
    """Entries whose dates their own text, or the list's order, contradicts."""
    entries = find_entries(article)
    found: list[tuple[Entry, list[str], list[Evidence], bool]] = []
    for k, e in enumerate(entries):
        reasons: list[str] = []
        sides = [_ev(article, e.date_start, e.date_end)]
        body = article.text[e.body_start : e.body_end]
        for d, name, pat in ANCHORS:
            for m in pat.finditer(body):
                why = _relative_check(body, m.start(), e.date, dt.date.fromisoformat(d), name)
                if why:
                    reasons.append(why)
                    sides.append(
                        _ev(article, e.body_start + _sentence_start(body, m.start()), e.body_start + m.end())
                    )
        for at, end, other in _entry_references(body, e, entries):
            why = _relative_check(body, at, e.date, other.date, f"'{other.title.strip()}'")
            if why:
                reasons.append(why)
                sides.append(_ev(article, e.body_start + _sentence_start(body, at), e.body_start + end))
        known = _known_meeting(article, e)
        if known:
            reasons.append(known)
        textual = bool(reasons)
        order = _order_check(entries, k)
        if order:
            reasons.append(order)
        found.append((e, reasons, sides, textual))
    out = []
    for k, (e, reasons, sides, textual) in enumerate(found):
        # two neighbours out of order: when the text shows one of them is misdated, the
        # other is in place (only its misdated neighbour made it look out of order)
        neighbours = [found[x][3] for x in (k - 1, k + 1) if 0 <= x < len(found)]
        if not reasons or (not textual and any(neighbours)):
            continue
        head = article.text[e.date_start : e.date_end]
        digest = derived_id(f"{article.id}:{e.date_start}")
        out.append(
            Conflict(
                id=f"conflict-{digest}",
                kind="date",
                description=f"Chronology entry dated {head}: "
                + " ".join(r[:1].upper() + r[1:] for r in reasons),
                sides=tuple(dict.fromkeys(sides)),
                verdict="conflict",
            )
        )
    return out


# Meetings whose dates are on the public record: (first day, last day, the surnames every
# report of it names, the place, what it was, source). An entry naming all of them is dated
# against the record. The range holds every day the meeting fell on in any time zone news
# uses (Washington to Beijing), so a date outside it is wrong, not a time-zone shift.
MEETINGS: tuple[tuple[str, str, tuple[str, ...], str, str, str], ...] = (
    ("2021-03-18", "2021-03-20", ("Blinken", "Yang"), "Anchorage", "the Anchorage talks",
     "U.S. Department of State; Wikipedia: 2021 China–United States Alaska talks"),
    ("2021-07-25", "2021-07-26", ("Sherman", "Wang"), "Tianjin", "Wendy Sherman's Tianjin talks",
     "U.S. Department of State readout, 26 July 2021"),
    ("2021-11-15", "2021-11-16", ("Biden", "Xi"), "virtual", "the Biden-Xi virtual meeting",
     "The White House readout, 16 November 2021 (15 November in Washington)"),
    ("2022-03-14", "2022-03-14", ("Sullivan", "Yang"), "Rome", "the Sullivan-Yang meeting in Rome",
     "The White House readout, 14 March 2022"),
    ("2022-09-23", "2022-09-24", ("Blinken", "Wang"), "New York", "the Blinken-Wang talks in New York",
     "U.S. Department of State readout, 23 September 2022"),
    ("2022-11-14", "2022-11-14", ("Biden", "Xi"), "Bali", "the Biden-Xi meeting in Bali",
     "The White House readout, 14 November 2022"),
    ("2022-11-18", "2022-11-19", ("Harris", "Xi"), "Bangkok", "Kamala Harris greeting Xi in Bangkok",
     "Wikipedia: APEC Thailand 2022"),
    ("2023-02-18", "2023-02-18", ("Blinken", "Wang"), "Munich", "the Blinken-Wang meeting in Munich",
     "U.S. Department of State readout, 18 February 2023"),
    ("2023-06-02", "2023-06-02", ("Austin", "Li"), "Shangri-La", "the Austin-Li handshake in Singapore",
     "U.S. Department of Defense, 2 June 2023"),
)  # fmt: skip


def _known_meeting(article: Article, e: Entry) -> str | None:
    """The entry's date against the record of a meeting its heading and text name."""
    text = e.title + "\n" + article.text[e.body_start : e.body_end]
    d = e.date.isoformat()
    for first, last, names, place, what, source in MEETINGS:
        if place not in text or not all(re.search(rf"\b{n}\b", text) for n in names):
            continue
        if first <= d <= last:
            return None
        gap = min(abs((e.date - dt.date.fromisoformat(x)).days) for x in (first, last))
        on = first if first == last else f"{first} to {last}"
        said = f"the record ({source}) dates {what} {on}"
        return f"{said}, {gap} day{'s' if gap > 1 else ''} from the date given."
    return None


_DATED = re.compile(rf"\b(?:[Oo]n\s+|[Ii]n\s+)?(?P<date>{FULL_DATE})")


def dated_sentence_conflicts(article: Article) -> list[Conflict]:
    """A sentence outside any chronology that gives a full date and places it against a known
    event ("On March 3, 2021, weeks after Russia invaded Ukraine, ..."): the date contradicts
    its own paragraph."""
    text = article.text
    inside = [(e.date_start, e.body_end) for e in find_entries(article)]
    out = []
    for start, end in split_spans(text):
        if any(a <= start < b for a, b in inside):
            continue
        sentence = text[start:end]
        dates = [(m, _parse(m.group("date"))) for m in _DATED.finditer(sentence)]
        dates = [(m, d) for m, d in dates if d is not None]
        if len(dates) != 1:
            continue  # none, or several dates whose roles in the sentence are unclear
        m, day = dates[0]
        assert day is not None
        for anchor, name, pat in ANCHORS:
            for a in pat.finditer(sentence):
                why = _relative_check(sentence, a.start(), day, dt.date.fromisoformat(anchor), name)
                if why:
                    sides = (
                        _ev(article, start + m.start("date"), start + m.end("date")),
                        _ev(article, start + _sentence_start(sentence, a.start()), start + a.end()),
                    )
                    desc = f"The sentence dated {m.group('date')}: {why[:1].upper()}{why[1:]}"
                    cid = derived_id(f"{article.id}:{start + m.start('date')}", prefix="conflict-")
                    out.append(Conflict(cid, "date", desc, sides))
    return out


_REF = re.compile(
    r"\b(?:after|before)\s+(?:the\s+)?(?P<what>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:was|were|had|signed|began|ended)\b",
    re.I,
)


def _entry_references(body: str, entry: Entry, entries: list[Entry]) -> list[tuple[int, int, Entry]]:
    """Places where an entry's text dates itself against another entry ("weeks after the Bali
    pact was signed" under "Leaders sign security pact in Bali"): the phrase shares two
    content words with that entry's heading."""
    out = []
    for m in _REF.finditer(body):
        words = set(tokens(m.group("what")))
        for other in entries:
            if other is not entry and len(words & set(tokens(other.title))) >= 2:
                out.append((m.start("what"), m.end(), other))
                break
    return out


def _relative_check(body: str, at: int, date: dt.date, anchor: dt.date, name: str) -> str | None:
    before = body[max(0, at - 40) : at]
    found = list(_AFTER.finditer(before))
    m = found[-1] if found else None
    if m is not None and len(before) - m.end() <= _NEAR:
        if date < anchor:
            return (
                f"its text places it after {name} ({anchor.isoformat()}), "
                f"but the date given is {(anchor - date).days} days before that."
            )
        reach = _REACH.get((m.group("unit") or "").lower())
        if reach is not None and (date - anchor).days > reach:
            late = (date - anchor).days
            return f"its text says '{m.group(0).strip()} {name}', but the date is {late} days later."
    if _BEFORE.search(before) and date > anchor:
        return f"its text places it before {name} ({anchor.isoformat()}), but the date given is later."
    return None


def _order_check(entries: list[Entry], k: int) -> str | None:
    """An entry out of place in an otherwise sorted list, and the year that would fit."""
    if len(entries) < _MIN_ENTRIES or not 0 < k < len(entries) - 1:
        return None
    dates = [e.date for e in entries]
    ascending = sum(b >= a for a, b in itertools.pairwise(dates)) >= (len(dates) - 1) / 2
    prev, cur, nxt = dates[k - 1], dates[k], dates[k + 1]
    lo, hi = (prev, nxt) if ascending else (nxt, prev)
    if lo > hi or lo <= cur <= hi:
        return None
    for year in range(lo.year, hi.year + 1):
        try:
            cand = cur.replace(year=year)
        except ValueError:
            continue
        if lo <= cand <= hi:
            return (
                f"it is out of order in a list sorted by date (between {prev.isoformat()} and "
                f"{nxt.isoformat()}); with the year {year} it would fit, so the year is probably wrong."
            )
    return None


def _parse(s: str) -> dt.date | None:
    s = s.replace(",", " ").replace(".", " ")
    parts = s.split()
    try:
        if len(parts) == 1:
            return dt.date.fromisoformat(parts[0])
        if parts[0].isdigit():
            return dt.date(int(parts[2]), _month(parts[1]), int(parts[0]))
        return dt.date(int(parts[2]), _month(parts[0]), int(parts[1]))
    except (ValueError, KeyError, IndexError):
        return None


def _month(word: str) -> int:
    """Month number of a full or abbreviated name ("Sept", "Nov"); KeyError when none."""
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    found = [n for name, n in MONTHS.items() if len(w) >= 3 and name.startswith(w)]
    if len(found) != 1:
        raise KeyError(word)
    return found[0]


def _paragraph_end(text: str, start: int) -> int:
    """The last entry's body runs to the end of the paragraph after its heading."""
    body = text.find("\n", start + 1)
    if body < 0:
        return len(text)
    nxt = text.find("\n", body + 1)
    return len(text) if nxt < 0 else nxt


def _sentence_start(body: str, at: int) -> int:
    cut = max(body.rfind(". ", 0, at), body.rfind("\n", 0, at))
    return 0 if cut < 0 else cut + 1 + (body[cut + 1 : cut + 2] == " ")


def _ev(article: Article, start: int, end: int) -> Evidence:
    while start < end and article.text[start].isspace():
        start += 1
    return Evidence(article.id, start, end, article.text[start:end])
