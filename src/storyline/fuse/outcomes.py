"""Outcomes two outlets report the other way round: "they agreed on X" / "they failed to agree on X".

Two sentences of different articles about the same happening (alike in words, naming the same
people or places) where one reports an agreement reached and the other one not reached, about the
same thing (the words after the verb share a content word): both cannot be true. A sentence that
holds both ("agreed to meet again but failed to reach a deal") is left alone, and so is a pair
about different things ("agreed on a hotline" / "no deal on fishing quotas"): compatible.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..ids import derived_id
from ..model import Conflict, Evidence
from .claims import Sentence
from .quantities import ODD_FOLDS
from .similarity import cosine, tokens

__all__ = ["outcome_conflicts", "outcome"]

_NO = re.compile(
    r"\b(?:failed to (?:agree|reach|sign|strike|seal)|did not (?:agree|reach|sign)"
    r"|didn['’]t (?:agree|reach|sign)|could not (?:agree|reach)|no (?:deal|agreement) was (?:reached|signed)"
    r"|without (?:a deal|an agreement|agreement)|ended without|fell through|collapsed)\b",
    re.I,
)
_YES = re.compile(
    r"\b(?:agreed (?:on|to)|signed|reached (?:a|an) (?:deal|agreement|accord)"
    r"|struck (?:a|an) (?:deal|agreement)|sealed (?:a|an|the) (?:deal|agreement|pact))\b",
    re.I,
)
# Words every match of _NO or _YES holds. Lower-casing agrees with IGNORECASE except for the
# letters ``ODD_FOLDS`` (a sentence with one is scanned whatever its words).
_WORDS = (
    "failed to", "did not", "didn", "could not", "reached", "signed", "without", "fell through",
    "collapsed", "agreed", "struck", "sealed",
)  # fmt: skip
# How alike two sentences must be to report one happening. Tuned on examples/conflicts and the
# demo: reports of one signing score 0.35-0.6; a signing and an unrelated meeting under 0.2.
SAME_HAPPENING = 0.3
_REACH = 60  # characters after the verb that say what was (not) agreed


def outcome(text: str) -> tuple[str, int, int] | None:
    """("yes" | "no", start, end) of the one outcome a sentence reports; None for none or both."""
    if ODD_FOLDS.isdisjoint(text):
        low = text.lower()
        if not any(w in low for w in _WORDS):
            return None  # most sentences: neither pattern can match, so neither scans them
    no, yes = list(_NO.finditer(text)), list(_YES.finditer(text))
    if bool(no) == bool(yes):
        return None
    m = (no or yes)[0]
    return ("no" if no else "yes"), m.start(), m.end()


def outcome_conflicts(sentences: Sequence[Sentence], names: Sequence[frozenset[str]]) -> list[Conflict]:
    """Pairs of sentences reporting one happening with opposite outcomes about the same thing."""
    found = {i: o for i, s in enumerate(sentences) if (o := outcome(s.text)) is not None}
    pairs = _opposite_pairs(found, names)
    out = []
    for i, j in pairs:
        a, b = found[i], found[j]
        si, sj = sentences[i], sentences[j]
        if a[0] == b[0] or si.article == sj.article or len(names[i] & names[j]) < 2:
            continue
        if cosine(si.vector, sj.vector) < SAME_HAPPENING:
            continue
        # what was (not) agreed: the words after the verb, places and people aside
        what_i = set(tokens(si.text[a[2] : a[2] + _REACH])) - names[i] - names[j]
        what_j = set(tokens(sj.text[b[2] : b[2] + _REACH])) - names[i] - names[j]
        (yes, y), (no, n) = ((si, a), (sj, b)) if a[0] == "yes" else ((sj, b), (si, a))
        thing, other = _object(yes.text, y[2]), _object(no.text, n[2])
        sides = (
            Evidence(yes.article, yes.start, yes.end, yes.text),
            Evidence(no.article, no.start, no.end, no.text),
        )
        if what_i & what_j:
            verdict = "conflict"
            desc = (
                "One report says an agreement was reached and the other that it was not, about the same "
                f"meeting and the same thing ('{thing}'); both cannot be true."
            )
        else:  # agreed on one thing, not on another
            verdict = "compatible"
            desc = (
                f"One report says they agreed ('{thing}'), the other that they did not agree ('{other}'): "
                "different questions, so both can be true."
            )
        key = "|".join(sorted(f"{s.article}:{s.start}" for s in sides))
        out.append(Conflict(derived_id(key, prefix="conflict-"), "outcome", desc, sides, verdict))
    return out


def _opposite_pairs(
    found: dict[int, tuple[str, int, int]], names: Sequence[frozenset[str]]
) -> list[tuple[int, int]]:
    """Pairs (i < j, in order) of sentences with opposite outcomes that share at least two
    names: indexed by each pair of names a sentence has, and only a "yes" against a "no"
    (pairing every sentence that shares one name was quadratic in a big story's signings)."""
    by_names: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for i, (said, _, _) in found.items():
        for two in itertools.combinations(sorted(names[i]), 2):
            yes, no = by_names.setdefault(two, ([], []))
            (yes if said == "yes" else no).append(i)
    return sorted({(min(i, j), max(i, j)) for yes, no in by_names.values() for i in yes for j in no})


def _object(text: str, end: int) -> str:
    """The words after the outcome verb up to the clause's end: what was (not) agreed."""
    return re.split(r"[,;.]", text[end:])[0].strip()
