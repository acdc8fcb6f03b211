"""TF-IDF pieces: the IDF table carries its default weight for unseen terms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from storyline.fuse import similarity
from storyline.fuse.similarity import (
    EXACT_PAIR_COSINES,
    IdfTable,
    candidate_array,
    candidate_pairs,
    cosine,
    idf_table,
    pair_cosines,
    tfidf,
)


def test_idf_table_default_is_its_rarest_terms_weight() -> None:
    idf = idf_table([["port", "strike"], ["port"], ["port", "mediator"]])
    assert idf.default == pytest.approx(math.log(4 / 2) + 1.0)
    assert idf["port"] == pytest.approx(1.0)


def test_empty_table_defaults_to_one() -> None:
    assert idf_table([]).default == 1.0


def test_unseen_term_weighs_as_the_default() -> None:
    idf = IdfTable({"port": 1.0, "strike": 3.0})
    vec = tfidf(["port", "harbour"], idf)
    assert vec["harbour"] / vec["port"] == pytest.approx(3.0)


VECTORS = [
    {"port": 0.8, "strike": 0.6},
    {"port": 0.6, "union": 0.8},
    {"strike": 0.7, "union": 0.7},
    {"harbour": 1.0},
    {"port": 0.5, "harbour": 0.5, "union": 0.7},
]


def test_candidate_array_is_candidate_pairs_in_order() -> None:
    got = candidate_array(VECTORS, keys=2)
    assert got.tolist() == [[0, 1], [0, 2], [1, 2], [1, 4], [2, 4], [3, 4]]
    assert [tuple(p) for p in got.tolist()] == sorted(candidate_pairs(VECTORS, keys=2))


def test_candidate_array_leaves_out_pairs_of_one_group() -> None:
    groups = ["a", "a", "b", "b", "a"]
    got = candidate_array(VECTORS, keys=2, groups=groups)
    allowed = candidate_pairs(VECTORS, keys=2, allow=lambda i, j: groups[i] != groups[j])
    assert [tuple(p) for p in got.tolist()] == sorted(allowed) == [(0, 2), (1, 2), (2, 4), (3, 4)]


def test_candidate_array_skips_terms_in_too_many_postings() -> None:
    assert candidate_array(VECTORS, keys=2, max_postings=2).tolist() == [[0, 1], [0, 2], [3, 4]]
    assert candidate_array([], keys=2).shape == (0, 2)


def test_pair_cosines_match_cosine() -> None:
    pairs = np.array([[0, 1], [0, 3], [2, 4], [1, 4]])
    got = pair_cosines(VECTORS, pairs)
    assert got.tolist() == pytest.approx([cosine(VECTORS[i], VECTORS[j]) for i, j in pairs.tolist()])


@pytest.mark.parametrize("dense", [True, False])
def test_pair_cosines_are_cosine_to_the_bit_where_sum_adds_in_order(
    dense: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both lookups (a dense table of a small story's slots, a binary search over a big one's)."""
    monkeypatch.setattr(similarity, "DENSE_SLOTS", 1 << 30 if dense else 0)
    rng = np.random.default_rng(7)
    terms = [f"t{k}" for k in range(40)]
    vectors = []
    for _ in range(60):
        chosen = rng.choice(terms, size=int(rng.integers(1, 15)), replace=False)
        weights = rng.random(len(chosen)) + 1e-3
        weights /= np.sqrt((weights**2).sum())
        vectors.append({str(t): float(w) for t, w in zip(chosen, weights, strict=True)})
    pairs = np.array([(i, j) for i in range(60) for j in range(60) if i != j])
    got = pair_cosines(vectors, pairs, chunk=500).tolist()
    want = [cosine(vectors[i], vectors[j]) for i, j in pairs.tolist()]
    if EXACT_PAIR_COSINES:
        assert got == want
    else:
        assert got == pytest.approx(want)
