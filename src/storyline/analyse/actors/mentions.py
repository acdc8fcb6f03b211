"""Mentions: every stretch of an article that names or points at an actor.

spaCy's NER is the base. News text trips it in known ways, which the rules below repair, each
recording what it did in ``Mention.how``: headline verbs swallowed into a PERSON ("Blinken Meets
Xi"), surnames tagged as places or organisations ("Blinken" GPE, "Raimondo" ORG), titles inside a
PERSON ("Councillor Wang Yi"), possessives ("North Korea's"), dyads ("U.S.-China"), demonyms,
capitals standing for governments ("Beijing said"), role phrases ("the U.S. defense chief"),
unnamed sources ("a senior State Department official"), bylines and photo credits, pronouns, and
typos one edit from a name the article uses.

Labels: PERSON ORG GPE LOC FAC (spaCy's, repaired), DYAD, DEMONYM, METONYM, ROLE, UNNAMED,
UNNAMED_REF, BYLINE, PRON, TYPO, GROUP (a demonym and a group noun, "Israeli tanks", "Palestinian
refugees": the state's military, police, rebels, civilians or refugees as one actor), and
DEMONYM_THING (a country word describing a thing, "an Indonesian fishing boat": kept for its
country, never given an actor, so events ignore it).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...knowledge import Knowledge, load_knowledge
from ...model import Article, Mention, Span
from ...words import HONORIFIC_PATTERN, PERSON_PRONOUNS
from ..gates import first_chars, longest_first, quote_s_within
from ..nlp import doc_text
from ..ranges import Intervals
from ..tokens import children, column, ents, flags
from .keys import name_key
from .organisations import described_as_org, institution_mentions, is_org_name, looks_like_person, venue_name
from .places import demonym_thing, event_name, group_head, person_reading, place_reading
from .roles import TITLE_WORDS

__all__ = ["find_mentions", "edit_distance_one"]

_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_HONORIFIC = re.compile(rf"^(?:{HONORIFIC_PATTERN})\.?\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DEPARTMENT_WORDS = {
    "state",
    "treasury",
    "defense",
    "defence",
    "commerce",
    "house",
    "energy",
    "justice",
    "interior",
    "senate",
}
# Capitals act (said, blamed, claims) as governments; after these prepositions or verbs of
# motion they are places. Tuned by reading the seeds' 40 capital mentions.
_PLACE_PREPS = {
    "in",
    "to",
    "from",
    "at",
    "into",
    "near",
    "across",
    "through",
    "around",
    "outside",
    "inside",
    "via",
    "toward",
    "towards",
    "for",
    "over",
    "of",
}
_MOTION = {"visit", "leave", "reach", "arrive", "enter", "tour", "land", "fly", "travel", "head"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "agent", "dative", "dobj", "conj", "appos"}
_PRONOUNS = PERSON_PRONOUNS

_UNNAMED = re.compile(
    # words inside one sentence: a dot only in abbreviations ("U.S."), never "detention. A ..."
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:(?:(?:[A-Z]\.){2,}|[\w’'-]+)\s+){0,5}?)"
    r"(official|diplomat|spokesperson|spokesman|spokeswoman|aide|source|officer|adviser|advisor)\b(?!\s+[A-Z])"
)
# An unnamed source is followed by what it did, or ends the clause ("a senior official said");
# "a tersely worded official account" is not one.
_UNNAMED_END = (
    r"\s*(?:[,.;:)—]|(?:said|says|told|who|familiar|with|in|at|on|from|added|according|speaking"
    r"|briefed|insisted|warned|declined|did|does|was|is|has|had)\b)"
)
_UNNAMED_REF = re.compile(
    r"\b[Tt]he\s+(official|diplomat|spokesperson|spokesman|spokeswoman|aide|source)\b(?!\s+[A-Z])"
)
_ROLE_PHRASE = (
    r"(?:secretary of state|foreign (?:minister|secretary)|defen[cs]e (?:minister|secretary|chief)"
    r"|secretary of defen[cs]e|top diplomat|(?:top |paramount )?leader|president|premier|prime minister"
    r"|chancellor|treasury secretary|commerce (?:secretary|minister)|national[- ]security advis[eo]r)"
)
#: How every role phrase match ends (after a space, not followed by a name or "of"): an article
#: with no such words is spared the full pattern, which tries every country name at each word.
_ROLE_TAIL = re.compile(rf"(?<=\s){_ROLE_PHRASE}\b(?!\s+(?-i:[A-Z])|\s+of\b)", re.I)
# A byline name: 2-4 capitalised words or initials on one line ("Nancy A. Youssef").
_NAME = r"[A-Z](?:[\w’'-]+|\.)(?:[ \t]+[A-Z](?:[\w’'-]+|\.)){1,3}"
#: Each byline form with a word every match of it contains: an article without the word (most)
#: is spared the scan, which tries the leading assertions at every character.
_BYLINES = (
    (
        "By",
        re.compile(r"(?:^|(?<=\s))By\s+(" + _NAME + r"(?:(?:,\s+|\s+and\s+)" + _NAME + r")*)"),
        "journalist",
        "byline",
    ),
    (
        "contributed",
        re.compile(
            r"(?:^|(?<=—)|(?<=\. ))("
            + _NAME
            + r"(?:(?:,\s+|\s+and\s+)"
            + _NAME
            + r")*)\s+contributed\s+(?:reporting|research|to this)",
            re.M,
        ),
        "journalist",
        "contributed reporting",
    ),
    ("Credit", re.compile(r"Credit(?:…|\.\.\.|:)\s*(" + _NAME + r")"), "photographer", "photo credit"),
    (
        "Photo",
        re.compile(r"Photo(?:graph)?:\s*(" + _NAME + r")(?=\s*(?:/|for|$))", re.M),
        "photographer",
        "photo credit",
    ),
    (
        "Write to ",
        re.compile(r"Write to (" + _NAME + r"(?:\s+and\s+" + _NAME + r")*) at\b"),
        "journalist",
        "write-to line",
    ),
)


def find_mentions(doc: Doc, article: Article) -> list[Mention]:
    """All actor mentions in one parsed article, in text order, each saying how it was found."""
    kn = load_knowledge()
    aid = article.id
    text = article.text
    byline = _bylines(text, aid)
    taken = Intervals((m.span.start, m.span.end) for m in byline)
    out: list[Mention] = list(byline)
    out += _dyads(text, aid, kn, taken)
    for im in institution_mentions(text, aid, kn):
        if not taken.overlaps(im.span.start, im.span.end):
            out.append(im)
            taken.append((im.span.start, im.span.end))
    names = _article_names(doc, kn)
    places = _article_places(doc, kn, names)
    for ent in ents(doc):
        if ent.label_ not in _LABELS or taken.overlaps(ent.start_char, ent.end_char):
            continue
        for m in _from_ent(ent, text, aid, kn, names, places):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for ent in _untagged_states(doc, kn, taken):
        for m in _from_ent(ent, text, aid, kn, names, places):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for km in _known_pattern(kn).finditer(text):
        if not taken.overlaps(km.start(), km.end()):
            how = "knowledge-file name missed by spaCy"
            out.append(Mention(Span(aid, km.start(), km.end()), km.group(), "PERSON", how=how))
            taken.append((km.start(), km.end()))
    out += _missed_names(doc, aid, names, taken)
    people = Intervals((m.span.start, m.span.end) for m in out if m.label in ("PERSON", "BYLINE", "TYPO"))
    out += _phrases(text, aid, people)
    lower, pos = column(doc, "lower"), column(doc, "pos")
    pronouns = (doc[i] for i, w in enumerate(lower) if w in _PRONOUNS and pos[i] == "PRON")
    out += [
        Mention(Span(aid, t.idx, t.idx + len(t)), t.text, "PRON", how="third-person pronoun")
        for t in pronouns
        if not taken.overlaps(t.idx, t.idx + 1)
    ]
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return out


def edit_distance_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i + 1 :]


def _article_names(doc: Doc, kn: Knowledge) -> dict[str, str]:
    """Name word -> full name, for people the article names in full (and known leaders)."""
    fulls: dict[str, str] = {}
    for ent in ents(doc):
        if ent.label_ == "PERSON":
            full = " ".join(_strip_title(_HONORIFIC.sub("", _POSSESSIVE.sub("", ent.text))).split())
            key = name_key(full)
            if len(key.split()) >= 2 and "-" not in full:
                fulls.setdefault(key, full)
    # "Blinken Meets Xi": a name whose first word is another name's surname is a headline.
    lasts = {k.split()[-1] for k in fulls if k.split()[0] != k.split()[-1]} | _known_surnames(kn)
    words: dict[str, str] = {}
    for ent in ents(doc):  # a surname the article also tags as a PERSON elsewhere
        key = name_key(_POSSESSIVE.sub("", ent.text))
        if ent.label_ == "PERSON" and len(key.split()) == 1 and kn.people_named(key):
            words.setdefault(key, kn.people_named(key)[0].name)
    for key, full in fulls.items():
        if key.split()[0] in lasts and not kn.person(full):
            continue
        for w in key.split():
            words.setdefault(w, full)
    return words


_WORD = re.compile(r"\S+")


def _strip_title(name: str) -> str:
    """``name`` without its leading title words, as written: a suffix of ``name``, so that its
    offset is ``len(name) - len(result)`` whatever the whitespace between the words."""
    words = list(_WORD.finditer(name))
    k = 0
    while len(words) - k > 1 and words[k].group().lower() in TITLE_WORDS:
        k += 1
    return name[words[k].start() :] if k else name


def _article_places(doc: Doc, kn: Knowledge, names: dict[str, str]) -> frozenset[str]:
    """Names the article uses as places somewhere (tagged GPE/LOC, or PERSON/ORG in a place's
    context), so that its other uses of the name read the same ("from Broome" ... "the Broome
    fleet")."""
    out = set()
    text = doc_text(doc)  # spaCy rebuilds Doc.text from its tokens on every access
    for ent in ents(doc):
        name = _POSSESSIVE.sub("", ent.text)
        in_context = ent.label_ in ("PERSON", "ORG") and place_reading(
            text, ent.start_char, ent.start_char + len(name), name, kn, names
        )
        if ent.label_ in ("GPE", "LOC") or in_context:
            out.add(name)
    return frozenset(n for n in out if not any(w in names for w in name_key(n).split()))


def _from_ent(
    ent: SpacySpan,
    doc_text: str,
    aid: str,
    kn: Knowledge,
    names: dict[str, str],
    places: frozenset[str] = frozenset(),
) -> list[Mention]:
    """One spaCy entity, repaired, as zero or more mentions."""
    start, end, label = ent.start_char, ent.end_char, ent.label_
    raw = ent.text
    notes = []
    if label != "PERSON" and raw[:4].lower() == "the ":
        start, raw = start + 4, raw[4:]
    pm = _POSSESSIVE.search(raw)
    if pm and len(raw) > 2:
        raw, end = raw[: pm.start()], end - len(pm.group())
        notes.append("possessive stripped")
    text = raw
    org = kn.org(text)
    key_words = name_key(text).split()
    if len(key_words) == 1 and key_words[0].endswith("s") and key_words[0][:-1] in names and not org:
        return []  # "the two Hadleys": a plural of a surname names a group, not one actor
    if (
        label != "PERSON"
        and key_words
        and all(w in names for w in key_words)
        and not (kn.country(text) or kn.capital(text) or org)
    ):
        notes.append(f"relabelled {label}->PERSON: name word of {names[key_words[0]]}")
        label = "PERSON"
    if label == "PERSON" and (org or kn.country(text)):
        label = "ORG" if org else "GPE"
        notes.append(f"relabelled PERSON->{label}: knowledge file")
    if label in ("FAC", "LOC") and org:
        label = "ORG"
        notes.append(f"relabelled {ent.label_}->ORG: knowledge file")
    if label == "ORG" and not org and kn.country(text):
        label = "GPE"  # "Samoa agreed": a state, not a body named after it
        notes.append("relabelled ORG->GPE: country name")
    if (
        label in ("ORG", "PERSON", "NORP")
        and not org
        and kn.region(text)
        and not kn.region_demonym(text)
        and not (key_words and all(w in names for w in key_words))  # "Wales" for Jimmy Wales
    ):
        label = "GPE"  # "Russia annexed Crimea": a region (regions gazetteer), not a body
        notes.append(f"relabelled {ent.label_}->GPE: region name")
    if label in ("ORG", "PERSON") and not org and kn.demonym(text) and not kn.person(text):
        label = "NORP"  # "Ugandan President Yoweri Museveni": the country word, not a body or a name
        notes.append(f"relabelled {ent.label_}->NORP: demonym")
    if label in ("GPE", "LOC"):
        why_person = person_reading(doc_text, start, end, text, kn)
        if why_person:
            label = "PERSON"
            notes.append(f"relabelled {ent.label_}->PERSON: {why_person}")
    label = _org_or_not(label, text, start, end, doc_text, kn, names, notes)
    if label == "ORG" and (
        (len(key_words) == 1 and key_words[0] in _DEPARTMENT_WORDS)
        or (key_words and all(w in TITLE_WORDS for w in key_words) and not org)
    ):
        return []  # "State" of "Secretary of State", "National Security Advisor" (a title)
    if label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and not org and event_name(doc_text, start, end):
        return []  # "the Shangri-La Dialogue", "the G20 summit": an event's name, not an actor
    if label in ("PERSON", "ORG"):
        place = place_reading(doc_text, start, end, text, kn, names, places)
        if place is not None:
            label = place[0]
            notes.append(f"relabelled {ent.label_}->{label}: {place[1]}")
    if label == "PERSON":
        return _person(doc_text, start, end, text, aid, kn, names, notes)
    how = "; ".join(["spaCy " + ent.label_, *notes])
    if label == "NORP":
        c = kn.demonym(text)
        if c is None:
            return []
        group = group_head(ent)
        if group is not None and group.idx + len(group) <= len(doc_text):
            gend = group.idx + len(group)
            why = f"{how}; demonym of {c.iso3} with the group noun '{group.text}'"
            return [Mention(Span(aid, start, gend), doc_text[start:gend], "GROUP", how=why)]
        thing = demonym_thing(ent)
        if thing is not None:
            why = f"{how}; demonym of {c.iso3} describing a thing ('{thing}'), not an actor"
            return [Mention(Span(aid, start, end), text, "DEMONYM_THING", how=why)]
        return [Mention(Span(aid, start, end), text, "DEMONYM", how=f"{how}; demonym of {c.iso3}")]
    if label in ("GPE", "LOC") and kn.capital(text) and not kn.country(text) and _acts(ent):
        return [Mention(Span(aid, start, end), text, "METONYM", how=f"{how}; capital acting as government")]
    return [Mention(Span(aid, start, end), text, label, how=how)]


def _untagged_states(doc: Doc, kn: Knowledge, taken: Intervals) -> list[SpacySpan]:
    """Country names and capitals spaCy left untagged ("Nigeria arrested ...", "Amman said"),
    as GPE spans: proper nouns only, so "china" (porcelain) and "US" as "us" stay out."""
    out = []
    for m in _state_pattern(kn).finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="GPE")
        if span is None or taken.overlaps(m.start(), m.end()) or any(t.ent_type_ for t in span):
            continue
        if all(t.pos_ == "PROPN" for t in span if t.is_alpha):
            out.append(span)
    return out


