"""Who, whom, where and how long: the arguments of an event trigger, from the parse.

Actors come from the actors stage by span overlap (the Mention covering a token), so this keeps
working whatever resolution the actors stage does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ...knowledge import Country, load_knowledge
from ...model import Mention, Span
from ..actors.places import GROUP_HEADS, PEOPLE_HEADS
from ..actors.roles import ROLE_HEADS
from ..nlp import doc_text
from ..tokens import children, sent_of, subtree

__all__ = [
    "MentionIndex",
    "Args",
    "arguments",
    "place_of",
    "duration_of",
    "demonym_party",
    "party_name",
    "is_region",
    "protest_target",
    "complaint_party",
]

_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Said of a state a party comes from only through a demonym on a thing ("an Australian ultimatum").
UNNAMED_STATE = "a state not otherwise named in the article (from a demonym on a thing)"
#: Nouns for people or bodies that act: "officials in Jakarta" are Indonesia's, and "the
#: Australian ambassador" is Australia's; a modifier of any other noun ("the Bali pact", "the
#: pact in Bali") names a place or a topic, not a party. Role heads come from the roles table.
AGENT_NOUNS = frozenset(ROLE_HEADS) | {
    "government",
    "authority",
    "administration",
    "ministry",
    "department",
    "embassy",
    "delegation",
    "negotiator",
    "navy",
    "army",
    "military",
    "force",
    "troop",
    "police",
    "guard",
    "coastguard",
    "side",
    "people",
    "citizen",
    "leadership",
    "cabinet",
    "parliament",
    "opposition",
    "team",
    "crew",
    "junta",
    "regime",
    "council",
    "court",
}
#: Nouns for groups of people: with a nationality before them they stand for its state.
GROUP_NOUNS = (
    PEOPLE_HEADS
    | frozenset(GROUP_HEADS)
    | frozenset(
        [
            "civilian",
            "detainee",
            "prisoner",
            "immigrant",
            "settler",
            "militant",
            "rebel",
            "guerrilla",
            "insurgent",
            "faction",
            "extremist",
            "militia",
            "fighter",
            "separatist",
            "demonstrator",
            "ally",
            "national",
            "people",
            "doctor",
            "nurse",
            "volunteer",
            "supporter",
            "fundamentalist",
            "landowner",
            "teacher",
        ]
    )
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "at", "on", "to", "for", "inside", "outside"})
#: Verbs and nouns of travel, whose "to"/"for" names the destination ("leave for Singapore").
_TRAVEL = frozenset({"travel", "trip", "visit", "fly", "go", "head", "leave", "depart"})
_DURATION = re.compile(
    r"\b(?:(?:more|less) than |nearly |about |almost |over )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\w+-and-a-half|half-an?|an?)"
    r"[- ](?:minute|hour|day|week)s?\b",
    re.I,
)


def demonym_country(tok: Token) -> tuple[Country | None, int]:
    """The country a demonym token names, with where its words start: one word ("Mexican") or
    two, the first hung on the second ("West German", "Sierra Leonean", "South African")."""
    k = load_knowledge()
    lead = next((c for c in children(tok) if c.dep_ in ("amod", "compound") and c.i == tok.i - 1), None)
    if lead is not None and (c := k.demonym(f"{lead.text} {tok.text}")) is not None:
        return c, lead.idx
    return k.demonym(tok.text), tok.idx


class MentionIndex:
    """Mentions sorted by start, for 'which mention covers this character' look-ups."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self.starts = [m.span.start for m in self.mentions]
        self.actors = {m.actor for m in mentions if m.actor}
        self.article = mentions[0].span.article if mentions else ""
        self._covering: dict[tuple[int, int], Mention | None] = {}

    def state_of_demonym(self, tok: Token, unlisted: bool = False) -> Mention | None:
        """'an Indonesian fishing boat': the state of a demonym describing a thing, when the
        article names that state as an actor elsewhere (the actors stage gives the thing none).

        ``unlisted`` also takes a state the article does not otherwise name, but only for a word
        the actors stage marked DEMONYM_THING, and only where the caller has checked that the
        thing is the event itself or what it acts on (CAMEO codes the country of the thing)."""
        c, start = demonym_country(tok) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else (None, tok.idx)
        actor = f"state:{c.iso3}" if c else None
        if actor is None or not self.mentions:
            return None
        how = "country of the thing that acts or is acted on"
        if actor not in self.actors:
            if not (unlisted and (self.thing_at(start) or self.thing_at(tok.idx))):
                return None
            how += f"; {UNNAMED_STATE}"
        span = Span(self.mentions[0].span.article, tok.idx, tok.idx + len(tok))
        return Mention(span, tok.text, "DEMONYM", actor, how)

    def state_of_place(self, m: Mention) -> Mention | None:
        """The state a place mention lies in ("in Amman" -> Jordan), for a place standing where a
        party should: CAMEO codes the country, never the town or the building, as the party."""
        if m.actor is None or not m.actor.startswith("place:"):
            return m
        k = load_knowledge()
        region = k.region(m.text)
        if region is not None and region.kind == "region":
            return m  # "lifted the curfew in Kosovo", "rebels in Darfur": a region is a party itself
        home = k.by_iso(region.country) if region is not None and region.country else None
        c = home or k.city(m.text) or k.capital(m.text) or k.country(m.text) or k.part_of(m.text)
        if c is None:
            return None
        actor = f"state:{c.iso3}"
        how = f"the state '{m.text}' lies in"
        if actor not in self.actors:
            how += f"; {UNNAMED_STATE}"
        return Mention(m.span, m.text, "GPE", actor, how)

    def thing_at(self, pos: int) -> bool:
        """Whether a DEMONYM_THING mention starts at ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return any(m.label == "DEMONYM_THING" for m in self.mentions[i : i + 3] if m.span.start == pos)

    def unnamed_state_note(self, m: Mention | None) -> str | None:
        """The note an event carries when a party is a state the article names only by a demonym
        on a thing: its id is in no actor list, so the stages after must tolerate that."""
        if m is None or m.actor is None or m.actor in self.actors or not m.actor.startswith("state:"):
            return None
        if (m.how or "").startswith("the state '"):
            return (
                f"{m.actor} is the state of the place '{m.text}', a state the article does not otherwise name"
            )
        return f"{m.actor} ('{m.text}') is {UNNAMED_STATE}"

    def covering(self, start: int, end: int) -> Mention | None:
        """The shortest mention overlapping [start, end) (remembered: the rules ask it of the same
        tokens again and again)."""
        key = (start, end)
        if key not in self._covering:
            self._covering[key] = self._shortest_over(start, end)
        return self._covering[key]

    def _shortest_over(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, end)
        best = None
        for m in self.mentions[max(0, i - 12) : i]:
            if (
                m.span.start < end
                and start < m.span.end
                and m.actor
                and (best is None or m.span.end - m.span.start < best.span.end - best.span.start)
            ):
                best = m
        return best

    def last_person_before(
        self, pos: int, window: int = 600, skip: tuple[int, int] | None = None
    ) -> Mention | None:
        """The nearest person mentioned before ``pos``, within ``window`` characters and not
        within the characters ``skip``."""
        i = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:i]):
            if m.span.start < pos - window:
                return None
            if skip is not None and m.span.start < skip[1] and skip[0] < m.span.end:
                continue
            if m.label == "PERSON" and m.actor:
                return m
        return None


@dataclass
class Args:
    source: Mention | None = None
    target: Mention | None = None
    notes: tuple[str, ...] = ()


def _relative_antecedent(tok: Token) -> tuple[int, int] | None:
    """The characters of the noun phrase a relative clause holding ``tok`` hangs off: a pronoun
    in "Bill Gates, who he said was ..." is not Gates (the clause's own "who" is)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl":
            head = cur.head
            return head.left_edge.idx, head.idx + len(head)
        if cur.head.i == cur.i:  # the root
            return None
        cur = cur.head
    return None


def actor_of(tok: Token, index: MentionIndex) -> tuple[Mention | None, str | None]:
    """The mention a noun phrase headed by ``tok`` refers to (head first, then its modifiers)."""
    m = index.covering(tok.idx, tok.idx + len(tok))
    if m:
        return m, None
    if tok.lower_ in _PRONOUNS:
        p = index.last_person_before(tok.idx, skip=_relative_antecedent(tok))
        return (p, f"'{tok.text}' read as {p.text} (nearest preceding person)") if p else (None, None)
    agent = tok.lemma_.lower() in AGENT_NOUNS
    for c in sorted(children(tok), key=lambda c: c.dep_ != "appos"):
        if c.dep_ in ("appos", "compound", "poss", "amod", "nmod"):
            m = index.covering(c.idx, c.idx + len(c)) or (
                actor_of(c, index)[0] if c.dep_ == "appos" else None
            )
            if m is None and c.dep_ == "compound" and not agent:  # "a Security Council resolution"
                m = next(
                    (
                        x
                        for g in children(c)
                        if g.dep_ == "compound" and (x := index.covering(g.idx, g.idx + len(g)))
                    ),
                    None,
                )
            owner = c.dep_ in ("appos", "poss") or any(g.dep_ == "case" for g in children(c))  # "X’s"
            if m and (owner or agent or _is_party(m)):
                return m, None
    for c in children(tok):  # "an Indonesian patrol boat shadowed ...": the boat's state
        if c.dep_ in ("amod", "compound", "nmod") and (m := index.state_of_demonym(c)) is not None:
            return m, None
    place = tok.lemma_.lower() in PLACE_NOUNS
    for c in children(tok):  # "the secretary of state", "officials in Washington", "the town of Gorazde"
        if c.dep_ == "prep" and (c.lower_ in ("of", "from") or (c.lower_ == "in" and agent)):
            for g in children(c):
                if g.dep_ == "pobj":
                    m = index.covering(g.idx, g.idx + len(g))
                    if m and (agent or _is_party(m) or (place and c.lower_ == "of")):
                        return m, None
    return None, None


#: Nouns for a place that an "of" phrase names ("the town of Gorazde"): the place is the party's.
PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "province",
        "region",
        "district",
        "capital",
        "area",
        "enclave",
        "territory",
        "island",
        "port",
    ]
)


