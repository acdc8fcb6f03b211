"""Precedents about one person's travels against the record: "his first trip to the U.S. since 2015".

A leader's foreign visits are public record. When an article says a visit would be someone's
first to a country since a year, and the record has that person visiting the country after that
year (and before the article was written), the precedent is wrong, whatever other outlets say.
The record is small and sourced; a person or country it does not cover is never judged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ids import derived_id
from ..knowledge import KnownPerson, load_knowledge
from ..model import Actor, Article, Conflict, Evidence
from ..sentences import SentenceSpan

__all__ = ["VISITS", "visit_conflicts"]

# (person as in the knowledge file, ISO-3 of the country visited, first day, what, source)
VISITS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Xi Jinping", "USA", "2015-09-22", "his state visit to the United States",
     "Wikipedia: 2015 state visit by Xi Jinping to the United States"),
    ("Xi Jinping", "USA", "2016-03-31", "the Nuclear Security Summit in Washington",
     "Wikipedia: 2016 Nuclear Security Summit"),
    ("Xi Jinping", "USA", "2017-04-06", "his Mar-a-Lago summit with Donald Trump",
     "Wikipedia: 2017 Mar-a-Lago summit"),
    ("Xi Jinping", "USA", "2023-11-14", "the APEC summit in San Francisco",
     "Wikipedia: APEC United States 2023"),
)  # fmt: skip

_FIRST = re.compile(
    r"\b(?P<who>his|her|[A-Z][a-z]+(?:['’]s))\s+first\s+(?:trip|visit|journey)\s+to\s+"
    r"(?P<place>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+since\s+(?P<year>(?:19|20)\d\d)\b"
)


def visit_conflicts(
    articles: Sequence[Article], sentences: Sequence[SentenceSpan], actors: Sequence[Actor]
) -> list[Conflict]:
    """'First trip to P since Y' claims that the record of the person's visits contradicts."""
    kn = load_knowledge()
    dated = {a.id: a.published[:10] for a in articles if a.published}
    visitors = {v[0] for v in VISITS}
    known = [(a, p) for a in actors if a.kind == "person" and (p := kn.person(a.name)) and p.name in visitors]
    order = sorted(sentences, key=lambda s: (s.article, s.start))
    spans = _spans(known)
    out = []
    for k, s in enumerate(order):
        day = dated.get(s.article)
        if day is None:
            continue
        for m in _FIRST.finditer(s.text):
            country = kn.country(m.group("place"))
            who = _person(s, m, order[k - 1] if k else None, known, spans.get(s.article, []))
            if country is None or who is None:
                continue
            since = int(m.group("year"))
            later = [
                v
                for v in VISITS
                if v[0] == who and v[1] == country.iso3 and since < int(v[2][:4]) and v[2] < day
            ]
            if not later:
                continue
            trips = "; ".join(f"{v[3]} on {v[2]} ({v[4]})" for v in later)
            desc = (
                f"The article says this would be {who}'s first trip to {m.group('place')} since {since}, "
                f"but the record has {who} there later: {trips}."
            )
            side = Evidence(s.article, s.start + m.start(), s.start + m.end(), m.group(0))
            out.append(
                Conflict(
                    derived_id(f"{s.article}:{side.start}", prefix="conflict-"), "precedent", desc, (side,)
                )
            )
    return out


def _spans(known: list[tuple[Actor, KnownPerson]]) -> dict[str, list[tuple[int, str]]]:
    """Per article, (start, actor id) of the known people's mentions in order: worked out once,
    not per claim (a big story repeats the claim in many articles and names the person in all)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for a, _ in known:
        for sp in a.mentions:
            out.setdefault(sp.article, []).append((sp.start, a.id))
    for v in out.values():
        v.sort()
    return out


def _person(
    s: SentenceSpan,
    m: re.Match[str],
    before: SentenceSpan | None,
    known: list[tuple[Actor, KnownPerson]],
    spans: list[tuple[int, str]],
) -> str | None:
    """The known person the claim is about: named ("Xi's first trip"), or the nearest person
    mentioned before the pronoun in the sentence, or else in the sentence ``before`` (when of
    the same article). ``spans``: the article's (start, actor id) of known people, in order."""
    at = s.start + m.start()
    names = {a.id: p.name for a, p in known}
    word = m.group("who")
    if word not in ("his", "her"):
        bare = word.rstrip("'’s")
        hits = [a.id for a, _ in known if bare in a.name.split()]
        return names[hits[0]] if len(hits) == 1 else None
    inside = [aid for start, aid in spans if s.start <= start < at]
    if inside:
        return names[inside[-1]]
    prev = before if before is not None and before.article == s.article else None
    if prev is not None:
        there = [aid for start, aid in spans if prev.start <= start < prev.end]
        if there:
            return names[there[-1]]
    return None
