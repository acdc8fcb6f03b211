"""The Ray engine runs the same stage functions and gives the same analyses (skips without ray)."""

from __future__ import annotations

import pytest

from storyline.engine.local import analyse_in_pool
from storyline.ingest import article_id
from storyline.model import Article

pytest.importorskip("ray")


def test_ray_gives_the_same_analyses_as_local() -> None:
    from storyline.engine.ray_runner import analyse_on_ray

    texts = [
        f"Minister {n} met officials in Oslo on Monday, the ministry said." for n in ("Aas", "Berg", "Dahl")
    ]
    arts = [
        Article(id=article_id(t), source=f"{i}.txt", text=t, published="2025-03-08")
        for i, t in enumerate(texts)
    ]
    assert analyse_on_ray(arts, workers=1) == analyse_in_pool(arts, 1)
