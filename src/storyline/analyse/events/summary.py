"""A short, readable summary of an event: its actor and the clause that states it.

"Arif Santoso pressed for a faster process for returning seized boats" says more than the bag of
parts "Arif Santoso pressed". The clause is cut from the parse: the trigger's verb phrase with its
object or complement, without the time expression (the timeline shows the date), subordinate and
coordinated clauses, or renaming appositives; the subject is replaced by the resolved actor's name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..nlp import doc_text
from ..tokens import children, flags, offsets, subtree

__all__ = ["summary_of", "object_phrase", "informative"]

#: Words kept in a summary; a news headline runs about ten to fourteen words.
SUMMARY_WORDS = 14
#: Children that start another clause or restate the event: not part of its summary.
_DROP = frozenset(
    {"nsubj", "nsubjpass", "csubj", "advcl", "conj", "cc", "mark", "punct", "appos", "npadvmod", "parataxis"}
)
#: Below the top clause a subject belongs to reported content ("said the hotline showed ...").
_DROP_BELOW = _DROP - {"nsubj", "nsubjpass", "csubj", "mark"}
_BEFORE = frozenset({"aux", "auxpass", "neg", "advmod"})
#: Relative and question words: "who said", "when traveled", "which were cut off".
_WH = frozenset({"WDT", "WP", "WRB", "WP$"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
#: Prepositions whose object is what a content verb acts on: "pressed for X", "called on X".
_CONTENT_PREPS = frozenset({"for", "on", "against", "to", "with", "over", "about"})


def object_phrase(trigger: Token) -> Token | None:
    """The head of what a verb acts on: its object, "pressed for X", or the noun a relative
    clause hangs off ("a charge Australia rejected")."""
    for deps in (("dobj",), ("xcomp", "ccomp")):
        for c in children(trigger):
            if c.dep_ in deps and (c.i > trigger.i or deps == ("dobj",)):
                return c  # a clause before the verb is not its object ("X accused Y, a charge Z rejected")
    for c in children(trigger):
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
            pobj = next((g for g in children(c) if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
    if trigger.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in children(trigger)):
        return trigger.head
    return None


def _never(i: int) -> bool:
    """``_phrase``'s default: no token skipped beyond ``skip``."""
    return False


def informative(head: Token, skip: set[int]) -> bool:
    """Whether an object phrase says something on its own: more than "a charge" or "it"."""
    words = [t for t in _phrase(head, skip) if t.pos_ in _CONTENT_POS]
    return len(words) >= 2


def summary_of(trigger: Token, source: str | None, skip: set[int]) -> str:
    """Actor name + the trigger's clause, verbatim, without the tokens in ``skip`` (dates)."""
    verb = trigger
    # before the verb only its auxiliaries: a quote or clause in front is not its object; and
    # nothing from another line (a headline the parser ran into the first sentence)
    before = {
        t.i
        for c in children(verb)
        if c.i < verb.i and (c.dep_ not in _BEFORE or c.tag_ in _WH)
        for t in subtree(c)
    }
    doc = verb.doc
    text = doc_text(doc)
    lo, hi = text.rfind("\n", 0, verb.idx), text.find("\n", verb.idx)
    starts, space = offsets(doc), flags(doc, "IS_SPACE")

    def other(i: int) -> bool:
        """Whether token ``i`` lies on another line than the verb, or is a space. Asked only of
        the tokens the phrases visit, all in the verb's subtree: no subtree need be built."""
        return starts[i] < lo or (hi >= 0 and starts[i] > hi) or space[i]

    toks = _phrase(verb, skip | before, other)
    if source is None:
        subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ not in _WH:
            toks = sorted([*_phrase(subj, skip, other), *toks], key=lambda t: t.i)
    named = _antecedents(verb, toks)
    if named:
        # "who he said was": the pronoun is the subject of the clause after the verb; its name
        # goes there ("said Bill Gates was")
        ahead = [t for t in toks if t.i in named and t.i < verb.i and t.head.i > verb.i]
        rest = [t for t in toks if t not in ahead]
        at = next((k + 1 for k, t in enumerate(rest) if t.i == verb.i), len(rest))
        toks = [*rest[:at], *ahead, *rest[at:]]
    words = _words(toks, named)
    if source:
        words = [source, *words]
    cut = words[:SUMMARY_WORDS]
    text = " ".join(cut).rstrip(",;:—–-")
    return text + (" …" if len(words) > SUMMARY_WORDS else "")


def _phrase(head: Token, skip: set[int], also: Callable[[int], bool] = _never) -> list[Token]:
    """``head`` and its dependents, minus other clauses, punctuation and skipped tokens (those in
    ``skip`` or that ``also`` holds for; a preposition whose object is skipped goes too: "on
    Tuesday"), in text order."""
    out: list[Token] = []
    _gather(head, skip, also, True, out)
    return sorted(out, key=lambda t: t.i)


def _gather(head: Token, skip: set[int], also: Callable[[int], bool], top: bool, out: list[Token]) -> None:
    """Add ``head`` and the dependents ``_phrase`` keeps to ``out`` (sorted once, at the end)."""
    if head.i not in skip and not also(head.i):
        out.append(head)
    drop = _DROP if top else _DROP_BELOW
    for c in children(head):
        if c.dep_ in drop or c.i in skip or also(c.i):
            continue
        if c.dep_ == "prep" and any(g.i in skip or also(g.i) for g in children(c) if g.dep_ == "pobj"):
            continue
        _gather(c, skip, also, False, out)


def _antecedents(verb: Token, toks: list[Token]) -> dict[int, str]:
    """In a relative clause, its relative pronoun -> the name it stands for: "Bill Gates, who he
    said was a friend" is summarised "said Bill Gates was a friend", not "said who was"."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return {}
    head = verb.head
    name = sorted([head, *_compounds(head)], key=lambda t: t.i)
    return {t.i: " ".join(x.text for x in name) for t in toks if t.tag_ in ("WP", "WDT")}


def _compounds(tok: Token) -> list[Token]:
    found = [c for c in children(tok) if c.dep_ == "compound"]
    return [*found, *(g for c in found for g in _compounds(c))]


def _words(toks: list[Token], replace: dict[int, str] | None = None) -> list[str]:
    """The kept tokens as words, with the article's own spacing ("Australia's", not "Australia 's");
    ``replace``: other words for some tokens."""
    text = ""
    for k, t in enumerate(toks):
        joined = k + 1 < len(toks) and toks[k + 1].i == t.i + 1
        word = replace.get(t.i, t.text) if replace else t.text
        text += word + (t.whitespace_ if joined else " ")
    return text.split()
