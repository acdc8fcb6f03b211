"""examples/conflicts end to end: every planted conflict raised, every look-alike compatible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyse import analyse_doc
from storyline.evaluate import score_conflicts
from storyline.fuse import fuse
from storyline.ingest import ingest
from storyline.model import Story
from storyline.settings import Settings

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "conflicts"


@pytest.fixture(scope="module")
def story(nlp: Language) -> Story:
    arts = ingest([str(FOLDER)], Settings()).articles
    return fuse(arts, [analyse_doc(nlp(a.text), a) for a in arts if a.duplicate_of is None])


def test_every_planted_conflict_and_no_other(story: Story) -> None:
    gold = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))
    s = score_conflicts(story, gold)
    assert (s.tp, s.fp, s.fn) == (9, 0, 0)


@pytest.mark.parametrize("words", ["early November", "military officer", "fuel costs"])
def test_look_alikes_are_shown_as_compatible(story: Story, words: str) -> None:
    hits = [c.verdict for c in story.conflicts if any(words in s.text for s in c.sides)]
    assert hits and set(hits) == {"compatible"}


def test_a_former_minister_is_not_flagged(story: Story) -> None:
    assert not [c for c in story.conflicts if any("Retno" in s.text for s in c.sides)]


def test_score_conflicts_counts_repeats_once_and_look_alikes_never() -> None:
    from storyline.model import Article, Conflict, Evidence

    arts = (Article("a", "x/a.txt", "one"), Article("b", "x/b.txt", "two"), Article("c", "x/c.txt", "three"))
    ev = {k: Evidence(k, 0, 3, f"since 201{i}") for i, k in enumerate("abc")}
    story = Story(
        "0",
        articles=arts,
        conflicts=(
            Conflict("1", "number", "", (ev["a"], ev["b"]), "conflict"),
            Conflict("2", "number", "", (ev["a"], ev["c"]), "needs checking"),  # the same finding again
            Conflict("3", "date", "", (ev["b"], ev["c"]), "conflict"),  # planted nowhere
            Conflict("4", "number", "", (ev["b"], ev["c"]), "compatible"),  # a look-alike
        ),
    )
    gold = {
        "conflicts": [{"kind": "number", "files": ["a.txt", "b.txt", "c.txt"], "words": ["since 2010"]}],
        "internal_inconsistencies": [{"kind": "title", "file": "c.txt"}],
    }
    s = score_conflicts(story, gold)
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
