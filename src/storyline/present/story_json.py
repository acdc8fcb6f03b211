"""``story.json``: the output contract (docs/story-json.md, data/story.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Story, shared_dict

__all__ = ["story_to_json", "write_story", "load_schema"]


def story_to_json(story: Story) -> dict[str, Any]:
    """The contract's shape: the model's dict, with roles flattened to their titles."""
    return _contract(story.to_dict())


def _contract(d: dict[str, Any]) -> dict[str, Any]:
    """The contract's shape of a story's dict, which is left as it was (the store may share it)."""
    articles = []
    for article in d["articles"]:
        # the contract's `published` is a date; the time, when known, goes beside it
        article = dict(article)
        stamp = article["published"]
        article["published_at"] = stamp
        article["published"] = stamp[:10] if stamp else None
        articles.append(article)
    actors = []
    for actor in d["actors"]:
        actor = dict(actor)
        actor["role_details"] = actor["roles"]
        actor["roles"] = list(dict.fromkeys(r["title"] for r in actor["roles"]))
        actors.append(actor)
    return {**d, "articles": articles, "actors": actors}


def write_story(story: Story, path: Path) -> Path:
    """Write ``story.json``, converting the story once with the store (:func:`shared_dict`), a
    line at a time: an 800-article story's file is 45 MB, and its text whole (with its encoded
    bytes) took three times that."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.writelines(_lines(_contract(shared_dict(story))))
    tmp.replace(path)
    return path


def _lines(d: dict[str, Any]) -> Iterator[str]:
    """JSON with one line per top-level field and per item of a top-level list (an article, an
    actor, a conflict): diffable between runs like ``indent=1``, but every line comes from the C
    encoder, which ``indent`` turns off (0.72 -> 0.2 s for a 100-article generated story's 9.6 MB).
    Made a piece (a line or its separator) at a time, as the file is written."""

    def one(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    yield "{\n"
    for n, (k, v) in enumerate(d.items()):
        yield ",\n" if n else ""
        if isinstance(v, list) and v:
            yield f" {one(k)}: [\n"
            for m, x in enumerate(v):
                yield f",\n  {one(x)}" if m else f"  {one(x)}"
            yield "\n ]"
        else:
            yield f" {one(k)}: {one(v)}"
    yield "\n}"


def load_schema() -> dict[str, Any]:
    text = resources.files("storyline.data").joinpath("story.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
