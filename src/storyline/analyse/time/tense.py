"""Tense and mode of a clause, read off the dependency parse.

Dates need to know whether a clause talks about the future ("plans to leave on Friday" names the
coming Friday); events need the mode (happened, planned, cancelled, denied, hypothetical).
Both are decided from the verb that governs a token, so they live together here.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tokens import children

__all__ = ["governing_verb", "is_future", "clause_tense", "mode_of", "FUTURE_HEADS", "CANCEL_LEMMAS"]

#: Verbs whose infinitive complement describes something not yet done ("expected to meet").
FUTURE_HEADS = frozenset(
    {
        "plan",
        "expect",
        "set",
        "schedule",
        "intend",
        "aim",
        "prepare",
        "due",
        "go",
        "propose",
        "promise",
        "vow",
        "pledge",
        "invite",
        "likely",
        "poise",
        "slate",
        "able",
    }
)
#: Heads that turn their complement into a wish, not a fact ("hopes to visit China").
HOPE_HEADS = frozenset({"hope", "wish", "want", "seek", "try", "like", "would", "consider", "urge", "ask"})
CANCEL_LEMMAS = frozenset(
    {
        "cancel",
        "postpone",
        "scrap",
        "delay",
        "reschedule",
        "call",
        "abandon",
        "defer",
        "suspend",
        "shelve",
        "halt",
    }
)
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "gonna"})
_MODAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must", "'d"})
_FIRSTS = frozenset({"first", "last", "only", "second", "third", "latest"})
#: Heads whose infinitive complement did not take place ("failed to reach agreement").
_DENY_HEADS = frozenset({"deny", "fail"})
#: Heads whose infinitive complement is offered, not done ("offered to mediate"); the offer itself
#: stays an event that happened, so these are not FUTURE_HEADS.
_OFFER_HEADS = frozenset({"offer", "volunteer"})
_NEG = frozenset({"not", "n't", "never", "no"})
_NO_DET = frozenset({"no", "neither"})


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb (or auxiliary heading a copula) at or above ``tok`` in its sentence."""
    cur = tok
    for _ in range(40):  # parse trees are shallow; the bound guards against cycles
        if cur.pos_ in ("VERB", "AUX") or (cur.pos_ == "ADJ" and cur.lemma_ in FUTURE_HEADS):
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _auxes(verb: Token) -> list[Token]:
    return [c for c in children(verb) if c.dep_ in ("aux", "auxpass")]


def _chain(verb: Token) -> list[Token]:
    """``verb`` and the heads it is an infinitive/participle complement of (xcomp, acl, advcl)."""
    out = [verb]
    cur = verb
    while cur.dep_ in ("xcomp", "acomp") and cur.head is not cur and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _time_chain(verb: Token) -> list[Token]:
    """``_chain``, continued through non-finite adverbial clauses, which share their head's time.

    "plans to leave on Friday, stopping in Darwin to meet commanders before talks on Sunday":
    the stop, the meeting and Sunday all lie ahead because "plans to leave" does.
    """
    out = _chain(verb)
    while len(out) < 10:
        cur = out[-1]
        finite = cur.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in _auxes(cur)
        )
        if finite or cur.head is cur:
            break
        if cur.dep_ == "advcl":
            out += _chain(cur.head)
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head is not cur.head:
            out += _chain(cur.head.head)  # "plans to meet them before flying to London"
        else:
            break
    return out


def is_future(tok: Token) -> bool:
    """Whether the clause governing ``tok`` speaks of something after the time of writing
    (worked out once per token: the events and dates stages ask it of the same verbs often)."""
    made: dict[int, bool] = tok.doc.user_data.setdefault("storyline_is_future", {})
    got = made.get(tok.i)
    if got is None:
        got = made[tok.i] = _is_future(tok)
    return got


