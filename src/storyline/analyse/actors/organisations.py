"""What makes a name an organisation, which sector it works in and which country it belongs to.

spaCy often tags unfamiliar institutions as places ("Nusantara Centre for Strategic Affairs"
FAC) or people ("Bakamla"). English names institutions by a head noun ("... Institute",
"... Ministry", "... Command"), so the head decides the kind and suggests the sector. The
country comes from the name's own words ("Australian Border Force"), a possessive before it
("Japan's Self-Defense Forces"), a demonym before it, an apposition describing it ("Mossad,
Israel's spy agency") or the capital it sits in ("an institute in Canberra").
"""

from __future__ import annotations

import re
from functools import cache

from ...knowledge import Country, Knowledge
from ...model import Mention, Span
from ..gates import first_chars, longest_first

__all__ = [
    "org_head",
    "is_org_name",
    "org_sector",
    "org_country",
    "venue_name",
    "described_as_org",
    "looks_like_person",
    "institution_mentions",
    "generic_display_name",
]

#: Head nouns (lower case) that make a capitalised name an organisation, with the sector each
#: suggests (None: any sector). Read off the seeds' and demo's organisation names and the
#: usual English naming of ministries, think tanks, outlets and units.
_HEADS: dict[str, str | None] = {
    **dict.fromkeys(
        [
            "institute",
            "institution",
            "university",
            "college",
            "academy",
            "forum",
            "foundation",
            "endowment",
            "think-tank",
        ],
        "THINK",
    ),
    **dict.fromkeys(
        [
            "times",
            "post",
            "news",
            "journal",
            "herald",
            "tribune",
            "gazette",
            "chronicle",
            "ledger",
            "wire",
            "telegraph",
            "broadcasting",
            "television",
            "radio",
            "daily",
        ],
        "MED",
    ),
    **dict.fromkeys(
        ["command", "navy", "army", "marines", "corps", "fleet", "brigade", "regiment", "battalion"], "MIL"
    ),
    **dict.fromkeys(
        [
            "ministry",
            "department",
            "agency",
            "office",
            "commission",
            "authority",
            "bureau",
            "police",
            "parliament",
            "senate",
            "congress",
            "assembly",
            "cabinet",
            "secretariat",
            "service",
            "guard",
            "customs",
            "directorate",
        ],
        "GOV",
    ),
    **dict.fromkeys(
        ["bank", "group", "corporation", "corp", "company", "inc", "ltd", "holdings", "airlines"], "BUS"
    ),
    "party": "PTY",
    "council": None,
    "force": None,
    "forces": None,
    "centre": "THINK",  # only with a tail: "Centre for Strategic Affairs" is a research centre
    "center": "THINK",
}
# "Centre"/"Center" alone is as often a venue ("Convention Centre"); it names an organisation
# when something follows it ("Centre for Strategic Affairs").
_NEEDS_TAIL = {"centre", "center"}
_TAIL = {"for", "of", "on", "and"}
#: Last words of buildings and sites: an "organisation" ending so is a venue.
_VENUES = {
    "palace",
    "building",
    "house",
    "hall",
    "airport",
    "stadium",
    "hotel",
    "reef",
    "base",
    "square",
    "bridge",
    "tower",
    "port",
    "harbour",
    "harbor",
}
#: Lower-case institutions a country word owns ("Indonesia's foreign ministry", "the Indonesian
#: navy"): one organisation of that country each.
INSTITUTION = (
    r"(?:(?:foreign|defen[cs]e|finance|trade|interior|home|justice|commerce|health|education)"
    r"\s+(?:ministry|department|office)|navy|army|air\s+force|coast\s+guard|military|armed\s+forces"
    r"|border\s+force|parliament|embassy|police|intelligence\s+agency"
    r"|(?:[a-z]+\s+){0,2}agency)"
)
_SUBJECT_WORDS = re.compile(r"^(?:affairs|relations|policy|issues|studies|matters)\b", re.I)


_NAME_WORD = re.compile(r"[\w’'-]+")


