"""Who said what: direct and indirect quotes with their speakers."""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc

from ..model import Actor, Article, Mention, Quote

__all__ = ["extract_quotes"]

_DIRECT = re.compile(r"[“\"]([^”\"\n]{3,}?)[,.!?]?[”\"]\s*,?\s*(?:(said|says|added|told)\s+([A-Z][\w.]+(?:\s[A-Z][\w.]+)*)|([A-Z][\w.]+(?:\s[A-Z][\w.]+)*)\s+(said|says|added|told))")


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention], actors: list[Actor]) -> list[Quote]:
    out = []
    for m in _DIRECT.finditer(article.text):
        name = m.group(3) or m.group(4)
        cue = m.group(2) or m.group(5)
        speaker = next((mm.actor for mm in mentions if mm.text == name or mm.text.endswith(" " + name)), None)
        qid = hashlib.sha1(f"{article.id}:{m.start(1)}".encode()).hexdigest()[:12]
        out.append(
            Quote(
                id=qid,
                article=article.id,
                start=m.start(1),
                end=m.end(1),
                text=m.group(1),
                speaker=speaker,
                speaker_name=name,
                cue=cue,
                direct=True,
            )
        )
    return out