def objects_of(prep: Token) -> list[Token]:
    """The object of a preposition; where the parser left it without one ("granted asylum to
    five Panamanian army officers holed up ...", "ties with and an embassy in Tehran"), the
    first named party within a few words after it."""
    found = [g for g in children(prep) if g.dep_ == "pobj"]
    if found or any(c.dep_ in ("pcomp", "prep") for c in children(prep)):
        return found
    sent = sent_of(prep)
    for t in prep.doc[prep.i + 1 : min(prep.i + 9, sent.end)]:
        if t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "LOC"):
            return [t]
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            break
    return []


def _state_of(tok: Token, index: MentionIndex, unlisted: bool = False) -> Mention | None:
    """A state named by a demonym or name token itself ("Israeli", "Romanian"), else None."""
    m = index.covering(tok.idx, tok.idx + len(tok))
    if m is not None and (m.actor or "").startswith("state:"):
        return m
    return index.state_of_demonym(tok, unlisted) if tok.pos_ in ("ADJ", "PROPN") and m is None else None


def _thing_states(head: Token) -> list[Token]:
    """The demonym-like modifiers before a noun, through its compounds: "an Indonesian fishing
    boat" -> [Indonesian] (whichever of boat or fishing spaCy hangs it on)."""
    out: list[Token] = []
    for c in children(head):
        if c.i < head.i and c.dep_ in ("amod", "compound", "nmod"):
            out.append(c)
            if c.dep_ == "compound":
                out += _thing_states(c)
    return out


