"""Quotes two outlets disagree about: who said the words, or what the words were.

* Attribution: the same words in quotation marks, given by one outlet to one named person and
  by another to a different named person. When one side is unnamed ("a senior official") the two
  can be the same person: compatible, shown as such.
* Wording: the same speaker quoted word for word in two outlets with a long identical run and a
  different word right next to it ("stop harming China's sovereignty, security and development
  interests" / "stop undermining China's sovereignty, ..."): a direct quote claims the exact
  words, so at most one is right.

Only direct quotes whose speaker the text names count (a pronoun's speaker was inferred, and an
inference is not a claim the outlet made).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..ids import derived_id
from ..model import Conflict, Evidence, Quote
from ..words import PERSON_PRONOUNS

__all__ = ["quote_conflicts", "shared_run"]

_RUN = 6  # identical words in a row that make two quotes one statement (a phrase is shorter)
_SAME_WORDS = 0.6  # share of the shorter quote's words in the run for an attribution conflict
_WORD = re.compile(r"[\w’'-]+")
_PRONOUNS = PERSON_PRONOUNS | {"they", "we", "i", "it"}
_LITTLE = frozenset(["a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "that", "is", "are", "we"])


def quote_conflicts(quotes: Sequence[Quote]) -> list[Conflict]:
    """Attribution and wording conflicts between direct quotes of different articles.

    One finding per pair of statements (distinct word lists) and pair of speakers, however many
    reports repeat it: a big story quotes one line dozens of times, and comparing every pair of
    quotes gave a 110-article generated story 12,595 conflicts (70 s). The first pair of quotes
    (in the given order) stands for the finding; its description counts the other reports.
    """
    usable = [q for q in quotes if q.direct and q.speaker and not _pronoun(q.speaker_name)]
    words = [_words(q.text) for q in usable]
    statements: dict[tuple[str, ...], list[int]] = {}
    for i, ws in enumerate(words):
        statements.setdefault(tuple(ws), []).append(i)
    texts = list(statements)
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for s, w in enumerate(texts):
        for k in range(len(w) - _RUN + 1):
            index[w[k : k + _RUN]].add(s)
    pairs = {(s, s) for s, w in enumerate(texts) if len(w) >= _RUN}  # the same words, two speakers
    pairs |= {(s, t) for group in index.values() for s, t in itertools.combinations(sorted(group), 2)}
    found: list[tuple[tuple[int, int], Conflict]] = []
    for s, t in pairs:
        for i, j, others in _speaker_pairs(usable, statements[texts[s]], statements[texts[t]], s == t):
            a, b = usable[i], usable[j]
            judged = _judge(a, b, words[i], words[j])
            if judged is None:
                continue
            kind, verdict, desc = judged
            if others:
                desc += f" The same holds for {others} other pair{'s' if others > 1 else ''} of reports."
            sides = (_ev(a), _ev(b))
            key = "|".join(sorted(f"{e.article}:{e.start}" for e in sides))
            conflict = Conflict(derived_id(key + kind, prefix="conflict-"), kind, desc, sides, verdict)
            found.append(((i, j), conflict))
    return [c for _, c in sorted(found, key=lambda f: f[0])]


def _speaker_pairs(
    usable: Sequence[Quote], xs: list[int], ys: list[int], same: bool
) -> list[tuple[int, int, int]]:
    """(i, j, others) for each pair of speakers of two statements (quote indices, ascending):
    a pair of their quotes from different articles that stands for it (i < j), and how many
    other such pairs there are. Linear in the quotes, not in their pairs."""
    by_x: dict[str, list[int]] = {}
    by_y: dict[str, list[int]] = {}
    for i in xs:
        by_x.setdefault(usable[i].speaker or "", []).append(i)
    for j in ys:
        by_y.setdefault(usable[j].speaker or "", []).append(j)
    out: list[tuple[int, int, int]] = []
    for p, ix in by_x.items():
        for q, jy in by_y.items():
            if same and p >= q:
                continue  # one statement: each pair of speakers once; one speaker agrees with itself
            rep = next(
                ((i, j) for i in ix for j in jy if usable[i].article != usable[j].article), None
            )  # the first i with a partner elsewhere, usually within a step or two
            if rep is None:
                continue
            per_article = Counter(usable[i].article for i in ix)
            shared = sum(per_article[usable[j].article] for j in jy)
            out.append((min(rep), max(rep), len(ix) * len(jy) - shared - 1))
    return out


def _judge(a: Quote, b: Quote, wa: list[str], wb: list[str]) -> tuple[str, str, str] | None:
    start_a, start_b, n = shared_run(wa, wb)
    if n < _RUN:
        return None
    who_a, who_b = a.speaker_name or a.speaker or "", b.speaker_name or b.speaker or ""
    if a.speaker != b.speaker:
        if n < _SAME_WORDS * min(len(wa), len(wb)):
            return None
        named = all((q.speaker or "").startswith("person:") for q in (a, b))
        if not named:
            return (
                "attribution",
                "compatible",
                (
                    f"The same words are given to {who_a} in one report and to {who_b} in the other; "
                    "one of them is not named, so they may be the same person."
                ),
            )
        return (
            "attribution",
            "conflict",
            (
                f"The same words are attributed to {who_a} in one report and to {who_b} in the other; "
                "both cannot have said them."
            ),
        )
    for da, db in ((start_a - 1, start_b - 1), (start_a + n, start_b + n)):
        if 0 <= da < len(wa) and 0 <= db < len(wb) and wa[da] != wb[db]:
            if wa[da] in _LITTLE or wb[db] in _LITTLE:
                continue
            return (
                "quote",
                "conflict",
                (
                    f"Both reports quote {who_a} word for word, but one has '{wa[da]}' where the other has "
                    f"'{wb[db]}' in the same sentence; at most one of them is the exact wording."
                ),
            )
    return None


def shared_run(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """(start in a, start in b, length) of the longest run of identical words."""
    best = (0, 0, 0)
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best[2]:
                    best = (i - cur[j], j - cur[j], cur[j])
        prev = cur
    return best


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _pronoun(name: str | None) -> bool:
    return name is None or name.strip().lower() in _PRONOUNS


def _ev(q: Quote) -> Evidence:
    return Evidence(q.article, q.start, q.end, q.text)
