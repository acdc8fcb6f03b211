"""Cross-article actor resolution: one canonical actor however many articles name it."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor, Analysis

__all__ = ["merge_actors"]


def merge_actors(analyses: Sequence[Analysis]) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-article actors sharing an id; return actors and a local→global id map."""
    merged: dict[str, Actor] = {}
    remap: dict[str, str] = {}
    for an in analyses:
        for a in an.actors:
            remap[a.id] = a.id
            cur = merged.get(a.id)
            if cur is None:
                merged[a.id] = a
                continue
            aliases = tuple(dict.fromkeys((*cur.aliases, *a.aliases)))
            merged[a.id] = Actor(
                id=cur.id,
                name=cur.name,
                kind=cur.kind,
                country=cur.country or a.country,
                sector=cur.sector or a.sector,
                roles=(*cur.roles, *a.roles),
                aliases=aliases,
                mentions=(*cur.mentions, *a.mentions),
                notes=(*cur.notes, *a.notes),
            )
    return list(merged.values()), remap
