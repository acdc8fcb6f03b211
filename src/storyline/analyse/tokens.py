"""Per-Doc lookups the analysis families share, built once and kept in ``doc.user_data``.

spaCy makes a new Python object for every ``doc[i]``, every token a loop over ``doc`` or
``tok.children`` yields, and every entity of ``doc.ents`` (which it rebuilds on each access):
a check run once per trigger or sentence that reaches for them pays that many times over. These
tables hold what such checks read, as plain Python values.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["Entities", "entities"]


@dataclass(frozen=True)
class Entities:
    """The Doc's entities as token bounds, in order (entities never overlap, so both the starts
    and the ends ascend)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def any_within(self, start: int, end: int) -> bool:
        """Whether an entity lies wholly inside tokens ``start`` to ``end`` (``Span.ents``
        non-empty): the first entity starting at or after ``start`` ends first."""
        k = bisect_left(self.starts, start)
        return k < len(self.starts) and self.ends[k] <= end


def entities(doc: Doc) -> Entities:
    """The Doc's entity bounds, built once per Doc."""
    got = doc.user_data.get("storyline_entity_bounds")
    if not isinstance(got, Entities):
        ents = doc.ents
        got = doc.user_data["storyline_entity_bounds"] = Entities(
            tuple(e.start for e in ents), tuple(e.end for e in ents)
        )
    return got
