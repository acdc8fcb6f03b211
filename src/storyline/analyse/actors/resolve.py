"""Cluster one article's mentions into actors, with country, sector, roles and reasons.

Order of trust: full names first, then a surname or given name that one full name in the
article owns (several owners: the nearest one before it, said so in ``how``), then the knowledge
file, then a typo one edit from a name word, then role phrases, unnamed sources and pronouns
(``references``). People whose full names differ are never merged. Ids come from canonical names
("person:antony-blinken", "state:USA", "org:state-department") so fusion can merge across
articles; unnamed sources get article-local ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ...knowledge import Knowledge, KnownPerson, load_knowledge, slug
from ...model import Actor, Article, Mention, Role, Span
from .keys import name_key
from .mentions import find_mentions
from .organisations import INSTITUTION, generic_display_name, org_country, org_sector
from .places import group_of
from .references import actor_at, reference_with_reason, resolve_pronoun, resolve_reference, resolve_role
from .roles import sector_of_title, stated_roles

__all__ = [
    "find_mentions",
    "resolve_local",
    "actor_key",
    "actor_at",
    "resolve_reference",
    "reference_with_reason",
]

_PLACE_LABELS = {"GPE", "LOC", "FAC", "DYAD", "DEMONYM", "METONYM"}
# Organisation names that only mean something with a country ("Foreign Ministry").
_GENERIC_ORG = re.compile(
    r"^(?:(?:Foreign|Defen[cs]e|Commerce|Finance|Interior|Home|Health|Education|Justice|Trade|State)\s+)?"
    r"(?:Ministry|Department|Office|Embassy|Navy|Army|Air Force|Coast Guard|Border Force|Parliament|Senate"
    r"|government|military|armed forces|police|intelligence agency)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w ]+)?$",
    re.I,
)
_LEAD_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+")
#: Words before a title that set it in the past ("under President Obama").
_PAST_SETTING = re.compile(r"\b(?:under|during|when|while|era|since|then|former)\b")


def _word_prefixes(name: str) -> list[str]:
    """Leading parts of ``name`` that end at a word boundary, longest first: "NATO's summit
    office" gives "NATO's summit", "NATO's", "NATO", but "Natoli Group" never gives "NATO"."""
    # the end of a word, or of an abbreviation before a space ("U.N. agency" gives "U.N.")
    cuts = {m.start() for m in re.finditer(r"(?<=\w)\b|(?<=\S)(?=\s)", name) if m.start() < len(name)}
    # four characters at least, as before word boundaries were required: shorter prefixes
    # ("US", "EU") name too much by accident
    return [name[:i] for i in sorted(cuts, reverse=True) if i > 3]


@dataclass
class _Draft:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    known: KnownPerson | None = None
    roles: list[Role] = field(default_factory=list)
    stated: list[tuple[str | None, str | None, bool]] = field(default_factory=list)  # country, sector, past
    aliases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    byline_only: bool = True


def actor_key(kind: str, name: str) -> str:
    """The id an actor of ``kind`` called ``name`` gets, the same in every article."""
    kn = load_knowledge()
    if kind == "person":
        known = kn.person(name)
        return "person:" + slug(name_key(known.name if known else name))
    if kind == "state":
        c = kn.country_word(name) or kn.capital(name)
        if c is not None:
            return "state:" + c.iso3
    if kind == "organisation":
        org = kn.org(name)
        return "org:" + slug(org.name if org else re.sub(r"^the\s+", "", name, flags=re.I))
    return f"{kind}:{slug(name)}"


def resolve_local(
    mentions: list[Mention], article: Article, doc: Doc | None = None
) -> tuple[list[Mention], list[Actor]]:
    """Give every mention an actor (or say why not) and build the article's actors."""
    return _Resolver(article, load_knowledge(), doc).run(mentions)