def demonym_party(heads: list[Token], index: MentionIndex, other: Mention | None) -> Mention | None:
    """The state of a demonym on the thing an event acts on ("rejected an Australian ultimatum",
    "shelled Iraqi towns", "detained an Indonesian fishing boat"), even one the article names
    nowhere else; never the state of the other side ("Australia detained an Australian boat")."""
    for h in heads:
        for c in _thing_states(h):
            m = _state_of(c, index, unlisted=True)
            if m is not None and (other is None or m.actor != other.actor):
                return m
    return None


def party_name(m: Mention) -> str:
    """What a summary calls a party the actor list lacks: the country for a state named only by
    a demonym ("Australia", not "Australian"), else the mention's words."""
    actor = m.actor or ""
    c = load_knowledge().by_iso(actor[6:]) if actor.startswith("state:") else None
    return c.name if c is not None else m.text


def _modifier_conjuncts(tok: Token) -> list[Token]:
    """Conjoined modifiers of a noun: "Hungarian and Romanian officials" -> [Romanian]."""
    return [
        g for c in children(tok) if c.dep_ in ("amod", "compound") for g in children(c) if g.dep_ == "conj"
    ]


def content_target(trigger: Token, index: MentionIndex, src: Mention | None) -> Mention | None:
    """The party a demand, threat, refusal or accusation is aimed at when no object names one:
    the subject of its that-clause ("demanded that the United States end ..."), else a state or
    party owning or modifying its object or its infinitive's object ("rejected an Australian
    ultimatum", "threatened to shell Iraqi towns", "ban Ugandan opposition candidates")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        # "reiterated its demand that Israel ease ...": a noun's that-clause, or its verb's
        clauses = [c for c in children(trigger) if c.dep_ in ("ccomp", "acl")]
        if trigger.dep_ == "dobj":
            clauses += [c for c in children(trigger.head) if c.dep_ == "ccomp"]
        subjects = [g for c in clauses for g in children(c) if g.dep_ in ("nsubj", "nsubjpass")]
        for t in subjects:
            m = _as_party(actor_of(t, index)[0], index)
            if m is not None and m.actor and (src is None or m.actor != src.actor):
                return m
        return None
    cands: list[Token] = []
    for c in children(trigger):
        if c.dep_ == "ccomp":
            cands += [g for g in children(c) if g.dep_ in ("nsubj", "nsubjpass")]
    objs = [c for c in children(trigger) if c.dep_ == "dobj"]
    objs += [g for c in children(trigger) if c.dep_ == "xcomp" for g in children(c) if g.dep_ == "dobj"]
    for o in objs:
        cands.append(o)
        cands += [c for c in children(o) if c.dep_ in ("poss", "amod", "compound", "nmod")]
    for t in cands:
        m = actor_of(t, index)[0] if t.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        m = _as_party(m or _state_of(t, index), index)  # a town stands for its state
        if m is not None and m.actor and (src is None or m.actor != src.actor):
            return m
    return None


def _is_party(m: Mention) -> bool:
    """A state, organisation or region can be a party by a modifier ("the China deal", "the AUKUS
    pact", "Darfur rebels")."""
    return (m.actor or "").startswith(("state:", "org:")) or is_region(m)


def is_region(m: Mention | None) -> bool:
    """A region that stands as a party of its own ("Darfur", "Kosovo"; data/regions.json)."""
    if m is None or not (m.actor or "").startswith("place:"):
        return False
    r = load_knowledge().region(m.text)
    return r is not None and r.kind == "region"


def _conj_first(tok: Token) -> list[Token]:
    return [tok, *[c for c in children(tok) if c.dep_ == "conj"]]


_BORROW = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "acomp"})  # acomp: "is prepared to"


