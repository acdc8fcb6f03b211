"""Places and things that spaCy reads as actors, told apart by the words around them.

The small English model tags unfamiliar towns as people or organisations ("stopping in Darwin",
"a skipper from Broome"), names events as if they were actors ("the Shangri-La Dialogue") and
gives a country's demonym to whatever it modifies ("an Indonesian fishing boat"). A state that
only describes a boat did nothing, so such a demonym must not become the actor of a verb. Each
test here uses context, never a list of place names, and never overrides a person cue (an
honorific, a name word of a person the article names in full, a known person).
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...knowledge import Country, Knowledge
from ...words import HONORIFIC_PATTERN
from .keys import name_key
from .organisations import INSTITUTION, is_org_name
from .roles import ROLE_HEADS

__all__ = [
    "place_reading",
    "person_reading",
    "event_name",
    "demonym_thing",
    "group_head",
    "group_of",
    "PEOPLE_HEADS",
    "GROUP_HEADS",
]


def _words(block: str) -> list[str]:
    return block.split()


#: Head nouns naming people, groups of people or institutions: a demonym before one of these
#: ("Indonesian officials", "the Chinese government") names an actor.
PEOPLE_HEADS = frozenset(
    [
        *ROLE_HEADS,
        *_words(
            """people person citizen national resident official diplomat leader leadership government
            administration authority regime state navy army military force troop soldier
            sailor marine pilot police guard coastguard crew fisherman fishermen fisher
            skipper captain worker farmer student activist protester delegation delegate
            team negotiator side ministry department agency embassy consulate parliament
            congress senate cabinet court company firm bank media press public voter
            community lawmaker politician intelligence investigator prosecutor operator
            manufacturer exporter importer buyer seller investor trader friend partner
            ally neighbour neighbor family counterpart host rival colleague audience
            visitor tourist migrant refugee man woman child youth group organisation
            organization club union party opposition owner detainee prisoner inmate hostage
            captive immigrant emigrant settler pilgrim exile dissident"""
        ),
    ]
)


def _group(names: str, group: str, sector: str) -> dict[str, tuple[str, str]]:
    return dict.fromkeys(_words(names), (group, sector))


#: Head nouns (singular and plural, lower case) naming a state's armed or civil group that acts
#: on its own: "Israeli tanks shelled", "Burmese troops attacked", "Palestinian refugees
#: protested". The demonym's state owns the group; the group, not the government, is the actor.
#: Sectors follow the CAMEO actor codebook (MIL military, COP police, REB rebels, CVL civilians,
#: REF refugees). Officials, diplomats and governments stay the state itself (PEOPLE_HEADS).
GROUP_HEADS: dict[str, tuple[str, str]] = {
    **_group(
        """troop troops force forces soldier soldiers army armies military navy navies aircraft
        jet jets warplane warplanes fighter-jets bomber bombers helicopter helicopters gunship
        gunships warship warships frigate frigates destroyer destroyers submarine submarines
        gunboat gunboats tank tanks artillery paratrooper paratroopers marines commandos
        commando airforce air-force""",
        "military",
        "MIL",
    ),
    **_group("police policeman policemen gendarmes gendarmerie", "police", "COP"),
    **_group(
        """rebel rebels insurgent insurgents guerrilla guerrillas guerillas militant militants
        militia militias militiamen separatists""",
        "rebels",
        "REB",
    ),
    **_group("protester protesters protestor protestors demonstrators rioters", "protesters", "CVL"),
    **_group("refugee refugees migrants asylum-seekers", "refugees", "REF"),
    **_group("civilian civilians villagers", "civilians", "CVL"),
}


def group_head(ent: SpacySpan) -> Token | None:
    """The group noun a demonym modifies ("Soviet aircraft" -> "aircraft", "Chinese navy
    warships" -> "warships"), or None when it modifies anything else."""
    tok: Token = ent.root
    if tok.dep_ not in ("amod", "compound", "nmod") or tok.head == tok or tok.head.i < tok.i:
        return None
    head = tok.head
    while head.dep_ == "compound" and head.head != head and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.i - tok.i > 3 or head.ent_type_ or head.lower_ not in GROUP_HEADS:
        return None
    return head


def group_of(text: str, kn: Knowledge) -> tuple[Country, str, str] | None:
    """(state, group, sector) for a group mention's text ("South African troops")."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in GROUP_HEADS:
        return None
    for k in range(len(words) - 1, 0, -1):
        c = kn.country_word(" ".join(words[:k]))
        if c is not None:
            group, sector = GROUP_HEADS[words[-1].lower()]
            return c, group, sector
    return None


#: Nouns of doing where the demonym is the doer ("an Australian proposal", "Chinese pressure").
_AGENTIVE = frozenset(
    _words(
        """proposal pressure protest demand offer response statement position request warning
        threat objection complaint decision plan initiative bid effort move visit delegation"""
    )
)
#: Words after a name that make it an event's name: "the Shangri-La Dialogue", "G20 summit".
_EVENT_TAIL = re.compile(r"\s*(?:[Ss]ummit|[Dd]ialogue|[Cc]onference|[Gg]ames|[Oo]lympics|[Cc]ongress of)\b")
_EVENT_HEAD = re.compile(r"\b(?:[Ss]ummit|[Dd]ialogue|[Cc]onference)$")
#: Prepositions that locate; "to" only after a word of travel ("trip to Darwin", not "said to Lee").
_LOCATING = re.compile(
    r"(?:\b(?:in|at|near|from|off|outside|around|via|across)"
    r"|\b(?:trip|travel\w*|flew|fly|flights?|head\w*|return\w*|visit\w*|go|went|moved?|route|way)\s+to)"
    r"\s+(?:the\s+)?$",
    re.I,
)
#: Words after a name that make it a region: "the Kimberley coast", "Riau province".
_REGION_TAIL = re.compile(
    r"\s+(?:region|coast|coastline|province|state|district|area|islands?|peninsula|strait|sea|waters"
    r"|border|basin|shelf|archipelago)\b"
)
_GEO_HEAD = re.compile(
    r"\b(?:Reef|Island|Islands|Bay|Strait|Sea|Coast|Peninsula|River|Lake|Harbou?r|Mountains?|Gulf"
    r"|Shoal|Shoals|Atoll|Valley|Plateau|Point|Cape|Sound|Passage)$"
)
_GEO_LEAD = re.compile(r"(?:Cape|Mount|Mt\.|Lake|Port|Isla|Pulau|Gunung)\s")
#: Words after a name that make it a person's: "the Bush administration", "the Obama years".
_PERSON_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:and|or)\s+[A-Z][\w-]+)?\s+(?:administrations?|presidency|presidencies|government"
    r"|era|years|campaign|family|doctrine|said|says|told)\b"
)
_HONORIFIC_BEFORE = re.compile(rf"(?:{HONORIFIC_PATTERN}|President|Minister|Senator)\.?\s+$")


def event_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` names an event ("Shangri-La Dialogue")."""
    return bool(_EVENT_HEAD.search(text[start:end]) or _EVENT_TAIL.match(text, end))


def place_reading(
    text: str,
    start: int,
    end: int,
    name: str,
    kn: Knowledge,
    names: dict[str, str],
    places: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """("GPE"|"LOC", reason) when a name tagged PERSON or ORG is a place by its context, else
    None. ``places`` are names the article itself tags as places elsewhere (one sense per
    article)."""
    key = name_key(name)
    words = key.split()
    if not words or kn.person(name) or kn.org(name) or any(kn.people_named(w) for w in words):
        return None
    if _HONORIFIC_BEFORE.search(text[max(0, start - 12) : start]):
        return None  # a title before it: "President Darwin"
    if len(words) >= 2 and is_org_name(name) and not kn.city(name):
        return None  # "support from the Kosovo Assembly": an institution's head noun
    if kn.city(name) and _LOCATING.search(text[max(0, start - 30) : start]):
        return "GPE", "major city after a locating word"  # "officials from Cali said"
    if _PERSON_AFTER.match(text, end):
        return None  # a person cue: a title before it, "the X administration" after it
    if len(words) >= 2 and (_GEO_HEAD.search(name) or _GEO_LEAD.match(name)):
        return "LOC", "geographic head word"  # "Kimberley Point" is a place even if NER saw a name
    if any(w in names for w in words):
        return None  # a name word of a person the article names in full
    if kn.capital(name):
        return "GPE", "capital city (knowledge file)"
    if kn.city(name):
        return "GPE", "major city (cities gazetteer)"
    if _REGION_TAIL.match(text, end):
        return "LOC", f"region: '{name}{_REGION_TAIL.match(text, end).group()}'"  # type: ignore[union-attr]
    if len(words) > 2:
        return None
    before = text[max(0, start - 30) : start]
    if _LOCATING.search(before) and not _SPEAKS_AFTER.match(text, end):
        return "GPE", f"after '{_LOCATING.search(before).group().strip()}', no person cue"  # type: ignore[union-attr]
    if name in places:
        return "GPE", "tagged as a place elsewhere in the article"
    return None


#: "Jakarta's foreign minister said": a place owning a speaker (matched from where the name ends).
_SPEAKS_AFTER = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:said|says|told)\b")
_INSTITUTION_WORDS = re.compile(rf"\b{INSTITUTION}\b")
_TITLE_BEFORE = re.compile(
    r"(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|President|Minister|Senator|Premier|Chancellor|Secretary|Governor"
    r"|General|Gen|Ambassador|Mayor|King|Queen|Prince|Sheikh|Leader|Chairman|Spokesman)\.?\s+$"
)
_SAYS_AFTER = re.compile(r"(?:,[^,]{3,60},)?\s+(?:said|says|told|added|stated|insisted|wrote)\b")


def person_reading(text: str, start: int, end: int, name: str, kn: Knowledge) -> str | None:
    """Why a name tagged GPE/LOC is a person, or None: a title right before it ("Prime
    Minister Ulf Kristersson") or, for a two- or three-word name no gazetteer knows, a verb of
    saying after it ("Ulf Kristersson said"). Countries, capitals and known cities stay places."""
    if kn.country(name) or kn.capital(name) or kn.city(name) or kn.country_word(name):
        return None
    if _TITLE_BEFORE.search(text[max(0, start - 14) : start]):
        return "title before the name"
    words = name.split()
    full_name = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    geographic = _GEO_HEAD.search(name) or _GEO_LEAD.match(name)
    if full_name and not geographic and _SAYS_AFTER.match(text, end):
        return "a verb of saying after a full name"
    return None


def demonym_thing(ent: SpacySpan) -> str | None:
    """The thing a demonym describes ("an Indonesian fishing boat" -> "boat"), or None when it
    describes people or an institution ("Indonesian officials", "the Chinese government"), a
    name ("Chinese Foreign Ministry"), a deed ("an Australian proposal"), or is a noun itself
    ("the Australians")."""
    tok: Token = ent.root
    nxt = ent.doc[tok.i + 1] if tok.i + 1 < len(ent.doc) else None
    if nxt is not None and nxt.ent_type_ == "ORG" and nxt.ent_iob_ == "B":
        # "an Australian Border Force cutter": the country belongs to the organisation's name
        # (which takes it as its country), so the state itself is not the actor here
        return nxt.text
    if tok.dep_ not in ("amod", "compound") or tok.head == tok:
        return None
    head = tok.head
    while head.dep_ == "compound" and head.head != head and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    between = ent.doc[min(tok.i, head.i) : max(tok.i, head.i) + 1]
    if any(t.ent_type_ in ("ORG", "PERSON") for t in between if t.i != tok.i):
        return None  # "Australian Border Force cutter": the demonym may belong to the name
    lemma = head.lemma_.lower()
    if lemma in PEOPLE_HEADS or head.lower_ in PEOPLE_HEADS or lemma in _AGENTIVE:
        return None
    phrase = " ".join(t.lower_ for t in between if t.i != tok.i)
    if _INSTITUTION_WORDS.search(phrase):
        return None
    return head.text
