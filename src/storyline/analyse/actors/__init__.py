"""Actors: who an article is about, each resolved to one canonical actor.

Entry points: ``find_mentions(doc, article)`` reads the parsed article (spaCy entities plus the
knowledge file's names, titles, states and groups) and returns every ``Mention``;
``resolve_local(mentions, article, doc)`` links surnames, titles ("Mr. Blinken", "the secretary")
and pronouns to one ``Actor`` each and returns ``(mentions, actors)``.

Modules: ``mentions`` (finding), ``resolve`` (linking), ``roles`` (titles and sectors),
``organisations``, ``places`` (states, cities, groups, demonyms), ``references`` (titles and
pronouns back to people).
"""

from .mentions import find_mentions
from .resolve import actor_key, resolve_local

__all__ = ["find_mentions", "resolve_local", "actor_key"]
