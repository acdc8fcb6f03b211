"""Fuse: many articles' analyses into one ``Story`` (or several, one per story in a mixed folder).

Order: actors are merged first (their id map rewrites quotes and events), then reports of one
event are merged, sentences are grouped into claims, and conflicts are collected from the text,
the chronologies, the analysis notes and the merged events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .claims import unique_by_outlet
from .clusters import cluster_stories

if TYPE_CHECKING:
    from .story import fuse, fuse_many

__all__ = ["fuse", "fuse_many", "cluster_stories", "unique_by_outlet"]


def __getattr__(name: str) -> Any:
    """``fuse`` and ``fuse_many`` on first use: importing the package (as the engine's driver
    does for story clustering) then costs no spaCy import (~70 MB)."""
    if name in ("fuse", "fuse_many"):
        from . import story

        return getattr(story, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
