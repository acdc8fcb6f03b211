"""A sentence classifier for the event type (PLOVER or no event), for where the rules are silent.

The rules give spans and parties; the model only names the type of a sentence whose words no
trigger pattern covers ("shunned work to protest ...", "reneged on his commitment ..."). It is a
multinomial logistic regression over the sentence's lemmas, entity kinds, negation and modal
auxiliaries, trained at development time with scikit-learn (``bench/events_train.py``) and shipped
as a small table of weights (``data/event_model.json``), applied here in pure Python: a sentence
costs a few dozen dictionary look-ups.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Span

from ..tokens import column, flags

__all__ = ["features", "classify", "NO_EVENT"]

NO_EVENT = "NONE"
_ENTITY_KINDS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
_MODALS = frozenset({"will", "would", "must", "should", "may", "might", "could", "can"})


def features(sent: Span) -> list[str]:
    """The sentence as the model reads it: content lemmas, entity kinds instead of names, "neg"
    for a negation, "aux:will" etc. for modal auxiliaries and "root:" + the main verb's lemma."""
    doc = sent.doc
    ent_type, dep, lower, lemma = (column(doc, c) for c in ("ent_type", "dep", "lower", "lemma"))
    begins, alpha, stop = (flags(doc, f) for f in ("ENT_IOB", "IS_ALPHA", "IS_STOP"))
    out: list[str] = []
    for i in range(sent.start, sent.end):
        if ent_type[i] in _ENTITY_KINDS:
            if begins[i]:
                out.append("ent:" + ent_type[i])
            continue
        if dep[i] == "neg":
            out.append("neg")
        elif dep[i] == "aux" and lower[i] in _MODALS:
            out.append("aux:" + lower[i])
        elif alpha[i] and not stop[i]:
            out.append(lemma[i].lower())
    out.append("root:" + sent.root.lemma_.lower())
    return out


@cache
def _model() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        resources.files("storyline.data").joinpath("event_model.json").read_text(encoding="utf-8")
    )
    return raw


def classify(feats: list[str]) -> tuple[str, float]:
    """The most probable type for a sentence's features, with its probability."""
    m = _model()
    classes: list[str] = m["classes"]
    scores = list(m["intercept"])
    weights: dict[str, list[list[float]]] = m["weights"]  # feature -> [[class index, weight], ...]
    for f in set(feats):
        for i, w in weights.get(f, ()):
            scores[int(i)] += w
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    best = max(range(len(classes)), key=lambda i: scores[i])
    return classes[best], exp[best] / sum(exp)