def org_head(name: str) -> str | None:
    """The organisation head noun of a capitalised name, or None ("Tasman Strategic Forum" ->
    "forum"). The head is the last word or a word followed by for/of/on/and."""
    words: list[str] = _NAME_WORD.findall(name)
    for i, w in enumerate(words):
        low = w.lower()
        if low not in _HEADS or not w[:1].isupper():
            continue
        last = i == len(words) - 1
        tail = not last and words[i + 1].lower() in _TAIL
        if (last and low not in _NEEDS_TAIL) or tail:
            return low
    return None


def is_org_name(name: str) -> bool:
    return org_head(name) is not None


def venue_name(name: str) -> bool:
    """A building or site by its last word ("Merdeka Palace", "Parliament House")."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in _VENUES


#: Words that name an organisation's sector, in the order they are tried.
_SECTOR_WORDS = (
    ("DIP", re.compile(r"\bforeign\b|\bdiplomatic\b|\bembassy\b|\bforeign affairs\b")),
    ("GOV", re.compile(r"\b(?:border|police|customs|coast guard)\b")),
    ("MIL", re.compile(r"\b(?:defen[cs]e|military|armed forces|navy|army|air force)\b")),
    ("THINK", re.compile(r"\b(?:universit|institut|think tank|studies|strategic|policy)")),
)


def org_sector(name: str) -> str | None:
    """The sector a name suggests: words first (foreign ministry -> DIP, border -> GOV), then
    the head noun."""
    low = name.lower()
    for sector, words in _SECTOR_WORDS:
        if words.search(low):
            return sector
    head = org_head(name) or next((w for w in reversed(low.split()) if w in _HEADS), None)
    return None if head is None else _HEADS[head]


_DOTTED_WORD = re.compile(r"[\w.’'-]+")


def _country_words(text: str, kn: Knowledge) -> Country | None:
    for w in _DOTTED_WORD.findall(text):
        c = kn.country_word(w)
        if c is not None:
            return c
    return None


#: What ``org_country`` looks for around a name, compiled once.
_WORD_BEFORE = re.compile(r"([\w.’'-]+?)(?:['’]s)?\s+$")
_APPOSITION_AFTER = re.compile(r",\s+(?:the\s+|an?\s+)?([\w.’'-]+)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)")
_APPOSITION_BEFORE = re.compile(r"([\w.’'-]+)\s+((?:[a-z-]+\s+){0,3}[a-z-]+),\s+$")
_IN_PLACE_AFTER = re.compile(r"\s+in\s+((?:[A-Z][\w.’'-]+\s?){1,3})")


def org_country(text: str, start: int, end: int, kn: Knowledge) -> tuple[Country, str] | None:
    """The country of the organisation named at ``text[start:end]``, with the reason.

    Checked in order: a country word in the name, a possessive or demonym right before it, an
    apposition right after or before it that names a country ("Bakamla, Indonesia's maritime
    security agency"), and "in <capital or country>" right after it.
    """
    name = text[start:end]
    c = _country_words(name, kn)
    if c is not None:
        return c, f"country word in the name: {c.name}"
    before = text[max(0, start - 40) : start]
    m = _WORD_BEFORE.search(before)
    if m and (c := kn.country_word(m.group(1))) is not None:
        # "the Indonesian Navy" / "Australia's Maritime Border Command"
        return c, f"'{m.group(0).strip()}' before the name"
    after = _APPOSITION_AFTER.match(text[end : end + 90])
    if after and (c := kn.country_word(after.group(1))) is not None and _org_noun(after.group(2)):
        return c, f"apposition '{after.group(0)[2:].strip()}'"
    lead = text[max(0, start - 90) : start]
    appos = _APPOSITION_BEFORE.search(lead) if _comma_then_space(lead) else None
    if appos and (c := kn.country_word(appos.group(1))) is not None and _org_noun(appos.group(2)):
        return c, f"apposition '{appos.group(0).strip(', ')}'"
    where = _IN_PLACE_AFTER.match(text[end : end + 40])
    if where:
        place = where.group(1).strip().rstrip(".")
        c = kn.capital(place) or kn.country(place)
        if c is not None:
            return c, f"located in {place}"
    return None


#: Nouns an apposition uses to describe an organisation ("Indonesia's maritime security agency").
_DESCRIPTIONS = (set(_HEADS) - {"post", "news", "times", "daily", "wire", "journal", "house"}) | {
    "tank",
    "newspaper",
    "broadcaster",
    "outlet",
    "firm",
    "body",
    "organisation",
    "organization",
    "watchdog",
    "regulator",
    "unit",
    "militia",
    "movement",
}
_FOLLOW = r"(?=[,.;:)]|\s+(?:and|said|says|which|that|to|in|with|on|has|have|was|is|will|would)\b)"


def _org_noun(words: str) -> bool:
    """Whether a lower-case phrase ends in an organisation noun ("maritime security agency")."""
    last = words.split()[-1]
    return last in _DESCRIPTIONS and not _SUBJECT_WORDS.match(last)


#: A description in apposition: "the ...", "a ...", "Indonesia's ..." and up to four words.
_DESCRIPTION = r"(?:the\s+|an?\s+|[\w.’'-]+['’]s\s+)((?:[a-z-]+\s+){0,3}[a-z-]+)"
_DESCRIBED_AFTER = re.compile(r",\s+" + _DESCRIPTION + _FOLLOW)
_DESCRIBED_BEFORE = re.compile(_DESCRIPTION + r",\s+$")


def described_as_org(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands in apposition to an organisation noun:
    "Bakamla, Indonesia's maritime security agency," / "the country's spy agency, Mossad"."""
    after = _DESCRIBED_AFTER.match(text[end : end + 100])
    if after and _org_noun(after.group(1)):
        return True
    lead = text[max(0, start - 100) : start]
    before = _DESCRIBED_BEFORE.search(lead) if _comma_then_space(lead) else None
    return bool(before and _org_noun(before.group(1)))


def _comma_then_space(lead: str) -> bool:
    """Whether ``lead`` ends in a comma and spaces, as a match of a pattern ending ``,\\s+$``
    must: it spares the search through the whole stretch at every other name."""
    return lead[-1:].isspace() and lead.rstrip().endswith(",")


def looks_like_person(text: str, start: int, end: int) -> bool:
    """A name tagged ORG that is a person's: two or three capitalised words, no organisation
    head, followed by "of the <Organisation>" or by a role apposition (", a senior fellow")."""
    name = text[start:end]
    words = name.split()
    if (
        not 2 <= len(words) <= 3
        or org_head(name)
        or not all(re.fullmatch(r"[A-Z][a-z’'-]+", w) for w in words)
    ):
        return False
    after = text[end : end + 80]
    if re.match(r"\s+of\s+the\s+[A-Z]", after):
        return bool(org_head(re.split(r"[,.;]", after[after.index("the") + 4 :])[0]))
    return False


@cache
def _institution_pattern(kn: Knowledge) -> re.Pattern[str]:
    names = {n for c in kn.countries for n in (c.name, *c.aliases) if len(n) >= 2}
    demonyms = {d for c in kn.countries for d in c.demonyms}
    alt, dem = longest_first(names), longest_first(demonyms)
    # the institution in any case: "an Indonesian navy patrol boat", "an Australian Border Force cutter"
    gate = first_chars(names | demonyms)  # spares the names at every other word
    return re.compile(rf"(?<![\w.]){gate}(?:{alt}['’]s|{dem})\s+(?i:{INSTITUTION})\b")


def institution_mentions(text: str, aid: str, kn: Knowledge) -> list[Mention]:
    """ "Indonesia's foreign ministry", "an Indonesian navy patrol boat": an institution a
    country word owns, in lower case, which NER leaves out or tags as two pieces. An
    apposition to a name ("Bakamla, Indonesia's maritime security agency") describes that
    name and is not a second organisation."""
    out = []
    for m in _institution_pattern(kn).finditer(text):
        if re.search(r"[A-Z][\w.]*,\s+$", text[max(0, m.start() - 30) : m.start()]) or re.match(
            r",\s+[A-Z]", text[m.end() : m.end() + 3]
        ):
            continue
        how = "country word + institution noun"
        out.append(Mention(Span(aid, m.start(), m.end()), m.group(), "ORG", how=how))
    return out


def generic_display_name(country: Country, name: str) -> str:
    """ "Indonesian" + "foreign ministry" -> "Indonesian Foreign Ministry"."""
    adj = country.demonyms[0] if country.demonyms else country.name
    small = {"of", "for", "and", "the", "on"}
    words = (w if w.isupper() or w.lower() in small else w.capitalize() for w in name.split())
    return f"{adj} {' '.join(words)}"
