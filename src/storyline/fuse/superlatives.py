"""Superlatives about people: "X is the highest-ranking official to visit China since ...".

Two such statements about the same ranking (the same kind of official, the same destination,
the same starting point) that name different people cannot both hold, whether two outlets make
them or one article does twice (a stale line kept in a chronology box: "She remains the top US
official to visit China since Biden became president" under a report that says the same of
someone else). A ranking of a different kind of official ("the top military official") is a
look-alike and stays compatible.

The person is the subject of the sentence: a name, or a pronoun read as the person the article
named last (from the actors' mention spans).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..ids import derived_id
from ..model import Actor, Conflict, Evidence
from ..sentences import SentenceSpan

__all__ = ["Ranking", "find_rankings", "superlative_conflicts"]

_RANKING = re.compile(
    r"(?P<subj>\b[\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})\s+(?:is|was|remains|remained|became|becomes|"
    r"would be|will be|has been)\s+(?:now\s+)?the\s+(?P<sup>highest[- ]ranking|highest[- ]level|"
    r"most senior|top|senior-most|most powerful)\s+(?P<group>(?:[\w.’'-]+\s+){0,4}?)(?P<head>official|"
    r"officer|diplomat|leader|politician|figure|minister|envoy|member)s?\s+(?:ever\s+)?to\s+"
    r"(?P<verb>visit|travel to|go to|set foot in)\s+(?P<place>[A-Z][\w-]+)"
    r"(?:\s+since\s+(?P<since>[^.;:!?]{3,80}))?",
)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.I)
# Words in a ranking's group that do not change who is being ranked.
_PLAIN = frozenset(["us", "u.s.", "american", "government", "senior", "high-level", "administration"])
_OFFICE = re.compile(
    r"\b(?:took office|became (?:president|prime minister|premier|chancellor|leader)"
    r"|was (?:inaugurated|elected|sworn in)|inauguration|took power|came to power)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Ranking:
    """One "X is the top official to visit P since S" statement."""

    article: str
    start: int  # offsets of the whole statement in the article
    end: int
    text: str
    person: str  # actor id, or the subject's words when no actor is found
    person_name: str
    group: str  # the kind of official, without nationality or plain words
    place: str
    since: str  # normalised: "office:biden", "year:2021", or the words


def find_rankings(sentences: Sequence[SentenceSpan], actors: Sequence[Actor]) -> list[Ranking]:
    """Every superlative ranking statement in the sentences, with its subject resolved."""
    mentions: dict[str, list[tuple[int, int, str, str]]] = {}
    for a in actors:
        if a.kind == "person":
            for sp in a.mentions:
                mentions.setdefault(sp.article, []).append((sp.start, sp.end, a.id, a.name))
    for v in mentions.values():
        v.sort()
    order = sorted(sentences, key=lambda x: (x.article, x.start))
    out = []
    for k, s in enumerate(order):
        for m in _RANKING.finditer(s.text):
            found = _subject(m, s, order, k, mentions.get(s.article, []))
            if found is None:
                continue
            # nationality words ("US", "Australian") and plain ones do not change the ranking
            group = " ".join(
                w.lower() for w in m.group("group").split() if w[:1].islower() and w not in _PLAIN
            )
            kind = f"{group} {m.group('head')}".strip()
            since = _since(m.group("since") or "")
            start, end = s.start + m.start(), s.start + m.end()
            out.append(
                Ranking(s.article, start, end, m.group(0), *found, kind, m.group("place").lower(), since)
            )
    return out


def _subject(
    m: re.Match[str],
    s: SentenceSpan,
    order: Sequence[SentenceSpan],
    k: int,
    mentions: list[tuple[int, int, str, str]],
) -> tuple[str, str] | None:
    """(actor id, name) of the ranking's subject, ``s`` being ``order[k]``; a pronoun is the
    first person named in the nearest earlier sentence of the article that names one (the
    subject there, as a rule). Earlier sentences are read back from ``k``, not copied out (a
    copy per ranking was quadratic in a big story)."""
    words = m.group("subj").split()
    lo, hi = s.start + m.start("subj"), s.start + m.end("subj")
    if _PRONOUN.match(words[-1]):
        for prev in (order[x] for x in range(k - 1, -1, -1)):
            if prev.article != s.article:
                break
            named = [t for t in mentions if prev.start <= t[0] < prev.end]
            if named:
                return named[0][2], named[0][3]
        return None
    inside = [t for t in mentions if lo <= t[0] < hi]
    if inside:
        return inside[-1][2], inside[-1][3]
    names = _NAME.findall(m.group("subj"))
    return (names[-1], names[-1]) if names else None


def _since(words: str) -> str:
    """'President Joe Biden took office in January 2021' and 'Biden became president' are one
    starting point: a name with an office verb; otherwise the year, otherwise the words."""
    names = [n for n in _NAME.findall(words) if n not in ("President", "January", "February", "March")]
    if names and _OFFICE.search(words):
        return "office:" + str(names[-1]).lower()
    year = _YEAR.search(words)
    return f"year:{year.group(0)}" if year else " ".join(words.lower().split())


def superlative_conflicts(sentences: Sequence[SentenceSpan], actors: Sequence[Actor]) -> list[Conflict]:
    """Pairs of rankings of the same kind that name different people."""
    ranks = find_rankings(sentences, actors)
    # only rankings of one place and starting point can clash: pairs within those, in the
    # order of all pairs (comparing every pair of a big story's rankings was quadratic)
    same: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(ranks):
        if r.since:
            same.setdefault((r.place, r.since), []).append(i)
    pairs = sorted(p for group in same.values() for p in itertools.combinations(group, 2))
    out = []
    seen: set[tuple[str, str]] = set()
    for a, b in ((ranks[i], ranks[j]) for i, j in pairs):
        if a.person == b.person or a.place != b.place or a.since != b.since or not a.since:
            continue
        key = tuple(sorted((f"{a.article}:{a.start}", f"{b.article}:{b.start}")))
        if key in seen:
            continue
        seen.add((key[0], key[1]))
        sides = (Evidence(a.article, a.start, a.end, a.text), Evidence(b.article, b.start, b.end, b.text))
        where = "One article says" if a.article == b.article else "Two reports say"
        if a.group != b.group:
            desc = (
                f"{where} who ranks highest among visitors to {a.place.title()}, but about different "
                f"kinds of official ('{a.group}' and '{b.group}'): {a.person_name} and "
                f"{b.person_name} can both be."
            )
            verdict = "compatible"
        else:
            desc = (
                f"{where} both {a.person_name} and {b.person_name} are the top {a.group} to visit "
                f"{a.place.title()} over the same period; only one of them can be."
            )
            verdict = "conflict"
        out.append(
            Conflict(derived_id("|".join(key), prefix="conflict-"), "superlative", desc, sides, verdict)
        )
    return out
