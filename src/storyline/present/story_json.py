"""``story.json``: the output contract (docs/story-json.md, data/story.schema.json)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Actor, Article, Story, json_pieces

__all__ = ["story_to_json", "write_story", "load_schema"]


def story_to_json(story: Story) -> dict[str, Any]:
    """The contract's shape: the model's dict, with roles flattened to their titles."""
    return _contract(story.to_dict())


def _contract(d: dict[str, Any]) -> dict[str, Any]:
    """The contract's shape of a story's dict (left as it was)."""
    return {
        **d,
        "articles": [_article(dict(a)) for a in d["articles"]],
        "actors": [_actor(dict(a)) for a in d["actors"]],
    }


def _article(article: dict[str, Any]) -> dict[str, Any]:
    """An article's dict as the contract has it: ``published`` is a date, the time (when known)
    goes beside it."""
    stamp = article["published"]
    article["published_at"] = stamp
    article["published"] = stamp[:10] if stamp else None
    return article


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor's dict as the contract has it: roles flattened to their titles."""
    actor["role_details"] = actor["roles"]
    actor["roles"] = list(dict.fromkeys(r["title"] for r in actor["roles"]))
    return actor


#: What the contract changes, item by item, as story.json is written from the story itself.
_CONVERT: dict[str, Any] = {
    "articles": lambda a: _article(Article.to_dict(a)),
    "actors": lambda a: _actor(Actor.to_dict(a)),
}


def write_story(story: Story, path: Path) -> Path:
    """Write ``story.json`` a line at a time, each article, actor or claim converted as it is
    written: an 800-article story's file is 45 MB, and its dict whole was ~100 MB more."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.writelines(json_pieces(story, _CONVERT, ensure_ascii=False))
    tmp.replace(path)
    return path


def load_schema() -> dict[str, Any]:
    text = resources.files("storyline.data").joinpath("story.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
