"""Opposite outcomes of one happening: agreed vs failed to agree, about the same thing."""

from __future__ import annotations

import itertools
import random

import pytest

from storyline.fuse.claims import sentence_units
from storyline.fuse.conflicts import find_conflicts
from storyline.fuse.outcomes import _opposite_pairs, outcome

from .helpers import analysis, article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brandt and Pell agreed on a port levy.", "yes"),
        ("Brandt and Pell failed to agree on a port levy.", "no"),
        ("The talks ended without a deal.", "no"),
        ("They agreed to meet again but failed to reach a deal.", None),  # both: left alone
        ("Brandt met Pell at the port.", None),
    ],
)
def test_outcome(text: str, expected: str | None) -> None:
    found = outcome(text)
    assert (found[0] if found else None) == expected


def _found(one: str, two: str) -> list[tuple[str, str]]:
    arts = [article("a", one, "X"), article("b", two, "Y")]
    units = sentence_units(arts, [analysis(a) for a in arts], claim_like=False)
    return [(c.kind, c.verdict) for c in find_conflicts(arts, units)]


def test_opposite_outcomes_about_one_thing_conflict() -> None:
    assert _found(
        "At the Valmora talks, Brandt and Pell agreed on a new port levy for Harlow.",
        "At the Valmora talks, Brandt and Pell failed to agree on a new port levy for Harlow.",
    ) == [("outcome", "conflict")]


def test_opposite_outcomes_about_different_things_are_compatible() -> None:
    assert _found(
        "At the Valmora talks, Brandt and Pell agreed on a new port levy for Harlow.",
        "At the Valmora talks, Brandt and Pell failed to agree on fishing quotas for Harlow.",
    ) == [("outcome", "compatible")]


@pytest.mark.parametrize("seed", range(5))
def test_opposite_pairs_are_those_sharing_two_names_among_all_pairs(seed: int) -> None:
    rng = random.Random(seed)
    pool = ["tanaka", "silva", "oslo", "haugen", "nowak"]
    names = [frozenset(rng.sample(pool, rng.randrange(len(pool) + 1))) for _ in range(60)]
    found = {i: (rng.choice(["yes", "no"]), 0, 1) for i in range(60) if rng.random() < 0.7}
    every = [
        (i, j)
        for i, j in itertools.combinations(sorted(found), 2)
        if found[i][0] != found[j][0] and len(names[i] & names[j]) >= 2
    ]
    assert every
    assert _opposite_pairs(found, names) == every