def _borrowed_subject(verb: Token, index: MentionIndex) -> list[Token]:
    """The subject a verb without one shares with the clause above it.

    "Blinken is expected to meet ...", "... and met Xi", "plans to leave on Friday, stopping in
    Darwin to meet commanders" (up a chain of such clauses), "a summit to be held" (the noun),
    "ordered the jets to shoot it down" (the object of a control verb).
    A passive verb borrows nothing: the subject above is not its agent ("after the pact was
    signed, Jakarta suspended ...").
    """
    cur = verb
    for _ in range(4):
        if cur.dep_ not in _BORROW or cur.head is cur:
            return []
        lo, hi = sorted((cur.idx, cur.head.idx))
        text = doc_text(cur.doc)  # cached: Doc.text is rebuilt from every token on each access
        if "\n" in text[lo:hi]:
            # the parser ran two paragraphs together: "Speaking to Mr. Blinken ..., Qin Gang said"
            # takes the subject of the next clause in its own paragraph, never the other's
            end = text.find("\n", cur.idx)
            end = len(text) if end < 0 else end
            nxt = (t for t in cur.doc[cur.i + 1 :] if t.idx < end and t.dep_ == "nsubj" and t.head.i > cur.i)
            return [t for t in nxt][:1] if cur.tag_ == "VBG" else []
        if cur.dep_ in ("acl", "relcl"):
            return [cur.head]
        if cur.dep_ == "xcomp":  # object control: "urged Washington to stop", "ordered jets to ..."
            obj = [c for c in children(cur.head) if c.dep_ in ("dobj", "dative")][:1]
            if obj and (obj[0].lemma_.lower() in AGENT_NOUNS or actor_of(obj[0], index)[0] is not None):
                return obj  # not "spent months blaming ...": months do not act
        cur = cur.head
        found = [c for c in children(cur) if c.dep_ in ("nsubj", "nsubjpass")][:1]
        if found:
            return found
    return []


#: Pronouns that, as the subject of reported speech, stand for the reporter: "Japan said it had
#: halted aid", "the rebels said they will release ...".
_REPORTED_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
#: Prepositions whose object is the party acted on: "aid to Bosnia", "fire on protesters",
#: "a curfew on Palestinians", "weapons seized from rebels", "a programme for Bosnia".
_OBLIQUE = frozenset({"to", "against", "on", "at", "from", "for", "into", "with", "between"})


