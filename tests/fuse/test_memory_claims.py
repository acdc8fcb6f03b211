"""Claim grouping takes its candidate pairs a block at a time (bounded memory): any block size
gives the pairs, cosines and claims that taking them all at once gives."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.fuse.claims import group_claims, sentence_units
from storyline.fuse.similarity import (
    PairCosines,
    candidate_array,
    candidate_blocks,
    candidate_pairs,
    pair_cosines,
)
from storyline.fuse.sources import Sources

from .helpers import analysis, mixed_corpus


def _vectors(count: int, seed: int) -> list[dict[str, float]]:
    rng = np.random.default_rng(seed)
    terms = [f"t{k}" for k in range(30)]
    out = []
    for _ in range(count):
        chosen = rng.choice(terms, size=int(rng.integers(1, 8)), replace=False)
        out.append({str(t): float(w) for t, w in zip(chosen, rng.random(len(chosen)) + 0.01, strict=True)})
    return out


def test_any_block_size_gives_the_same_ascending_pairs() -> None:
    vectors = _vectors(80, 3)
    groups = [f"a{i % 7}" for i in range(80)]
    want = sorted(candidate_pairs(vectors, keys=3, allow=lambda i, j: groups[i] != groups[j]))
    for block in (1, 7, 100, 1 << 20):
        blocks = list(candidate_blocks(vectors, keys=3, groups=groups, block=block))
        got = [tuple(p) for b in blocks for p in b.tolist()]
        assert got == want
        assert all(len(b) for b in blocks)
    assert [tuple(p) for p in candidate_array(vectors, keys=3, groups=groups).tolist()] == want


def test_small_blocks_are_many() -> None:
    assert len(list(candidate_blocks(_vectors(80, 4), keys=3, block=10))) > 5


def test_pair_cosines_indexed_once_equal_per_batch() -> None:
    vectors = _vectors(50, 5)
    pairs = np.array([(i, j) for i in range(50) for j in range(i + 1, 50)])
    cosines = PairCosines(vectors)
    got = np.concatenate([cosines(pairs[c : c + 97]) for c in range(0, len(pairs), 97)])
    assert got.tolist() == pair_cosines(vectors, pairs).tolist()
    assert PairCosines([])(np.zeros((0, 2), np.int64)).tolist() == []


def test_claims_do_not_depend_on_the_block_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.fuse.claims as claims

    articles, _ = mixed_corpus()
    units = sentence_units(articles, [analysis(a) for a in articles])
    sources = Sources(articles)
    want = group_claims(units, sources)
    real = claims.candidate_blocks
    monkeypatch.setattr(claims, "candidate_blocks", lambda *a, **k: real(*a, **k, block=50))
    assert group_claims(units, sources) == want
    assert any(c.corroborated for c in want)
