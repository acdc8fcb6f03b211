"""Titles and roles as an article states them, and what office a title names.

News names people with a title before the name ("Chinese Foreign Minister Qin Gang"), an
apposition after it ("Craig Singleton, senior China fellow at the Foundation for Defense of
Democracies") or before it ("the U.S. ambassador to China, Nicholas Burns"). Each becomes a
``Role`` with its span; the office category lets role phrases ("the defense chief") and the
knowledge file's dates be matched against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...knowledge import Knowledge
from ...model import Role, Span

__all__ = ["StatedRole", "stated_roles", "title_category", "TITLE_WORDS", "ROLE_HEADS", "sector_of_title"]

#: Words a title before a name is made of (lower case); the left scan stops at anything else.
TITLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "ministers",
        "president",
        "vice",
        "deputy",
        "assistant",
        "prime",
        "premier",
        "chancellor",
        "foreign",
        "defense",
        "defence",
        "state",
        "treasury",
        "commerce",
        "trade",
        "finance",
        "interior",
        "home",
        "justice",
        "energy",
        "councillor",
        "councilor",
        "counselor",
        "director",
        "director-general",
        "ambassador",
        "envoy",
        "speaker",
        "house",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "governor",
        "gov.",
        "general",
        "gen.",
        "admiral",
        "adm.",
        "colonel",
        "col.",
        "commander",
        "leader",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "founder",
        "co-founder",
        "cofounder",
        "top",
        "senior",
        "former",
        "then",
        "acting",
        "interim",
        "national",
        "security",
        "advisor",
        "adviser",
        "climate",
        "special",
        "presidential",
        "affairs",
        "external",
        "of",
        "the",
        "for",
        "and",
        "army",
        "navy",
        "air",
        "force",
        "lieutenant",
        "lt.",
        "major",
        "officer",
        "official",
        "diplomat",
        "judge",
        "mayor",
        "professor",
        "prof.",
        "editor",
        "correspondent",
        "reporter",
        "analyst",
        "fellow",
        "researcher",
        "economist",
        "cabinet",
        "party",
        "general-secretary",
        "commissioner",
        "inspector",
        "attorney",
        "undersecretary",
        "administrator",
        "executive",
        "managing",
        "head",
        "mp",
        "opposition",
        "lawmaker",
        "legislator",
        "attache",
        "attaché",
        "foreign-affairs",
        "defense-policy",
        "military",
    ]
)

#: Head nouns that make a phrase a role, mapped to the sector they suggest.
ROLE_HEADS: dict[str, str] = {
    **dict.fromkeys(["ambassador", "envoy", "diplomat", "attache", "attaché"], "DIP"),
    **dict.fromkeys(
        [
            "secretary",
            "minister",
            "president",
            "premier",
            "chancellor",
            "councillor",
            "councilor",
            "speaker",
            "senator",
            "representative",
            "governor",
            "leader",
            "official",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "king",
            "queen",
            "emperor",
            "advisor",
            "adviser",
            "director",
            "director-general",
            "mayor",
            "judge",
            "commissioner",
            "administrator",
            "attorney",
            "officer",
            "aide",
            "counterpart",
            "mp",
            "lawmaker",
            "legislator",
            "parliamentarian",
            "congressman",
            "congresswoman",
        ],
        "GOV",
    ),
    **dict.fromkeys(["general", "admiral", "colonel", "commander", "chief"], "MIL"),
    **dict.fromkeys(
        ["fellow", "professor", "researcher", "scholar", "analyst", "economist", "scientist", "expert"],
        "THINK",
    ),
    **dict.fromkeys(
        ["founder", "co-founder", "cofounder", "ceo", "chairman", "chairwoman", "executive"], "BUS"
    ),
    **dict.fromkeys(
        ["editor", "correspondent", "reporter", "journalist", "photographer", "columnist"], "MED"
    ),
}
# A country word before one of these is the holder's country ("U.S. ambassador"); before
# others it is a subject ("senior China fellow").
_STATE_HEADS = {h for h, s in ROLE_HEADS.items() if s in ("DIP", "GOV", "MIL")}

_CATEGORIES: tuple[tuple[str, bool, re.Pattern[str]], ...] = (
    # (category, strict, pattern over a title without country words). Strict titles are formal
    # offices checked against the knowledge file's dates; loose ones only help resolution.
    (
        "foreign",
        True,
        re.compile(
            r"^(?:secretary of state|foreign (?:minister|secretary)|minister (?:of|for) foreign affairs"
            r"|external affairs minister)$"
        ),
    ),
    (
        "defence",
        True,
        re.compile(
            r"^(?:defen[cs]e (?:minister|secretary)|secretary of defen[cs]e"
            r"|minister of (?:national )?defen[cs]e|minister of the armed forces)$"
        ),
    ),
    ("head_of_state", True, re.compile(r"^president$")),
    ("head_of_government", True, re.compile(r"^(?:premier|prime minister|chancellor)$")),
    ("finance", True, re.compile(r"^(?:treasury secretary|secretary of the treasury|finance minister)$")),
    (
        "commerce",
        True,
        re.compile(r"^(?:commerce (?:secretary|minister)|secretary of commerce|minister of commerce)$"),
    ),
    ("security", False, re.compile(r"^national[- ]security advis[eo]r$")),
    ("foreign", False, re.compile(r"^(?:top|chief) diplomat$")),
    ("defence", False, re.compile(r"^(?:defen[cs]e|military) chief$")),
    ("head_of_state", False, re.compile(r"^(?:top |paramount |supreme )?leader$")),
)

_PAST = re.compile(r"\b(?:former|then|ex-|onetime|late)\b", re.I)
#: A possessive ending only: "Philippines's" is the Philippines, not "Philippine".
_POSSESSIVE_S = re.compile(r"['’]s$")


@dataclass(frozen=True)
class StatedRole:
    """A role read off the text, with what it implies for the person."""

    role: Role
    sector: str | None
    category: str | None
    strict: bool
    past: bool


@lru_cache(maxsize=1 << 14)
def title_category(title: str, kn: Knowledge) -> tuple[str | None, bool]:
    """The office a title names ("China's Foreign Minister" -> ("foreign", True)); remembered,
    as every role phrase and stated role of an article asks it of the same few titles."""
    words = [w for w in re.split(r"\s+", title.strip()) if w]
    kept = [
        w
        for w in words
        if not kn.country_word(w) and w.lower() not in ("the", "then", "former", "u.s.", "us")
    ]
    t = " ".join(kept).lower()
    for cat, strict, pat in _CATEGORIES:
        if pat.match(t):
            return cat, strict
    return None, False


_MILITARY_TITLE = re.compile(r"\bdefen[cs]e\b|\bmilitary\b|\barmy\b|\bnavy\b|\barmed forces\b")
_DIPLOMATIC_TITLE = re.compile(r"\bforeign\b|\bsecretary of state\b|\bdiplomat|\bambassador|\benvoy")
_TITLE_WORD = re.compile(r"[\w-]+")


def sector_of_title(title: str) -> str | None:
    """The sector a title's words suggest: the most specific head wins (defense > GOV)."""
    low = title.lower()
    if _MILITARY_TITLE.search(low):
        return "MIL"
    if _DIPLOMATIC_TITLE.search(low):
        return "DIP"
    heads: list[str] = [ROLE_HEADS[w] for w in _TITLE_WORD.findall(low) if w in ROLE_HEADS]
    return heads[-1] if heads else None


