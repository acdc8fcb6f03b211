"""``knowledge.name_key``, remembered: the actor rules key the same few dozen names of an article
over and over (every mention, pronoun and alias compares keys), about a hundred thousand calls
on a few hundred articles, each running three regex substitutions."""

from __future__ import annotations

from functools import lru_cache

from ...knowledge import name_key as _name_key

__all__ = ["name_key"]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """``knowledge.name_key(name)`` (a pure function of the string)."""
    return _name_key(name)
