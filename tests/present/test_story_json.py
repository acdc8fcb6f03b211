"""story.json: the contract's shape, written from the story a piece at a time."""

from __future__ import annotations

import json
from pathlib import Path

import story_fixture as f

from storyline.present.story_json import story_to_json, write_story


def test_write_story_writes_the_contract(tmp_path: Path) -> None:
    story = f.story()
    written = json.loads(write_story(story, tmp_path / "story.json").read_text(encoding="utf-8"))
    assert written == story_to_json(story)
    assert written["articles"] and written["actors"]  # the two fields the contract reshapes


def test_contract_dates_and_roles() -> None:
    story = f.story()
    d = story_to_json(story)
    for article, a in zip(d["articles"], story.articles, strict=True):
        assert article["published_at"] == a.published
        assert article["published"] == (a.published[:10] if a.published else None)
        assert list(article)[-1] == "published_at"
    for actor, a in zip(d["actors"], story.actors, strict=True):
        assert actor["roles"] == list(dict.fromkeys(r.title for r in a.roles))
        assert actor["role_details"] == [r.to_dict() for r in a.roles]