def _is_future(tok: Token) -> bool:
    verb = governing_verb(tok)
    if verb is None:
        return False
    chain = _time_chain(verb)
    if any("had" in {a.lower_ for a in _auxes(v)} for v in chain):
        return False  # future-in-the-past ("had been due to visit in February") is over
    for v in chain:
        aux = {a.lower_ for a in _auxes(v)}
        if aux & _FUTURE_AUX:
            return True
        if aux & _MODAL_AUX and "have" not in {a.lemma_ for a in children(v)}:
            return True  # "could meet in November": a possibility lies ahead
        if v.lemma_ in FUTURE_HEADS and any(c.dep_ == "xcomp" for c in children(v)):
            return True  # "is expected to meet", "planned to leave"
        if v.lemma_ == "go" and any(c.dep_ == "xcomp" for c in children(v)) and v.tag_ == "VBG":
            return True
        if v is not verb and v.lemma_ in FUTURE_HEADS:
            return True
        if v.lower_ == "would" or "would" in aux:
            return True
    # "a summit to be held in November", "his mission to visit": infinitival modifiers
    aux = {a.lower_ for a in _auxes(verb)}
    if "to" not in aux or verb.dep_ not in ("acl", "relcl"):
        return False
    # "the first diplomat to visit China in five years" looks back, not ahead
    return not any(
        c.dep_ in ("amod", "advmod") and (c.tag_ == "JJS" or c.lower_ in _FIRSTS) for c in children(verb.head)
    )


_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m", "does", "do"})


def clause_tense(tok: Token) -> str:
    """past | future | present | unknown: the tense of the clause ``tok`` modifies.

    Only that clause decides (a "would" in a neighbouring clause does not): future as
    ``is_future``; past for a past-tense verb or a perfect ("has met", "had met"); present for
    a present-tense verb; unknown when no verb governs (headlines, noun phrases).
    """
    if is_future(tok):
        return "future"
    verb = governing_verb(tok)
    if verb is None:
        return "unknown"
    aux = {a.lower_ for a in _auxes(verb)}
    if verb.tag_ == "VBD" or aux & _PAST_AUX or (verb.tag_ == "VBN" and aux & {"has", "have", "'ve"}):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or aux & _PRESENT_AUX:
        return "present"
    if verb.tag_ == "VBN" and not aux:
        return "past"  # reduced relative or headline participle: "crew detained in January"
    return "unknown"


def mode_of(trigger: Token) -> str:
    """happened | planned | cancelled | denied | hypothetical, for an event trigger token."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return "happened"
    # a noun trigger that is the object of "cancel"/"postpone"/"call off"
    if trigger != verb and verb.lemma_ in CANCEL_LEMMAS and _is_cancel(verb):
        return "cancelled"
    chain = _chain(verb)
    if _conditional(chain):
        return "hypothetical"
    for v in chain:
        if any(
            c.dep_ == "neg" or c.lower_ in _NEG for c in children(v) if c.dep_ in ("neg", "advmod", "det")
        ):
            return "denied"
        if v.lemma_ in _DENY_HEADS and v is not verb:
            return "denied"  # "denied meeting him", "failed to reach agreement"
        if any(
            c.dep_ in ("nsubj", "nsubjpass")
            and any(g.dep_ == "det" and g.lower_ in _NO_DET for g in children(c))
            for c in children(v)
        ):
            return "denied"  # "No minister would visit again until ..."
    if any(v.lemma_ in _OFFER_HEADS for v in chain[1:]):
        return "planned"  # "offered to mediate": the mediation is proposed, not under way
    aux = {a.lower_ for a in _auxes(verb)}
    # the small model lemmatises "hoped" as "hop": compare the surface form too
    if any(v.lemma_ in HOPE_HEADS or v.lower_.startswith("hope") for v in chain[1:]) or aux & _MODAL_AUX:
        return "hypothetical"
    if is_future(verb):
        return "planned"
    if any(v.lemma_ in FUTURE_HEADS and v is not verb for v in chain):
        return (
            "planned"  # "had been due to visit in February": planned then; whether it came about is not said
        )
    if trigger != verb and _is_prenominal_hope(trigger):
        return "hypothetical"
    return "happened"


def _is_cancel(verb: Token) -> bool:
    if verb.lemma_ == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in children(verb))
    return True


def _conditional(chain: list[Token]) -> bool:
    for v in chain:
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(v)):
            return True
    return False


def _is_prenominal_hope(noun: Token) -> bool:
    """'possible trips', 'potential meeting', 'prospects for talks' are not events that happened."""
    mods = {c.lower_ for c in children(noun) if c.dep_ in ("amod", "compound")}
    return bool(mods & {"possible", "potential", "prospective", "proposed", "future", "planned", "imminent"})