@cache
def _state_pattern(kn: Knowledge) -> re.Pattern[str]:
    names = {n for c in kn.countries for n in (c.name, *c.aliases, *c.capitals) if len(n) >= 4}
    names |= {n for r in kn.regions for n in (r.name, *r.aliases) if len(n) >= 4 and n[:1].isupper()}
    return re.compile(rf"(?<![\w.]){first_chars(names)}{longest_first(names)}(?![\w])")


def _org_or_not(
    label: str,
    name: str,
    start: int,
    end: int,
    text: str,
    kn: Knowledge,
    names: dict[str, str],
    notes: list[str],
) -> str:
    """Kind repairs by the words of the name and what stands next to it: an institution's head
    noun makes an organisation, a building's a venue, a capital a place, "X Y of the Z
    Institute" a person, "Bakamla, Indonesia's maritime security agency" an organisation."""
    if kn.org(name) or kn.country(name) or kn.region(name):
        return label  # "the West Bank" is no bank
    new = label
    full_person = len(name_key(name).split()) >= 2 and all(w in names for w in name_key(name).split())
    if label in ("FAC", "LOC", "GPE", "PERSON") and is_org_name(name) and not kn.capital(name):
        new, why = "ORG", "organisation head noun"
    elif label == "ORG" and venue_name(name):
        new, why = "FAC", "building or site"
    elif label == "ORG" and kn.capital(name):
        new, why = "GPE", "capital city"
    elif label == "ORG" and (full_person or looks_like_person(text, start, end)):
        new, why = "PERSON", "a person's name followed by their organisation"
    elif label == "PERSON" and not full_person and described_as_org(text, start, end):
        new, why = "ORG", "apposition describes an organisation"
    if new != label:
        notes.append(f"relabelled {label}->{new}: {why}")
    return new


