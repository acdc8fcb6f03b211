"""Resolve a speaker phrase ("Austin", "he", "the official", "a senior State Department
official") to an actor id.

Kept in one place so that it can be switched to the actors module's resolver when that lands:
``resolve_speaker`` is the only function the quote extractor calls. Until then it uses the
mentions' actors, a surname match against the article's people, and for pronouns and role
phrases the most recent compatible speaker, as Citron and most attribution systems do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...ids import derived_id
from ...model import Actor, Mention
from ...model import Span as ModelSpan
from ..actors.references import reference_with_reason
from ..actors.resolve import actor_key
from ..nlp import doc_text
from ..tokens import children, sent_of

__all__ = ["Speaker", "resolve_speaker", "unnamed_id"]

_PERSONAL = frozenset(["he", "she", "him", "her"])
_PLURAL = frozenset(["they", "them"])
_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
_ORG_HEADS = frozenset(
    [
        "government",
        "ministry",
        "department",
        "office",
        "administration",
        "agency",
        "council",
        "committee",
        "commission",
        "embassy",
        "newspaper",
        "paper",
        "times",
        "post",
        "journal",
        "agency",
        "white",
        "house",
        "pentagon",
    ]
)
# How far back (characters) a pronoun or role phrase may reach for the previous speaker:
# two to three news paragraphs. Tuned by reading the seeds' "he said" chains, none longer.
_REACH = 1200


@dataclass(frozen=True)
class Speaker:
    """Who a cue says spoke, with the words as written and how it was resolved."""

    actor: str | None
    name: str
    start: int
    end: int
    kind: str  # person | organisation | state | place | unnamed | unknown
    how: str
    head: str = ""  # lower-cased head noun of a description, to match "the official" later


def unnamed_id(description: str, article: str) -> str:
    """A stable id for a source described but not named, scoped to its article as the actors
    module's are: "officials" in two unrelated articles are not one actor."""
    key = " ".join(description.lower().split())
    return derived_id(key, 10, prefix=f"unnamed:{article[:8]}:")


def resolve_speaker(
    phrase: SpacySpan,
    mentions: Sequence[Mention],
    actors: Sequence[Actor],
    previous: Sequence[Speaker],
    *,
    article: str,
) -> Speaker:
    """The actor a speaker phrase refers to; ``previous`` are earlier speakers, in text order;
    ``article`` is the article's id, which scopes the ids of unnamed sources."""
    head = phrase.root
    name = phrase.text
    s, e = phrase.start_char, phrase.end_char
    by_id = {a.id: a for a in actors}
    if head.lower_ in _PERSONAL or head.lower_ in _PLURAL:
        ref, why = _reference(phrase, mentions, actors)
        if ref is not None:
            kind = by_id[ref].kind if ref in by_id else "unknown"
            return Speaker(ref, name, s, e, kind, "actors: " + why)
        return _pronoun(head, mentions, by_id, previous, name, s, e)
    mention = _mention_at(head, mentions)
    if mention is not None and mention.actor is not None:
        actor = _full_name(by_id.get(mention.actor), actors, head.idx)
        if actor is not None:
            return Speaker(actor.id, name, s, e, actor.kind, "mention")
        return Speaker(mention.actor, name, s, e, "unknown", "mention")
    if head.pos_ == "PROPN" and head.lower_ not in _ORG_HEADS:
        actor = _by_surname(head.text, actors, head.idx)
        if actor is not None:
            return Speaker(actor.id, name, s, e, actor.kind, "surname")
        kind = "person" if phrase[0].pos_ == "PROPN" and len(phrase) <= 4 else "organisation"
        return Speaker(actor_key(kind, _bare(phrase)), name, s, e, kind, "name, no mention")
    ref, why = _reference(phrase, mentions, actors)
    if ref is not None and phrase[0].lower_ in _DEFINITE:
        kind = by_id[ref].kind if ref in by_id else "unknown"
        return Speaker(ref, name, s, e, kind, "actors: " + why, head.lemma_.lower())
    return _description(phrase, previous, name, s, e, article)


