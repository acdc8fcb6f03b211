"""Readable one-line titles for events: "Helen Marlowe meets Arif Santoso at the Merdeka Palace".

The analyse stage keeps an event's parts (actors, trigger word, place) and a short ``summary``
clause. A reader needs a headline, so the title is rebuilt here, in news-headline grammar, and the
summary is used where the parts are not enough (no subject, or a verb whose object is content):

- happened: present tense ("Marlowe signs ..."), the headline's convention for past news;
- planned and cancelled: the infinitive ("Marlowe to visit Indonesia"), because what was called
  off is the plan; the status badge beside the title says it was called off;
- a noun trigger ("talks", "visit") becomes "Marlowe's visit to Indonesia" / "talks with ...".

Without a source actor there is no subject to build a headline on, so the title is the evidence
clause around the trigger, verbatim and shortened ("… postponed on January 15, three days after …").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

from ..model import Actor, Article, Event

__all__ = ["event_title", "place_names", "lemma_of", "third_person", "clause_around"]

# irregular past forms of verbs that name political events (the triggers list's lemmas and the
# light verbs); regular forms are derived by rule
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "met": "meet",
    "flew": "fly",
    "flown": "fly",
    "held": "hold",
    "went": "go",
    "gone": "go",
    "gave": "give",
    "given": "give",
    "made": "make",
    "took": "take",
    "taken": "take",
    "spoke": "speak",
    "spoken": "speak",
    "struck": "strike",
    "shot": "shoot",
    "began": "begin",
    "begun": "begin",
    "fought": "fight",
    "sent": "send",
    "left": "leave",
    "threw": "throw",
    "thrown": "throw",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "paid": "pay",
    "led": "lead",
    "brought": "bring",
    "won": "win",
    "lost": "lose",
    "broke": "break",
    "broken": "break",
    "stood": "stand",
    "sought": "seek",
    "came": "come",
    "shook": "shake",
    "shaken": "shake",
    "hit": "hit",
    "set": "set",
    "put": "put",
    "cut": "cut",
    "beat": "beat",
    "beaten": "beat",
    "drove": "drive",
    "driven": "drive",
    "froze": "freeze",
    "frozen": "freeze",
    "rode": "ride",
    "wrote": "write",
    "written": "write",
    "swore": "swear",
    "sworn": "swear",
    "forbade": "forbid",
    "forbidden": "forbid",
    "overtook": "overtake",
    "arose": "arise",
}
# the preposition a verb takes before its target when it is not a direct object
_VERB_PREP = {
    "travel": "to",
    "fly": "to",
    "go": "to",
    "come": "to",
    "return": "to",
    "arrive": "in",
    "agree": "with",
    "talk": "with",
    "negotiate": "with",
    "cooperate": "with",
    "speak": "with",
    "consult": "with",
    "trade": "with",
    "ally": "with",
    "side": "with",
    "clash": "with",
    "sign": "with",
    "apologize": "to",
    "apologise": "to",
    "appeal": "to",
    "retaliate": "against",
    "protest": "against",
    "respond": "to",
    "reply": "to",
    "object": "to",
    "deploy": "to",
    "dinner": "with",
}
# nouns that take "to" before their target; every other noun takes "with"
_NOUN_TO = {"visit", "trip", "journey", "tour", "aid", "delegation", "mission", "apology", "offer", "threat"}
_NOUN_AGAINST = {"attack", "strike", "sanction", "sanctions", "protest", "accusation", "raid", "ban"}
# verbs followed by what was said: the "that"-clause is the news
_SPEECH = {"say", "tell", "announce", "warn", "claim", "insist", "urge", "deny", "accuse", "state", "confirm"}
# a place longer than this is a mis-parsed clause ("the time that the cutter had been ..."), not a place
MAX_PLACE_WORDS = 5
CLAUSE_WORDS = 14
THAT_WORDS = 10
OBJECT_WORDS = 5
# words that end a verb's object: clause links, time and place prepositions
_OBJECT_STOP = {
    "that",
    "which",
    "who",
    "whom",
    "on",
    "in",
    "at",
    "after",
    "before",
    "but",
    "and",
    "when",
    "as",
    "since",
    "for",
    "from",
    "last",
    "this",
    "next",
    "until",
    "while",
    "because",
    "if",
    "amid",
    "over",
    "during",
    "by",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tomorrow",
}


def event_title(
    e: Event,
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article],
    places: frozenset[str] | None = None,
) -> str:
    """A headline for ``e``; the analyse summary when the event has no trigger span to build on.

    ``places``: :func:`place_names` of ``actors``, from a caller titling many events (worked
    out per event otherwise, which made a big story's titles quadratic)."""
    src = actors.get(e.source_actor or "")
    tgt = actors.get(e.target_actor or "")
    trigger = _trigger(e, articles)
    if trigger is None:
        return _cap(e.summary or e.type.lower())
    if e.summary and any(n.endswith("(its title is the clause)") for n in e.notes):
        return _cap(e.summary)  # "Wang Yi says United States must lift sanctions on China"
    if src is None:
        if _reads_as_clause(e.summary):
            return _cap(e.summary)  # the analyse stage's own clause ("Leaders sign pact in Bali")
        clause = clause_around(e, articles)
        if clause:
            return clause
    word = trigger.lower()
    lemma = lemma_of(word)
    noun = _is_noun(word, lemma, e, articles)
    target = tgt.name if tgt is not None and tgt is not src else None
    place_actor = None
    goes_to = _VERB_PREP.get(lemma) == "to" or word in _NOUN_TO or lemma in _NOUN_TO
    if tgt is not None and tgt.kind == "place" and not goes_to:
        target, place_actor = None, tgt.name  # "signed in Bali": a place is where, not whom
    if e.place and any(n.startswith("target: the state of the place") for n in e.notes):
        # "arrives in Beijing", not "arrives in China in Beijing"; "trip to Beijing"
        target, place_actor = (e.place, None) if goes_to else (None, place_actor)
    if noun:
        title = _noun_phrase(src.name if src else None, word, target, e.mode, src.kind if src else None)
    else:
        verb = third_person(lemma) if e.mode == "happened" else f"to {lemma}"
        title = " ".join(p for p in (src.name if src else None, verb) if p)
        if target:
            prep = _VERB_PREP.get(lemma)
            title += f" {prep} {target}" if prep else f" {target}"
        said = _that_clause(e, articles) if lemma in _SPEECH else ""
        title += said
        if not target and not said:
            words = _object_words(e, articles)
            if (
                not words
                and src is not None
                and _reads_as_clause(e.summary)
                and e.summary.startswith(src.name)
            ):
                return _cap(e.summary)  # "Arif Santoso pressed for a faster process …", not "… presses"
            title += words
    place = _place(e, actors, target, places) or (("in", place_actor) if place_actor else None)
    if place and place[1].lower() not in title.lower():
        title += f" {place[0]} {place[1]}"
    return _cap(title)


def _reads_as_clause(summary: str | None) -> bool:
    """The analyse stage writes verb events' summaries as a short clause (actor + verb phrase);
    anything of four words or more is worth showing as it is."""
    return bool(summary) and len((summary or "").split()) >= 4


def lemma_of(word: str) -> str:
    """The base form of an inflected verb or plural noun, by rule ("signed" → "sign")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    known = _trigger_lemmas()
    if w in known:
        return w
    candidates: list[str] = []
    for suffix in ("ies", "ied"):
        if w.endswith(suffix):
            candidates.append(w[: -len(suffix)] + "y")
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: -len(suffix)]
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "stopped" → "stop"
                candidates.append(stem[:-1])
    for c in candidates:
        if c in known:
            return c
    return _guess_stem(w)


def _guess_stem(w: str) -> str:
    """Base form of a word outside the ontology, by the spelling rules of English inflection."""
    if w.endswith(("ied", "ies")) and len(w) > 4:
        return w[:-3] + "y"  # "rallied" → "rally"
    for suffix in ("ing", "ed", "es", "s"):
        if not w.endswith(suffix) or len(w) - len(suffix) < 3 or w.endswith(("ss", "us", "is")):
            continue
        stem = w[: -len(suffix)]
        if suffix == "es" and not stem.endswith(("sh", "ch", "x", "ss", "o", "z")):
            return w[:-1]  # "closes" → "close"; "pushes" → "push"
        if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt":
            return stem[:-1]  # "stopped" → "stop", "planned" → "plan"
        if suffix in ("ed", "ing") and stem.endswith(("c", "g", "v", "z", "u", "us", "os")):
            return stem + "e"  # "announced" → "announce", "accused" → "accuse"
        return stem
    return w


def third_person(lemma: str) -> str:
    """ "meet" → "meets", "fly" → "flies", "push" → "pushes"."""
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    return lemma + "s"


def clause_around(e: Event, articles: Mapping[str, Article]) -> str | None:
    """The evidence sentence's clause holding the trigger, verbatim, cut to about 14 words."""
    if not e.evidence:
        return None
    ev = e.evidence[0]
    text = ev.text.split("\n\n")[0] if "\n\n" in ev.text else ev.text
    text = " ".join(text.split())
    words = text.split()
    if not words:
        return None
    pos = 0
    trigger = _trigger(e, articles)
    if trigger:
        low = [w.lower().strip(".,;:“”\"'") for w in words]
        if trigger.lower() in low:
            pos = low.index(trigger.lower())
    lo = max(0, pos - CLAUSE_WORDS // 2)
    hi = min(len(words), lo + CLAUSE_WORDS)
    lo = max(0, hi - CLAUSE_WORDS)
    out = " ".join(words[lo:hi]).rstrip(",;:")
    return ("… " if lo else "") + out + (" …" if hi < len(words) else "")


def _trigger(e: Event, articles: Mapping[str, Article]) -> str | None:
    span = e.trigger_span
    if span is None:
        return None
    art = articles.get(span.article)
    if art is None or not 0 <= span.start < span.end <= len(art.text):
        return None
    return art.text[span.start : span.end]


def _is_noun(word: str, lemma: str, e: Event, articles: Mapping[str, Article]) -> bool:
    pos = _trigger_pos().get(lemma) or _trigger_pos().get(word)
    if pos in ("NOUN", "VERB"):
        return pos == "NOUN"
    # listed for both: a determiner or possessive before it makes it a noun ("her visit")
    span = e.trigger_span
    art = articles.get(span.article) if span else None
    if span is None or art is None:
        return False
    before = art.text[max(0, span.start - 24) : span.start].split()
    prev = before[-1].lower() if before else ""
    return prev in {
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "first",
        "last",
    } or (prev.endswith(("'s", "’s")))


def _noun_phrase(
    subject: str | None, noun: str, target: str | None, mode: str, subject_kind: str | None = None
) -> str:
    """ "Marlowe’s visit to Indonesia", "talks between Marlowe and Santoso", "Marlowe holds talks"."""
    plural = noun.endswith("s") and not noun.endswith("ss")
    if plural:
        if subject and target:
            return f"{noun} between {subject} and {target}"
        if subject:
            return f"{subject} {'holds' if mode == 'happened' else 'to hold'} {noun}"
        return f"{noun} with {target}" if target else noun
    head = f"{subject}’s {noun}" if subject else noun
    if subject and subject_kind == "organisation":  # "Group of 20 summit", not "Group of 20’s summit"
        head = f"{subject} {noun}"
    if target:
        prep = "to" if noun in _NOUN_TO else "against" if noun in _NOUN_AGAINST else "with"
        head += f" {prep} {target}"
    return head


def _that_clause(e: Event, articles: Mapping[str, Article]) -> str:
    """What was said: the words after "that" when it closely follows the trigger."""
    span = e.trigger_span
    art = articles.get(span.article) if span else None
    if span is None or art is None:
        return ""
    after = art.text[span.end : span.end + 400].split("\n")[0].strip()
    m = re.match(r"((?:\S+\s+){0,8}?)that\s+(.*)", after)
    if not m:
        return ""
    words = m.group(2).split()
    said = " ".join(words[:THAT_WORDS])
    said = re.split(r"(?<=[.!?])\s|[.!?]$", said)[0].rstrip(",;:")
    return f" that {said}" + ("…" if len(words) > THAT_WORDS else "")


def _object_words(e: Event, articles: Mapping[str, Article]) -> str:
    """The few words after a verb that say what it acted on ("suspends fisheries dialogue")."""
    span = e.trigger_span
    art = articles.get(span.article) if span else None
    if span is None or art is None:
        return ""
    after = art.text[span.end : span.end + 120].split("\n")[0]
    if e.date_text and e.date_text in after:
        after = after[: after.index(e.date_text)]
    out: list[str] = []
    for word in after.split():
        bare = word.strip(".,;:!?“”\"'()—–")
        if bare.lower() in _OBJECT_STOP or not bare or len(out) >= OBJECT_WORDS:
            break
        out.append(bare)
        if bare != word.strip("“”\"'"):  # punctuation ends the phrase
            break
    if len(out) == 1 and out[0].lower() in {"it", "them", "him", "her", "this", "that"}:
        return ""  # a bare pronoun object says nothing on a timeline
    return " " + " ".join(out) if out else ""


def place_names(actors: Mapping[str, Actor]) -> frozenset[str]:
    """The names of the places and states among ``actors``: a place named so reads "in X"."""
    return frozenset(a.name for a in actors.values() if a.kind in ("place", "state"))


def _place(
    e: Event, actors: Mapping[str, Actor], target: str | None, places: frozenset[str] | None
) -> tuple[str, str] | None:
    """(preposition, place): "in Jakarta", "at the Merdeka Palace"."""
    place = (e.place or "").strip()
    if not place or len(place.split()) > MAX_PLACE_WORDS or place == target:
        return None
    if not any(w[:1].isupper() for w in place.split()):
        return None  # "the time", "the border area": not a named place
    named = place_names(actors) if places is None else places
    return ("in" if place in named or not place.lower().startswith("the ") else "at", place)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


@cache
def _triggers() -> list[dict[str, object]]:
    text = resources.files("storyline.data").joinpath("events.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return [t for t in data.get("triggers", []) if isinstance(t, dict)]


@cache
def _trigger_lemmas() -> frozenset[str]:
    return frozenset(str(t["lemma"]) for t in _triggers() if "lemma" in t)


@cache
def _trigger_pos() -> dict[str, str]:
    """lemma → VERB or NOUN when the ontology lists it as one only; "" when both."""
    seen: dict[str, set[str]] = {}
    for t in _triggers():
        seen.setdefault(str(t.get("lemma")), set()).add(str(t.get("pos", "")))
    return {k: (v.pop() if len(v) == 1 else "") for k, v in seen.items()}
