"""Event titles a reader can use on a timeline, built from the event's own parts.

"Blinken meets Xi at the Great Hall of the People", "Finland's grant to Tanzania", "Blinken's trip
to Beijing announced": actor, act, counterpart and place, in headline grammar (present tense for
what happened, "to" + verb for what is planned). Never a clipped sentence: an active clause whose
subject is the event's own actor is kept as it stands (``summary_of``); a passive clause, a clause
without an actor and a noun event are rebuilt from their parts.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tokens import children, subtree
from .args import PLACE_NOUNS
from .ontology import LEMMA_SLIPS as _LEMMA_SLIPS

__all__ = ["title_of", "third_person"]

#: Nouns whose counterpart follows "to" ("visit to China"), or "against" ("attack on ..." reads
#: "against" in titles only when the text says so); other nouns take "with".
_NOUN_TO = frozenset(
    {
        "visit",
        "trip",
        "journey",
        "tour",
        "aid",
        "grant",
        "loan",
        "delegation",
        "mission",
        "apology",
        "offer",
        "ultimatum",
        "appeal",
        "donation",
        "assistance",
        "weapon",
        "weapons",
        "arms",
    }
)
_NOUN_AGAINST = frozenset(
    {
        "attack",
        "strike",
        "sanction",
        "protest",
        "accusation",
        "raid",
        "ban",
        "embargo",
        "offensive",
        "campaign",
        "boycott",
        "invasion",
        "threat",
    }
)
_PLANNED = frozenset({"planned", "hypothetical", "cancelled"})
_OBJECT_WORDS = 5
_PLACE_WORDS = 6


def third_person(lemma: str) -> str:
    """'meet' -> 'meets', 'reach' -> 'reaches', 'deny' -> 'denies'."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


#: Last words of group actors' names that take a plural verb ("Burundian rebels attack ...").
_PLURAL_GROUPS = frozenset({"rebels", "refugees", "protesters", "civilians", "police"})


def _present(lemma: str, src: str) -> str:
    """The present tense for the actor ``src``: "Burundian rebels attack", "Finland gives"."""
    return lemma if src.split()[-1].lower() in _PLURAL_GROUPS else third_person(lemma)


def _words(head: Token, limit: int) -> str:
    """A short noun phrase: the head with its compounds, adjectives, numbers and owner, without
    determiners or clauses ("Blinken's trip to Beijing", "a night curfew" -> "night curfew")."""
    keep = [head]
    for c in children(head):
        if c.dep_ in ("compound", "amod", "nummod", "poss", "case") or (
            c.dep_ == "prep" and c.lower_ in ("to", "of", "on")
        ):
            keep += [
                t for t in subtree(c) if t.dep_ not in ("det", "punct", "relcl", "acl") and t.pos_ != "PRON"
            ]
    toks = sorted(set(keep), key=lambda t: t.i)
    text = " ".join(t.text for t in toks).replace(" 's", "'s").replace(" ’s", "’s")
    return " ".join(text.split()[:limit])


def _text_prep(trigger: Token, tgt_at: int | None) -> str | None:
    """The preposition the text puts before the target ("an arrest warrant for Vladimir Putin")."""
    if tgt_at is None:
        return None
    for carrier in (trigger, trigger.head):
        for c in children(carrier):
            if c.dep_ in ("prep", "dative") and any(
                g.dep_ == "pobj" and any(t.idx == tgt_at for t in subtree(g)) for g in children(c)
            ):
                return c.lower_
    return None


#: Relative pronouns: "talks, which were cut off" names the talks by the noun it hangs off.
_RELATIVE = frozenset({"WDT", "WP"})


def _object(verb: Token) -> Token | None:
    for c in children(verb):
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            if c.tag_ in _RELATIVE and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head  # "which were cut off" -> "talks cut off"
            return c
    return None


def _place_phrase(trigger: Token, place: tuple[str, int, int] | None, title: str) -> str:
    if place is None or len(place[0].split()) > _PLACE_WORDS or place[0].lower() in title.lower():
        return ""
    doc = trigger.doc
    span = doc.char_span(place[1], place[2], alignment_mode="expand")
    prep = "in"
    if span is not None and span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        prep = doc[span.start - 1].lower_
    if trigger.lemma_.lower() in title.lower() and place[0].split()[-1].lower() == trigger.lower_:
        return ""  # "conference at the Munich conference"
    return f" {prep} {place[0]}"