def _acts(ent: SpacySpan) -> bool:
    """Whether a capital's name does something (a government) rather than locates (a place)."""
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    dep, head = root.dep_, root.head
    if dep == "poss":
        return head.ent_type_ not in ("FAC", "LOC", "GPE") and head.lemma_ not in {
            "street",
            "airport",
            "city",
            "streets",
        }
    if dep == "pobj":
        return head.lower_ not in _PLACE_PREPS
    if dep in ("dobj", "nsubjpass") and head.lemma_ in _MOTION:
        return False
    return dep in _AGENT_DEPS


#: What ``_person`` looks for around every PERSON entity, compiled once.
_DYAD_DASH = re.compile(r"(?<=\w)[-–](?=[A-Z])")
_INITIAL = re.compile(r"[A-Z]\.\s")
_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
_HONORIFIC_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+$")


def _person(
    text: str,
    start: int,
    end: int,
    name: str,
    aid: str,
    kn: Knowledge,
    names: dict[str, str],
    notes: list[str],
) -> list[Mention]:
    """A PERSON entity: titles off, headline verbs and person dyads split, initials extended."""
    stripped = _strip_title(name)
    if stripped != name:
        start += len(name) - len(stripped)
        notes.append(f"title '{name[: len(name) - len(stripped)].strip()}' kept as role")
        name = stripped
    if text[end : end + 1] == ":" and " " not in name:
        return []  # a section label ("Background:")
    parts = _DYAD_DASH.split(name)
    if len(parts) == 2 and all(name_key(p) in names or kn.people_named(p) for p in parts):
        mid = start + len(parts[0]) + 1
        return [
            Mention(
                Span(aid, start, start + len(parts[0])),
                parts[0],
                "PERSON",
                how=f"spaCy PERSON; person dyad '{name}'",
            ),
            Mention(
                Span(aid, mid, mid + len(parts[1])),
                parts[1],
                "PERSON",
                how=f"spaCy PERSON; person dyad '{name}'",
            ),
        ]
    words = name.split()
    key = name_key(name)
    if len(words) > 1 and not kn.person(name) and key not in {name_key(v) for v in names.values()}:
        # "Blinken Meets Xi", "Blinken Plans": a known surname where a given name should be.
        head = name_key(words[0])
        full = names.get(head) or next(
            (p.name for p in kn.people_named(head) if name_key(p.name).split()[-1] == head), None
        )
        if full and name_key(full).split()[-1] == head and name_key(full).split()[0] != head:
            out, pos = [], start
            for w in words:
                wpos = text.index(w, pos)
                pos = wpos + len(w)
                if name_key(w) in names or name_key(w) in _known_surnames(kn) or kn.people_named(w):
                    out.append(
                        Mention(
                            Span(aid, wpos, pos),
                            w,
                            "PERSON",
                            how=f"spaCy PERSON '{name}' split: headline words",
                        )
                    )
            return out
    if _INITIAL.match(name):
        # "J. Blinken" after "Antony": spaCy cut the given name off.
        prev = _NAME_BEFORE.search(text[max(0, start - 30) : start])
        if prev and name_key(prev.group(1) + " " + name) in {name_key(v) for v in names.values()} | {
            name_key(p.name) for p in kn.people_named(words[-1])
        }:
            start -= len(prev.group(0))
            name = text[start:end]
            notes.append("given name restored")
    nxt = _NAME_AFTER.match(text[end : end + 30])
    if nxt and len(words) == 1:
        joined = name_key(name + " " + nxt.group(1))
        if kn.person(joined) or joined in {name_key(v) for v in names.values()}:
            end += nxt.end()
            name = text[start:end]
            notes.append("name completed from the next word")
    back = _HONORIFIC_BEFORE.search(text[max(0, start - 5) : start])
    if back:
        start -= len(back.group())
        name = text[start:end]
    how = "; ".join(["spaCy PERSON", *notes])
    return [Mention(Span(aid, start, end), name, "PERSON", how=how)]


