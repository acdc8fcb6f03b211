"""The shared union-find: directed unions (callers choose the root) and ordered groups."""

from __future__ import annotations

from storyline.unionfind import UnionFind


def test_union_keeps_the_second_items_root() -> None:
    sets = UnionFind(4)
    assert sets.union(0, 1) == 1
    assert sets.union(1, 3) == 3
    assert [sets.find(i) for i in range(4)] == [3, 3, 2, 3]


def test_union_of_one_set_changes_nothing() -> None:
    sets = UnionFind(3)
    sets.union(0, 1)
    assert sets.union(1, 0) == 1
    assert sets.parent == [1, 1, 2]


def test_groups_are_ordered_by_smallest_member() -> None:
    sets = UnionFind(6)
    sets.union(5, 1)
    sets.union(4, 2)
    sets.union(2, 5)
    assert sets.groups() == [[0], [1, 2, 4, 5], [3]]


def test_same_and_len() -> None:
    sets = UnionFind(3)
    sets.union(0, 2)
    assert (len(sets), sets.same(0, 2), sets.same(0, 1)) == (3, True, False)


def test_long_chain_finds_one_root() -> None:
    sets = UnionFind(1000)
    for i in range(999):
        sets.union(i, i + 1)
    assert {sets.find(i) for i in range(1000)} == {999}
