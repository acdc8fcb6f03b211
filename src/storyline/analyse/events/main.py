"""The main event of a sentence: the one a coder of one-sentence news would code."""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Event
from ..tokens import children

__all__ = ["main_event"]

#: Not a PLOVER type: a statement is the main event only when nothing else is said.
_WEAK = frozenset({"STATEMENT"})


def main_event(events: list[Event], doc: Doc | None = None) -> Event | None:
    """The event nearest the root of its sentence (the governing clause), PLOVER types first.

    Without ``doc`` the first event in text order stands in for the nearest to the root.
    """
    if not events:
        return None

    def depth(e: Event) -> int:
        if doc is None or e.trigger_span is None:
            return 0
        span = doc.char_span(e.trigger_span.start, e.trigger_span.end, alignment_mode="expand")
        if span is None or not len(span):
            return 0
        tok, n = span.root, 0
        while tok.head.i != tok.i and n < 30:
            tok, n = tok.head, n + 1
        return n

    def reporting(e: Event) -> bool:
        """A closing reporting clause ("..., a human rights group charged"): the news is the
        clause it reports, when an event was found there."""
        if doc is None or e.trigger_span is None:
            return False
        span = doc.char_span(e.trigger_span.start, e.trigger_span.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        if tok is None or tok.dep_ != "ROOT" or any(c.dep_ == "dobj" for c in children(tok)):
            return False
        said = [c for c in children(tok) if c.dep_ == "ccomp" and c.i < tok.i]
        return any(
            o is not e
            and o.trigger_span is not None
            and said[0].left_edge.idx <= o.trigger_span.start < tok.idx
            for o in events
            if said
        )

    return min(
        events,
        key=lambda e: (
            e.type in _WEAK or reporting(e),
            depth(e),
            e.trigger_span.start if e.trigger_span else 0,
        ),
    )
