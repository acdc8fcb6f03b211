"""Cue verbs and the speaker phrase a cue governs, read from the spaCy parse.

The lexicon is the reporting-verb list of news style guides and of quote-attribution work
(Citron, PolNeAR's cue list), in lemma form. Direct quotes take the wider list (a quote can be
"hailed" or "denounced"); indirect quotes take only verbs that report speech, so that
"X believes that …" or "X hopes that …" is not made a quote.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .doc_index import entity_ending_at

__all__ = ["SPEECH_CUES", "DIRECT_CUES", "is_cue", "speaker_token", "speaker_phrase", "PRONOUNS"]

#: verbs that report speech or writing: enough on their own for an indirect quote
SPEECH_CUES = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "note",
        "write",
        "tweet",
        "post",
        "announce",
        "declare",
        "insist",
        "argue",
        "warn",
        "explain",
        "ask",
        "answer",
        "reply",
        "respond",
        "remark",
        "comment",
        "conclude",
        "acknowledge",
        "admit",
        "allege",
        "assert",
        "claim",
        "contend",
        "confirm",
        "deny",
        "emphasise",
        "emphasize",
        "stress",
        "suggest",
        "predict",
        "recall",
        "reiterate",
        "repeat",
        "complain",
        "caution",
        "observe",
        "point",
        "quip",
        "joke",
        "vow",
        "pledge",
        "promise",
        "testify",
        "concede",
        "boast",
        "lament",
        "report",
        "disclose",
        "reveal",
        "mention",
        "estimate",
        "maintain",
        "urge",
    ]
)
#: verbs that can carry a direct (often partial) quote besides the speech verbs
DIRECT_CUES = SPEECH_CUES | frozenset(
    [
        "describe",
        "call",
        "characterise",
        "characterize",
        "accuse",
        "blame",
        "praise",
        "hail",
        "condemn",
        "denounce",
        "criticise",
        "criticize",
        "dismiss",
        "question",
        "welcome",
        "express",
        "decry",
        "slam",
        "put",
        "speak",
        "indicate",
        "signal",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "his", "her"])
_SUBJ = ("nsubj", "csubj")
_INHERIT = ("advcl", "xcomp", "conj", "pcomp", "acl")
_RELATIVE = frozenset(["who", "which", "that", "whom"])
_INVERTED = ("nsubj", "dobj", "attr", "npadvmod", "appos", "oprd")
# verbs news inverts after a quote ("…,” said Austin); "told" never inverts (its object is the hearer)
_INVERTIBLE = frozenset(
    [
        "say",
        "add",
        "write",
        "tweet",
        "state",
        "explain",
        "note",
        "ask",
        "reply",
        "respond",
        "insist",
        "argue",
        "warn",
        "recall",
    ]
)
_NP_LEFT = ("det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod", "case", "prep")
_NP_RIGHT_PREP = frozenset(["of", "at", "for", "from", "in"])


def is_cue(token: Token, lexicon: frozenset[str] = DIRECT_CUES) -> bool:
    """A verb whose lemma reports speech; "according (to)" counts as a cue too."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon


def speaker_token(cue: Token, depth: int = 0) -> Token | None:
    """The head token of whoever the cue says spoke, following the parse.

    Order: "according to X"; the agent of a passive ("denounced by X"); the subject; an
    inverted subject after the verb ("said Austin"); the subject of the verb this one hangs
    off ("…, saying: …" takes the subject of the main verb).
    """
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    for child in cue.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in cue.children:
        if child.dep_ in _SUBJ:
            if child.lower_ in _RELATIVE and cue.dep_ == "relcl":
                return cue.head
            adjacent = _set_off_speaker(cue)
            return adjacent if adjacent is not None and child.i < adjacent.i else _named(child)
    if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and depth < 3:
        # "was quoted as saying …", "… before saying …": the subject of the verb the phrase hangs on
        verb = cue.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _named(subj)
    across = _across_paragraph(cue)
    if across is not None:
        return across
    if _inverted_position(cue):
        for child in cue.rights:
            if child.dep_ in _INVERTED and child.pos_ in ("PROPN", "NOUN") and child.i - cue.i <= 4:
                return child
    if cue.dep_ in _INHERIT and depth < 3 and cue.head is not cue:
        if cue.dep_ == "acl" and cue.tag_ == "VBN":  # "talks described as …": no speaker
            return None
        # "…, while adding that …": the speaker is the subject of the reporting verb above,
        # when there is one, not of whichever clause the parser hung the participle on
        above = cue.head
        for _ in range(4):
            if above is not cue and is_cue(above, SPEECH_CUES):
                return speaker_token(above, depth + 1)
            if above.head is above:
                break
            above = above.head
        return speaker_token(cue.head, depth + 1)
    return None