def _missed_names(doc: Doc, aid: str, names: dict[str, str], taken: Intervals) -> list[Mention]:
    """Name words spaCy left untagged, and capitalised words one edit from a name word."""
    out = []
    surnames = {name_key(v).split()[-1] for v in names.values()} | {
        name_key(v).split()[0] for v in names.values()
    }
    titled, ent_type = flags(doc, "IS_TITLE"), column(doc, "ent_type")
    for t in (doc[i] for i, title in enumerate(titled) if title and not ent_type[i]):
        if taken.overlaps(t.idx, t.idx + len(t)):
            continue
        low = t.lower_
        if low in names and t.pos_ == "PROPN":
            out.append(
                Mention(
                    Span(aid, t.idx, t.idx + len(t)),
                    t.text,
                    "PERSON",
                    how=f"name word of {names[low]} missed by spaCy",
                )
            )
            continue
        # Typos: only long words (5+ letters; "Li"/"Xi" are one edit from many names) one
        # edit from exactly one surname, and joined to a person by "and" or a verb's subject.
        if len(low) < 5 or (low.endswith("s") and low[:-1] in names):
            continue  # short words are near too many names; "Hadleys" is a plural
        near = [s for s in surnames if len(s) >= 5 and edit_distance_one(low, s)]
        linked = (
            t.pos_ == "PROPN"
            or t.dep_ in ("nsubj", "nsubjpass", "conj")
            or any(c.dep_ == "conj" and c.lower_ in names for c in children(t))
            # "Blinked and Wang hold talks": the parser reads a verb, the coordination a name.
            or (t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("and", "&") and doc[t.i + 2].lower_ in names)
            or (t.i >= 2 and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].lower_ in names)
        )
        if len(near) == 1 and linked:
            full = next(v for v in names.values() if near[0] in name_key(v).split())
            out.append(
                Mention(
                    Span(aid, t.idx, t.idx + len(t)),
                    t.text,
                    "TYPO",
                    how=f"typo: one edit from '{near[0].title()}' ({full})",
                )
            )
    return out


