"""Fusion on the five seed articles (read at run time; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.fuse import fuse
from storyline.model import Story

from .helpers import analysis, article

pytestmark = pytest.mark.seeds

PUBLISHED = {
    "000": "2023-06-17",
    "001": "2023-06-18",
    "002": "2023-06-16",
    "003": "2023-06-14",
    "004": "2023-06-19",
}


@pytest.fixture(scope="module")
def story(seeds_dir: Path) -> Story:
    arts = [
        article(p.name[:3], p.read_text(encoding="utf-8"), None, PUBLISHED[p.name[:3]])
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    return fuse(arts, [analysis(a) for a in arts])


def test_chronology_dating_error_is_a_conflict(story: Story) -> None:
    dated = [c for c in story.conflicts if c.kind == "date" and c.verdict == "conflict"]
    assert [(c.sides[0].article, c.sides[0].text) for c in dated] == [("001", "March 14, 2021")]


def test_first_since_claims_are_compatible(story: Story) -> None:
    precedents = [c for c in story.conflicts if c.kind == "number"]
    assert sorted((c.verdict, c.sides[0].article, c.sides[1].article) for c in precedents) == [
        ("compatible", "000", "001"),
        ("compatible", "000", "004"),
    ]


def test_every_seed_has_claims_only_it_makes(story: Story) -> None:
    outlets = {c.outlets[0] for c in story.claims if not c.corroborated}
    assert outlets == {"000", "001", "002", "003", "004"}