def _named(subject: Token) -> Token:
    """ "The company's chief executive, Jane Smith, said": the name in apposition, not the title."""
    if subject.pos_ == "PROPN":
        return subject
    name = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return name if name is not None else subject


def _set_off_speaker(cue: Token) -> Token | None:
    """ "…, the State Department said." names its speaker right before the verb, whatever
    the parser made the subject (it often picks a name from a list earlier in the sentence)."""
    doc = cue.doc
    if cue.lemma_.lower() not in _INVERTIBLE or cue.i == 0 or cue.i + 1 >= len(doc):
        return None
    prev = doc[cue.i - 1]
    if prev.pos_ not in ("PROPN", "NOUN") or doc[cue.i + 1].text not in (".", ",", ";"):
        return None
    phrase = speaker_phrase(prev)
    if phrase.end != cue.i or phrase.start == 0 or doc[phrase.start - 1].text != ",":
        return None
    return prev


def _across_paragraph(cue: Token) -> Token | None:
    """The parser sometimes hangs a paragraph's verb on the previous line ("The News\n\nThe
    State Department announced …"); the noun right before the verb is then its subject."""
    doc = cue.doc
    lo, hi = sorted((cue.head.i, cue.i))
    if not any("\n" in doc[i].text for i in range(lo, hi)) or cue.i == 0:
        return None
    prev = doc[cue.i - 1]
    return prev if prev.pos_ in ("PROPN", "NOUN") else None


def _inverted_position(cue: Token) -> bool:
    """ "said Austin" only right after a quote or comma: "…,” said Austin" / "…, said Austin"."""
    if cue.lemma_.lower() not in _INVERTIBLE or cue.i == 0:
        return False
    prev = cue.doc[cue.i - 1]
    return prev.is_punct or prev.is_quote


def speaker_phrase(tok: Token) -> SpacySpan:
    """The words naming the speaker: its entity when it heads one, else its noun phrase.

    Appositions and relative clauses are left out ("David Dollar, a senior fellow …" is
    "David Dollar"); "of"-phrases and post-modifiers stay ("people familiar with the matter").
    """
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        ent = entity_ending_at(doc, tok.i)
        if ent is not None:
            return _clip(_with_title(ent), tok)
    start = tok.i
    for left in tok.lefts:
        if left.dep_ in _NP_LEFT and left.pos_ != "PUNCT":
            start = min(start, left.left_edge.i)
    end = tok.i + 1
    for right in tok.rights:
        if (right.dep_ == "prep" and right.lower_ in _NP_RIGHT_PREP) or right.dep_ == "amod":
            end = max(end, right.right_edge.i + 1)
        elif right.dep_ == "compound" or (right.dep_ == "flat" and right.pos_ == "PROPN"):
            end = max(end, right.i + 1)
        else:
            break
    return _clip(doc[start:end], tok)


def _clip(span: SpacySpan, tok: Token) -> SpacySpan:
    """Never reach back over a paragraph break, nor start on punctuation."""
    doc = span.doc
    start, end = span.start, span.end
    for i in range(tok.i - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _with_title(ent: SpacySpan) -> SpacySpan:
    """Keep an honorific spaCy left outside the entity: "Mr. Xi", "Ms. Yellen"."""
    prev = ent.start - 1
    if prev >= 0 and ent.doc[prev].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "prof"):
        return ent.doc[prev : ent.end]
    return ent