class _Resolver:
    def __init__(self, article: Article, kn: Knowledge, doc: Doc | None):
        self.article, self.kn, self.doc = article, kn, doc
        self.text = article.text
        self.date = article.published[:10] if article.published else None
        self.drafts: dict[str, _Draft] = {}
        self.orgs: list[tuple[int, int, str, str | None, str | None]] = []
        self.unnamed = 0

    # ------------------------------------------------------------------ passes
    def run(self, mentions: list[Mention]) -> tuple[list[Mention], list[Actor]]:
        done: dict[int, Mention] = {}
        mentions = self._surnames_as_people(mentions)
        # States and places first (organisations take their country from them), then
        # organisations (roles name them), bylines, full names before single words, typos.
        order = {
            **dict.fromkeys(_PLACE_LABELS, -1),
            "ORG": 0,
            "GROUP": 0,
            "BYLINE": 1,
            "PERSON": 2,
            "TYPO": 3,
        }
        first = sorted(
            (i for i, m in enumerate(mentions) if m.label in order or m.label in _PLACE_LABELS),
            key=lambda i: (order.get(mentions[i].label, 0), len(name_key(mentions[i].text).split()) < 2, i),
        )
        for i in first:
            done[i] = self._entity(mentions[i])
        for i, m in enumerate(mentions):  # references, in text order: they look backwards
            if i not in done:
                done[i] = self._reference(
                    m, [done[j] for j in sorted(done) if j < i or done[j].label != "PRON"]
                )
        out = [done[i] for i in range(len(mentions))]
        for a in self.article.authors:
            if not any(d.kind == "person" and name_key(a) == name_key(d.name) for d in self.drafts.values()):
                d = self._draft("person:" + slug(name_key(a)), a, "person")
                self._byline(d, "journalist", None)
                d.notes.append("author from the article's metadata")
        return out, [self._actor(d) for d in self.drafts.values()]

    def _surnames_as_people(self, mentions: list[Mention]) -> list[Mention]:
        """'Choi said': a lone word the tagger read as an organisation is the person of that name
        when the article names one in full ("Choi Min-ho") and no organisation is known by it;
        otherwise one person would split into a person and an organisation."""
        words = {
            w
            for m in mentions
            if m.label == "PERSON" and len(name_key(m.text).split()) >= 2
            for w in name_key(m.text).split()
        }
        out = []
        for m in mentions:
            key = name_key(m.text)
            if m.label == "ORG" and len(key.split()) == 1 and key in words and self.kn.org(m.text) is None:
                m = replace(
                    m, label="PERSON", how="a name word of a person the article names in full (tagged ORG)"
                )
            out.append(m)
        return out

    def _entity(self, m: Mention) -> Mention:
        if m.label == "ORG":
            return self._org(m)
        if m.label == "GROUP":
            return self._group(m)
        if m.label in _PLACE_LABELS:
            return self._place(m)
        if m.label == "BYLINE":
            d = self._person_draft(m.text)
            self._byline(d, "photographer" if "photographer" in (m.how or "") else "journalist", m.span)
            outlet = re.match(
                r"\s+for\s+((?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})",
                self.text[m.span.end : m.span.end + 60],
            )
            if outlet:
                d.roles[-1] = replace(d.roles[-1], organisation=outlet.group(1))
            return self._add(d, m, "byline: reporter of the article, not a participant")
        if m.label == "TYPO":
            return self._typo(m)
        return self._person(m)

    # ------------------------------------------------------------------ people
    def _person(self, m: Mention) -> Mention:
        key = name_key(m.text)
        if len(key.split()) >= 2:
            d = self._person_draft(m.text)
            how = "knowledge file name" if d.known else "full name"
        else:
            d, how = self._single(key, m.span.start, _gender(m.text))
            d, how = self._by_title(d, how, key, m)
        d.byline_only = False
        self._roles(d, m)
        return self._add(d, m, how)

    def _person_draft(self, name: str) -> _Draft:
        known = self.kn.person(name)
        canon = known.name if known else _LEAD_HONORIFIC.sub("", name)
        d = self._draft("person:" + slug(name_key(canon)), canon, "person")
        d.known = d.known or known
        return d

    def _single(self, word: str, pos: int, gender: str | None = None) -> tuple[_Draft, str]:
        owners = [
            d
            for d in self.drafts.values()
            if d.kind == "person"
            and not d.byline_only
            and len(name_key(d.name).split()) >= 2
            and word in name_key(d.name).split()
        ]
        if gender and len(owners) > 1:
            # "Ms. Hadley" is not the Hadley already called "Mr. Hadley"
            fit = [d for d in owners if {_gender(a) for a in d.aliases} - {None} <= {gender}]
            if fit and len(fit) < len(owners):
                owners = fit
        if len(owners) == 1:
            return owners[0], f"name word of {owners[0].name}"
        if len(owners) > 1:
            before = [(s.start, d) for d in owners for s in d.spans if s.start < pos]
            pick = max(before, key=lambda t: t[0])[1] if before else owners[0]
            names = ", ".join(d.name for d in owners)
            return pick, f"name word shared by {names}: nearest full name before it"
        known = self.kn.people_named(word)
        if len(known) == 1:
            d = self._person_draft(known[0].name)
            return d, f"knowledge: the only known person named '{word.title()}'"
        d = self._draft("person:" + slug(word), word.title(), "person")
        if len(known) > 1:
            d.notes.append(f"'{word.title()}' alone could be {', '.join(k.name for k in known)}; not merged")
        return d, "single name, no full name in the article"

    def _by_title(self, d: _Draft, how: str, word: str, m: Mention) -> tuple[_Draft, str]:
        """A lone name several known people share, settled by the title before it on the
        article's date ("China's Minister of National Defense Li" -> Li Shangfu)."""
        known = self.kn.people_named(word)
        if d.known is not None or len(known) < 2 or not self.date:
            return d, how
        date = self.date
        for sr in stated_roles(self.text, m.span.start, m.span.end, self.article.id, self.orgs, self.kn):
            fits = [
                k
                for k in known
                if (sr.role.country in (None, k.country))
                and any(r.category == sr.category and r.covers(date) for r in k.roles)
            ]
            if len(fits) == 1 and not sr.past:
                return self._person_draft(
                    fits[0].name
                ), f"knowledge: {fits[0].name} was {sr.role.title} on {date}"
        return d, how

    def _typo(self, m: Mention) -> Mention:
        target = (m.how or "").split("'")[1].lower() if "'" in (m.how or "") else ""
        d, how = self._single(target, m.span.start)
        d.notes.append(f"'{m.text}' read as '{target.title()}' ({m.how})")
        return self._add(d, m, f"{m.how}; {how}")

    def _byline(self, d: _Draft, role: str, span: Span | None) -> None:
        d.sector = "MED"
        d.roles.append(Role(title=role, organisation=self.article.outlet, span=span))
        if "byline: not a participant in the story" not in d.notes:
            d.notes.append("byline: not a participant in the story")

    def _roles(self, d: _Draft, m: Mention) -> None:
        for sr in stated_roles(self.text, m.span.start, m.span.end, self.article.id, self.orgs, self.kn):
            if any(r.span == sr.role.span for r in d.roles):
                continue
            d.roles.append(sr.role)
            d.stated.append((sr.role.country, sr.sector, sr.past))
            span = sr.role.span
            # A title in a past setting ("under President Obama") is customary, not a claim.
            before = self.text[max(0, span.start - 25) : span.start] if span else ""
            past_setting = bool(_PAST_SETTING.search(before))
            if sr.strict and not sr.past and not past_setting and d.known and self.date and sr.category:
                held = [r for r in d.known.roles if r.category == sr.category and r.covers(self.date)]
                if not held:
                    d.notes.append(
                        f"title-conflict: the article calls {d.known.name} '{sr.role.title}'"
                        f" (span {span.start if span else '?'}-{span.end if span else '?'}) but the knowledge"
                        f" file ({d.known.source}) has no {sr.category} office for them on {self.date};"
                        " the article's words are kept"
                    )

    # ------------------------------------------------------------------ states, places, orgs
    def _place(self, m: Mention) -> Mention:
        kn = self.kn
        c = kn.country(m.text) if m.label in ("GPE", "DYAD", "LOC") else None
        if m.label == "DEMONYM":
            c = kn.demonym(m.text)
        if m.label == "METONYM":
            c = kn.capital(m.text)
        if c is not None:
            d = self._draft("state:" + c.iso3, c.name, "state")
            d.country, d.sector = c.iso3, "GOV"
            how = {
                "DEMONYM": f"demonym of {c.name}",
                "METONYM": f"capital standing for the government of {c.name}",
                "DYAD": f"one side of a dyad: {c.name}",
            }
            return self._add(d, m, how.get(m.label, f"country name: {c.name}"))
        region = kn.region(m.text)
        if region is not None:
            # "Darfur", "the West Bank": one actor however the article words it, with its state
            d = self._draft("place:" + slug(region.name), region.name, "place")
            d.country = d.country or region.country
            where = f" in {region.country}" if region.country else " (no single state)"
            return self._add(d, m, f"{region.kind} (regions gazetteer, {region.source}){where}")
        d = self._draft("place:" + slug(m.text), m.text, "place")
        cap, city, part = kn.capital(m.text), kn.city(m.text), kn.part_of(m.text)
        if cap or city or part:
            d.country = (cap or city or part).iso3  # type: ignore[union-attr]
        where = (
            f", capital of {cap.name}"
            if cap
            else (f", city in {city.name}" if city else (f", part of {part.name}" if part else ""))
        )
        return self._add(d, m, "place name" + where)

    def _group(self, m: Mention) -> Mention:
        """ "Israeli tanks", "Palestinian refugees": the state's military (or police, rebels,
        civilians, refugees) as one organisation actor with the state's country, the same id in
        every article ("org:isr:military"), like other generic bodies of a state."""
        found = group_of(m.text, self.kn)
        if found is None:
            return replace(m, how=f"{m.how}; unresolved: no state or group")
        c, group, sector = found
        d = self._draft(f"org:{c.iso3.lower()}:{slug(group)}", f"{c.demonyms[0]} {group}", "organisation")
        d.country, d.sector = c.iso3, sector
        return self._add(d, m, f"{group} of {c.name} (sector {sector})")

    def _org(self, m: Mention) -> Mention:
        kn = self.kn
        name = re.sub(r"^the\s+", "", m.text, flags=re.I)
        known = kn.org(name)
        country: str | None = None
        how = "organisation name"
        if known is None:
            for k in (w for w in _word_prefixes(name) if kn.org(w)):
                known, how = kn.org(k), f"organisation name trimmed to '{k}'"
                break
        display = name
        if known is None:
            lead = re.match(r"^([\w.’'-]+?)(?:['’]s)?\s+(.+)$", name)
            c = kn.country_word(lead.group(1)) if lead else None
            if c and lead and (_generic(lead.group(2)) or kn.org(lead.group(2))):
                # "Indonesia's foreign ministry", "Chinese Foreign Ministry": one per country
                country, name = c.iso3, lead.group(2)
                known = kn.org(name)
                display = generic_display_name(c, name)
                how = f"organisation of {c.name}"
            else:
                found = org_country(self.text, m.span.end - len(name), m.span.end, kn)
                if found is not None:
                    country, how = found[0].iso3, f"organisation; country from {found[1]}"
                    if _generic(name):
                        display = generic_display_name(found[0], name)
                elif _generic(name):
                    country = self._context_country(m.span.start)
                    how = (
                        f"generic organisation; country {country} from the sentence"
                        if country
                        else "generic organisation"
                    )
                    if country and (cc := kn.by_iso(country)):
                        display = generic_display_name(cc, name)
        if known is not None and not (country and known.country is None and _generic(name)):
            d = self._draft("org:" + slug(known.name), known.name, "organisation")
            d.country = d.country or known.country
            d.sector = d.sector or known.sector
            how = how if how != "organisation name" else f"knowledge file: {known.name} ({known.source})"
        else:
            generic = bool(_generic(name))
            oid = "org:" + (country.lower() + ":" if country and generic else "") + slug(name)
            d = self._draft(oid, display, "organisation")
            d.country = d.country or country
            d.sector = d.sector or org_sector(name)
        self.orgs.append((m.span.start, m.span.end, d.name, d.country, d.sector))
        return self._add(d, m, how)

    def _context_country(self, pos: int) -> str | None:
        """The state named last before ``pos`` in the same sentence ("Beijing ..., a Ministry of
        Defence spokesperson")."""
        start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos), 0)
        found = None
        for d in self.drafts.values():
            if d.kind == "state" and any(start <= s.start < pos for s in d.spans):
                last = max(s.start for s in d.spans if start <= s.start < pos)
                if found is None or last > found[0]:
                    found = (last, d.country)
        return found[1] if found else None

    # ------------------------------------------------------------------ references
    def _reference(self, m: Mention, resolved: list[Mention]) -> Mention:
        if m.label == "DEMONYM_THING":
            return m  # a country word describing a thing: no actor, so no event takes it as one
        actors = [self._actor(d) for d in self.drafts.values()]
        if m.label == "UNNAMED":
            self.unnamed += 1
            phrase = re.sub(r"^(?:an?|one|another)\s+", "", m.text, flags=re.I)
            d = self._draft(f"unnamed:{self.article.id[:8]}:{self.unnamed}", phrase, "unnamed")
            words = phrase.split()
            cw = next((self.kn.country_word(w) for w in words if self.kn.country_word(w)), None)
            org = next((o for o in self.orgs if o[2].lower() in phrase.lower()), None)
            known_org = self.kn.org("State Department") if "State Department" in phrase else None
            d.country = cw.iso3 if cw else (org[3] if org else (known_org.country if known_org else None))
            d.sector = (known_org.sector if known_org else None) or sector_of_title(phrase)
            return self._add(d, m, "unnamed source")
        if m.label == "PRON":
            aid, how = resolve_pronoun(m.span.start, self.text, resolved, actors, self.doc)
        elif m.label == "ROLE":
            named = self._apposed(m, resolved)
            if named is not None:
                return self._add(self.drafts[named[0]], m, named[1])
            by_id = {a.id: a for a in actors}
            other_year = self._other_year(m.span.start)
            aid, how = resolve_role(m.text, m.span.start, resolved, by_id, None if other_year else self.date)
            if aid is None and other_year:
                how = f"{how}; no knowledge fill: the passage is about {other_year}, not the article's date"
            if aid and aid not in self.drafts:
                known = self.kn.person(aid.split(":", 1)[1].replace("-", " "))
                if known is None:
                    return replace(m, how=f"{m.how}; unresolved")
                d = self._person_draft(known.name)
                d.byline_only = False
                note = f"knowledge fill: '{m.text}' read as the office holder on {self.date}"
                if note not in d.notes:
                    d.notes.append(note)
                return self._add(d, m, how)
        else:
            aid, how = reference_with_reason(m.span, self.text, resolved, actors, self.doc)
        if aid is None or aid not in self.drafts:
            return replace(m, how=f"{m.how}; unresolved: {how}")
        return self._add(self.drafts[aid], m, how)

    def _apposed(self, m: Mention, resolved: list[Mention]) -> tuple[str, str] | None:
        """The person a role phrase stands in apposition to: "Australia's foreign minister,
        Helen Marlowe," or "Helen Marlowe, Australia's foreign minister"."""
        after = re.match(r",\s+", self.text[m.span.end : m.span.end + 4])
        for r in resolved:
            if r.actor is None or r.label not in ("PERSON", "TYPO") or r.actor not in self.drafts:
                continue
            if after and r.span.start == m.span.end + after.end():
                return r.actor, f"role phrase in apposition to the name after it ('{r.text}')"
            gap = self.text[r.span.end : m.span.start]
            if re.fullmatch(r",\s+(?:(?:the|a|an)\s+)?", gap) and r.span.end < m.span.start:
                return r.actor, f"role phrase in apposition to the name before it ('{r.text}')"
        return None

    def _other_year(self, pos: int) -> str | None:
        """A year other than the article's named in the role phrase's paragraph: the office
        holder on the article's date is then the wrong person ("Australia's defence minister
        toured ... February 20, 2020")."""
        if not self.date:
            return None
        start = self.text.rfind("\n", 0, pos) + 1
        heading = self.text.rfind("\n", 0, max(0, start - 1)) + 1
        if start and not re.search(r"[.!?”\"]\s*$", self.text[heading:start]):
            start = heading  # a heading line over the paragraph dates it ("... — February 20, 2020")
        end = self.text.find("\n", pos)
        para = self.text[start : end if end >= 0 else len(self.text)]
        years = [y for y in re.findall(r"\b(?:19|20)\d\d\b", para) if y != self.date[:4]]
        return years[0] if years else None

    # ------------------------------------------------------------------ bookkeeping
    def _draft(self, aid: str, name: str, kind: str) -> _Draft:
        d = self.drafts.get(aid)
        if d is None:
            d = self.drafts[aid] = _Draft(aid, name, kind)
        return d

    def _add(self, d: _Draft, m: Mention, how: str) -> Mention:
        d.spans.append(m.span)
        alias = _POSS.sub("", m.text)
        if m.label not in ("PRON", "ROLE", "UNNAMED_REF") and alias not in d.aliases:
            d.aliases.append(alias)
        # built directly: ``replace`` reads every field by name first (~15k calls a 200-article run)
        return Mention(m.span, m.text, m.label, d.id, f"{m.how}; {how}" if m.how else how)

    def _actor(self, d: _Draft) -> Actor:
        country, sector, notes = d.country, d.sector, list(d.notes)
        roles = list(d.roles)
        if d.kind == "person":
            current = [s for s in d.stated if not s[2]]
            country = next((c for c, _, _ in current if c), None) or next(
                (c for c, _, _ in d.stated if c), None
            )
            sector = d.sector or next((s for _, s, _ in current if s), None)
            k = d.known
            if k is not None:
                if country and country != k.country:
                    notes.append(
                        f"country: the article says {country}, the knowledge file {k.country} ({k.source})"
                    )
                country = country or k.country
                sector = sector or k.sector
                if self.date:
                    date = self.date
                    roles += [
                        Role(r.title, None, k.country, None, r.start, r.end, source="knowledge")
                        for r in k.roles
                        if r.covers(date)
                    ]
        return Actor(
            id=d.id,
            name=d.name,
            kind=d.kind,
            country=country,
            sector=sector,
            roles=tuple(roles),
            aliases=tuple(d.aliases),
            mentions=tuple(sorted(d.spans, key=lambda s: s.start)),
            notes=tuple(dict.fromkeys(notes)),
        )


_POSS = re.compile(r"(?:['’]s|['’])$")
_INSTITUTION = re.compile(INSTITUTION)
_GENDERED_HONORIFIC = re.compile(r"(Mr|Mrs|Ms|Miss)\b")


def _generic(name: str) -> bool:
    """An organisation name that means something only with its country ("foreign ministry")."""
    return bool(_GENERIC_ORG.match(name) or _INSTITUTION.fullmatch(name))


def _gender(name: str) -> str | None:
    """The gender an honorific states ("Mr." -> "m", "Ms."/"Mrs." -> "f")."""
    m = _GENDERED_HONORIFIC.match(name)
    return None if m is None else ("m" if m.group(1) == "Mr" else "f")
