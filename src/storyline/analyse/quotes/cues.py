"""Cue verbs, the speaker phrase a cue governs and the words it reports, read from the spaCy parse.

The lexicon is the reporting-verb list of news style guides and of quote-attribution work
(Citron, PolNeAR's cue list), in lemma form. Direct quotes take the wider list (a quote can be
"hailed" or "denounced"); indirect quotes take only verbs that report speech, so that
"X believes that …" or "X hopes that …" is not made a quote.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import doc_text, entity_ending_at
from ..tokens import children, column, heads, offsets, sent_of, subtree

__all__ = [
    "SPEECH_CUES",
    "DIRECT_CUES",
    "is_cue",
    "may_be_cue",
    "speaker_token",
    "speaker_phrase",
    "reported_content",
]

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


def may_be_cue(doc: Doc, lexicon: frozenset[str] = DIRECT_CUES) -> list[int]:
    """The tokens ``is_cue`` may hold for, in order, read from the Doc's columns: "according", and
    verbs whose lemma is in ``lexicon``."""
    lower, pos, lemma = column(doc, "lower"), column(doc, "pos"), column(doc, "lemma")
    return [
        i
        for i, p in enumerate(pos)
        if lower[i] == "according" or (p in ("VERB", "AUX") and lemma[i].lower() in lexicon)
    ]


def is_cue(token: Token, lexicon: frozenset[str] = DIRECT_CUES) -> bool:
    """A verb whose lemma reports speech; "according (to)" counts as a cue too."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in children(token)):
        return True
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon


def speaker_token(cue: Token, depth: int = 0) -> Token | None:
    """The head token of whoever the cue says spoke, following the parse.

    Order: "according to X"; the agent of a passive ("denounced by X"); the subject; an
    inverted subject after the verb ("said Austin"); the subject of the verb this one hangs
    off ("…, saying: …" takes the subject of the main verb).
    """
    if cue.lower_ == "according":
        for to in children(cue):
            if to.lower_ == "to":
                return next((c for c in children(to) if c.dep_ == "pobj"), None)
        return None
    for child in children(cue):
        if child.dep_ == "agent":
            pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in children(cue):
        if child.dep_ in _SUBJ:
            if child.lower_ in _RELATIVE and cue.dep_ == "relcl":
                # "McConnell, now the majority leader, who said …": the name the title stands for
                head = cue.head
                return _named(head.head) if head.dep_ == "appos" and head.head.pos_ == "PROPN" else head
            adjacent = _set_off_speaker(cue)
            return adjacent if adjacent is not None and child.i < adjacent.i else _named(child)
    if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and depth < 3:
        # "was quoted as saying …", "… before saying …": the subject of the verb the phrase hangs on
        verb = cue.head.head
        subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _named(subj)
    across = _across_paragraph(cue)
    if across is not None:
        return across
    if _inverted_position(cue):
        for child in cue.rights:
            if child.dep_ in _INVERTED and child.pos_ in ("PROPN", "NOUN") and child.i - cue.i <= 4:
                return child
    if cue.dep_ in _INHERIT and depth < 3 and cue.head.i != cue.i:
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
    name = next((c for c in children(subject) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
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


# --------------------------------------------------------------------------- reported words


def reported_content(doc: Doc, cue: Token) -> SpacySpan | None:
    """The reported words: the clausal complement of the cue, or the clause that
    "according to X" is attached to, without "that" and edge punctuation."""
    if cue.lower_ == "according":
        return _according_content(doc, cue)
    comps = [c for c in children(cue) if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > cue.i and not _coordinated(cue, c)), None)
    if comp is None:
        comp = next((c for c in comps if _reported_before(c, cue)), None)
    if comp is None:
        span = _that_clause(doc, cue) or _parenthetical(doc, cue)
        return None if span is None else _trim(_in_paragraph(span, cue))
    lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    if comp.i > cue.i:
        lo = max(lo, cue.i + 1)
    else:
        hi = min(hi, cue.i)
    span = doc[lo:hi]
    if len(span) and span[0].lower_ == "that" and span[0].dep_ == "mark":
        span = doc[lo + 1 : hi]
    if len(span) and span[0].tag_ in ("WRB", "WP", "WDT") and cue.lemma_ != "ask":
        return None  # "explain why …", "know what …": not what was said
    return _trim(_in_paragraph(_without_setting(span, comp), cue))


def _according_content(doc: Doc, cue: Token) -> SpacySpan | None:
    """The clause "according to X" is set off from, before or after it in the sentence."""
    sent = sent_of(cue)
    first, last = sent.start, sent.end
    while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1  # "… attended.\n\n": the sentence's final stop and line break
    while first < last and (doc[first].is_punct or doc[first].is_space) and not doc[first].is_quote:
        first += 1
    toks = list(subtree(cue))
    lo, hi = toks[0].i, toks[-1].i + 1
    if hi >= last:
        span = doc[first:lo]
    elif lo <= first:
        span = doc[hi : sent.end]
    else:
        return None
    return _trim(_in_paragraph(span, cue))


def _coordinated(cue: Token, comp: Token) -> bool:
    """ "announced the trip, and by then officials were …": the parser made the next clause of a
    coordination the complement; a conjunction between the verb and the clause gives it away."""
    dep, head_of = column(cue.doc, "dep"), heads(cue.doc)
    between = range(cue.i + 1, comp.left_edge.i)
    return any(dep[i] == "cc" and head_of[i] in (cue.i, comp.i) for i in between)


# what may stand between a speech verb and "that" when the parser lost the complement:
# "said at the time that …", "told reporters on Monday that …"
_BEFORE_THAT = ("prep", "pobj", "npadvmod", "advmod", "dobj", "dative", "det", "amod", "compound", "poss")


def _that_clause(doc: Doc, cue: Token) -> SpacySpan | None:
    """ "X said at the time that …" parsed as a relative clause of "time": the words after the
    "that" that follows the verb's adjuncts, to the end of the sentence."""
    sent = sent_of(cue)
    for i in range(cue.i + 1, min(sent.end, cue.i + 10)):
        tok = doc[i]
        if tok.lower_ == "that" and i > cue.i + 1 and tok.dep_ in ("mark", "advmod", "nsubj", "det", "dobj"):
            if i + 1 < sent.end and doc[i + 1].pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"):
                return doc[i + 1 : sent.end]
            return None
        if tok.dep_ not in _BEFORE_THAT or tok.is_punct:
            return None
    return None


def _parenthetical(doc: Doc, cue: Token) -> SpacySpan | None:
    """ "If the talks fail, Lee said, nobody will notice": a cue set off by commas inside the
    clause it reports. The reported words are the clause after it when that clause has its own
    subject, else the whole clause, the attribution inside it ("The plan, Lee said, would cost
    $2bn": a span has to be contiguous)."""
    if cue.dep_ != "parataxis" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    clause = cue.head
    right = max(t.i for t in subtree(cue))
    if clause.i < cue.i or right + 1 >= len(doc) or (doc[right].text != "," and doc[right + 1].text != ","):
        return None
    after = right + 1 if doc[right].text == "," else right + 2
    subj = next((c for c in children(clause) if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.i >= after:
        return doc[after : clause.right_edge.i + 1]
    return doc[clause.left_edge.i : clause.right_edge.i + 1]


# adjuncts the parser hangs on the reported clause that belong to the telling:
# "told X that …, during a meeting at the palace"
_SETTING = frozenset(["during", "at", "after", "before", "on", "in", "while", "amid"])


def _without_setting(span: SpacySpan, comp: Token) -> SpacySpan:
    """Cut a trailing ", during a 75-minute meeting …" off the reported words."""
    doc = span.doc
    for child in comp.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in _SETTING
            and span.start < child.i - 1
            and doc[child.i - 1].text == ","
            and child.right_edge.i + 1 >= span.end - 1
        ):
            return doc[span.start : child.i - 1]
    return span


def _reported_before(comp: Token, cue: Token) -> bool:
    """A complement before its cue is reported only when a comma sets the attribution off:
    "…, a senior official said." / "That, Dollar said, could …" (not "…: officials said …")."""
    right = comp.right_edge.i
    return (right + 1 < cue.i and cue.doc[right + 1].text == ",") or cue.doc[right].text == ","


def _in_paragraph(span: SpacySpan, cue: Token) -> SpacySpan:
    """Clip to the cue's paragraph: the parser runs sentences across headings and line breaks."""
    doc, text, starts = span.doc, doc_text(span.doc), offsets(span.doc)
    lo, hi = span.start, span.end
    # the last line break in the tokens (with their trailing space) from ``lo`` up to the cue
    brk = text.rfind("\n", starts[lo], starts[cue.i]) if lo < cue.i else -1
    if brk >= 0:
        lo = bisect_right(starts, brk)  # the token after the one holding it
    # the first line break in the tokens from the cue to ``hi``
    end = starts[hi] if hi < len(starts) else len(text)
    brk = text.find("\n", starts[cue.i], end) if cue.i < hi else -1
    if brk >= 0:
        i = bisect_right(starts, brk) - 1
        hi = i if brk < starts[i] + len(doc[i]) else i + 1  # in the token's words, or after them
    return doc[lo:hi]


def _trim(span: SpacySpan) -> SpacySpan | None:
    doc = span.doc
    lo, hi = span.start, span.end
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in '“"‘':
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in '”"’':
        hi -= 1
    return doc[lo:hi] if hi > lo else None
