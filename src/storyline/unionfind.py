"""Disjoint sets over ``0..n-1``: the grouping step of dedupe, event merging and claim linking.

One implementation shared by every stage (it depends on nothing, so ingest may use it as well
as fuse). ``union`` is directed rather than by rank: callers rely on which item stays the root
(the first copy of an article, the earliest event, the group whose member list grows), and
path halving in ``find`` keeps the trees shallow enough for the sizes fusion sees.
"""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Union-find with path halving; ``union(a, b)`` puts a's set under b's root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def __len__(self) -> int:
        return len(self.parent)

    def find(self, i: int) -> int:
        """The root of i's set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        """Join a's set to b's; b's root is the root of the union and is returned."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
        return rb

    def same(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def groups(self) -> list[list[int]]:
        """Every set as its members in ascending order; sets ordered by their smallest member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
