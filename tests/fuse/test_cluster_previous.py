"""A re-run keeps the last run's stories and places only the new articles."""

from __future__ import annotations

from storyline.fuse.clusters import WINDOW_DAYS, cluster_stream
from storyline.model import Article

STRIKE = "harbour strike dockers wages union"
VOTE = "parliament election ballot coalition"


def _a(aid: str, day: int, text: str, dup: str | None = None) -> tuple[Article, None]:
    published = f"2024-03-{day:02d}" if day <= 31 else f"2024-05-{day - 31:02d}"
    return Article(id=aid, source=f"{aid}.txt", text=text, published=published, duplicate_of=dup), None


def test_kept_stories_stay_and_a_new_article_joins_the_nearest() -> None:
    items = [
        _a("x1", 1, STRIKE),
        _a("y1", 2, VOTE),
        _a("x2", 3, STRIKE + " talks"),
        _a("y2", 4, VOTE + " result"),
    ]
    assert cluster_stream(items) == [["x1", "x2"], ["y1", "y2"]]
    # the last run (by whatever weights it had) put x2 with the vote: it stays there
    previous = {"x1": "s1", "y1": "s2", "x2": "s2", "y2": "s2"}
    new = [_a("x3", 5, STRIKE + " deal"), _a("c3", 5, STRIKE + " deal", dup="x3")]
    assert cluster_stream([*items, *new], previous=previous) == [["x1", "x3", "c3"], ["y1", "x2", "y2"]]


def test_a_new_article_far_from_a_story_in_time_starts_its_own() -> None:
    items = [_a("x1", 1, STRIKE), _a("x2", 2, STRIKE)]
    previous = {"x1": "s1", "x2": "s1"}
    late = _a("x9", 2 + WINDOW_DAYS + 31, STRIKE)  # May: well past the window
    early = _a("x0", 1, VOTE)
    got = cluster_stream([*items, late, early], previous=previous)
    assert got == [["x0"], ["x1", "x2"], ["x9"]]  # stories in order of their first article


def test_a_corpus_mostly_new_is_clustered_afresh() -> None:
    items = [_a("x1", 1, STRIKE), _a("y1", 2, VOTE), _a("x2", 3, STRIKE), _a("y2", 4, VOTE)]
    odd = {"x1": "s1", "y1": "s1"}  # names 2 of 4 (half): kept, and both topics' words draw the rest
    assert cluster_stream(items, previous=odd) == [["x1", "y1", "x2", "y2"]]
    fewer = {"x1": "s1", "y1": "s1", "gone": "s1"}
    more = [*items, _a("x3", 5, STRIKE)]  # 2 of 5 known: afresh
    assert cluster_stream(more, previous=fewer) == cluster_stream(more) == [["x1", "x2", "x3"], ["y1", "y2"]]


def test_a_new_article_inside_a_long_kept_story_joins_it() -> None:
    """A story running from day 1 to day 61 in reports 10 days apart takes a report dated day 31,
    though that is more than the window from the story's last article."""
    items = [_a(f"m{d:02d}", d, STRIKE) for d in (1, 11, 21)] + [
        (Article(id=f"m{d:02d}", source="m.txt", text=STRIKE, published=f"2024-04-{d - 31:02d}"), None)
        for d in (41, 51, 61)
    ]
    previous = {a.id: "s1" for a, _ in items}
    late = _a("n31", 31, STRIKE)
    assert cluster_stream([*items, late]) == cluster_stream([*items, late], previous=previous)
    assert cluster_stream([*items, late], previous=previous) == [
        ["m01", "m11", "m21", "n31", "m41", "m51", "m61"]
    ]