def _dyads(text: str, aid: str, kn: Knowledge, taken: Intervals) -> list[Mention]:
    """ "U.S.-China", "China-US", "US- China": two states, one mention each."""
    out = []
    for m in _dyad_pattern(kn).finditer(text):
        a, b = m.group(1), m.group(2)
        ca, cb = kn.country(a), kn.country(b)
        if not ca or not cb or ca == cb:
            continue
        how = f"hyphenated dyad '{m.group()}'"
        for g in (1, 2):
            out.append(Mention(Span(aid, m.start(g), m.end(g)), m.group(g), "DYAD", how=how))
            taken.append((m.start(g), m.end(g)))
        taken.append((m.start(), m.end()))
    return out


@cache
def _known_surnames(kn: Knowledge) -> frozenset[str]:
    """Last words of known Western-order names ("blinken"), for headline splitting."""
    return frozenset(
        name_key(p.name).split()[-1]
        for p in kn.people
        if len(name_key(p.name).split()) >= 2 and p.country not in ("CHN", "KOR", "TWN")
    )


@cache
def _known_pattern(kn: Knowledge) -> re.Pattern[str]:
    names = {n for p in kn.people for n in (p.name, *p.aliases) if " " in n}
    return re.compile(r"\b" + first_chars(names) + longest_first(names) + r"\b")


