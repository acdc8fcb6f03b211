"""Story clustering on a mixed corpus written for these tests."""

from __future__ import annotations

from dataclasses import replace

from storyline.fuse import cluster_stories, fuse_many

from .helpers import analysis, article, mixed_corpus


def _stories() -> list[set[str]]:
    arts, _ = mixed_corpus()
    return [set(g) for g in cluster_stories(arts, [analysis(a) for a in arts])]


def test_every_article_lands_in_its_own_story() -> None:
    _, truth = mixed_corpus()
    expected = {frozenset(k for k, s in truth.items() if s == story) for story in set(truth.values())}
    assert {frozenset(g) for g in _stories()} == expected


def test_wire_copies_follow_their_original() -> None:
    port = next(g for g in _stories() if "port-2" in g)
    assert {"port-2-copy-a", "port-2-copy-b"} <= port


def test_stories_are_ordered_by_first_article() -> None:
    arts, _ = mixed_corpus()
    groups = cluster_stories(arts, [analysis(a) for a in arts])
    firsts = [min(next(a for a in arts if a.id == i).published or "" for i in g) for g in groups]
    assert firsts == sorted(firsts)


def test_same_topic_months_apart_is_two_stories() -> None:
    text = (
        "A wildfire near Cedar Falls forced residents of the Redstone hills to evacuate, fire "
        "chief Dana Okafor said."
    )
    arts = [
        article("early", text, published="2024-03-04"),
        article("late", text + " ", published="2024-09-04"),
    ]
    assert cluster_stories(arts, []) == [["early"], ["late"]]


def test_fuse_many_gives_one_story_per_cluster() -> None:
    arts, truth = mixed_corpus()
    stories = fuse_many(arts, [analysis(a) for a in arts])
    assert sorted(len(s.articles) for s in stories) == sorted(
        list(truth.values()).count(s) for s in set(truth.values())
    )


def test_fuse_many_story_ids_are_stable() -> None:
    arts, _ = mixed_corpus()
    ans = [analysis(a) for a in arts]
    first = [s.id for s in fuse_many(arts, ans)]
    again = [s.id for s in fuse_many([replace(a) for a in reversed(arts)], ans)]
    assert sorted(first) == sorted(again)
