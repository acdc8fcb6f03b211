"""'First trip to P since Y' against the record of a person's visits."""

from __future__ import annotations

import pytest

from storyline.fuse.visits import visit_conflicts
from storyline.model import Actor, Article, Span
from storyline.sentences import SentenceSpan, split_spans


def _found(text: str, published: str | None = "2023-06-17") -> list[str]:
    art = Article(id="a", source="a", text=text, published=published)
    at = text.find("Xi Jinping")
    xi = Actor(
        "person:xi-jinping", "Xi Jinping", "person", mentions=(Span("a", at, at + 10),) if at >= 0 else ()
    )
    sents = [SentenceSpan("a", s, e, text[s:e]) for s, e in split_spans(text)]
    return [c.description for c in visit_conflicts([art], sents, [xi])]


def test_a_precedent_the_record_contradicts() -> None:
    [why] = _found(
        "Officials want Xi Jinping at the summit. It would be his first trip to the U.S. since 2015."
    )
    assert why.startswith(
        "The article says this would be Xi Jinping's first trip to the U.S. since 2015, but the record "
        "has Xi Jinping there later: the Nuclear Security Summit in Washington on 2016-03-31"
    )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Officials want Xi Jinping at the summit, his first trip to the U.S. since 2017.", "2023-06-17"),
        ("Officials want Xi Jinping at the summit, his first trip to France since 2015.", "2023-06-17"),
        ("Officials want Xi Jinping at the summit, his first trip to the U.S. since 2015.", "2016-01-10"),
        ("Officials want Xi Jinping at the summit, his first trip to the U.S. since 2015.", None),
        ("Officials want Ms. Roy at the summit, her first trip to the U.S. since 2015.", "2023-06-17"),
    ],
)
def test_claims_the_record_does_not_contradict(text: str, published: str | None) -> None:
    """Right by the record, a country or person the record lacks, written before the visit, undated."""
    assert _found(text, published) == []