def _head(phrase: str) -> str | None:
    first: list[str] = _TITLE_WORD.findall(phrase.lower().split(" at ")[0].split(" of ")[0])
    for w in reversed(first):
        if w in ROLE_HEADS:
            return w
    words: list[str] = _TITLE_WORD.findall(phrase.lower())
    return next((w for w in reversed(words) if w in ROLE_HEADS), None)


def _build(
    phrase: str,
    start: int,
    article: str,
    orgs: Sequence[tuple[int, int, str, str | None, str | None]],
    kn: Knowledge,
) -> StatedRole | None:
    """A Role from a title phrase at ``start``; ``orgs`` are (start, end, name, country, sector)."""
    phrase = phrase.strip().rstrip(",")
    head = _head(phrase)
    if head is None:
        return None
    end = start + len(phrase)
    org = next((o for o in orgs if o[0] >= start and o[1] <= end), None)
    country = None
    head_at = phrase.lower().find(head)
    if head in _STATE_HEADS:
        lead = re.findall(r"[\w.’'-]+", phrase[:head_at])
        for i, w in enumerate(lead):
            # a two-word country word first ("South African", "East German", "New Zealand")
            pair = " ".join(lead[i : i + 2]) if i + 1 < len(lead) else ""
            c = (pair and kn.country_word(_POSSESSIVE_S.sub("", pair))) or kn.country_word(
                _POSSESSIVE_S.sub("", w)
            )
            if c:
                country = c.iso3
                break
        if country is None:
            country = _owner_after_head(phrase[head_at + len(head) :], kn)
    org_name, org_country, org_sector = (org[2], org[3], org[4]) if org else (None, None, None)
    if country is None:
        country = org_country
    if country is None:
        m = re.search(r"\b([A-Z][a-z]+) administration", phrase)
        known = kn.person(m.group(1)) if m else None
        if known is None and m:
            matches = kn.people_named(m.group(1))
            known = matches[0] if len(matches) == 1 else None
        country = known.country if known else None
    cat, strict = title_category(phrase, kn)
    past = bool(_PAST.search(phrase))
    sector = sector_of_title(phrase) if org_sector is None or past else org_sector
    role = Role(title=phrase, organisation=org_name, country=country, span=Span(article, start, end))
    return StatedRole(role, sector, cat, strict, past)