def _reference(
    phrase: SpacySpan, mentions: Sequence[Mention], actors: Sequence[Actor]
) -> tuple[str | None, str]:
    """The actors module's resolver (pronouns in reach, role phrases such as "the defense chief")."""
    span = ModelSpan("", phrase.start_char, phrase.end_char)
    return reference_with_reason(span, doc_text(phrase.doc), mentions, actors, phrase.doc)


def _pronoun(
    head: Token,
    mentions: Sequence[Mention],
    by_id: dict[str, Actor],
    previous: Sequence[Speaker],
    name: str,
    s: int,
    e: int,
) -> Speaker:
    personal = head.lower_ in _PERSONAL
    # 1. the subject of the sentence, earlier in it: "Xi said …, who he said was …"
    root = sent_of(head).root
    for child in children(root):
        if child.dep_ == "nsubj" and child.i < head.i and child.lower_ not in _PERSONAL | _PLURAL:
            m = _mention_at(child, mentions)
            if m is not None and m.actor is not None and (not personal or m.label == "PERSON"):
                actor = _full_name(by_id.get(m.actor), list(by_id.values()), child.idx)
                if actor is not None:
                    return Speaker(actor.id, name, s, e, actor.kind, "pronoun: subject of the sentence")
    # 2. the previous speaker, if near and of the right kind
    for prev in reversed(previous):
        if prev.start >= s or s - prev.end > _REACH:
            continue
        if prev.actor is not None and (not personal or prev.kind in ("person", "unknown")):
            return Speaker(prev.actor, name, s, e, prev.kind, "pronoun: previous speaker")
        break
    # 3. the most recent person named before it, preferring one that was a subject
    if personal:
        before = [m for m in mentions if m.label == "PERSON" and m.span.end <= s and m.actor]
        subjects = [m for m in before if _is_subject(head, m)]
        if before:
            m = (subjects or before)[-1]
            actor = _full_name(by_id.get(m.actor or ""), list(by_id.values()), m.span.start)
            if actor is not None:
                return Speaker(actor.id, name, s, e, actor.kind, "pronoun: last person named")
    return Speaker(None, name, s, e, "unknown", "pronoun: unresolved")


def _description(
    phrase: SpacySpan, previous: Sequence[Speaker], name: str, s: int, e: int, article: str
) -> Speaker:
    head = phrase.root
    lemma = head.lemma_.lower()
    definite = phrase[0].lower_ in _DEFINITE
    if definite:
        for prev in reversed(previous):
            if prev.start < s and s - prev.end <= _REACH * 2 and prev.head == lemma and prev.actor:
                return Speaker(prev.actor, name, s, e, prev.kind, "description: earlier speaker", lemma)
    kind = "organisation" if lemma in _ORG_HEADS else "unnamed"
    return Speaker(unnamed_id(_bare(phrase), article), name, s, e, kind, "unnamed source", lemma)


def _bare(phrase: SpacySpan) -> str:
    """The phrase without a leading article, so "a US official" and "the US official" agree."""
    words = phrase.text.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def _is_subject(tok: Token, m: Mention) -> bool:
    span = tok.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")


def _mention_at(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    for m in mentions:
        if m.span.start <= tok.idx < m.span.end:
            return m
    return None


def _full_name(actor: Actor | None, actors: Sequence[Actor], pos: int) -> Actor | None:
    """A one-word person ("Dollar", "Xi") upgraded to the full name it abbreviates."""
    if actor is None or len(actor.name.split()) > 1:
        return actor
    return _by_surname(actor.name, actors, pos) or actor


def _by_surname(word: str, actors: Sequence[Actor], pos: int) -> Actor | None:
    """A multi-word person whose first or last name is ``word``, preferring one named earlier."""
    word = word.lower()
    # one-word names of other people: a "name" holding one is an NER run-on ("Blinken Meets Xi")
    singles = {a.name.lower() for a in actors if a.kind == "person" and len(a.name.split()) == 1} - {word}
    hits = [
        a
        for a in actors
        if a.kind == "person"
        and len(a.name.split()) > 1
        and word in (a.name.split()[0].lower(), a.name.split()[-1].lower())
        and not singles & {w.lower() for w in a.name.split()}
    ]
    if not hits:
        return None
    hits.sort(key=lambda a: min((sp.start for sp in a.mentions), default=10**9) > pos)
    return hits[0]
