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


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, story: Story) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.duckdb"
    with Store(path) as st:
        st.put_articles(story.articles)
        st.put_story(story)
    return path
