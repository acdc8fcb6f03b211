"""The event ontology (data/events.json): which words trigger which PLOVER/CAMEO event."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from ..tokens import children, column, ents

__all__ = [
    "Trigger",
    "trigger_for",
    "may_trigger",
    "light_verbs",
    "is_light_verb",
    "lexicon_size",
    "CANCEL_VERBS",
]

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
    """One way a word states an event. Constraint fields hold ``|``-separated alternatives."""

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
    mods: str | None = None  # a noun that needs one of these modifiers ("general strike")
    broad: bool = False  # from the broad lexicon: stricter argument checks apply (extract.py)

    @property
    def constrained(self) -> int:
        """How many conditions the pattern sets: the more specific pattern is tried first."""
        return sum(map(bool, (self.prt, self.obj, self.prep, self.xcomp, self.mods)))


def _lexicon_rows(raw: dict[str, Any]) -> list[Trigger]:
    """The broad lexicon (data/event_lexicon.json) as triggers; its pattern syntax is described
    in that file's "about"."""
    out: list[Trigger] = []
    for code in raw["codes"]:
        base = {"type": code["type"], "cameo": code["cameo"], "intensity": float(code["goldstein"])}
        for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
            for pattern in code[key]:
                words = pattern.split()
                carried = words[0].startswith("~")
                heads = words[0].lstrip("~").split("|")
                prt = prep = obj = mods = None
                plain: list[str] = []
                for w in words[1:]:
                    if w.startswith("+"):
                        prt = "|".join(x.lstrip("+") for x in w.split("|"))  # "pull +out|+back"
                    elif w.startswith(">"):
                        prep = "|".join(x.lstrip(">") for x in w.split("|"))
                    elif w.startswith("@"):
                        mods = w[1:]
                    else:
                        plain.append(w)
                if pos == "NOUN" and plain:  # "ethnic cleansing": the head is the last word
                    mods = "|".join(filter(None, [mods, *heads[:1]])) if len(heads) == 1 else mods
                    heads = plain[-1:]
                elif plain:
                    obj = plain[-1]
                for lemma in heads:
                    out.append(
                        Trigger(
                            lemma,
                            pos=pos,
                            prt=prt,
                            prep=prep,
                            obj=obj,
                            carried=carried,
                            mods=mods,
                            broad=True,
                            **base,
                        )
                    )
    return out


def _resource(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("storyline.data").joinpath(name).read_text(encoding="utf-8")
    )
    return data


