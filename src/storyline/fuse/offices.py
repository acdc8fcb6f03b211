"""Titles checked against the knowledge file, even when the article's date is unknown.

An article that calls Li Keqiang "Premier" is wrong if it was written after March 2023. When the
article's date is known, the date decides. When it is not, the article's *other* titles date it:
"Foreign Minister Qin Gang" and "Defence Minister Li Shangfu" can both hold only between
2023-03-12 and 2023-07-25, so a premier who left office on 2023-03-11 cannot be "Premier" in the
same article. Each title is checked against the window the others leave (leave-one-out), so one
wrong title cannot date the article by itself.

Only titles stated as current count: a title after "then", "former", "under", in a sentence with
no present or future verb, or inside a dated chronology entry describes the past, where it was
right at the time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..ids import derived_id
from ..knowledge import Knowledge, KnownPerson, load_knowledge
from ..model import Actor, Article, Conflict, Evidence, Span
from .chronology import find_entries

__all__ = ["TitleClaim", "office_conflicts", "office_category", "title_claims"]

Window = list[tuple[str, str]]  # ISO day intervals, both ends included

# (category, pattern over the lower-cased title). Deputies and acting holders never match:
# "deputy", "vice", "acting", "assistant", "former" are checked first.
_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (c, re.compile(p))
    for c, p in (
        ("deputy_head_of_government", r"\bvice[- ]premier\b"),
        ("deputy_head", r"\bvice[- ]president\b"),
        ("head_of_government", r"\b(?:premier|prime minister|chancellor)\b"),
        ("foreign", r"\b(?:foreign minister|foreign secretary|secretary of state|minister of foreign affairs"
         r"|external affairs minister)\b"),
        ("defence", r"\b(?:defen[cs]e (?:minister|secretary)|minister of (?:national )?defen[cs]e"
         r"|secretary of defen[cs]e|minister of the armed forces)\b"),
        ("finance", r"\b(?:treasury secretary|secretary of the treasury)\b"),
        ("security", r"\bnational security advis[eo]r\b"),
        ("head_of_state", r"^(?:[a-z.]+\s)?president$"),
    )
)  # fmt: skip
_NOT_DEPUTY = re.compile(r"\b(?:acting|former|ex|then|late|candidate)\b")
_NOT_HOLDER = re.compile(r"\b(?:deputy|vice|acting|assistant|former|ex|then|late|shadow|candidate)\b")
# Words before a title that put it in the past ("then Vice Premier", "under President Obama").
_PAST_BEFORE = re.compile(
    r"\b(?:then|former|ex|late|under|during|when|while|era|predecessor|previous)\W*$", re.I
)
_PAST_REACH = 30  # characters before a title searched for those words
_NAME_REACH = 60  # characters around a title where the person's full name must be written
# A current or coming act: the sentence speaks of now ("Premier Li is heading to Berlin"), not of
# a legacy in the present tense ("President Obama's policy is still debated").
_NOW = re.compile(
    r"\b(?:(?:is|are|am)\s+(?:\w+ly\s+)?(?:\w+ing|expected|due|set|scheduled|slated)|will|says|plans"
    r"|visits|meets|arrives|heads|leads)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PAST = re.compile(r"\b(?:ago|last year|years earlier|at the time|back then|previously|once)\b", re.I)
_MIN_OTHERS = 2  # titles that must date an undated article before one title is judged by them


@dataclass(frozen=True)
class TitleClaim:
    """One title the text gives a known person, with the days the knowledge file says it held."""

    actor: str
    person: KnownPerson
    category: str
    title: str
    span: Span
    held: tuple[tuple[str, str], ...]
    now: bool = True  # its sentence has a present or future verb (only such titles are judged)


def office_category(title: str) -> str | None:
    """The office a stated title names ("Chinese Premier" -> head_of_government), or None."""
    t = " ".join(title.lower().replace("’", "'").split())
    for cat, pat in _CATEGORIES:
        if cat.startswith("deputy_") and pat.search(t) and not _NOT_DEPUTY.search(t):
            return cat
    if _NOT_HOLDER.search(t):
        return None
    for cat, pat in _CATEGORIES:
        if pat.search(t):
            return cat
    return None


def title_claims(article: Article, actors: Iterable[Actor], kn: Knowledge | None = None) -> list[TitleClaim]:
    """The current-tense titles of known people in one article, outside chronology entries."""
    kn = kn or load_knowledge()
    text = article.text
    entries = [(e.date_start, e.body_end) for e in find_entries(article)]
    out: list[TitleClaim] = []
    for actor in actors:
        person = kn.person(actor.name)
        if person is None or actor.kind != "person":
            continue
        for role in actor.roles:
            sp = role.span
            if role.source != "text" or sp is None or sp.article != article.id:
                continue
            cat = office_category(role.title)
            if cat is None or any(s <= sp.start < e for s, e in entries):
                continue
            if _PAST_BEFORE.search(text[max(0, sp.start - _PAST_REACH) : sp.start]):
                continue
            near = text[max(0, sp.start - _NAME_REACH) : sp.end + _NAME_REACH]
            if not any(n in near for n in (person.name, *person.aliases)):
                continue  # the title names a surname only: which person is an inference, not the text's
            sentence = _sentence(text, sp.start)
            if _YEAR.search(sentence) or _PAST.search(sentence):
                continue  # a dated or past event: the title of that time, not of the article's
            held = tuple(_interval(r.start, r.end) for r in person.roles if r.category == cat)
            if held:  # the person held this office at some time: the question is only when
                out.append(
                    TitleClaim(actor.id, person, cat, role.title, sp, held, bool(_NOW.search(sentence)))
                )
    return out


def office_conflicts(articles: Sequence[Article], actors: Sequence[Actor]) -> list[Conflict]:
    """Titles that the article's date, or its other titles, show were not held at the time.

    An undated article's titles are each judged by the window the others leave. When two titles
    contradict each other and either could be the wrong one, the dates of the story's other
    reports (a story is days or weeks of coverage) settle which; when they cannot, nothing is said.
    """
    kn = load_knowledge()
    stated = [a for a in articles if a.published and len(a.published) >= 10 and not a.published_inferred]
    story_days = sorted(str(a.published)[:10] for a in stated)
    # the known people with a title in each article: one pass over the actors, not one per article
    titled: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.kind == "person" and kn.person(actor.name) is not None:
            for aid in dict.fromkeys(r.span.article for r in actor.roles if r.span is not None):
                titled.setdefault(aid, []).append(actor)
    out: list[Conflict] = []
    for art in articles:
        if art.duplicate_of is not None:
            continue
        claims = title_claims(art, titled.get(art.id, ()), kn)
        if art.published and not art.published_inferred:
            day = art.published[:10]
            out += [
                _conflict(art, c, [(day, day)], [], kn)
                for c in claims
                if c.now and not _meets([(day, day)], c)
            ]
            continue
        inferred = _inferred(art)
        found = []
        for c in claims:
            dating = _dating(c, claims)
            # an inferred date is a range the story allows; the other titles may narrow it
            window = _window(dating, inferred)
            if c.now and (inferred or len(dating) >= _MIN_OTHERS) and window and not _meets(window, c):
                found.append((c, window, dating))
        if len(found) > 1 and story_days:
            near = [(_shift(story_days[0], -_STORY_REACH), _shift(story_days[-1], _STORY_REACH))]
            found = [f for f in found if not _meets(near, f[0])]
        if len(found) == 1:
            c, window, dating = found[0]
            out.append(_conflict(art, c, window, dating, kn, inferred=bool(inferred)))
    return out


def _inferred(art: Article) -> Window:
    """The days an inferred publication date may fall on (empty when the article has none)."""
    if not art.published or not art.published_inferred:
        return []
    day = art.published[:10]
    lo, hi = art.published_earliest or day, art.published_latest or day
    return [_interval(lo, hi)]


# How far from the story's dated reports an undated one may be (days), when two of its titles
# contradict each other and only the story's dates can tell which is wrong.
_STORY_REACH = 60


def _window(dating: list[TitleClaim], inferred: Window) -> Window:
    """The days every dating title was held on, within the inferred date's range when there is
    one; empty when they disagree or do not narrow. Titles that would empty an inferred range
    are set aside (the inference is the firmer evidence)."""
    window = list(inferred or _DAYS)
    for d in dating:
        narrower = _intersect(window, list(d.held))
        if narrower or not inferred:
            window = narrower
    return [] if not window or window == _DAYS else window


def _meets(window: Window, c: TitleClaim) -> bool:
    return bool(_intersect(window, list(c.held)))


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


_DAYS: Window = [("0001-01-01", "9999-12-31")]


def _dating(c: TitleClaim, claims: Sequence[TitleClaim]) -> list[TitleClaim]:
    """The other titles that can date the article: other people, one claim per office held."""
    seen: dict[tuple[str, str], TitleClaim] = {}
    for d in claims:
        if d.actor != c.actor and (d.actor, d.category) not in seen:
            seen[(d.actor, d.category)] = d
    return list(seen.values())


def _conflict(
    art: Article,
    c: TitleClaim,
    window: Window,
    dating: list[TitleClaim],
    kn: Knowledge,
    *,
    inferred: bool = False,
) -> Conflict:
    lo, hi = window[0][0], window[-1][1]
    successor = _successor(c, lo, hi, kn)
    terms = " and ".join(f"from {a} on" if b == _DAYS[0][1] else f"from {a} to {b}" for a, b in c.held)
    desc = (
        f"The article calls {c.person.name} '{c.title}', but the knowledge file ({c.person.source}) "
        f"lists them in that office only {terms}."
    )
    if inferred:
        desc += f" The article's date, inferred from the story ({art.published_evidence or 'its reports'}),"
        desc += f" lies between {lo} and {hi}." if lo != hi else f" is {lo}."
        dating = []
    elif dating:
        first = _bounds(dating, lo, hi)
        named = ", ".join(
            f"{d.person.name} as {d.title}" for d in [*first, *(d for d in dating if d not in first)][:3]
        )
        desc += f" The article's other titles ({named}) place it between {lo} and {hi}."
    else:
        desc += f" The article is dated {lo}."
    if successor is not None:
        desc += f" {successor.name} held the office then."
    sides = [_ev(art, c.span)] + [_ev(art, d.span) for d in _bounds(dating, lo, hi)]
    verdict = "conflict" if successor is not None else "needs checking"
    return Conflict(
        derived_id(f"{art.id}:{c.span.start}:{c.category}", prefix="conflict-"),
        "title",
        desc,
        tuple(dict.fromkeys(sides)),
        verdict,
    )


def _successor(c: TitleClaim, lo: str, hi: str, kn: Knowledge) -> KnownPerson | None:
    """Who held the office through the whole window (then the title is surely wrong)."""
    for p in kn.people:
        if p.country != c.person.country or p.name == c.person.name:
            continue
        for r in p.roles:
            a, b = _interval(r.start, r.end)
            if r.category == c.category and a <= lo and hi <= b:
                return p
    return None


def _bounds(dating: list[TitleClaim], lo: str, hi: str) -> list[TitleClaim]:
    """The titles that set the window's ends (the evidence a reader needs)."""
    out = []
    for d in dating:
        if any(a == lo or b == hi for a, b in d.held):
            out.append(d)
    return out[:2]


def _interval(start: str | None, end: str | None) -> tuple[str, str]:
    """A role's days; a date given to the month or year is widened so it never narrows the term,
    and an open end stays open."""
    a = _DAYS[0][0] if not start else start + "-01-01"[len(start) - 4 :] if len(start) < 10 else start[:10]
    b = _DAYS[0][1] if not end else end + "-12-31"[len(end) - 4 :] if len(end) < 10 else end[:10]
    return a, b


def _intersect(a: Window, b: Window) -> Window:
    out = [(max(x0, y0), min(x1, y1)) for x0, x1 in a for y0, y1 in b if max(x0, y0) <= min(x1, y1)]
    return sorted(out)


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _ev(art: Article, sp: Span) -> Evidence:
    return Evidence(art.id, sp.start, sp.end, art.text[sp.start : sp.end])
