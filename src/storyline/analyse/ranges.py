"""A growing set of character ranges, asked "does this range overlap one of you?" many times.

Mention finding asks it once per entity, name word and pronoun; scanning a plain list each time
made it quadratic in the article's length.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

__all__ = ["Intervals"]


class Intervals:
    """Half-open ``(start, end)`` ranges kept sorted by start; they may overlap each other."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._ranges: list[tuple[int, int]] = []
        self._longest = 0
        for r in ranges:
            self.append(r)

    def append(self, r: tuple[int, int]) -> None:
        insort(self._ranges, r)
        self._longest = max(self._longest, r[1] - r[0])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range has ``s < end and start < e``.

        Only ranges starting before ``end`` and after ``start - longest`` can, so the scan is
        bounded by how many ranges start in that window."""
        k = bisect_left(self._ranges, (end, -1)) - 1  # last range with s < end
        while k >= 0 and self._ranges[k][0] > start - self._longest - 1:
            if start < self._ranges[k][1]:
                return True
            k -= 1
        return False

    def __len__(self) -> int:
        return len(self._ranges)
