"""The knowledge files: coverage and lookups."""

from __future__ import annotations

import itertools

import pytest

from storyline.knowledge import KnownRole, load_knowledge, name_key


def test_all_un_members_plus_three() -> None:
    assert len({c.iso3 for c in load_knowledge().countries}) == 200


@pytest.mark.parametrize(
    "text,iso",
    [
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("North Korea", "PRK"),
    ],
)
def test_country_names(text: str, iso: str) -> None:
    c = load_knowledge().country(text)
    assert c is not None and c.iso3 == iso


@pytest.mark.parametrize(
    "text,iso", [("Chinese", "CHN"), ("Americans", "USA"), ("Filipino", "PHL"), ("Dutch", "NLD")]
)
def test_demonyms(text: str, iso: str) -> None:
    c = load_knowledge().demonym(text)
    assert c is not None and c.iso3 == iso


@pytest.mark.parametrize(
    "text,iso", [("Beijing", "CHN"), ("Washington", "USA"), ("Kyiv", "UKR"), ("Canberra", "AUS")]
)
def test_capitals(text: str, iso: str) -> None:
    c = load_knowledge().capital(text)
    assert c is not None and c.iso3 == iso


def test_us_is_not_the_pronoun() -> None:
    assert load_knowledge().country("us") is None


@pytest.mark.parametrize(
    "name,key",
    [
        ("Antony J. Blinken", "antony blinken"),
        ("Mr. Blinken", "blinken"),
        ("Lloyd J. Austin III", "lloyd austin"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    "iso,category,date,name",
    [
        ("CHN", "foreign", "2023-06-18", "Qin Gang"),
        ("CHN", "foreign", "2023-09-01", "Wang Yi"),
        ("USA", "defence", "2023-06-18", "Lloyd Austin"),
    ],
)
def test_holder_on_a_date(iso: str, category: str, date: str, name: str) -> None:
    p = load_knowledge().holder(iso, category, date)
    assert p is not None and p.name == name


def test_every_person_and_org_names_a_source() -> None:
    kn = load_knowledge()
    sources = [x.source for x in kn.people] + [x.source for x in kn.orgs] + [x.source for x in kn.countries]
    assert all(s.startswith("Wikipedia: ") for s in sources)


@pytest.mark.parametrize(
    ("start", "end", "date", "expected"),
    [
        ("2023-01-20", None, "2023", True),
        ("2023-01-20", None, "2023-01", True),
        ("2023-01-20", None, "2022-12", False),
        ("2023-01-20", None, "2023-01-19", False),
        ("2023-01-20", "2024-07-01", "2024", True),
        ("2023-01-20", "2024-07-01", "2024-07", True),
        ("2023-01-20", "2024-07-01", "2024-08", False),
        ("2023", None, "2023-06-18", True),
        ("2023-06", "2023-09", "2023-09-30", True),
        ("2023-06", "2023-09", "2023-10-01", False),
    ],
)
def test_role_covers_compares_at_the_shorter_precision(
    start: str, end: str | None, date: str, expected: bool
) -> None:
    assert KnownRole("foreign", "Foreign Minister", start, end).covers(date) is expected


@pytest.mark.parametrize(
    "word,iso3",
    [
        ("Soviet", "SUN"),
        ("USSR", "SUN"),
        ("Yugoslav", "YUG"),
        ("Czechoslovak", "CSK"),
        ("East German", "DDR"),
        ("West German", "DEU"),
        ("German", "DEU"),
    ],
)
def test_historical_states_and_their_demonyms(word: str, iso3: str) -> None:
    c = load_knowledge().country_word(word)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize(
    "city,iso3",
    [
        ("Geneva", "CHE"),
        ("Davos", "CHE"),
        ("Camp David", "USA"),
        ("Cali", "COL"),
        ("Goma", "COD"),
        ("Amman", "JOR"),
    ],
)
def test_cities_gazetteer_gives_the_country(city: str, iso3: str) -> None:
    c = load_knowledge().city(city)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize("city", ["Geneva", "Davos", "Cali"])
def test_a_city_that_is_not_a_capital_is_no_capital(city: str) -> None:
    assert load_knowledge().capital(city) is None


G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
       "MEX", "RUS", "SAU", "TUR", "USA", "ZAF")  # fmt: skip


@pytest.mark.parametrize("iso3", G20)
def test_g20_members_have_their_leaders_and_ministers(iso3: str) -> None:
    """Each G20 state lists a head of state or government, a foreign and a defence minister."""
    kn = load_knowledge()
    held = {r.category for p in kn.people if p.country == iso3 for r in p.roles}
    assert {"foreign"} <= held and ({"head_of_state", "head_of_government"} & held)
    assert iso3 in ("KOR",) or "defence" in held  # South Korea's defence ministers are left out


def test_every_person_names_a_source() -> None:
    assert all(p.source.startswith("Wikipedia: ") for p in load_knowledge().people)


def test_terms_of_one_office_do_not_overlap() -> None:
    """Two holders of one office in one state meet at most on the handover day."""
    kn = load_knowledge()
    terms: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for p in kn.people:
        for r in p.roles:
            if r.category in ("head_of_government", "foreign", "defence") and r.start:
                terms.setdefault((p.country, r.category), []).append((r.start, r.end or "9999", p.name))
    clashes = []
    for key, held in terms.items():
        held.sort()
        for (_, e1, n1), (s2, _, n2) in itertools.pairwise(held):
            if n1 != n2 and s2 < e1[: len(s2)]:
                clashes.append((key, n1, n2))
    assert clashes == []


def test_a_person_in_both_files_has_both_files_roles() -> None:
    """office_holders.json extends leaders.json by name (Mohammed bin Salman: two offices)."""
    mbs = load_knowledge().person("Mohammed bin Salman")
    assert mbs is not None
    assert sorted(r.category for r in mbs.roles) == ["defence", "head_of_government"]
    assert load_knowledge().holder("JPN", "foreign", "2025-01-15") == load_knowledge().person("Takeshi Iwaya")