@cache
def _table() -> tuple[dict[str, list[Trigger]], frozenset[str]]:
    """Triggers by lemma: the hand-tuned ones (events.json) before the broad lexicon, and for each
    lemma the constrained patterns ("lift sanctions") before the bare word ("lift")."""
    raw = _resource("events.json")
    rows = [
        Trigger(
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
        for row in raw["triggers"]
    ]
    rows += _lexicon_rows(_resource("event_lexicon.json"))
    table: dict[str, list[Trigger]] = {}
    for t in rows:
        table.setdefault(t.lemma, []).append(t)
    for lemma, ts in table.items():
        # a broad pattern of the type a plain hand-tuned trigger of the word already gives adds
        # only the broad lexicon's stricter checks ("sign accord|pact" beside "sign"): drop it
        plain = [t for t in ts if not t.broad and not t.constrained]
        ts = [
            t
            for t in ts
            if not (t.broad and any(p.type == t.type and (p.pos is None or p.pos == t.pos) for p in plain))
        ]
        table[lemma] = sorted(ts, key=lambda t: -t.constrained)
    return table, frozenset(raw["light_verbs"])


def light_verbs() -> frozenset[str]:
    return _table()[1]


#: Past forms the small English model lemmatises wrongly ("staged" -> "stag").
LEMMA_SLIPS = {"stag": "stage", "staged": "stage", "wag": "wage"}


def is_light_verb(tok: Token) -> bool:
    """Whether ``tok`` is a light verb ("held talks", "staged a protest")."""
    lemma = tok.lemma_.lower()
    return LEMMA_SLIPS.get(lemma, lemma) in _table()[1]


def lexicon_size() -> int:
    """How many trigger patterns the ontology holds (hand-tuned and broad)."""
    return sum(len(ts) for ts in _table()[0].values())


#: Dependents that name what a verb acts on (its object, or the passive subject).
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative", "oprd"})


def _objects(tok: Token, prep: str | None) -> list[Token]:
    """What a verb acts on, for an object constraint: the object, its "of" complement ("a state
    of emergency", "700 kg of medicine") and compounds; with a preposition, that one's object."""
    if prep:
        heads = [
            g
            for c in children(tok)
            if c.dep_ in ("prep", "agent") and c.lower_ in _alternatives(prep)
            for g in children(c)
            if g.dep_ == "pobj"
        ]
    else:
        heads = [c for c in children(tok) if c.dep_ in _OBJECT_DEPS or (c.dep_ == "pobj")]
        heads += [g for c in children(tok) if c.dep_ == "xcomp" and c.pos_ == "NOUN" for g in [c]]
    out = list(heads)
    for h in heads:
        out += [c for c in children(h) if c.dep_ == "compound"]
        out += [
            g
            for c in children(h)
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in children(c)
            if g.dep_ == "pobj"
        ]
        out += [c for c in children(h) if c.dep_ == "conj"]
    return out


#: Plural nouns ``trigger_for`` reads by their surface form ("talks", "sanctions").
_PLURAL_TRIGGERS = ("talks", "visits", "trips", "calls", "sanctions", "games")


#: Entities whose names may hold an event word that reports no event: "Asia-Pacific Economic
#: Cooperation", "Shanghai Cooperation Organisation", "the Paris Agreement". An EVENT entity's
#: word is kept ("the Munich Security Conference" reports one).
_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART", "LAW"})


def may_trigger(doc: Doc) -> list[int]:
    """The tokens ``trigger_for`` or ``modality.modal_request`` may fire on, in order: a verb or
    noun whose lemma (or plural form) the ontology lists, a verb after a hyphen ("test-fired"),
    or a verb heading a reported clause; not a word of a name of two or more words. The rest of
    the article never needs a Token made."""
    table = _table()[0]
    pos, lemma, lower, text, dep = (column(doc, c) for c in ("pos", "lemma", "lower", "text", "dep"))
    named = {i for e in ents(doc) if e.label_ in _NAME_LABELS and len(e) > 1 for i in range(e.start, e.end)}
    out = []
    for i, p in enumerate(pos):
        if i in named:
            continue
        if p in ("VERB", "AUX"):
            word = lemma[i].lower()
            if LEMMA_SLIPS.get(word, word) in table or dep[i] == "ccomp" or (i >= 2 and text[i - 1] == "-"):
                out.append(i)
        elif p in ("NOUN", "PROPN") and (lemma[i].lower() in table or lower[i] in _PLURAL_TRIGGERS):
            out.append(i)
    return out


def _particle(c: Token, verb: Token) -> bool:
    """A verb's particle: spaCy's small model often parses it as an adverb ("pushed back against",
    "pulled back from"), which counts when it follows the verb closely."""
    return c.dep_ == "prt" or (c.dep_ == "advmod" and 0 < c.i - verb.i <= _PARTICLE_REACH)


#: how many tokens after its verb an adverb read as a particle may stand ("pushed the rebels back")
_PARTICLE_REACH = 3


def trigger_for(tok: Token) -> Trigger | None:
    """The ontology entry ``tok`` triggers in its context, or None (worked out once per token: the
    events stage asks it again of the verbs and objects around each trigger)."""
    made: dict[int, Trigger | None] = tok.doc.user_data.setdefault("storyline_trigger_for", {})
    if tok.i not in made:
        made[tok.i] = _trigger_for(tok)
    return made[tok.i]


def _trigger_for(tok: Token) -> Trigger | None:
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    lemma = tok.lemma_.lower()
    if pos == "VERB":
        lemma = LEMMA_SLIPS.get(lemma, lemma)  # "waged" -> "wag"
    if pos == "VERB" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        # "test-fired", "re-opened", "counter-attacked": spaCy splits the prefix off
        prefix = tok.doc[tok.i - 2].lower_
        joined = next((w for w in (f"{prefix}-{lemma}", f"{prefix}{lemma}") if w in _table()[0]), None)
        lemma = joined or lemma
    if pos == "NOUN" and lemma in _MANNER_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return None  # "suspended the dialogue in protest at ...": a reason, not an event
    if pos == "NOUN" and tok.lower_ in _PLURAL_TRIGGERS:
        lemma = tok.lower_.rstrip("s") if tok.lower_ != "talks" else "talk"
    objects: dict[str | None, list[tuple[str, str, str]]] = {}  # by preposition, read once
    for t in _table()[0].get(lemma, ()):
        if t.pos and t.pos != pos:
            continue
        if t.prt and not any(_particle(c, tok) and c.lower_ in _alternatives(t.prt) for c in children(tok)):
            continue
        if t.obj:
            wanted = _alternatives(t.obj)
            # "PERSON" in a list of objects takes a named person ("released Nelson Mandela")
            person = "PERSON" in wanted
            if t.prep not in objects:
                objects[t.prep] = [(c.lemma_.lower(), c.lower_, c.ent_type_) for c in _objects(tok, t.prep)]
            if not any(
                lemma_ in wanted or lower in wanted or (person and kind == "PERSON")
                for lemma_, lower, kind in objects[t.prep]
            ):
                continue
        elif t.prep and not any(
            c.dep_ in ("prep", "agent", "dative") and c.lower_ in _alternatives(t.prep) for c in children(tok)
        ):
            continue
        if t.xcomp and not any(c.dep_ == "xcomp" for c in children(tok)):
            continue
        need = _alternatives(t.mods) if t.mods else (_NEEDS_MODIFIER.get(lemma) if pos == "NOUN" else None)
        if need and not _has_modifier(tok, need):
            continue
        company = _NEEDS_COMPANY.get(lemma) if pos == "NOUN" else None
        if company and not (
            _has_modifier(tok, company) or any(c.dep_ == "prep" and c.lower_ == "with" for c in children(tok))
        ):
            continue
        return t
    return None


@cache
def _alternatives(words: str) -> frozenset[str]:
    """The words of a pattern's "a|b|c" slot, split once rather than on every token tried."""
    return frozenset(words.split("|"))


def _has_modifier(tok: Token, words: Collection[str]) -> bool:
    mods = [c for c in children(tok) if c.dep_ in ("compound", "amod", "nmod")]
    mods += [g for c in mods for g in children(c) if g.dep_ in ("compound", "amod")]
    return any(m.lower_ in words for m in mods) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in words)
