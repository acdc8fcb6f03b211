"""Stories that fall out of the clustering window leave its index."""

from __future__ import annotations

import datetime as dt

from storyline.fuse.clusters import _MAX_STORIES_PER_TERM, WINDOW_DAYS, cluster_stories
from storyline.model import Article


def _article(n: int, day: dt.date, text: str) -> Article:
    return Article(id=f"a{n:03d}", source=f"{n}.txt", text=text, published=day.isoformat())


def test_closed_stories_do_not_crowd_a_term_out_of_the_index() -> None:
    """Many long-closed stories named the harbour; two fresh articles about nothing but the
    harbour still meet through it (a term shared by more than the cap of *live* stories
    identifies none, closed ones do not count)."""
    start = dt.date(2020, 1, 1)
    old = [
        _article(i, start + dt.timedelta(days=(WINDOW_DAYS + 5) * i), f"harbour {word} {word} {word}")
        for i, word in enumerate(
            f"quayside{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(_MAX_STORIES_PER_TERM + 5)
        )
    ]
    last = start + dt.timedelta(days=(WINDOW_DAYS + 5) * len(old))
    fresh = [
        _article(900, last, "harbour harbour harbour"),
        _article(901, last + dt.timedelta(days=1), "harbour harbour"),
    ]
    stories = cluster_stories([*old, *fresh], [])
    assert len(stories) == len(old) + 1
    assert stories[-1] == ["a900", "a901"]
    assert all(len(s) == 1 for s in stories[:-1])


def test_a_story_closes_only_after_its_last_article_leaves_the_window() -> None:
    day = dt.date(2021, 5, 1)
    arts = [
        _article(1, day, "harbour strike dockers wages"),
        _article(2, day + dt.timedelta(days=WINDOW_DAYS), "harbour strike dockers wages talks"),
        _article(3, day + dt.timedelta(days=2 * WINDOW_DAYS), "harbour strike dockers wages deal"),
        _article(4, day + dt.timedelta(days=3 * WINDOW_DAYS + 1), "harbour strike dockers wages deal"),
    ]
    assert cluster_stories(arts, []) == [["a001", "a002", "a003"], ["a004"]]