@cache
def _dyad_pattern(kn: Knowledge) -> re.Pattern[str]:
    names = {n for c in kn.countries for n in (c.name, *c.aliases) if len(n) >= 2}
    alt = longest_first(names)
    return re.compile(rf"(?<![\w.]){first_chars(names)}({alt})\s?[-–]\s?({alt})(?![\w])")


def _phrases(text: str, aid: str, taken: Intervals) -> list[Mention]:
    """Role phrases, unnamed sources and back-references to them."""
    out = []
    kn = load_knowledge()
    for m in _role_pattern(kn).finditer(text) if _ROLE_TAIL.search(text) else ():
        if not taken.overlaps(m.start(), m.end()):
            out.append(Mention(Span(aid, m.start(), m.end()), m.group(), "ROLE", how="role phrase"))
    for m in _UNNAMED.finditer(text):
        if taken.overlaps(m.start(), m.end()) or text[max(0, m.start() - 2) : m.start()] == ", ":
            continue  # an apposition to a name is a role, not an unnamed source
        if re.match(_UNNAMED_END, text[m.end() : m.end() + 20]):
            out.append(Mention(Span(aid, m.start(), m.end()), m.group(), "UNNAMED", how="unnamed source"))
    for m in _UNNAMED_REF.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            out.append(
                Mention(
                    Span(aid, m.start(), m.end()),
                    m.group(),
                    "UNNAMED_REF",
                    how="back-reference to an unnamed source",
                )
            )
    return out


