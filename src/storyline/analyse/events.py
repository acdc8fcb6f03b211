"""Events: who did what to whom, when and where, typed in PLOVER/CAMEO."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Article, Event, Mention, TimeRef

__all__ = ["extract_events"]


def extract_events(
    doc: Doc, article: Article, mentions: list[Mention], actors: list[Actor], timerefs: list[TimeRef]
) -> list[Event]:
    return []
