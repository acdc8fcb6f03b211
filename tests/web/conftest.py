"""A store holding the hand-built fixture story (tests/present/story_fixture.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "present"))

import story_fixture  # found through the path set just above

from storyline.model import Story
from storyline.present.build import build_presentation
from storyline.store import Store


@pytest.fixture(scope="session")
def story() -> Story:
    return build_presentation(story_fixture.story(), summary_sentences=4)


REEF_TEXT = (
    "Reef survey finds coral recovering\n\n"
    "Divers from the University of the South Pacific counted twice as many young corals on the "
    'Great Sea Reef as in 2020. Prime Minister Ana Lealea called the survey "proof that closed '
    'seasons work" and promised to extend them.'
)


@pytest.fixture(scope="session")
def second_story() -> Story:
    """A second story in the store, with an actor (Lealea) shared with the first."""
    from storyline.ingest import article_id
    from storyline.model import Article, Quote

    aid = article_id(REEF_TEXT)
    words = "proof that closed seasons work"
    start = REEF_TEXT.index(words)
    lealea = next(a for a in story_fixture.actors() if a.id == "per:lealea")
    return build_presentation(
        Story(
            "test",
            articles=(
                Article(
                    aid,
                    "reef.txt",
                    REEF_TEXT,
                    title="Reef survey finds coral recovering",
                    outlet="Lagoon Gazette",
                    published="2024-08-02",
                    published_precision="day",
                ),
            ),
            actors=(lealea,),
            quotes=(
                Quote(
                    "q-reef", aid, start, start + len(words), words, "per:lealea", "Lealea", "called", True
                ),
            ),
            id="reef-survey",
            title="Reef survey finds coral recovering",
        ),
        summary_sentences=2,
    )


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, story: Story, second_story: Story) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.duckdb"
    with Store(path) as st:
        for s in (story, second_story):
            st.put_articles(s.articles)
            st.put_story(s)
    return path
