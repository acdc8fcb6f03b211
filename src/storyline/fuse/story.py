"""One story from many articles' analyses (``fuse``), or a mixed corpus cut into stories and
each fused (``fuse_many``). The package re-exports both without importing this module, which
pulls in the analysis code (and spaCy) that a run's driver process does not need."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .. import __version__
from ..ids import derived_id
from ..knowledge import load_knowledge
from ..model import (
    Actor,
    Analysis,
    Article,
    Citation,
    Event,
    Quote,
    Rejected,
    Span,
    Story,
    SummarySentence,
)
from .actors import merge_actors
from .claims import group_claims, unit_sets
from .clusters import cluster_stories
from .conflicts import find_conflicts
from .dating import date_articles
from .events import merge_events
from .quotes import fuse_quotes  # issue 5: one quote, several sources
from .similarity import embedder
from .sources import Sources

__all__ = ["fuse", "fuse_many"]


def fuse(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    rejected: Sequence[Rejected] = (),
    summary_sentences: int = 8,
    *,
    semantic: bool = False,
    parses: Mapping[str, bytes] | None = None,
) -> Story:
    """Merge per-article results; wire copies (``duplicate_of``) add sources, not facts.

    ``semantic`` blends MiniLM sentence embeddings into claim grouping when
    ``sentence_transformers`` is installed (ignored, with a note, when it is not). ``parses``:
    kept parses of undated articles (see ``dating.date_articles``).
    """
    articles, analyses = date_articles(
        articles, analyses, parses
    )  # issue 16: undated articles, from the story
    by_id = {a.article: a for a in analyses}
    canon = [a for a in articles if a.duplicate_of is None and a.id in by_id]
    used = [by_id[a.id] for a in canon]
    sources = Sources(articles)
    actors, remap = merge_actors(used)
    quotes = [_respeak(q, remap) for an in used for q in an.quotes]
    quotes = fuse_quotes(quotes, sources)  # issue 5: repeats marked same_as, wire copies as sources
    reports = [e for an in used for e in an.events]
    events, event_conflicts = merge_events(reports, sources, remap)
    notes: list[str] = []
    encode = embedder() if semantic else None
    if semantic and encode is None:
        notes.append(
            "semantic claim grouping asked for, but sentence_transformers is not available: lexical only"
        )
    claim_units, every_unit = unit_sets(canon, used)
    claims = group_claims(claim_units, sources, semantic=encode)
    conflicts = find_conflicts(  # all articles: a wire copy's text is its outlet's claim too
        articles, every_unit, actors, [*reports, *events], notes, quotes
    )
    known = {c.id for c in conflicts}
    conflicts = [*conflicts, *(c for c in event_conflicts if c.id not in known)]
    notes.append(f"events: {len(reports)} reports merged into {len(events)}")
    inferred = sum(1 for a in canon if a.published_inferred)
    if inferred:  # issue 16: say so at the story level too
        notes.append(f"publication dates inferred from the story for {inferred} undated article(s)")
    actors = [*actors, *_implied_states(events, actors)]
    summary = _lead_summary(canon, by_id, summary_sentences)
    return Story(
        storyline_version=__version__,
        articles=tuple(articles),
        rejected=tuple(rejected),
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        claims=tuple(claims),
        conflicts=tuple(conflicts),
        summary=tuple(summary),
        title=canon[0].title if canon else None,
        notes=tuple(notes),
    )


def fuse_many(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    summary_sentences: int = 8,
    *,
    semantic: bool = False,
) -> list[Story]:
    """Cluster a mixed corpus into stories and fuse each on its own.

    Each story's id is stable (a hash of its first article's id); rejected inputs belong to no
    story, so the caller records them once beside the stories.
    """
    by_article = {a.id: a for a in articles}
    by_analysis = {an.article: an for an in analyses}
    stories = []
    for ids in cluster_stories(articles, analyses):
        members = [by_article[i] for i in ids]
        story = fuse(
            members,
            [by_analysis[i] for i in ids if i in by_analysis],
            summary_sentences=summary_sentences,
            semantic=semantic,
        )
        sid = derived_id(ids[0], 10, prefix="story-")
        stories.append(replace(story, id=sid, title=story.title or members[0].title))
    return stories


def _respeak(q: Quote, remap: Mapping[str, str]) -> Quote:
    """The quote with its speaker's merged id; the quote itself when that changes nothing (most
    speakers: a copy per quote cost ~8k ``replace`` calls a 200-article run)."""
    speaker = remap.get(q.speaker, q.speaker) if q.speaker else None
    return q if speaker == q.speaker else replace(q, speaker=speaker)


def _implied_states(events: Sequence[Event], actors: Sequence[Actor]) -> list[Actor]:
    """States an event names only by an adjective ("an Iraqi town") get an actor of their own,
    so exports and the relations index can show that side; the evidence is the event's."""
    known = {a.id for a in actors}
    kn = load_knowledge()
    out: dict[str, Actor] = {}
    for e in events:
        for aid in (e.source_actor, e.target_actor):
            if not aid or aid in known or aid in out or not aid.startswith("state:"):
                continue
            country = kn.by_iso(aid.removeprefix("state:"))
            if country is not None:
                out[aid] = Actor(
                    id=aid,
                    name=country.name,
                    kind="state",
                    country=country.iso3,
                    sector="GOV",
                    mentions=tuple(Span(ev.article, ev.start, ev.end) for ev in e.evidence[:1]),
                    notes=("named in the text only by a nationality adjective on a thing",),
                )
    return list(out.values())


def _lead_summary(canon: Sequence[Article], by_id: dict[str, Analysis], n: int) -> list[SummarySentence]:
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
