"""Fusion on the five seed articles (read at run time; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyse import analyse_doc
from storyline.fuse import fuse
from storyline.ingest import ingest
from storyline.model import Story
from storyline.settings import Settings

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
    # a year off (Sullivan and Yang met in Rome in 2022) and a day off the record (Munich, 18 Feb)
    assert sorted((c.sides[0].article, c.sides[0].text) for c in dated) == [
        ("001", "February 19, 2023"),
        ("001", "March 14, 2021"),
    ]


def test_first_since_claims_need_checking(story: Story) -> None:
    """'cabinet-level since 2019' vs 'secretary of state since 2018' (and 'in five years'): both
    hold only if another cabinet member went in 2019, which no seed names."""
    precedents = [c for c in story.conflicts if c.kind == "number"]
    assert sorted((c.verdict, c.sides[0].article, c.sides[1].article) for c in precedents) == [
        ("needs checking", "000", "001"),
        ("needs checking", "000", "004"),
    ]


def test_every_seed_has_claims_only_it_makes(story: Story) -> None:
    outlets = {c.outlets[0] for c in story.claims if not c.corroborated}
    assert outlets == {"000", "001", "002", "003", "004"}


@pytest.fixture(scope="module")
def undated(seeds_dir: Path, nlp: Language) -> Story:
    """The whole pipeline on the seeds as a new user runs it: no dates beyond the texts' own."""
    arts = ingest([str(seeds_dir)], Settings()).articles
    return fuse(arts, [analyse_doc(nlp(a.text), a) for a in arts if a.duplicate_of is None])


def test_undated_seeds_raise_the_desk_editors_findings(undated: Story) -> None:
    """Each finding by its first two sides (a title's supporting titles depend on how the
    article was dated, which fusion infers)."""
    names = {a.id: Path(a.source).name[:3] for a in undated.articles}
    raised = sorted(
        (c.verdict, c.kind, tuple(f"{names[s.article]}:{s.text[:24]}" for s in c.sides[:2]))
        for c in undated.conflicts
        if c.verdict != "compatible"
    )
    assert [r for r in raised if r[1] != "title"] == [
        ("conflict", "date", ("001:February 19, 2023",)),
        ("conflict", "date", ("001:March 14, 2021", "001:Weeks after China’s clos")),
        ("conflict", "precedent", ("000:his first trip to the U.",)),
        ("conflict", "quote", ("000:stop interfering in Chin", "002:stop undermining China’s")),
        ("conflict", "superlative", ("001:Blinken is the highest-r", "001:She remains the top US o")),
        ("needs checking", "number", ("000:first visit by an Americ", "001:first top American diplo")),
        ("needs checking", "number", ("000:first visit by an Americ", "004:first American secretary")),
    ]
    assert [r[2][0] for r in raised if r[1] == "title"] == ["002:Chinese Premier"]
