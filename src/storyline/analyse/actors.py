"""Find the actors an article mentions and cluster its mentions into actors."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from ..model import Actor, Article, Mention, Span

__all__ = ["find_mentions", "resolve_local", "actor_key"]

_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "state", "LOC": "place", "FAC": "place"}


def actor_key(kind: str, name: str) -> str:
    return kind[:3] + ":" + hashlib.sha1(name.lower().encode()).hexdigest()[:10]


def find_mentions(doc: Doc, article: Article) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ in _KIND:
            out.append(
                Mention(
                    span=Span(article.id, ent.start_char, ent.end_char),
                    text=ent.text,
                    label=ent.label_,
                )
            )
    return out


def resolve_local(mentions: list[Mention], article: Article) -> tuple[list[Mention], list[Actor]]:
    """Group mentions with the same surface name into one actor (minimal resolution)."""
    actors: dict[str, Actor] = {}
    resolved = []
    for m in mentions:
        kind = _KIND[m.label]
        key = actor_key(kind, m.text)
        a = actors.get(key)
        if a is None:
            a = Actor(id=key, name=m.text, kind=kind, aliases=(m.text,), mentions=())
        actors[key] = Actor(
            id=a.id, name=a.name, kind=a.kind, aliases=a.aliases, mentions=(*a.mentions, m.span)
        )
        resolved.append(Mention(span=m.span, text=m.text, label=m.label, actor=key, how="same name"))
    return resolved, list(actors.values())