@cache
def _role_pattern(kn: Knowledge) -> re.Pattern[str]:
    words = sorted(
        {n for c in kn.countries for n in (c.name, *c.aliases, *c.demonyms) if len(n) >= 2},
        key=len,
        reverse=True,
    )
    alt = "|".join(re.escape(n) for n in words)
    return re.compile(
        rf"(?:\b(?P<the>[Tt]he)\s+(?:(?:{alt})\s+)?|(?<![\w.]){quote_s_within(words)}(?:{alt})['’]s\s+)"
        rf"(?:(?:top|chief|senior|new)\s+)?(?P<role>{_ROLE_PHRASE})\b(?!\s+(?-i:[A-Z])|\s+of\b)",
        re.I,
    )


def _bylines(text: str, aid: str) -> list[Mention]:
    out = []
    for word, pat, role, why in _BYLINES:
        for m in pat.finditer(text) if word in text else ():
            block, base = m.group(1), m.start(1)
            for nm in re.finditer(_NAME, block):
                name = re.sub(
                    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)$",
                    "",
                    nm.group(),
                )
                out.append(
                    Mention(
                        Span(aid, base + nm.start(), base + nm.start() + len(name)),
                        name,
                        "BYLINE",
                        how=f"{why}: {role}",
                    )
                )
    return out
