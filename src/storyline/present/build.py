"""The present stage's entry point: fill a fused story's timeline, summary and relations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Analysis, Story
from .llm import LLMConfig, abstractive_summary
from .relations import build_relations
from .summary import extractive_summary
from .timeline import build_timeline

__all__ = ["build_presentation"]


def build_presentation(
    story: Story,
    analyses: Sequence[Analysis] = (),
    *,
    summary_sentences: int = 8,
    period: str = "auto",
    llm: LLMConfig | None = None,
) -> Story:
    """A copy of ``story`` with timeline, summary and relations derived from its events and articles.

    ``analyses`` supply sentence boundaries (spaCy's); without them sentences are split on
    punctuation. The LLM is contacted only when ``llm`` is given.
    """
    summary = extractive_summary(story, analyses, summary_sentences)
    notes = list(story.notes)
    if llm is not None:
        summary, note = abstractive_summary(summary, llm)
        if note:
            notes.append(note)
    relations, readings = build_relations(story, period)
    return replace(
        story,
        timeline=build_timeline(story),
        summary=summary,
        relations=relations,
        relation_readings=readings,
        notes=tuple(notes),
    )