def title_of(
    trigger: Token,
    src: str | None,
    tgt: str | None,
    mode: str,
    place: tuple[str, int, int] | None,
    own_place: bool = True,
    tgt_at: int | None = None,
    intended: bool = False,
) -> str:
    """The title of the event ``trigger`` states, from its parts. ``own_place`` is False when the
    target already stands for the place (the state of the town it happened in); ``tgt_at`` is
    where the target's words start in the text; ``intended`` marks an act only threatened, intended
    or demanded ("Greece to impose restrictions"). An empty title means the parts say too little."""
    lemma = trigger.lemma_.lower()
    head = trigger.head
    if trigger.pos_ not in ("VERB", "AUX") and src and trigger.dep_ == "dobj" and head.pos_ == "VERB":
        # a noun a light verb carries: "Türkiye imposes curfew", "Greece to impose restrictions on ..."
        verb = _LEMMA_SLIPS.get(head.lemma_.lower(), head.lemma_.lower())
        act = f"to {verb}" if intended or mode in _PLANNED else _present(verb, src)
        title = f"{src} {act} {_words(trigger, _OBJECT_WORDS)}"
        if tgt and tgt.lower() not in title.lower():
            prep = _text_prep(trigger, tgt_at) or (
                "to" if lemma in _NOUN_TO else "on" if lemma in _NOUN_AGAINST else "with"
            )
            title += f" {prep} {tgt}"
        if own_place or not tgt:
            title += _place_phrase(trigger, place, title)
        return title[:1].upper() + title[1:]
    if trigger.pos_ in ("VERB", "AUX"):
        prt = next((c.text for c in children(trigger) if c.dep_ == "prt"), "")
        verb = " ".join(x for x in (lemma, prt) if x)
        obj = _object(trigger)
        words = _words(obj, _OBJECT_WORDS) if obj is not None else ""
        what = (tgt or words) if src else (words or tgt or "")
        if src:
            planned = intended or mode in _PLANNED
            act = f"to {verb}" if planned else _present(lemma, src) + (f" {prt}" if prt else "")
            title = " ".join(x for x in (src, act, what) if x)
        elif what:
            done = trigger.text if trigger.tag_ in ("VBD", "VBN") else lemma
            title = f"{what} {done}" + (f" {prt}" if prt else "")
        else:
            return ""  # no actor, no object: the caller keeps the clause ("arrived in Beijing")
    else:
        noun = trigger.text.lower() if trigger.text[:1].islower() else trigger.text
        mods = " ".join(
            c.text
            for c in children(trigger)
            if c.dep_ in ("amod", "compound") and c.i < trigger.i and c.text[:1].islower()
        )
        noun = f"{mods} {noun}".strip()
        prep = "to" if lemma in _NOUN_TO else "against" if lemma in _NOUN_AGAINST else "with"
        phrase = None
        if tgt_at is not None:  # "attack on Gaza": the text's own preposition
            for c in children(trigger):
                for g in children(c) if c.dep_ == "prep" else ():
                    if g.idx == tgt_at:
                        prep = c.lower_
                    elif (
                        g.dep_ == "pobj"
                        and g.pos_ == "NOUN"
                        and not g.ent_type_
                        and g.lemma_.lower() not in PLACE_NOUNS
                        and any(t.idx == tgt_at for t in subtree(g))
                    ):
                        # "the downing of a Chinese balloon": the target owns the thing acted on
                        prep, phrase = c.lower_, _words(g, _OBJECT_WORDS)
        title = f"{src}'s {noun}" if src else noun
        if phrase and phrase.lower() not in title.lower():
            title += f" {prep} {phrase}"
        elif tgt and tgt.lower() not in title.lower():
            title += f" {prep} {tgt}"
    if own_place or not tgt:
        title += _place_phrase(trigger, place, title)
    return title[:1].upper() + title[1:]
