"""Who a stretch of text refers to: helpers for the quote and event stages.

``actor_at`` finds the resolved mention at a span; ``resolve_reference`` resolves any span (a
name, a pronoun, a role phrase such as "the defense chief", "the official") to an actor id,
and ``reference_with_reason`` also says why. Pronouns resolve only where one person is in
reach (this and the previous sentence), or one of several is the grammatical subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ...knowledge import load_knowledge
from ...model import Actor, Mention, Span
from ...words import PERSON_PRONOUNS
from ..nlp import sentences
from .keys import name_key
from .roles import title_category

__all__ = ["actor_at", "resolve_reference", "reference_with_reason", "resolve_pronoun", "resolve_role"]

_PRONOUNS = PERSON_PRONOUNS | {"himself", "herself"}
_SENT_END = re.compile(r"(?<![A-Z])[.!?][”\"’]?\s+(?=[“\"A-Z])|\n+")


def actor_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The resolved mention covering most of ``[start, end)``; ties go to the earliest."""
    best, best_overlap = None, 0
    for m in mentions:
        if m.actor is None or m.span.end <= start or m.span.start >= end:
            continue  # no overlap: never more than none
        overlap = min(end, m.span.end) - max(start, m.span.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def resolve_reference(
    span: Span, text: str, mentions: Sequence[Mention], actors: Sequence[Actor], doc: Doc | None = None
) -> str | None:
    """The actor id a span of ``text`` (the article's text) refers to, or None when unsure."""
    return reference_with_reason(span, text, mentions, actors, doc)[0]


_THE_SOURCE = re.compile(r"^the (?:official|diplomat|spokesperson|spokesman|spokeswoman|aide|source)$")


def reference_with_reason(
    span: Span, text: str, mentions: Sequence[Mention], actors: Sequence[Actor], doc: Doc | None = None
) -> tuple[str | None, str]:
    """Like ``resolve_reference``, with the reason in words."""
    hit = actor_at(mentions, span.start, span.end)
    if hit is not None:
        return hit.actor, f"mention '{hit.text}'"
    phrase = text[span.start : span.end].strip()
    low = phrase.lower()
    if low in _PRONOUNS:
        return resolve_pronoun(span.start, text, mentions, actors, doc)
    if _THE_SOURCE.match(low):
        prior = [m for m in mentions if m.label == "UNNAMED" and m.actor and m.span.end <= span.start]
        return (
            (prior[-1].actor, "last unnamed source before it")
            if prior
            else (None, "no unnamed source before it")
        )
    by_id = {a.id: a for a in actors}
    key = name_key(phrase)
    for a in actors:
        if a.kind == "person" and key in {name_key(x) for x in (a.name, *a.aliases)}:
            return a.id, f"name '{phrase}' is an alias of {a.name}"
    words = [a for a in actors if a.kind == "person" and key and key in name_key(a.name).split()]
    if len(words) == 1:
        return words[0].id, f"'{phrase}' is part of the name {words[0].name}"
    return resolve_role(phrase, span.start, mentions, by_id, None)


def resolve_pronoun(
    pos: int, text: str, mentions: Sequence[Mention], actors: Sequence[Actor], doc: Doc | None = None
) -> tuple[str | None, str]:
    """A third-person pronoun at ``pos``: the one person in reach, else the one subject."""
    persons = {a.id for a in actors if a.kind == "person" and a.sector != "MED"}
    window = _previous_sentence_start(pos, text, doc)
    near = [m for m in mentions if m.actor in persons and window <= m.span.start < pos]
    ids = list(dict.fromkeys(m.actor for m in near if m.actor))
    if len(ids) == 1:
        return ids[0], "pronoun: the only person in this and the previous sentence"
    if len(ids) > 1 and doc is not None:
        subj = []
        for m in near:
            toks = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if toks is not None and toks.root.dep_ in ("nsubj", "nsubjpass"):
                subj.append(m.actor)
        subj_ids = list(dict.fromkeys(subj))
        if len(subj_ids) == 1:
            return subj_ids[0], "pronoun: the only person who is a subject in reach"
    return None, f"pronoun: {len(ids)} people in reach, ambiguous" if ids else "pronoun: nobody in reach"


_PAST_TITLE = re.compile(r"\b(?:former|then)\b")


def resolve_role(
    phrase: str,
    pos: int,
    mentions: Sequence[Mention],
    actors: dict[str, Actor],
    date: str | None,
) -> tuple[str | None, str]:
    """A role phrase ("the U.S. defense chief"): first a person the article states holds that
    office (the latest before it), then a named person the knowledge file says held it on
    ``date``, and only as a last resort the knowledge file's office holder, never when the
    article states that someone else holds the office."""
    kn = load_knowledge()
    category, _ = title_category(_core(phrase), kn)
    if category is None:
        return None, f"'{phrase}' names no office"
    country = _country_in(phrase)
    stated: dict[str, Actor] = {}
    known: dict[str, Actor] = {}
    filled: dict[str, Actor] = {}  # never named: an earlier role phrase's knowledge fill
    for a in actors.values():
        if a.kind != "person":
            continue
        for r in a.roles:
            if r.source not in ("text", "knowledge") or _PAST_TITLE.search(r.title):
                continue
            cat, _ = title_category(r.title, kn)
            if cat != category:
                continue
            if r.source == "text" and (country is None or r.country in (None, country)):
                stated[a.id] = a  # a stated title without a country does not rule the person out
            elif r.source == "knowledge" and (country is None or r.country == country):
                (known if a.aliases else filled)[a.id] = a
    # A stated title with another country is someone else's office ("China's foreign minister").
    stated = {
        k: a
        for k, a in stated.items()
        if country is None
        or a.country in (None, country)
        or any(r.country == country for r in a.roles if r.source == "text")
    }
    tiers = (
        (stated, "stated in this article"),
        (known, "by the knowledge file, and named in this article"),
        (filled, "as an earlier role phrase was read"),
    )
    for holders, why in tiers:
        if not holders:
            continue
        last = None
        for m in mentions:
            if m.actor in holders and m.span.start < pos:
                last = m.actor
        chosen = last or next(iter(holders))
        many = f" (nearest of {len(holders)})" if len(holders) > 1 else ""
        return chosen, f"role phrase: {holders[chosen].name} holds {category} office, {why}{many}"
    if date and country:
        holder = kn.holder(country, category, date)
        if holder:
            return "person:" + _slug(holder.name), (
                f"knowledge fill (last resort, no holder named in the article): {holder.name} held"
                f" {category} office of {country} on {date} ({holder.source})"
            )
    return None, f"role phrase '{phrase}': no holder found"


def _slug(text: str) -> str:
    from ...knowledge import slug

    return slug(text)


#: What ``_core`` strips off the front of a role phrase, in order.
_LEAD_DETERMINER = re.compile(r"^(?:the|his|her|its|their)\s+", re.I)
_LEAD_OWNER = re.compile(r"^\S+['’]s\s+")
_LEAD_RANK = re.compile(r"^(?:top|chief|senior|new)\s+(?=\w+ \w+)")


def _core(phrase: str) -> str:
    p = _LEAD_DETERMINER.sub("", phrase.strip())
    p = _LEAD_OWNER.sub("", p)
    return _LEAD_RANK.sub("", p)


def _country_in(phrase: str) -> str | None:
    kn = load_knowledge()
    for w in re.findall(r"[\w.’'-]+", phrase):
        c = kn.country_word(w)
        if c:
            return c.iso3
    return None


def _previous_sentence_start(pos: int, text: str, doc: Doc | None) -> int:
    if doc is not None:
        sents = sentences(doc)
        k = sents.count_starting_by(pos)
        return sents.starts[k - 2] if k >= 2 else 0
    ends = [m.end() for m in _SENT_END.finditer(text, max(0, pos - 600), pos)]
    return ends[-2] if len(ends) >= 2 else max(0, pos - 600)
