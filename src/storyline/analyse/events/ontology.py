"""The event ontology (data/events.json): which words trigger which PLOVER/CAMEO event."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

__all__ = ["Trigger", "trigger_for", "light_verbs", "CANCEL_VERBS"]

#: Nouns that only trigger with one of these modifiers ("press conference", "war games").
_NEEDS_MODIFIER = {
    "conference": {"press", "news"},
    "game": {"war"},
    "exercise": {"military", "naval", "joint", "live", "fire"},
    "control": {"export"},
    "call": {"phone", "telephone", "video", "conference"},
    "strike": {"air", "missile", "drone", "rocket", "military"},
}
#: Nouns that after a bare "in" give a reason or manner ("in protest", "in retaliation").
_MANNER_NOUNS = frozenset({"protest", "retaliation", "response"})
#: Nouns that are events only when shared ("a working dinner", "dinner with Wibisana").
_NEEDS_COMPANY = {"dinner": {"working", "state", "official"}, "lunch": {"working", "state", "official"}}
#: Verbs that cancel or postpone the event their object names ("postponed a February trip").
CANCEL_VERBS = frozenset(
    {"cancel", "postpone", "scrap", "delay", "defer", "abandon", "shelve", "suspend", "halt"}
)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    type: str
    cameo: str | None
    intensity: float
    pos: str | None = None
    prt: str | None = None
    obj: str | None = None
    prep: str | None = None
    xcomp: bool = False
    carried: bool = False  # a noun that is an event only under a light or cancel verb ("gave aid")


@cache
def _table() -> tuple[dict[str, list[Trigger]], frozenset[str]]:
    raw = json.loads(resources.files("storyline.data").joinpath("events.json").read_text(encoding="utf-8"))
    table: dict[str, list[Trigger]] = {}
    for row in raw["triggers"]:
        t = Trigger(
            lemma=row["lemma"],
            type=row["type"],
            cameo=row.get("cameo"),
            intensity=float(row["intensity"]),
            pos=row.get("pos"),
            prt=row.get("prt"),
            obj=row.get("obj"),
            prep=row.get("prep"),
            xcomp=bool(row.get("xcomp", False)),
            carried=bool(row.get("carried", False)),
        )
        table.setdefault(t.lemma, []).append(t)
    return table, frozenset(raw["light_verbs"])


def light_verbs() -> frozenset[str]:
    return _table()[1]


def trigger_for(tok: Token) -> Trigger | None:
    """The ontology entry ``tok`` triggers in its context, or None."""
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    lemma = tok.lemma_.lower()
    if pos == "NOUN" and lemma in _MANNER_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return None  # "suspended the dialogue in protest at ...": a reason, not an event
    if pos == "NOUN" and tok.lower_ in ("talks", "visits", "trips", "calls", "sanctions", "games"):
        lemma = tok.lower_.rstrip("s") if tok.lower_ != "talks" else "talk"
    for t in _table()[0].get(lemma, ()):
        if t.pos and t.pos != pos:
            continue
        if t.prt and not any(c.dep_ == "prt" and c.lower_ == t.prt for c in tok.children):
            continue
        if t.obj and not any(
            c.dep_ in ("dobj", "pobj", "nsubjpass") and c.lemma_.lower() == t.obj for c in tok.children
        ):
            continue
        if t.prep and not any(c.dep_ == "prep" and c.lower_ == t.prep for c in tok.children):
            continue
        if t.xcomp and not any(c.dep_ == "xcomp" for c in tok.children):
            continue
        need = _NEEDS_MODIFIER.get(lemma) if pos == "NOUN" else None
        if need and not _has_modifier(tok, need):
            continue
        company = _NEEDS_COMPANY.get(lemma) if pos == "NOUN" else None
        if company and not (
            _has_modifier(tok, company) or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        ):
            continue
        return t
    return None


def _has_modifier(tok: Token, words: set[str]) -> bool:
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "amod")]
    return any(m.lower_ in words for m in mods) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in words)
