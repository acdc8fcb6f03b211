"""Fuse: many articles' analyses into one ``Story``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import __version__
from ..model import Analysis, Article, Citation, Rejected, Story, SummarySentence
from .actors import merge_actors

__all__ = ["fuse"]


def fuse(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    rejected: Sequence[Rejected] = (),
    summary_sentences: int = 8,
) -> Story:
    """Merge per-article results; wire copies (``duplicate_of``) add sources, not facts."""
    by_id = {a.article: a for a in analyses}
    canon = [a for a in articles if a.duplicate_of is None and a.id in by_id]
    used = [by_id[a.id] for a in canon]
    actors, remap = merge_actors(used)
    quotes = [
        replace(q, speaker=remap.get(q.speaker, q.speaker) if q.speaker else None)
        for an in used
        for q in an.quotes
    ]
    events = [e for an in used for e in an.events]
    summary = _lead_summary(canon, by_id, summary_sentences)
    return Story(
        storyline_version=__version__,
        articles=tuple(articles),
        rejected=tuple(rejected),
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        summary=tuple(summary),
        title=canon[0].title if canon else None,
    )


def _lead_summary(
    canon: Sequence[Article], by_id: dict[str, Analysis], n: int
) -> list[SummarySentence]:
    """First sentence of each article: a placeholder until the summary stage lands."""
    out: list[SummarySentence] = []
    for a in canon:
        sents = [s for s in by_id[a.id].sentences if s.end - s.start > 40]
        if sents:
            s = sents[0]
            out.append(SummarySentence(a.text[s.start : s.end], (Citation(a.id, s.start, s.end),)))
        if len(out) >= n:
            break
    return out


