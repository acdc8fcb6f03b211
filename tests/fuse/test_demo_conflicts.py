"""The demo corpus end to end (ingest, analyse, fuse): exactly the conflicts its gold lists.

Gold (examples/demo/gold.json): two cross-source conflicts (a 90- vs 75-minute meeting; hotline
talks begun in 2019 vs 2018), one internal inconsistency (a misdated chronology entry), and
look-alike statements that must not be raised as conflicts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyse import analyse_doc
from storyline.fuse import fuse
from storyline.ingest import ingest
from storyline.model import Story
from storyline.settings import Settings


@pytest.fixture(scope="module")
def story(demo_dir: Path, nlp: Language) -> Story:
    arts = ingest([str(demo_dir)], Settings()).articles
    analyses = [analyse_doc(nlp(a.text), a) for a in arts]
    return fuse(arts, analyses)


def _source(story: Story, article: str) -> str:
    return next(Path(a.source).name for a in story.articles if a.id == article)


def _raised(story: Story) -> list[tuple[str, tuple[str, ...]]]:
    return sorted(
        (c.kind, tuple(sorted({f"{_source(story, s.article)}:{s.text}" for s in c.sides})))
        for c in story.conflicts
        if c.verdict == "conflict"
    )


def test_exactly_the_gold_conflicts_are_raised(story: Story) -> None:
    assert _raised(story) == [
        (
            "date",
            (
                "archipelagoreview_hotline_analysis.txt:January 10, 2021",
                "archipelagoreview_hotline_analysis.txt:Weeks after the Bali pact was",
            ),
        ),
        (
            "date",
            (
                "pacificwire_hotline_agreed.txt:began in 2019",
                "southernchronicle_marlowe_lands.txt:have been discussing since 2018",
            ),
        ),
        (
            "number",
            (
                "jakartaledger_santoso_presses_marlowe.html:75-minute meeting",
                "pacificwire_hotline_agreed.txt:90 minutes",
            ),
        ),
    ]


def test_first_visit_precedents_are_compatible(story: Story) -> None:
    precedents = [c for c in story.conflicts if "since 2020" in " ".join(s.text for s in c.sides)]
    assert [c.verdict for c in precedents] == ["compatible"]


@pytest.mark.parametrize(
    "words",
    ["within one hour", "24 hours", "January 15", "four-day trip", "two days of talks"],
)
def test_look_alike_statements_are_not_conflicts(story: Story, words: str) -> None:
    assert not [
        c for c in story.conflicts if c.verdict == "conflict" and any(words in s.text for s in c.sides)
    ]
