"""Facts that article text alone does not give: countries, leaders with dates, organisations.

Loaded once from ``data/countries.json``, ``data/cities.json``, ``data/regions.json`` (regions
and towns no country list holds, former names of states), ``data/leaders.json`` and
``data/office_holders.json`` (G20 office holders with their terms; every entry names its public
source). Analysis uses it to *fill* country and sector and to *check*
titles against the article's date, never to override what an article says.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .words import HONORIFIC_PATTERN

__all__ = [
    "Country",
    "Region",
    "KnownRole",
    "KnownPerson",
    "KnownOrg",
    "Knowledge",
    "load_knowledge",
    "name_key",
    "slug",
]

_HONORIFIC = re.compile(rf"^(?:(?:{HONORIFIC_PATTERN}|Madam)\.?\s+)+", re.I)
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
_INITIAL = re.compile(r"(?<!\S)[A-Z]\.(?!\S)\s*")


def name_key(name: str) -> str:
    """Compare person names: no honorific, middle initial, suffix, case or dots.

    "Antony J. Blinken" and "Mr. Antony Blinken" share the key "antony blinken"; a first-name
    initial stays when it is all there is ("S. Jaishankar" -> "jaishankar").
    """
    n = _HONORIFIC.sub("", name.strip())
    n = _SUFFIX.sub("", n)
    n = n.replace("’", "'")
    stripped = _INITIAL.sub("", n).strip()
    n = stripped or n
    return " ".join(n.replace(".", "").lower().split())


_SLUG_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A readable, stable id fragment: lower case, words joined by '-'.
    Remembered: actor ids slug the same few names over and over (~11k calls a 200-article run)."""
    return "-".join(_SLUG_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    titles: tuple[tuple[str, str], ...]  # (category, title), e.g. ("foreign_minister", ...)
    source: str


@dataclass(frozen=True)
class Region:
    """A region, territory or town news names as a party though no country list holds it
    ("Darfur", "Kosovo", "the West Bank"). A region is a party of its own, a town a place that
    stands for its state; ``country`` is the state it lies in or its own code (None: no single
    state); ``as_state`` when event coders code the area by that state's code (the West Bank, PSE)."""

    name: str
    kind: str  # region | town
    country: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    as_state: bool
    source: str


#: Compass words before a country name that still name a part of that country ("Western Kampuchea").
_COMPASS = re.compile(r"^(?:the\s+)?(?:north|south|east|west|central)(?:ern)?(?:[- ]central)?\s+", re.I)


#: Generic words after a region's name ("Kosovo province", "the Darfur region").
_REGION_WORD = re.compile(
    r"\s+(?:province|region|state|district|area|territory|governorate|oblast|republic|enclave|strip)$", re.I
)


@dataclass(frozen=True)
class KnownRole:
    category: str  # head_of_state | head_of_government | foreign | defence | ...
    title: str
    start: str | None
    end: str | None

    def covers(self, date: str) -> bool:
        """Whether the role was held on, or during part of, ``date`` (ISO, possibly partial).

        Dates compare at the shorter precision of the two: a role from 2023-01-20 covers "2023"
        and "2023-01"; one that ended 2023-01-20 covers them too.
        """
        if self.start and date[: len(self.start)] < self.start[: len(date)]:
            return False
        return not (self.end and date[: len(self.end)] > self.end[: len(date)])


@dataclass(frozen=True)
class KnownPerson:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    roles: tuple[KnownRole, ...]
    source: str


@dataclass(frozen=True)
class KnownOrg:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str
    source: str


class Knowledge:
    """Indexes over the knowledge files; every lookup is a dict access."""

    def __init__(
        self,
        countries: list[Country],
        people: list[KnownPerson],
        orgs: list[KnownOrg],
        cities: dict[str, str] | None = None,
        regions: list[Region] | None = None,
    ):
        self.countries = tuple(countries)
        self.regions = tuple(regions or ())
        self._regions: dict[str, Region] = {}
        self._region_demonyms: dict[str, Region] = {}
        for r in self.regions:
            for n in (r.name, *r.aliases):
                self._regions.setdefault(n.lower(), r)
            for d in r.demonyms:
                self._region_demonyms.setdefault(d.lower(), r)
        self.people = tuple(people)
        self.orgs = tuple(orgs)
        self._by_iso = {c.iso3: c for c in countries}
        self._names: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        for c in countries:
            for n in (c.name, *c.aliases):
                # Short all-caps aliases ("US", "UK") match only as written: "us" is a pronoun.
                self._names[n if len(n) <= 3 else n.lower()] = c
                if n.startswith("The "):
                    self._names[n[4:].lower()] = c
            for d in c.demonyms:
                # The same demonym can name two states (Dominican, Congolese): first one wins,
                # and the ambiguity is left to the article's other words.
                self._demonyms.setdefault(d.lower(), c)
                if not d.endswith(("ese", "ss", "sh", "ch", "i")):
                    self._demonyms.setdefault(d.lower() + "s", c)
            for cap in c.capitals:
                self._capitals.setdefault(cap.lower(), c)
        # Cities name a place in a country; unlike capitals they never stand for a government.
        self._cities: dict[str, Country] = dict(self._capitals)
        for city, iso3 in (cities or {}).items():
            if iso3 in self._by_iso:
                self._cities.setdefault(city.lower(), self._by_iso[iso3])
        self._people: dict[str, KnownPerson] = {}
        self._tokens: dict[str, list[KnownPerson]] = {}
        for p in people:
            for n in (p.name, *p.aliases):
                self._people[name_key(n)] = p
            for tok in set(name_key(p.name).split()):
                self._tokens.setdefault(tok, []).append(p)
        self._orgs: dict[str, KnownOrg] = {}
        for o in orgs:
            for n in (o.name, *o.aliases):
                self._orgs[_org_key(n)] = o

    def country(self, text: str) -> Country | None:
        """A country by its name or alias ("U.S.", "the United States", "China")."""
        t = text.strip()
        if t.lower().startswith("the "):
            t = t[4:]
        return self._names.get(t) or (self._names.get(t.lower()) if len(t) > 3 else None)

    def by_iso(self, iso3: str) -> Country | None:
        return self._by_iso.get(iso3)

    def demonym(self, text: str) -> Country | None:
        """A country by its demonym ("Chinese", "Americans")."""
        return self._demonyms.get(text.strip().lower())

    def capital(self, text: str) -> Country | None:
        """A country by its capital ("Beijing", "Washington")."""
        return self._capitals.get(text.strip().lower())

    def city(self, text: str) -> Country | None:
        """The country of a major city or capital ("Geneva" -> Switzerland, "Cali" -> Colombia)."""
        t = text.strip()
        return self._cities.get(t.lower()) or (self._cities.get(t[4:].lower()) if t[:4] == "the " else None)

    def region(self, text: str) -> Region | None:
        """A region, territory or town from data/regions.json ("Darfur", "the West Bank")."""
        t = text.strip()
        if t[:4].lower() == "the ":
            t = t[4:]
        found = self._regions.get(t.lower())
        if found is None and (m := _REGION_WORD.search(t)):  # "Kosovo province", "the Darfur region"
            found = self._regions.get(t[: m.start()].lower())
        return found

    def region_demonym(self, text: str) -> Region | None:
        """A region by its demonym ("Chechen", "Kosovar")."""
        return self._region_demonyms.get(text.strip().lower())

    def part_of(self, text: str) -> Country | None:
        """The country a compass word names part of ("Western Kampuchea", "southern Sudan")."""
        m = _COMPASS.match(text.strip())
        if m is None or self.country(text) is not None or self.region(text) is not None:
            return None  # "North Korea", "South Africa": a country's own name; "Northern Ireland": a region
        return self.country(text.strip()[m.end() :])

    def country_word(self, text: str) -> Country | None:
        """A country named, adjectivised or possessed: "China", "Chinese", "China's"."""
        t = _POSSESSIVE_END.sub("", text.strip())
        return self.country(t) or self.demonym(t)

    def person(self, name: str) -> KnownPerson | None:
        return self._people.get(name_key(name))

    def people_named(self, token: str) -> list[KnownPerson]:
        """Known people one of whose name words is ``token`` ("Wang" -> Wang Yi, Wang Wentao)."""
        return self._tokens.get(token.lower().replace(".", ""), [])

    def org(self, name: str) -> KnownOrg | None:
        return self._orgs.get(_org_key(name))

    def holder(self, iso3: str, category: str, date: str) -> KnownPerson | None:
        """Who held ``category`` for ``iso3`` on ``date``, when exactly one entry says so."""
        found = [
            p
            for p in self.people
            if p.country == iso3 and any(r.category == category and r.covers(date) for r in p.roles)
        ]
        return found[0] if len(found) == 1 else None


_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def _org_key(name: str) -> str:
    """An organisation name as looked up: no leading "the", possessive or dots, lower case.
    Remembered: each article asks for the same few names many times over."""
    n = _LEADING_THE.sub("", name.strip())
    n = _POSSESSIVE_END.sub("", n)
    return " ".join(n.replace(".", "").lower().split())


def _read(name: str) -> dict[str, Any]:
    text = resources.files("storyline.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _people(entries: list[dict[str, Any]]) -> list[KnownPerson]:
    """People by name; a name listed in two files is one person with both files' roles and
    aliases (office_holders.json extends leaders.json), the first file's source first."""
    merged: dict[str, dict[str, Any]] = {}
    for p in entries:
        have = merged.get(p["name"])
        if have is None:
            merged[p["name"]] = {**p, "roles": list(p["roles"]), "aliases": list(p["aliases"])}
            continue
        have["roles"] += [r for r in p["roles"] if r not in have["roles"]]
        have["aliases"] += [a for a in p["aliases"] if a not in have["aliases"]]
        if p["source"] not in have["source"]:
            have["source"] += "; " + p["source"]
    return [
        KnownPerson(
            name=p["name"],
            aliases=tuple(p["aliases"]),
            country=p["country"],
            sector=p["sector"],
            roles=tuple(
                KnownRole(r["category"], r["title"], r["start"] or None, r["end"]) for r in p["roles"]
            ),
            source=p["source"],
        )
        for p in merged.values()
    ]


@cache
def load_knowledge() -> Knowledge:
    """Parse the knowledge files once per process."""
    cdata = _read("countries.json")["countries"]
    countries = [
        Country(
            iso3=c["iso3"],
            name=c["name"],
            aliases=tuple(c["aliases"]),
            demonyms=tuple(c["demonyms"]),
            capitals=tuple(c["capitals"]),
            titles=tuple(sorted(c.get("titles", {}).items())),
            source=c["source"],
        )
        for c in cdata
    ]
    ldata = _read("leaders.json")
    people = _people([*ldata["people"], *_read("office_holders.json")["people"]])
    orgs = [
        KnownOrg(o["name"], tuple(o["aliases"]), o["country"], o["sector"], o["source"])
        for o in ldata["organisations"]
    ]
    cities = {c["name"]: c["country"] for c in _read("cities.json")["cities"]}
    rdata = _read("regions.json")
    regions = [
        Region(
            r["name"],
            r["kind"],
            r["country"],
            tuple(r["aliases"]),
            tuple(r["demonyms"]),
            bool(r.get("as_state", False)),
            r["source"],
        )
        for r in rdata["regions"]
    ]
    return Knowledge(_with_former_names(countries, rdata["former_names"]), people, orgs, cities, regions)


def _with_former_names(countries: list[Country], former: list[dict[str, Any]]) -> list[Country]:
    """Countries with their former names and demonyms ("Zaire", "Zairean") as aliases."""
    extra: dict[str, tuple[list[str], list[str]]] = {}
    for f in former:
        names, dems = extra.setdefault(f["iso3"], ([], []))
        names += [f["name"], *f.get("aliases", ())]
        dems += f.get("demonyms", [])
    out = []
    for c in countries:
        names, dems = extra.get(c.iso3, ([], []))
        out.append(
            replace(c, aliases=(*c.aliases, *names), demonyms=(*c.demonyms, *dems)) if names or dems else c
        )
    return out
