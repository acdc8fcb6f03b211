"""A story match must beat what the article scores with coverage too far away to be its story."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from storyline.fuse.clusters import BACKGROUND_GAP_DAYS, cluster_stream
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[2]
SHARED = "minister harbour talks fishing quota coast"


def _a(aid: str, published: str, text: str) -> tuple[Article, None]:
    return Article(id=aid, source=f"{aid}.txt", text=text, published=published), None


LIVE = [
    _a("a1", "2024-06-01", SHARED + " walrus tundra glacier ferry"),
    _a("a2", "2024-06-02", SHARED + " walrus tundra glacier beacon"),
]
NEWCOMER = _a("b1", "2024-06-03", SHARED + " orchard vineyard meadow barley")


def test_without_far_coverage_the_threshold_alone_decides() -> None:
    # the newcomer shares only the generic words, yet scores above the threshold
    assert cluster_stream([*LIVE, NEWCOMER]) == [["a1", "a2", "b1"]]


def test_a_long_story_is_not_its_own_background() -> None:
    """Reports of one story every ten days for three months: the early ones are far from the
    late ones, but they are in the candidate story (or nearly the same text): one story."""
    start = dt.date(2024, 1, 1)
    text = "harbour strike dockers wages union picket"
    items = [
        _a(f"s{d:03d}", (start + dt.timedelta(days=d)).isoformat(), text + f" day{d}")
        for d in range(0, 91, 10)
    ]
    assert BACKGROUND_GAP_DAYS < 90
    assert cluster_stream(items) == [[a.id for a, _ in items]]


def test_concurrent_generated_stories_stay_apart() -> None:
    """1,000 generated articles: 100 stories of 10 with ~1 new story a week, sharing countries,
    titles and topic words (the threshold alone made 59 stories, the largest of 50 articles, 589
    articles in the story where most of their story is; now 100 stories, 998)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import articles
    finally:
        sys.path.remove(str(ROOT / "bench"))
    items = [
        (
            Article(
                id=g.name, source=g.name, text=g.text, title=g.meta["title"], published=g.meta["published"]
            ),
            None,
        )
        for g in articles(1000)
    ]
    got = cluster_stream(items)
    # each story found is (nearly) one generated story, and no generated story is lost
    majority = sum(max(Counter(int(m) // 10 for m in g).values()) for g in got)
    assert majority >= 990
    assert max(len(g) for g in got) <= 12
    assert 95 <= len(got) <= 105
