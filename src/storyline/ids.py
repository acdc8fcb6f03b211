"""Every id storyline makes, in one place: what each is made of and how long it is.

Ids are stable (the same input gives the same id on every run and machine) and short. Two hash
families, kept as they were so stored ids stay valid:

- content ids (``content_id``): SHA-256 of text, 16 hex digits. Articles (their cleaned text)
  and byte-identical copies (id, source, record) — the store keys everything under these.
- derived ids (``derived_id``): SHA-1 of a key naming what the thing is made of, 10-16 hex
  digits, with a readable prefix where one helps: ``story-`` (first article id), ``event-``
  (member event ids), ``claim-`` (member sentence positions), ``conflict-`` (both sides),
  ``unnamed:<article>:`` (a described speaker); analysis events and quotes use bare ids made
  unique within their article by ``unique_id``.

Actor ids are readable slugs (``person:antony-blinken``, ``state:CHN``), made in
``analyse.actors.resolve.actor_key``, not hashes.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable

__all__ = ["content_id", "derived_id", "unique_id"]


def content_id(*parts: str) -> str:
    """16 hex digits of SHA-256 over the parts joined by NUL (one part: the text itself)."""
    key = "\0".join(parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def derived_id(key: str | Iterable[str], length: int = 12, prefix: str = "") -> str:
    """``prefix`` + the first ``length`` hex digits of SHA-1 over ``key`` (parts joined by '|')."""
    text = key if isinstance(key, str) else "|".join(key)
    return prefix + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def unique_id(key: str, taken: set[str], length: int = 12) -> str:
    """``derived_id(key)``, or of ``key#1``, ``key#2``… when an id is already in ``taken`` (two
    things made of the very same parts); the chosen id is added to ``taken``."""
    for n in itertools.count():
        ident = derived_id(key if n == 0 else f"{key}#{n}", length)
        if ident not in taken:
            taken.add(ident)
            return ident
    raise AssertionError("unreachable")  # itertools.count never ends