def _reporter(tok: Token) -> Token:
    """The reporter a pronoun subject of reported speech stands for (or owns: "their forces"),
    else ``tok``.

    Only when the clause is the complement of a verb whose own subject is not a pronoun:
    "Switzerland said it had expelled ..." -> Switzerland.
    """
    owner = next((c for c in children(tok) if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    owned = owner is not None and tok.lemma_.lower() in GROUP_NOUNS
    # "the rebels said their forces had withdrawn": the forces are the rebels'
    if not (owned or tok.lower_ in _REPORTED_PRONOUNS) or tok.head.dep_ != "ccomp":
        return tok
    outer = next((c for c in children(tok.head.head) if c.dep_ == "nsubj"), None)
    if outer is None or outer.pos_ == "PRON":
        return tok
    return outer


def _oblique_parties(trigger: Token, verb: Token) -> list[Token]:
    """Objects of party prepositions on the trigger, its direct object, or the verb that carries
    it ("gave aid to X"); not those of a clause the noun merely sits in ("a hotline between A and
    B, after the detention of ...")."""
    carries = trigger == verb or (trigger.head == verb and trigger.dep_ in ("dobj", "nsubjpass", "attr"))
    heads = [trigger, verb] if carries else [trigger]
    # "threatened to shell Iraqi towns", "promised to send aid to Bolivia": the party of the
    # intended act is the party of the intent
    heads += [c for h in list(heads) for c in children(h) if _infinitive(c)]
    out: list[Token] = []
    for h in heads:  # "gave Cyprus a grant": a nominal dative is the party itself
        out += [c for c in children(h) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    objs = [c for h in heads for c in children(h) if c.dep_ in ("dobj", "dative")]
    out += [c for h in heads[1:] if _infinitive(h) for c in children(h) if c.dep_ == "dobj"]
    for carrier in dict.fromkeys([*heads, *objs]):
        for c in children(carrier):
            # spaCy labels the "to" phrase of give/provide/offer as a dative, not a prep
            if c.dep_ in ("prep", "dative") and c.lower_ in _OBLIQUE:
                out += objects_of(c)
    out += [g for o in objs if o.lemma_.lower() in _ASKING_NOUNS for g in _asker(o)]
    return out


#: Nouns for something asked or offered: who asked is the party of the answer ("rebuffed a
#: request for a meeting from Lloyd Austin").
_ASKING_NOUNS = frozenset(
    {"request", "offer", "proposal", "invitation", "bid", "call", "demand", "plea", "appeal", "overture"}
)


def _asker(noun: Token) -> list[Token]:
    """Who made the request ``noun`` names, where the parser hung "from X" or "by X" on the thing
    requested ("a request for a meeting from his counterpart")."""
    return [
        x
        for c in children(noun)
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in objects_of(c)
        for p in children(g)
        if p.dep_ == "prep" and p.lower_ in ("from", "by")
        for x in objects_of(p)
    ]


def _infinitive(tok: Token) -> bool:
    """An infinitive complement: "threatened to shell", also where the parser makes it an adverbial
    clause because a date stands between ("threatened on Monday to secede")."""
    return tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl"
        and tok.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    )


def group_state(tok: Token, index: MentionIndex) -> Mention | None:
    """The state a group of people names by nationality: "Iraqis", "Palestinian detainees",
    "the deputy chief of Israel's militia ally" (through "of" and owners, two steps at most)."""
    k = load_knowledge()
    for t in [
        tok,
        *[
            g
            for c in children(tok)
            # "the homes of Palestinians", "a camp for Congolese refugees"
            if c.dep_ == "prep"
            and (c.lower_ == "of" or (c.lower_ == "for" and tok.lemma_.lower() not in GROUP_NOUNS))
            for g in children(c)
            if g.dep_ == "pobj" and (c.lower_ == "of" or g.lemma_.lower() in GROUP_NOUNS)
        ],
    ]:
        if t is not tok and (m := index.covering(t.idx, t.idx + len(t))) is not None and m.label == "GROUP":
            return m  # "a camp for Congolese refugees": the group the actors stage named
        cands = [t] if t.tag_ in ("NNPS", "NNS") or t.ent_type_ == "NORP" else []
        if t.lemma_.lower() in GROUP_NOUNS or t.lower_ in GROUP_NOUNS:
            cands += [c for c in children(t) if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < t.i]
            # "opposition parties in Nepal", "demonstrators in Baghdad": where the group is from
            for c in children(t):
                if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                    for g in children(c):
                        m = index.covering(g.idx, g.idx + len(g)) if g.dep_ == "pobj" else None
                        st = index.state_of_place(m) if m is not None else None
                        if st is not None and (st.actor or "").startswith("state:"):
                            return st
        for c in cands:
            m = index.covering(c.idx, c.idx + len(c))
            if m is not None and (m.actor or "").startswith("state:"):
                return m
            country = (
                demonym_country(c)[0]
                or (k.demonym(c.text[:-1]) if c is t and c.text.endswith("s") else None)  # "Iraqis"
                or (k.country_word(c.text) if c.dep_ == "poss" else None)
            )
            if country is not None:
                actor = f"state:{country.iso3}"
                how = "the state of a group named by nationality"
                if actor not in index.actors:
                    how += f"; {UNNAMED_STATE}"
                span = Span(index.article, c.idx, c.idx + len(c))
                return Mention(span, c.text, "DEMONYM", actor, how)
    return None


def complaint_party(trigger: Token, index: MentionIndex, src: Mention | None) -> Mention | None:
    """The party a complaint or accusation is about, named in its "over", "about" or "against"
    phrase ("complained to the UN over two Israeli air raids" -> Israel)."""
    for c in children(trigger):
        if c.dep_ != "prep" or c.lower_ not in ("over", "about", "against"):
            continue
        for g in objects_of(c):
            m = actor_of(g, index)[0] or demonym_party([g], index, src) or group_state(g, index)
            if m is not None and (src is None or m.actor != src.actor):
                return _as_party(m, index)
    return None


#: Prepositions that locate an act ("outside Parliament", "in Kosovo"): a party named there is
#: where it happened, not whom it was aimed at.
_LOCATIVE = frozenset(
    {"in", "at", "outside", "inside", "near", "across", "throughout", "into", "around", "on"}
)


def protest_target(trigger: Token, verb: Token, index: MentionIndex, src: Mention | None) -> Mention | None:
    """Whom a protest is aimed at when no argument names it: the first party named in the rest of
    its clause ("staged demonstrations to demand the resignation of President Suharto", "rioted
    following a demonstration calling for the removal of President Hosni Mubarak", "blocked roads
    to press their demands for greater freedom from President Bouteflika"), never in its subject
    or in a phrase that only says where ("a hunger strike outside Parliament")."""
    head = verb if trigger != verb and trigger.dep_ in ("dobj", "nsubjpass", "attr") else trigger
    skip = {
        t.i
        for c in children(head)
        if c.dep_ in ("nsubj", "nsubjpass", "csubj", "parataxis")
        or (c.dep_ == "prep" and c.lower_ in _LOCATIVE)
        for t in subtree(c)
    }
    skip |= {t.i for t in subtree(trigger) if t.dep_ == "prep" and t.lower_ in _LOCATIVE for t in subtree(t)}
    seen: set[str] = set()
    for t in subtree(head):
        if t.i in skip or t.i == trigger.i:
            continue
        m = index.covering(t.idx, t.idx + len(t))
        if m is None or m.actor in seen or (src is not None and m.actor == src.actor):
            continue
        seen.add(m.actor or "")
        party = _as_party(m, index) if (m.actor or "").startswith("place:") else m
        if party is not None and (src is None or party.actor != src.actor):
            return party
    return None


def _as_party(m: Mention | None, index: MentionIndex) -> Mention | None:
    """A party, never a place: a town or building mention becomes its state, or nothing."""
    return index.state_of_place(m) if m is not None else None


#: Types whose event noun takes its target in an "of" phrase ("the invasion of South Lebanon",
#: "the blockade of Yugoslavia", "the arrest of the leaders"); elsewhere "of" names the doer
#: ("the withdrawal of Syrian troops", "a visit of the minister").
_OF_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: Prepositions whose object on an event noun is its counterpart; "from" for a retreat ("the
#: withdrawal from Panama").
_NOUN_TARGET_PREPS = {"RETREAT": ("from",)}


#: Verbs of letting or making another party act ("allow X to run", "let X land").
_LETTING = frozenset(
    {"allow", "permit", "let", "enable", "authorize", "authorise", "force", "compel", "help"}
)
#: Verbs whose passive states the subject's own stance ("is opposed to", "is committed to"): the
#: passive subject is the actor.
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "resolve", "prepare", "dispose"})


def arguments(trigger: Token, verb: Token, index: MentionIndex, kind: str | None = None) -> Args:
    """Source and target of an event whose trigger is ``trigger`` (a verb, or a noun under ``verb``);
    ``kind``, the event type, says which prepositions of an event noun name its counterpart."""
    notes: list[str] = []
    subj: list[Token] = []
    objs: list[Token] = []
    carriers = [trigger] if trigger == verb else [trigger, verb]
    for c in children(verb):
        if c.dep_ in ("nsubj", "csubj"):
            subj = _conj_first(c)
        elif c.dep_ == "nsubjpass":
            objs = _conj_first(c)
        elif c.dep_ == "agent" and not subj:  # "shortened by one hour the curfew": no agent
            subj = [g for g in children(c) if g.dep_ == "pobj"][:1]
            subj = _conj_first(subj[0]) if subj else []
    if not objs and trigger == verb and trigger.lemma_.lower() in _LETTING:
        # "allowed candidate Alassane Ouattara to participate": whom the permission is for is
        # the subject of the clause it allows
        objs = [
            g
            for c in children(trigger)
            if c.dep_ in ("ccomp", "xcomp")
            for g in children(c)
            if g.dep_ == "nsubj"
        ][:1]
    if verb.dep_ == "relcl" and subj and subj[0].tag_ in ("WP", "WDT"):
        subj = [verb.head]  # "Wang Yi, who traveled to Munich": the relative pronoun's antecedent
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children(verb))
    if passive and verb.lemma_.lower() in _STATIVE_PASSIVES and not subj and trigger == verb:
        subj, objs, passive = objs, [], False  # "Israel is opposed to French mediation": Israel opposes
    if not subj and not passive:
        subj = _borrowed_subject(verb, index)
    if trigger != verb:
        own = [c for c in children(trigger) if c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN"]
        own += [
            g
            for c in children(trigger)
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in children(c)
            if g.dep_ == "pobj"
        ]
        # "the Israeli attack on Gaza": a state demonym before the noun is its agent, even a
        # state the article names nowhere else (CAMEO codes the country of the deed)
        thing = [c for c in children(trigger) if c.dep_ == "amod" and _state_of(c, index, True) is not None]
        own += thing
        own = [
            t for t in own if actor_of(t, index)[0] is not None or _state_of(t, index, t in thing) is not None
        ]
        if own:
            subj = _conj_first(own[0]) if len(own) == 1 else own
    preps: tuple[str, ...] = ("with", "between", "to", "against", "on")
    if trigger != verb and kind is not None:
        preps += ("of",) * (kind in _OF_TARGET) + _NOUN_TARGET_PREPS.get(kind, ())
    for carrier in carriers:
        if carrier is trigger or not objs:
            # the first direct object before any prepositional phrase (a second object is a
            # misparse: "abused Mexican immigrants with impunity, a human rights organization charged")
            first = next((c for c in children(carrier) if c.dep_ == "dobj"), None)
            if first is not None and carrier is trigger:
                objs = _conj_first(first)
            for c in children(carrier):
                if c.dep_ == "prep" and c.lower_ in preps and not objs:
                    if c.lower_ in ("of", "from") and carrier is not trigger:
                        continue  # "of" and "from" only on the event noun itself
                    pobj = objects_of(c)
                    if pobj and (c.lower_ != "on" or carrier is trigger):
                        objs = _conj_first(pobj[0])
    subj = [_reporter(t) for t in subj]
    thing = [t for t in subj if index.thing_at(t.idx) and t.head == trigger and t.dep_ == "amod"]
    people = [_subject_party(t, index, t in thing) for t in subj]
    # "Hungarian and Romanian officials agreed": the conjoined modifier is the other party
    people += [(_state_of(g, index), None) for t in subj for g in _modifier_conjuncts(t)]
    targets = [actor_of(t, index) for t in objs]
    notes += [n for _, n in people + targets if n]
    src = next((m for m, _ in people if m), None)
    tgt = next((m for m, _ in targets if m and m is not src), None)
    if src is not None and tgt is None:
        # "Blinken and Wang met", "talks between A and B": the second party is the target
        tgt = next((m for m, _ in people[1:] if m and m.actor != src.actor), None)
    if src is None and len(targets) > 1 and trigger.pos_ == "NOUN":
        src, tgt = targets[0][0], next((m for m, _ in targets[1:] if m), None)
    if tgt is not None and src is not None and tgt.actor == src.actor:
        tgt = None
    obliques = _oblique_parties(trigger, verb) if tgt is None else []  # read only to find a target
    if tgt is None:  # "shared evidence with the U.S.", "gave aid to Bosnia", "fired on protesters"
        obl = (actor_of(t, index)[0] for t in obliques)
        tgt = next((m for m in obl if m and (src is None or m.actor != src.actor)), None)
    if tgt is None:  # "rejected an Australian ultimatum", "shelled Iraqi towns"
        tgt = demonym_party([*objs, *obliques], index, src)
    if tgt is None:  # "killed four Iraqis", "arrested Palestinian activists": a group is its state
        grp = (group_state(t, index) for t in [*objs, *obliques])
        tgt = next((m for m in grp if m and (src is None or m.actor != src.actor)), None)
    if src is None:
        src = next((m for m in (group_state(t, index) for t in subj) if m), None)
    src, tgt = _as_party(src, index), _as_party(tgt, index)
    if tgt is not None and src is not None and tgt.actor == src.actor:
        tgt = None
    if tgt is not None and (tgt.how or "").startswith("the state '"):
        notes.append(f"target: the state of the place '{tgt.text}' (a place is never a party)")
    notes += [n for n in (index.unnamed_state_note(src), index.unnamed_state_note(tgt)) if n]
    return Args(src, tgt, tuple(notes))


def _subject_party(tok: Token, index: MentionIndex, thing: bool) -> tuple[Mention | None, str | None]:
    """The party a subject names, else the state its demonym names (``thing``: a demonym on the
    thing that acts, "an Indonesian boat")."""
    found = actor_of(tok, index)
    return found if found[0] else (_state_of(tok, index, thing), None)


def place_of(
    trigger: Token, verb: Token, index: MentionIndex, date_chars: set[int]
) -> tuple[str, int, int] | None:
    """Where it happened: 'in Beijing', 'at the Great Hall of the People', 'on the sidelines of ...'."""
    # "signed a pact in Canberra": the place may hang off the object, or the intended act's
    # ("threatened to institute a curfew in Algiers")
    acts = [c for c in children(trigger) if _infinitive(c)]
    objs = [c for h in (trigger, *acts) for c in children(h) if c.dep_ == "dobj"]
    # "killed 23 people when they blew themselves up in Tel Aviv": a when-clause says where
    acts += [
        c
        for c in children(trigger)
        if c.dep_ == "advcl"
        and any(m.lower_ in ("when", "as", "while") for m in children(c) if m.dep_ in ("advmod", "mark"))
    ]
    # "lifted a state of emergency in West Darfur": the place may hang off the object's "of" phrase
    objs += [
        g
        for o in list(objs)
        for c in children(o)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in children(c)
        if g.dep_ == "pobj"
    ]
    for carrier in dict.fromkeys([trigger, verb, *acts, *objs]):
        for c in children(carrier):
            if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
                continue
            if carrier in objs and c.lower_ not in ("in", "at"):
                continue
            for g in children(c):
                if g.dep_ != "pobj" or g.idx in date_chars:
                    continue
                # the phrase without a clause on it ("in West Darfur State that was imposed six
                # months ago"): the clause's date is not the place's
                clause = {
                    t.i
                    for x in subtree(g)
                    if x.dep_ in ("relcl", "acl", "advcl", "ccomp") and x.head.i >= g.i
                    for t in subtree(x)
                }
                sub = [t for t in subtree(g) if t.i not in clause]
                start = sub[0].idx
                if any(t.idx in date_chars for t in sub):
                    continue
                if c.lower_ == "on" and g.lower_ not in ("sidelines", "margins", "side", "grounds"):
                    continue
                if c.lower_ in ("to", "for") and carrier.lemma_ not in _TRAVEL:
                    continue
                if c.lower_ == "for" and carrier.lemma_ not in ("leave", "depart", "head"):
                    continue
                m = index.covering(g.idx, g.idx + len(g))
                # "at the Merdeka Palace", not "at the time that ... Australia's zone"
                proper = any(t.pos_ == "PROPN" for t in _phrase(g))
                if (m is not None and m.label in _PLACE_LABELS) or (proper and c.lower_ in ("at", "on")):
                    text = _words_of(sub[0], sub[-1]).rstrip(" ,.")
                    return text, start, start + len(text)
    return None


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without clauses or owners ("the time that ...", "China's grievances")."""
    out = [head]
    for c in children(head):
        if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "poss"):
            out += _phrase(c)
    return out


def _words_of(first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` (``doc[first.i : last.i + 1].text``), cut from the
    cached article text instead of joined from the tokens."""
    return doc_text(first.doc)[first.idx : last.idx + len(last)]


def duration_of(trigger: Token) -> str | None:
    """'35-minute meeting', 'three-hour session', 'talks lasting more than three hours'."""
    toks = [
        c for c in children(trigger) if c.dep_ in ("amod", "compound", "nummod", "acl", "prep", "npadvmod")
    ]
    for t in toks:
        sub = list(subtree(t))
        text = _words_of(sub[0], sub[-1])
        m = _DURATION.search(text)
        if m and (t.dep_ != "prep" or t.lower_ in ("for", "of")):
            return m.group(0)
    return None