def _owner_after_head(rest: str, kn: Knowledge) -> str | None:
    """The country a phrase after the head says the holder belongs to: a possessive ("a
    spokesman for Indonesia's foreign ministry") or a demonym used as an adjective ("an MP whose
    Western Australian electorate"). A bare country after "to/for/on" is a subject ("ambassador
    to China", "envoy for China"), as is a demonym before affairs/policy ("Chinese affairs")."""
    rest = re.split(r"\bto\b", rest, maxsplit=1)[0]
    for m in re.finditer(r"([\w.’'-]+?)(['’]s)?\s+(?=([\w-]+))", rest):
        c = kn.country_word(m.group(1))
        if c is None:
            continue
        if m.group(2) or (kn.demonym(m.group(1)) and not _SUBJECT.match(m.group(3))):
            return c.iso3
    return None


_SUBJECT = re.compile(r"(?:affairs|relations|policy|issues|studies|matters|desk|politics|language)$", re.I)


def stated_roles(
    text: str,
    start: int,
    end: int,
    article: str,
    orgs: Sequence[tuple[int, int, str, str | None, str | None]],
    kn: Knowledge,
) -> list[StatedRole]:
    """Roles stated next to the name at ``text[start:end]``: title before, appositions."""
    out = []
    pre = _title_before(text, start, orgs, kn)
    if pre:
        r = _build(pre[1], pre[0], article, orgs, kn)
        if r:
            out.append(r)
    m = _APPOS_AFTER.match(text, end)
    if m and not re.match(r"[A-Z][a-z]+ [A-Z][a-z]+$", m.group("p")):
        r = _build(m.group("p"), m.start("p"), article, orgs, kn)
        if r:
            out.append(r)
    if not pre:
        b = _APPOS_BEFORE.search(text, max(0, start - 120), start)
        if b:
            r = _build(b.group("p"), b.start("p"), article, orgs, kn)
            if r:
                out.append(r)
    return out


_APPOS_AFTER = re.compile(
    r",\s+(?!(?:and|or|but|who|which|as|in|on|at)\b)(?:(?:the|a|an)\s+)?(?P<p>[^,;:“”\"()—\n]{3,140}?)"
    r"(?=,|;|:|—|\n|(?<![A-Z])\.(?:\s|$)|\s+(?:said|says|told|who|which|and\s+(?:a|the))\b)"
)
# "the U.S. ambassador to China, Nicholas Burns" / "Australia's ambassador, Tom Hadley" /
# "her Indonesian counterpart, Retno Wibisana"
_APPOS_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its)\s+|(?<![\w.])(?=[A-Z][\w.]*['’]s\s))(?P<p>[^,;:“”\"()\n]{3,100}),\s+$"
)
_WORD = re.compile(r"\S+")
_QUOTE_S_END = re.compile(r"['’]s$")
_GLUE_WORDS = re.compile(r"^(?:(?:of|the|for|and)\s+)+", re.I)
#: Words that qualify a title without being one ("Lebanon's new President"); scanned past only
#: inside a title run, so they never start one.
_TITLE_QUALIFIERS = frozenset(
    ["new", "incoming", "outgoing", "late", "ousted", "exiled", "embattled", "longtime", "veteran"]
)


def _title_before(
    text: str, start: int, orgs: Sequence[tuple[int, int, str, str | None, str | None]], kn: Knowledge
) -> tuple[int, str] | None:
    """The run of title words right before a name ("China's then defence minister")."""
    window_start = max(0, start - 100)
    words = [(m.start() + window_start, m.group()) for m in _WORD.finditer(text[window_start:start])]
    first = None
    pending = False  # a country word joined to the word before it ("South African")
    for k in range(len(words) - 1, -1, -1):
        pos, w = words[k]
        if pending:
            pending = False
            continue
        if w[-1] in ',;:“”"()—–' or "\n" in text[pos:start]:
            break
        bare = _QUOTE_S_END.sub("", w)
        in_org = any(o[0] <= pos < o[1] for o in orgs)
        if k > 0 and bare[:1].isupper() and kn.country_word(words[k - 1][1] + " " + bare):
            first, pending = words[k - 1][0], True
            continue
        if bare.lower() in TITLE_WORDS or in_org or kn.country_word(bare):
            first = pos
            continue
        if first is not None and bare.lower() in _TITLE_QUALIFIERS:
            continue
        break
    if first is None:
        return None
    phrase = text[first:start].strip()
    # Leading glue words belong to the sentence, not the title ("of the", "and").
    lead = _GLUE_WORDS.match(phrase)
    if lead:
        first += lead.end()
        phrase = phrase[lead.end() :]
    if not phrase or _head(phrase) is None:
        return None
    return first, phrase
