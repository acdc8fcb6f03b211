"""Negation and modality turn one act into another PLOVER type.

PLOVER codes what a sentence says was done: "will provide aid" is an intent to cooperate (AGREE),
"would boycott contact" a threat (THREATEN), "will not accept refugees" a rejection (REJECT) and
"Sudan must return the helicopter", said by Russia, a demand (REQUEST). The CAMEO codebook codes
them the same way (03 express intent to cooperate, 13 threaten, 12 reject, 10 demand).
A planned visit stays a CONSULT in planned mode: the timeline shows it as the visit to come; an
offer or readiness to meet ("ready to resume talks", "offered to negotiate") is AGREE (036).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..tokens import children
from .ontology import Trigger

__all__ = ["recode", "modal_request", "REQUEST_MUST"]

#: Acts of cooperation: negated they are refusals, intended they are agreements.
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Material cooperation whose intent PLOVER codes as AGREE ("will provide", "ready to contribute").
_INTENDED = frozenset({"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Acts of conflict: announced for the future or on a condition, they are threats.
_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})
_FUTURE = frozenset({"will", "would", "'ll", "shall"})
_MAYBE = frozenset({"may", "might", "could"})
_MUST = frozenset({"must", "should"})
#: Words whose infinitive is a commitment ("willing to withdraw", "promised to continue aid").
_COMMIT = frozenset(
    {"willing", "ready", "prepared", "promise", "pledge", "offer", "agree", "commit", "vow", "undertake"}
)
#: Words whose infinitive is a plan ("plans to impose restrictions").
_PLAN = frozenset({"plan", "intend", "decide", "prepare", "aim", "expect", "want", "seek", "set"})

_AGREE = Trigger("intend", "AGREE", "030", 4.0)
_MEET = Trigger("intend", "AGREE", "036", 4.0)
_THREATEN = Trigger("intend", "THREATEN", "130", -4.4)
_REJECT = Trigger("not", "REJECT", "120", -4.0)
REQUEST_MUST = Trigger("must", "REQUEST", "100", -5.0, broad=True)


def _intent_head(verb: Token) -> Token | None:
    """The commitment or plan word whose infinitive ``verb`` is, if any."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _COMMIT | _PLAN:
        return verb.head
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no longer") for c in children(verb))


def _conditional(verb: Token) -> bool:
    """'... unless Israel rescinded', '... if cooperation founders': a condition on the act."""
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in children(c))
        for c in children(verb)
    )


def recode(rule: Trigger, verb: Token) -> Trigger:
    """The rule as negation or modality on ``verb`` (the clause that states the act) recasts it."""
    if rule.type in ("STATEMENT", "THREATEN", "REJECT", "REQUEST", "ACCUSE"):
        return rule
    aux = {c.lower_ for c in children(verb) if c.dep_ in ("aux", "auxpass")}
    head = _intent_head(verb)
    carrier = head if head is not None and head.pos_ in ("VERB", "AUX") else verb
    if _negated(verb) or (head is not None and _negated(carrier)):
        # "will not accept", "would not meet": a refusal; "did not meet" reports no event at all
        refuses = bool(aux & (_FUTURE | _MAYBE | {"can", "ca"})) or head is not None
        return _as(rule, _REJECT) if rule.type in _COOPERATIVE and refuses else rule
    if rule.type in _HOSTILE and (aux & (_FUTURE | _MAYBE) or head is not None or _conditional(verb)):
        return _as(rule, _THREATEN)
    if rule.type in _INTENDED and (aux & _FUTURE or head is not None):
        return _as(rule, _AGREE)
    if rule.type == "CONSULT" and head is not None and head.lemma_.lower() in _COMMIT:
        return _as(rule, _MEET)  # "ready to resume talks", "offered to negotiate": an intent to meet
    return rule


def _as(rule: Trigger, kind: Trigger) -> Trigger:
    return replace(rule, type=kind.type, cameo=kind.cameo, intensity=kind.intensity)


def modal_request(verb: Token) -> bool:
    """'Russia said that Sudan must return the helicopter': an obligation laid on another party,
    in reported speech, is a demand by the speaker."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ccomp":
        return False
    aux = {c.lower_ for c in children(verb) if c.dep_ == "aux"}
    return bool(aux & _MUST) and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb))
